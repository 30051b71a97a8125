package net.qgreenland.ogdc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import net.qgreenland.ogdc.cluster.ArgoGateway;
import net.qgreenland.ogdc.cluster.ArgoMode;
import net.qgreenland.ogdc.cluster.WorkflowState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ogdc-action status WORKFLOW...}: each workflow's phase, progress, times and message. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Prints the phase, progress (finished/all pods), start and end, and Argo's message of each "
                + "workflow, as the Python CLI's check-workflow-status does.",
        footer = {"", "Exit codes: 0 every workflow found, 1 a workflow does not exist, 2 usage error, 4 the cluster "
                + "could not be used."})
final class StatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "WORKFLOW", arity = "1..*", description = "Workflow names, e.g. seal-tags-shell-x7k2p.")
    List<String> names = new ArrayList<>();

    @Mixin
    ArgoConnectionOptions connection;

    private final Path workingDirectory;
    private final Map<String, String> env;

    StatusCommand(Path workingDirectory, Map<String, String> env) {
        this.workingDirectory = workingDirectory;
        this.env = Map.copyOf(env);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (ArgoGateway gateway = openCluster(connection, spec, env, workingDirectory, err)) {
            boolean allFound = true;
            for (String name : names) {
                Optional<WorkflowState> state = gateway.findByName(name);
                if (state.isEmpty()) {
                    allFound = false;
                    out.println(name + ": not found in namespace " + gateway.namespace());
                    continue;
                }
                out.println(describe(state.get()));
            }
            out.flush();
            return allFound ? ExitCode.OK.code() : ExitCode.FAILED.code();
        }
    }

    /** {@code name: Running 3/10, started 2026-11-21T10:00:05Z (pods: 3 Succeeded, 2 Running)}. */
    static String describe(WorkflowState state) {
        StringBuilder line = new StringBuilder(state.name()).append(": ").append(state.phase().argoName());
        state.progress().ifPresent(p -> line.append(' ').append(p));
        state.startedAt().ifPresent(t -> line.append(", started ").append(t));
        state.finishedAt().ifPresent(t -> line.append(", finished ").append(t));
        if (!state.podCounts().isEmpty()) {
            line.append(" (pods: ").append(state.podCounts().entrySet().stream()
                    .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "))).append(')');
        }
        state.message().ifPresent(m -> line.append(": ").append(m));
        return line.toString();
    }

    /**
     * The gateway to a real cluster.
     *
     * @throws ParameterException when the settings come to a dry run, which has no workflows to look at
     */
    static ArgoGateway openCluster(ArgoConnectionOptions connection, CommandSpec spec, Map<String, String> env,
            Path workingDirectory, PrintWriter err) {
        connection.maskToken(env, err);
        if (connection.choose(env).mode() == ArgoMode.DRY_RUN) {
            throw new ParameterException(spec.commandLine(), spec.name() + " needs a cluster: give --argo-server URL"
                    + " (or $" + ArgoConnectionOptions.SERVER_VARIABLE + "), or run where a kubeconfig or an "
                    + "in-cluster service account is available");
        }
        return connection.open(env, workingDirectory, err, line -> {
            err.println(line);
            err.flush();
        });
    }
}
