package net.qgreenland.ogdc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import net.qgreenland.ogdc.cluster.ArgoGateway;
import net.qgreenland.ogdc.cluster.NodeLog;
import net.qgreenland.ogdc.cluster.WorkflowState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ogdc-action logs WORKFLOW}: the last lines of each failed step's log. */
@Command(
        name = "logs",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Prints the last lines of the log of every failed step (pod) of a workflow.",
        footer = {"", "Exit codes: 0 printed (or nothing failed), 1 the workflow does not exist, 2 usage error, 4 the "
                + "cluster could not be used."})
final class LogsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "WORKFLOW", description = "The workflow's name, e.g. seal-tags-shell-x7k2p.")
    String name;

    @Option(names = "--lines", paramLabel = "N", description = "Lines per failed step (default: ${DEFAULT-VALUE}).",
            defaultValue = "50")
    int lines;

    @Mixin
    ArgoConnectionOptions connection;

    private final Path workingDirectory;
    private final Map<String, String> env;

    LogsCommand(Path workingDirectory, Map<String, String> env) {
        this.workingDirectory = workingDirectory;
        this.env = Map.copyOf(env);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (lines < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--lines must be at least 1");
        }
        try (ArgoGateway gateway = StatusCommand.openCluster(connection, spec, env, workingDirectory, err)) {
            var state = gateway.findByName(name);
            if (state.isEmpty()) {
                out.println(name + ": not found in namespace " + gateway.namespace());
                return ExitCode.FAILED.code();
            }
            WorkflowState workflow = state.get();
            out.println(StatusCommand.describe(workflow));
            List<NodeLog> logs = gateway.failedNodeLogs(workflow, lines);
            if (logs.isEmpty()) {
                out.println("No step of " + name + " failed.");
            }
            for (NodeLog log : logs) {
                out.println("== " + log.node() + " (pod " + log.podName() + ")");
                log.problem().ifPresent(problem -> out.println("log unavailable: " + problem));
                log.lines().forEach(out::println);
            }
            out.flush();
            return ExitCode.OK.code();
        }
    }
}
