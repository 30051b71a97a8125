package net.qgreenland.ogdc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.qgreenland.ogdc.cli.Main;

/**
 * {@code ogdc-action run} end to end for a pull request that changes R = 1, 10 and 100 recipes, against a WireMock
 * GitHub and a stub Argo Server ({@link SlowArgoServer}) that both add 50 ms to every request, with workflows that
 * finish 1 s after submission. The baseline, in the same run, is what a hand-written script does: for each recipe in
 * turn submit, poll every 5 s until done, post a comment. Not a test: prints a Markdown table and writes it to
 * {@code target/bench/end-to-end.md}.
 *
 * <p>Arguments: {@code [runs per R, default 3] [largest R the baseline is measured at, default 10]}. The baseline
 * takes about 5 s per recipe, so above that R its time is R times its measured time per recipe at the largest
 * measured R (its requests are counted the same way), and the row says so.
 */
public final class EndToEndBenchmark {

    static final int DELAY_MILLIS = 50;
    static final int FINISH_MILLIS = 1000;
    static final int[] SIZES = {1, 10, 100};
    private static final ObjectMapper JSON = new ObjectMapper();

    private EndToEndBenchmark() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int naiveUpTo = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        String table = measure(runs, naiveUpTo);
        System.out.print(table);
        Path out = Path.of("target/bench/end-to-end.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
    }

    /** One measured {@code run}: wall time and the requests each server received. */
    record Sample(long micros, int github, int argo, int code, String kinds, long finishedAt) {}

    static String measure(int runs, int naiveUpTo) throws Exception {
        Path temp = Files.createTempDirectory("ogdc-e2e-bench-");
        List<String> rows = new ArrayList<>();
        rows.add("| R | ogdc-action `run` median s | min s | max s | same, `github-writes-per-minute: 0` median s"
                + " | GitHub requests | target 2R + 3 | GitHub requests one after another x " + DELAY_MILLIS
                + " ms, s | Argo requests | naive script s | naive GitHub requests | naive Argo requests"
                + " | naive / ogdc-action |");
        rows.add("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        String kinds = "";
        double naivePerRecipe = 0;
        double naiveArgoPerRecipe = 0;
        List<Double> medians = new ArrayList<>();
        List<Double> unpacedMedians = new ArrayList<>();
        try (ActionFixture fixture = new ActionFixture(temp, DELAY_MILLIS)) {
            // one unreported run first, so the rows compare steady-state runs (the cold start is item 5)
            run(fixture, fixture.repository("warm-up", 1, 1));
            for (int r : SIZES) {
                ActionFixture.Change change = fixture.repository("repo-" + r, r, r);
                long[] micros = new long[runs];
                Sample last = null;
                for (int i = 0; i < runs; i++) {
                    last = run(fixture, change);
                    micros[i] = last.micros();
                    System.err.printf(Locale.ROOT, "R=%d run %d: %.2f s, %d GitHub, %d Argo requests, exit %d%n",
                            r, i + 1, last.micros() / 1e6, last.github(), last.argo(), last.code());
                }
                kinds = last.kinds();
                long[] unpaced = new long[runs];
                for (int i = 0; i < runs; i++) {
                    Sample free = run(fixture, change, Map.of("INPUT_GITHUB-WRITES-PER-MINUTE", "0"));
                    unpaced[i] = free.micros();
                    System.err.printf(Locale.ROOT, "R=%d run %d without a write pace: %.2f s, %d GitHub requests%n",
                            r, i + 1, free.micros() / 1e6, free.github());
                }
                double median = Measurements.median(micros) / 1e6;
                unpacedMedians.add(Measurements.median(unpaced) / 1e6);
                medians.add(median);
                String naive;
                if (r <= naiveUpTo) {
                    Sample script = naive(fixture, r);
                    naivePerRecipe = script.micros() / 1e6 / r;
                    naiveArgoPerRecipe = (double) script.argo() / r;
                    System.err.printf(Locale.ROOT, "R=%d naive: %.2f s, %d GitHub, %d Argo requests%n", r,
                            script.micros() / 1e6, script.github(), script.argo());
                    naive = String.format(Locale.ROOT, "%.2f | %d | %d | %.1fx", script.micros() / 1e6,
                            script.github(), script.argo(), script.micros() / 1e6 / median);
                } else {
                    naive = String.format(Locale.ROOT, "%.0f (computed: %d x %.2f s) | %d | %.0f | %.1fx",
                            r * naivePerRecipe, r, naivePerRecipe, r, r * naiveArgoPerRecipe,
                            r * naivePerRecipe / median);
                }
                rows.add(String.format(Locale.ROOT, "| %d | %.2f | %.2f | %.2f | %.2f | %d | %d | %.2f | %d | %s |",
                        r, median, Measurements.min(micros) / 1e6, Measurements.max(micros) / 1e6,
                        Measurements.median(unpaced) / 1e6, last.github(), 2 * r + 3,
                        last.github() * DELAY_MILLIS / 1000.0, last.argo(), naive));
            }
        } finally {
            Measurements.deleteRecursively(temp);
        }
        String header = "end-to-end benchmark: `run` on a pull_request changing R recipes (mode argo-server); stub GitHub"
                + " (WireMock) and stub Argo Server both add " + DELAY_MILLIS + " ms to every request; workflows"
                + " finish " + FINISH_MILLIS + " ms after submission; " + runs + " runs per R after one warm-up run,"
                + " in one JVM; naive script: for each recipe submit, GET every 5 s until done, post a comment; "
                + Runtime.getRuntime().availableProcessors() + " cores; java " + System.getProperty("java.version")
                + "\n" + String.format(Locale.ROOT, "wall time R=100 / R=1: %.2fx; without the write pace %.2fx"
                        + " (target <= 2x)", medians.get(medians.size() - 1) / medians.get(0),
                        unpacedMedians.get(unpacedMedians.size() - 1) / unpacedMedians.get(0)) + "\n"
                + "requests at R=" + SIZES[SIZES.length - 1] + ": " + kinds + "\n\n";
        return header + String.join("\n", rows) + "\n";
    }

    /** {@code Main.run} as the action, against a fresh stub Argo Server; GitHub's request log is reset first. */
    static Sample run(ActionFixture fixture, ActionFixture.Change change) throws Exception {
        return run(fixture, change, Map.of());
    }

    /** As {@link #run(ActionFixture, ActionFixture.Change)}, with more action inputs. */
    static Sample run(ActionFixture fixture, ActionFixture.Change change, Map<String, String> inputs)
            throws Exception {
        try (SlowArgoServer argo = SlowArgoServer.start(DELAY_MILLIS, FINISH_MILLIS)) {
            fixture.resetGitHub();
            Map<String, String> all = new java.util.HashMap<>(ActionFixture.argoServer(argo.url()));
            all.putAll(inputs);
            Map<String, String> env = fixture.environment("pull_request", change, all);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            long start = System.nanoTime();
            int code = Main.run(new PrintWriter(out), new PrintWriter(err), env, "run");
            long micros = (System.nanoTime() - start) / 1000;
            if (code != 0 || !argo.unknown.isEmpty() || fixture.githubUnmatched() > 0) {
                throw new IllegalStateException("the run did not go as benchmarked: exit " + code + ", Argo 404s "
                        + argo.unknown + ", unmatched GitHub requests " + fixture.githubUnmatched() + "\n" + err);
            }
            return new Sample(micros, fixture.githubRequests(), argo.requests.get(), code, "GitHub "
                    + fixture.githubByKind() + "; Argo " + argo.byKind, 0);
        }
    }

    /**
     * What a hand-written script does, one recipe at a time: submit its workflow, GET it every 5 s until it is done,
     * then post a comment on the pull request.
     */
    static Sample naive(ActionFixture fixture, int recipes) throws Exception {
        try (SlowArgoServer argo = SlowArgoServer.start(DELAY_MILLIS, FINISH_MILLIS)) {
            fixture.resetGitHub();
            HttpClient client = HttpClient.newHttpClient();
            long start = System.nanoTime();
            for (int r = 0; r < recipes; r++) {
                ObjectNode body = JSON.createObjectNode();
                ObjectNode workflow = body.putObject("workflow");
                workflow.putObject("metadata").put("generateName", String.format("r%04d-shell-", r))
                        .putObject("labels").put("ogdc/recipe-id", String.format("r%04d", r));
                workflow.putObject("spec").put("entrypoint", "main");
                JsonNode created = JSON.readTree(send(client, "POST", argo.url() + "/api/v1/workflows/"
                        + SlowArgoServer.NAMESPACE, body.toString()));
                String name = created.path("metadata").path("name").asText();
                String phase;
                while (true) {
                    phase = JSON.readTree(send(client, "GET", argo.url() + "/api/v1/workflows/"
                            + SlowArgoServer.NAMESPACE + "/" + name, null)).path("status").path("phase").asText();
                    if (phase.equals("Succeeded") || phase.equals("Failed") || phase.equals("Error")) {
                        break;
                    }
                    Thread.sleep(5000);
                }
                send(client, "POST", fixture.github.baseUrl() + "/repos/" + ActionFixture.REPOSITORY + "/issues/"
                        + ActionFixture.PULL_REQUEST + "/comments", "{\"body\":\"" + name + ": " + phase + "\"}");
            }
            long micros = (System.nanoTime() - start) / 1000;
            return new Sample(micros, fixture.githubRequests(), argo.requests.get(), 0, "",
                    argo.finishedAt.values().stream().mapToLong(Long::longValue).max().orElse(0));
        }
    }

    private static String send(HttpClient client, String method, String url, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type",
                "application/json").header("Authorization", "Bearer bench");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + url + " answered " + answer.statusCode());
        }
        return answer.body();
    }
}
