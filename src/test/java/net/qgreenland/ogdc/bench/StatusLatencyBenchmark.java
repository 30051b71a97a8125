package net.qgreenland.ogdc.bench;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.qgreenland.ogdc.cli.Main;

/**
 * Status latency end to end: from a workflow's phase change on the (stub) Argo Server to the check run's completing
 * update arriving at the (stub) GitHub, for {@code run} on a pull request of one recipe, with the server's event
 * stream and with a server that cannot stream (the watch polls the list from 2 s, doubling); the baseline in the same
 * run is the hand-written script of {@link EndToEndBenchmark} (GET every 5 s, then post a comment), measured to its
 * comment. Both stubs add 50 ms to every request; the workflow finishes 1 s after submission. Not a test: prints a
 * Markdown table and writes it to {@code target/bench/status-latency.md}. Argument: {@code [runs, default 5]}.
 */
public final class StatusLatencyBenchmark {

    private StatusLatencyBenchmark() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        String table = measure(runs);
        System.out.print(table);
        Path out = Path.of("target/bench/status-latency.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
    }

    static String measure(int runs) throws Exception {
        Path temp = Files.createTempDirectory("ogdc-latency-bench-");
        try (ActionFixture fixture = new ActionFixture(temp, EndToEndBenchmark.DELAY_MILLIS)) {
            ActionFixture.Change change = fixture.repository("repo", 1, 1);
            latency(fixture, change, true);
            long[] naive = new long[runs];
            long[] stream = new long[runs];
            long[] polling = new long[runs];
            for (int i = 0; i < runs; i++) {
                naive[i] = naive(fixture);
                stream[i] = latency(fixture, change, true);
                polling[i] = latency(fixture, change, false);
                System.err.printf("run %d: naive %d ms, event stream %d ms, list polling %d ms%n", i + 1,
                        naive[i] / 1000, stream[i] / 1000, polling[i] / 1000);
            }
            List<String> rows = new ArrayList<>();
            rows.add("| case | runs | median ms | min ms | max ms | vs. baseline |");
            rows.add("|---|---:|---:|---:|---:|---:|");
            rows.add(Measurements.row("script: GET every 5 s, then post a comment (baseline)", naive, naive));
            rows.add(Measurements.row("`run`, Argo Server event stream -> check run completed", stream, naive));
            rows.add(Measurements.row("`run`, server without event stream (list polling from 2 s, doubling) ->"
                    + " check run completed", polling, naive));
            String header = "status latency benchmark: phase change on the stub Argo Server to the report arriving at"
                    + " the stub GitHub (check run completed; the script's comment); pull request of 1 recipe;"
                    + " both stubs add " + EndToEndBenchmark.DELAY_MILLIS + " ms per request; the workflow finishes "
                    + EndToEndBenchmark.FINISH_MILLIS + " ms after submission; " + runs + " runs each, interleaved,"
                    + " after one warm-up; " + Runtime.getRuntime().availableProcessors() + " cores; java "
                    + System.getProperty("java.version") + "\n\n";
            return header + String.join("\n", rows) + "\n";
        } finally {
            Measurements.deleteRecursively(temp);
        }
    }

    /** Microseconds from the workflow's flip to the completing check-run update reaching GitHub. */
    static long latency(ActionFixture fixture, ActionFixture.Change change, boolean streaming) throws Exception {
        try (SlowArgoServer argo = streaming
                ? SlowArgoServer.start(EndToEndBenchmark.DELAY_MILLIS, EndToEndBenchmark.FINISH_MILLIS)
                : SlowArgoServer.withoutEventStream(EndToEndBenchmark.DELAY_MILLIS, EndToEndBenchmark.FINISH_MILLIS)) {
            fixture.resetGitHub();
            Map<String, String> env = fixture.environment("pull_request", change, ActionFixture.argoServer(argo.url()));
            StringWriter err = new StringWriter();
            int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), env, "run");
            if (code != 0 || argo.finishedAt.size() != 1) {
                throw new IllegalStateException("the run did not go as benchmarked: exit " + code + "\n" + err);
            }
            long flipped = argo.finishedAt.values().iterator().next();
            long reported = fixture.github.getAllServeEvents().stream()
                    .filter(e -> e.getRequest().getMethod().getName().equals("PATCH")
                            && e.getRequest().getUrl().contains("/check-runs/")
                            && e.getRequest().getBodyAsString().contains("\"completed\""))
                    .mapToLong(e -> e.getRequest().getLoggedDate().getTime()).min()
                    .orElseThrow(() -> new IllegalStateException("no completing check-run update"));
            return (reported - flipped) * 1000;
        }
    }

    /** Microseconds from the workflow's flip to the script's comment reaching GitHub. */
    static long naive(ActionFixture fixture) throws Exception {
        // the script runs against a server of its own, so the flip time read here is its workflow's
        EndToEndBenchmark.Sample sample = EndToEndBenchmark.naive(fixture, 1);
        long flipped = sample.finishedAt();
        long reported = fixture.github.getAllServeEvents().stream().filter(StatusLatencyBenchmark::isComment)
                .mapToLong(e -> e.getRequest().getLoggedDate().getTime()).max().orElseThrow();
        return (reported - flipped) * 1000;
    }

    private static boolean isComment(ServeEvent event) {
        return event.getRequest().getMethod().getName().equals("POST")
                && event.getRequest().getUrl().contains("/comments");
    }
}
