package net.qgreenland.ogdc.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** One in-process run of the CLI: its exit code and everything it printed. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        return withEnv(Map.of(), args);
    }

    static CliRun withEnv(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), env, args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
