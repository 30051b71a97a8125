package net.qgreenland.ogdc.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.qgreenland.ogdc.cli.Main;

/** One in-process run of {@code ogdc-action task ...} through {@link Main#run}: exit code and what it printed. */
record TaskRun(int exitCode, String out, String err) {

    static TaskRun of(String... args) {
        return withEnv(Map.of(), args);
    }

    static TaskRun withEnv(Map<String, String> env, String... args) {
        List<String> all = new ArrayList<>(List.of("task"));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), env, all.toArray(String[]::new));
        return new TaskRun(code, out.toString(), err.toString());
    }

    /** Asserts the run succeeded, showing what it printed if not. */
    TaskRun succeeded() {
        assertThat(exitCode).as(err).isZero();
        assertThat(err).doesNotContain("\tat ");
        return this;
    }

    /** Asserts the run failed with exit code 1 and exactly one line {@code <prefix>: <message>} as its last line. */
    TaskRun failedWith(String command, String message) {
        assertThat(exitCode).as(err).isEqualTo(1);
        assertThat(err).doesNotContain("\tat ", "internal error");
        List<String> lines = err.lines().toList();
        assertThat(lines.get(lines.size() - 1)).isEqualTo("ogdc-action task " + command + ": " + message);
        return this;
    }

    /** Asserts a usage error (exit code 2) whose message contains {@code message}. */
    TaskRun usageError(String message) {
        assertThat(exitCode).as(err).isEqualTo(2);
        assertThat(err).contains(message).doesNotContain("\tat ");
        return this;
    }

    /** The stderr lines. */
    List<String> errLines() {
        return err.lines().toList();
    }
}
