package net.qgreenland.ogdc.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import net.qgreenland.ogdc.action.ActionEnvironment;
import net.qgreenland.ogdc.action.WorkflowCommands;
import net.qgreenland.ogdc.cluster.ClusterException;
import net.qgreenland.ogdc.git.GitException;
import net.qgreenland.ogdc.task.TaskCommand;
import net.qgreenland.ogdc.task.TaskFailure;
import net.qgreenland.ogdc.workspace.WorkspaceException;
import picocli.CommandLine;

/**
 * The program's entry point, and the one place that maps outcomes and exceptions to exit codes
 * ({@link ExitCode}). Tests call {@link #run} in-process.
 */
public final class Main {

    /** Set (to anything) to print stack traces of internal errors. */
    static final String DEBUG_VARIABLE = "OGDC_DEBUG";

    private Main() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = run(out, err, System.getenv(), args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * Runs the command line {@code args} with the environment {@code env}, writing to {@code out} and
     * {@code err}, and returns the exit code.
     */
    public static int run(PrintWriter out, PrintWriter err, Map<String, String> env, String... args) {
        Path workingDirectory = Path.of("").toAbsolutePath();
        CommandLine commandLine = new CommandLine(new OgdcActionCommand())
                .addSubcommand(new ValidateCommand(workingDirectory, env))
                .addSubcommand(new RenderCommand(workingDirectory, env))
                .addSubcommand(new PlanCommand(workingDirectory, env))
                .addSubcommand(new RunCommand(workingDirectory, env))
                .addSubcommand(new SyncCommand(workingDirectory, env))
                .addSubcommand(new SubmitCommand(workingDirectory, env))
                .addSubcommand(new StatusCommand(workingDirectory, env))
                .addSubcommand(new LogsCommand(workingDirectory, env))
                .addSubcommand(new TaskCommand(env))
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, cmd, parseResult) -> exitCodeFor(e, cmd, env));
        CommandLine.IParameterExceptionHandler usage = commandLine.getParameterExceptionHandler();
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            summarizeStop(e.getCommandLine(), env, e.getMessage());
            return usage.handleParseException(e, arguments);
        });
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** Reports {@code e}, thrown by {@code command}, on its error stream and returns the exit code for it. */
    static int exitCodeFor(Exception e, CommandLine command, Map<String, String> env) {
        PrintWriter err = command.getErr();
        if (e instanceof TaskFailure) {
            err.println(command.getCommandSpec().qualifiedName() + ": " + e.getMessage());
            return ExitCode.FAILED.code();
        }
        if (e instanceof ClusterException) {
            err.println("ogdc-action " + command.getCommandName() + ": " + e.getMessage());
            summarizeStop(command, env, e.getMessage());
            return ExitCode.CLUSTER.code();
        }
        if (e instanceof WorkspaceException || e instanceof GitException) {
            err.println("ogdc-action " + command.getCommandName() + ": " + e.getMessage());
            summarizeStop(command, env, e.getMessage());
            return ExitCode.USAGE.code();
        }
        summarizeStop(command, env, "internal error: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        err.println("ogdc-action " + command.getCommandName() + ": internal error: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        if (env.containsKey(DEBUG_VARIABLE)) {
            e.printStackTrace(err);
        } else {
            err.println("Set " + DEBUG_VARIABLE + "=1 to see the stack trace, and please report this.");
        }
        return ExitCode.INTERNAL.code();
    }

    /**
     * As a step of GitHub Actions, says why {@code command} stopped where people look: an error annotation and the
     * job summary, the message in a code block (it may quote a comment's text).
     */
    private static void summarizeStop(CommandLine command, Map<String, String> env, String message) {
        ActionEnvironment action = ActionEnvironment.from(env);
        if (!action.isGitHubActions()) {
            return;
        }
        WorkflowCommands commands = WorkflowCommands.of(command.getOut(), action);
        String name = "ogdc-action " + command.getCommandName();
        commands.annotate("error", name, message);
        int longestRun = java.util.Arrays.stream(message.split("[^`]+")).mapToInt(String::length).max().orElse(0);
        String fence = "`".repeat(Math.max(3, longestRun + 1));
        commands.appendSummary("### " + name + " stopped\n\n" + fence + "text\n" + message + "\n" + fence + "\n");
    }
}
