package net.qgreenland.ogdc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import net.qgreenland.ogdc.action.ActionEnvironment;
import net.qgreenland.ogdc.cluster.ArgoGateway;
import net.qgreenland.ogdc.git.ChangeScope;
import net.qgreenland.ogdc.git.GitChanges;
import net.qgreenland.ogdc.git.JGitChanges;
import net.qgreenland.ogdc.plan.PlanRenderer;
import net.qgreenland.ogdc.plan.RunPlan;
import net.qgreenland.ogdc.plan.RunPlanner;
import net.qgreenland.ogdc.run.PlanEstimator;
import net.qgreenland.ogdc.run.RunPlanAssembler;
import net.qgreenland.ogdc.translate.RecipeTranslator;
import net.qgreenland.ogdc.translate.TranslationSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ogdc-action plan}: which recipes a change would run, validate only or remove, why, and what would be
 * submitted for each, read from the repository's history (never from uncommitted files).
 */
@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Shows what a change would do, without submitting anything: per recipe run / validate only / removed / "
                    + "invalid, the changed paths that caused it, the workflows that would be submitted, and a "
                    + "pre-flight estimate of each run (inputs, partitions, pods per stage, pod-hours, wall time).",
            "Choose the change with --base and --head, or --all / --recipes at --head (default HEAD). Inside "
                    + "GitHub Actions, with none of these, the event decides (see the README's table of base and "
                    + "head per event). Recipes are read as the head commit has them."
        },
        footer = {"", "Exit codes: 0 nothing selected is invalid, 1 a selected recipe is invalid, "
                + "2 usage error (bad option, unknown commit or recipe)."})
final class PlanCommand implements Callable<Integer> {

    /** How {@code plan} prints the plan. */
    enum Format {
        text,
        json,
        markdown
    }

    @Spec
    CommandSpec spec;

    @Mixin
    ChangeOptions change;

    @Option(names = "--overwrite", description = "Plan a run that replaces earlier results (remove-existing-data "
            + "instead of check-published).")
    boolean overwrite;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Mixin
    ClusterPolicyOptions policy;

    @Mixin
    EstimateOptions estimate;

    @Mixin
    ArgoConnectionOptions connection;

    private final Path workingDirectory;
    private final Map<String, String> env;

    PlanCommand(Path workingDirectory, Map<String, String> env) {
        this.workingDirectory = workingDirectory;
        this.env = Map.copyOf(env);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ActionEnvironment action = ActionEnvironment.from(env);
        Optional<String> token = change.token(action);
        if (action.isGitHubActions()) {
            token.ifPresent(value -> err.println("::add-mask::" + value));
        }
        change.requireOneChoice(action);
        TranslationSettings settings = policy.translationSettings(env);
        RecipeTranslator translator = new RecipeTranslator(settings);
        RunPlanner planner = new RunPlanner(translator, overwrite, policy.allowlist(env));
        Consumer<String> log = line -> {
            err.println(line);
            err.flush();
        };
        EstimateOptions.Mode mode = estimate.mode(env);
        connection.maskToken(env, err);
        RunPlan plan;
        Optional<ArgoGateway> cluster = Optional.empty();
        try (GitChanges git = JGitChanges.open(change.repositoryDirectory(action, workingDirectory), token,
                change.compare(action, token), log)) {
            ChangeScope scope = change.scope(git, action, log);
            log.accept("plan: " + scope.description());
            cluster = estimate.historyCluster(mode, connection, env, workingDirectory, log);
            Optional<PlanEstimator> estimator = estimate.estimator(mode, settings, translator,
                    EstimateOptions.history(mode, cluster, log), log);
            plan = new RunPlanAssembler(git, change.rules(action), planner, log, estimator).assemble(scope);
        } finally {
            cluster.ifPresent(ArgoGateway::close);
        }
        out.print(switch (format) {
            case json -> PlanRenderer.json(plan);
            case markdown -> PlanRenderer.markdown(plan);
            case text -> PlanRenderer.text(plan);
        });
        out.flush();
        return plan.hasInvalid() ? ExitCode.FAILED.code() : ExitCode.OK.code();
    }
}
