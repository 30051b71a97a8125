package net.qgreenland.ogdc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import net.qgreenland.ogdc.task.TaskCommand;
import net.qgreenland.ogdc.task.TaskFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** The command line as a whole: help, version, usage errors and the mapping of failures to exit codes. */
class MainTest {

    @Test
    void helpListsTheCommandsAndExitCodes() {
        CliRun run = CliRun.of("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: ogdc-action", "validate", "task", "Exit codes:", "2  usage error");
    }

    @Test
    void syncHelpSaysWhatItDoesWhatItNeedsAndItsExitCodes() {
        CliRun run = CliRun.of("sync", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: ogdc-action sync", "outlived the job", "--repository=OWNER/NAME",
                "--kubeconfig=FILE", "without, it lists", "Exit codes: 0 done (or listed), 1 a check run");
    }

    @Test
    void versionComesFromTheBuild() {
        CliRun run = CliRun.of("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip()).matches("ogdc-action \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    @ParameterizedTest(name = "{0} is a usage error")
    @CsvSource(delimiter = '|', value = {
        "'' | Missing command: choose one of validate, render, plan, run, sync, submit, status, logs, task",
        "--frobnicate                 | Unknown option: '--frobnicate'",
        "validate --format xml        | Invalid value for option '--format'",
        "validate --recipes-root ../x | --recipes-root must be a directory inside the repository",
        "validate does-not-exist      | ogdc-action validate: 'does-not-exist' does not exist",
    })
    void usageErrorsExitWith2AndSayWhatIsWrong(String args, String message) {
        CliRun run = CliRun.of(args.isBlank() ? new String[0] : args.split(" "));

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(run.err()).contains(message);
        assertThat(run.err()).doesNotContain("at net.qgreenland", "Exception");
    }

    @Test
    void aTaskFailureIsADataProblemReportedOnOneLine() {
        StringWriter err = new StringWriter();
        CommandLine program = new CommandLine(new OgdcActionCommand()).addSubcommand(new TaskCommand(Map.of()))
                .setErr(new PrintWriter(err, true));
        CommandLine list = program.getSubcommands().get("task").getSubcommands().get("list-pvc-files");

        int code = Main.exitCodeFor(new TaskFailure("PVC input path is not a directory: /mnt/data/x/y"), list,
                Map.of());

        assertThat(code).isEqualTo(ExitCode.FAILED.code());
        assertThat(err.toString()).isEqualTo("ogdc-action task list-pvc-files: PVC input path is not a directory: "
                + "/mnt/data/x/y" + System.lineSeparator());
    }

    @Test
    void anUnexpectedExceptionIsAnInternalErrorWithoutStackTrace() {
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new Failing()).setErr(new PrintWriter(err, true));

        int code = Main.exitCodeFor(new IllegalStateException("boom"), command, Map.of());

        assertThat(code).isEqualTo(ExitCode.INTERNAL.code());
        assertThat(err.toString()).contains("internal error: IllegalStateException: boom", "OGDC_DEBUG=1")
                .doesNotContain("\tat ");
    }

    @Test
    void withDebugSetAnInternalErrorShowsItsStackTrace() {
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new Failing()).setErr(new PrintWriter(err, true));

        Main.exitCodeFor(new IllegalStateException("boom"), command, Map.of("OGDC_DEBUG", "1"));

        assertThat(err.toString()).contains("\tat ");
    }

    @CommandLine.Command(name = "failing")
    static final class Failing implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("boom");
        }
    }
}
