package net.qgreenland.ogdc.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import net.qgreenland.ogdc.action.ActionEnvironment;
import net.qgreenland.ogdc.cluster.ArgoGateway;
import net.qgreenland.ogdc.cluster.ArgoMode;
import net.qgreenland.ogdc.cluster.ClusterException;
import net.qgreenland.ogdc.estimate.EstimateDefaults;
import net.qgreenland.ogdc.estimate.RecipeEstimator;
import net.qgreenland.ogdc.inputs.HttpInputProbe;
import net.qgreenland.ogdc.inputs.InputProbe;
import net.qgreenland.ogdc.run.ArgoRunHistory;
import net.qgreenland.ogdc.run.PlanEstimator;
import net.qgreenland.ogdc.run.RunHistory;
import net.qgreenland.ogdc.translate.RecipeTranslator;
import net.qgreenland.ogdc.translate.TranslationSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The pre-flight estimate's options, which {@code plan} and {@code run} share: whether to estimate, and whether input
 * sizes may be looked up over the network. Flag, then input {@code estimate}, then {@code OGDC_ESTIMATE}.
 */
final class EstimateOptions {

    static final String INPUT = "estimate";
    static final String VARIABLE = "OGDC_ESTIMATE";

    /** How much the estimate may look up. */
    enum Mode {
        /** Input sizes (HEAD requests, the DataONE index) and earlier runs in the cluster. */
        FULL,
        /** Nothing over the network for input sizes; {@code plan} does not ask a cluster either. */
        OFFLINE,
        /** No estimate. */
        NONE
    }

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--offline", description = "Estimate without looking input sizes up (no HEAD requests, no DataONE "
            + "query; plan asks no cluster for earlier runs either): input " + INPUT + ": offline, $" + VARIABLE + ".")
    boolean offline;

    @Option(names = "--no-estimate", description = "Make no pre-flight estimate (input " + INPUT + ": none).")
    boolean noEstimate;

    /**
     * The mode: the flags, else input {@code estimate} or {@code OGDC_ESTIMATE} ({@code full}, {@code offline},
     * {@code none}), else full.
     *
     * @throws ParameterException for another value
     */
    Mode mode(Map<String, String> env) {
        if (noEstimate) {
            return Mode.NONE;
        }
        if (offline) {
            return Mode.OFFLINE;
        }
        String value = ActionEnvironment.from(env).resolve(Optional.empty(), INPUT, VARIABLE, "full").strip()
                .toLowerCase(Locale.ROOT);
        switch (value) {
            case "full":
            case "true":
                return Mode.FULL;
            case "offline":
                return Mode.OFFLINE;
            case "none":
            case "false":
                return Mode.NONE;
            default:
                throw new ParameterException(spec.commandLine(), INPUT + " must be full, offline or none, got '"
                        + value + "'");
        }
    }

    /** The estimator of {@code mode}, learning from {@code history}; empty for {@link Mode#NONE}. */
    Optional<PlanEstimator> estimator(Mode mode, TranslationSettings settings, RecipeTranslator translator,
            RunHistory history, Consumer<String> log) {
        if (mode == Mode.NONE) {
            return Optional.empty();
        }
        InputProbe probe = mode == Mode.OFFLINE ? InputProbe.offline() : HttpInputProbe.create(
                HttpInputProbe.client(HttpInputProbe.Limits.DEFAULT), dataoneNode(settings),
                HttpInputProbe.Limits.DEFAULT, Clock.systemUTC());
        return Optional.of(new PlanEstimator(translator, probe, history, new RecipeEstimator(
                EstimateDefaults.STANDARD), log));
    }

    /**
     * For {@code plan}: the cluster holding earlier runs, when the estimate may look and one is configured (a dry
     * run has none). A cluster that cannot be reached leaves the estimate to its defaults.
     */
    Optional<ArgoGateway> historyCluster(Mode mode, ArgoConnectionOptions connection, Map<String, String> env,
            Path workingDirectory, Consumer<String> log) {
        if (mode != Mode.FULL || connection.choose(env).mode() == ArgoMode.DRY_RUN) {
            return Optional.empty();
        }
        try {
            // open() says where workflows would go; plan submits nothing, so that line is dropped
            ArgoGateway gateway = connection.open(env, workingDirectory, new PrintWriter(new StringWriter()), log);
            log.accept("estimate: earlier runs from " + gateway.describe());
            return Optional.of(gateway);
        } catch (ClusterException e) {
            log.accept("warning: no earlier runs for the estimate: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** The history {@code plan} reads: the cluster's, or none and why. */
    static RunHistory history(Mode mode, Optional<ArgoGateway> cluster, Consumer<String> log) {
        if (cluster.isPresent()) {
            return new ArgoRunHistory(cluster.get(), log);
        }
        return RunHistory.none(mode == Mode.OFFLINE ? "earlier runs not looked up (offline)"
                : "no cluster to read earlier runs from");
    }

    private static Optional<URI> dataoneNode(TranslationSettings settings) {
        try {
            return settings.dataoneNodeUrl().map(URI::create);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
