package net.qgreenland.ogdc.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import net.qgreenland.ogdc.testing.CommitWriter;
import net.qgreenland.ogdc.testing.Webhooks;

/**
 * What the end-to-end and process benchmarks run the action against: a recipe repository of generated shell
 * recipes, a WireMock GitHub that answers the Checks API and the sticky comment after a fixed delay, and the
 * action's environment for a pull request or a push (as {@code cluster.ActionHarness} builds it for the tests).
 */
final class ActionFixture implements AutoCloseable {

    static final String REPOSITORY = "o/r";
    static final int PULL_REQUEST = 1347;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EXAMPLE = Path.of("example-recipe-repo/recipes/arcticdem-greenland-contours");

    final Path temp;
    final WireMockServer github;
    private final CheckRunIds ids = new CheckRunIds();

    /** Two commits of a repository: {@code before}, and {@code after} that changed what the benchmark needs. */
    record Change(Path repository, String before, String after) {}

    ActionFixture(Path temp, int githubDelayMillis) {
        this.temp = temp;
        github = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(64).extensions(ids));
        github.start();
        github.setGlobalFixedDelay(githubDelayMillis);
        github.stubFor(get(urlPathMatching("/repos/o/r/commits/[0-9a-f]+/check-runs"))
                .willReturn(okJson("{\"total_count\":0,\"check_runs\":[]}")));
        github.stubFor(post(urlPathEqualTo("/repos/o/r/check-runs"))
                .willReturn(aResponse().withTransformers(CheckRunIds.NAME)));
        github.stubFor(patch(urlPathMatching("/repos/o/r/check-runs/\\d+")).willReturn(okJson("{\"id\":1}")));
        github.stubFor(get(urlPathMatching("/repos/o/r/issues/\\d+/comments")).willReturn(okJson("[]")));
        String comment = "{\"id\":9001,\"user\":{\"login\":\"github-actions[bot]\",\"type\":\"Bot\"}}";
        github.stubFor(post(urlPathMatching("/repos/o/r/issues/\\d+/comments")).willReturn(aResponse()
                .withStatus(201).withHeader("Content-Type", "application/json").withBody(comment)));
        github.stubFor(patch(urlPathMatching("/repos/o/r/issues/comments/\\d+")).willReturn(okJson(comment)));
    }

    /** GitHub requests received since the last {@link #resetGitHub}. */
    int githubRequests() {
        return github.getAllServeEvents().size();
    }

    /** GitHub requests that matched no stub since the last {@link #resetGitHub}. */
    int githubUnmatched() {
        return github.findAllUnmatchedRequests().size();
    }

    /** GitHub requests by method and path (numbers and SHAs replaced), since the last {@link #resetGitHub}. */
    Map<String, Integer> githubByKind() {
        Map<String, Integer> kinds = new java.util.TreeMap<>();
        for (ServeEvent event : github.getAllServeEvents()) {
            String path = event.getRequest().getUrl().replaceAll("\\?.*", "").replaceAll("/[0-9a-f]{40}", "/{sha}")
                    .replaceAll("/\\d+", "/{n}").replace("/repos/o/r", "");
            kinds.merge(event.getRequest().getMethod().getName() + " " + path, 1, Integer::sum);
        }
        return kinds;
    }

    void resetGitHub() {
        github.resetRequests();
    }

    /**
     * A repository in {@code name} with {@code recipes} shell recipes ({@code recipes/r0000}...), then a commit that
     * edits the scripts of the first {@code changed} of them and the top-level README.
     */
    Change repository(String name, int recipes, int changed) {
        Path directory = temp.resolve(name);
        try (CommitWriter repo = CommitWriter.init(directory)) {
            String meta = read(EXAMPLE.resolve("meta.yml"));
            String script = read(EXAMPLE.resolve("recipe.sh"));
            repo.write("README.md", "# recipes\n");
            for (int r = 0; r < recipes; r++) {
                String id = String.format("r%04d", r);
                repo.write("recipes/" + id + "/meta.yml", meta.replace("ArcticDEM v4.1 Greenland Contours",
                        "Bench Recipe " + id)).write("recipes/" + id + "/recipe.sh", script);
            }
            String before = repo.commit("recipes");
            repo.write("README.md", "# recipes\n\nChanged.\n");
            for (int r = 0; r < changed; r++) {
                String id = String.format("r%04d", r);
                repo.write("recipes/" + id + "/recipe.sh", script + "echo changed\n");
            }
            String after = repo.commit(changed + " recipes changed");
            return new Change(directory, before, after);
        }
    }

    /** The action's environment for {@code event} ({@code pull_request} or {@code push}) of {@code change}. */
    Map<String, String> environment(String event, Change change, Map<String, String> inputs) {
        ObjectNode payload;
        if (event.equals("pull_request")) {
            payload = Webhooks.payload("pull_request.opened.json");
            payload.put("number", PULL_REQUEST);
            ObjectNode pull = (ObjectNode) payload.path("pull_request");
            pull.put("number", PULL_REQUEST);
            ((ObjectNode) pull.path("base")).put("sha", change.before()).put("ref", "main");
            ObjectNode head = ((ObjectNode) pull.path("head")).put("sha", change.after()).put("ref", "changes");
            ((ObjectNode) head.path("repo")).put("full_name", "Codertocat/Hello-World");
        } else {
            payload = Webhooks.payload("push.branch-updated.probot.json").put("before", change.before())
                    .put("after", change.after()).put("ref", "refs/heads/main");
        }
        Path eventFile = temp.resolve("event-" + event + ".json");
        try {
            Files.writeString(eventFile, payload.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> env = new HashMap<>();
        env.put("HOME", temp.toString());
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_EVENT_NAME", event);
        env.put("GITHUB_EVENT_PATH", eventFile.toString());
        env.put("GITHUB_SHA", change.after());
        env.put("GITHUB_REF", event.equals("push") ? "refs/heads/main" : "refs/pull/" + PULL_REQUEST + "/merge");
        env.put("GITHUB_REPOSITORY", REPOSITORY);
        env.put("GITHUB_WORKSPACE", change.repository().toString());
        env.put("GITHUB_API_URL", github.baseUrl());
        env.put("GITHUB_SERVER_URL", "https://github.com");
        env.put("GITHUB_RUN_ID", "777");
        env.put("GITHUB_OUTPUT", temp.resolve("output").toString());
        env.put("GITHUB_STEP_SUMMARY", temp.resolve("summary.md").toString());
        env.put("RUNNER_TEMP", temp.toString());
        env.put("INPUT_TOKEN", "ghs_benchToken42");
        env.put("INPUT_TIMEOUT", "5m");
        env.putAll(inputs);
        return env;
    }

    /** The inputs that send workflows to the Argo Server at {@code url}. */
    static Map<String, String> argoServer(String url) {
        return Map.of("INPUT_MODE", "argo-server", "INPUT_ARGO-SERVER", url, "INPUT_ARGO-TOKEN", "argo-bench-token");
    }

    @Override
    public void close() {
        github.stop();
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers a created check run with the next id, as GitHub does. */
    private static final class CheckRunIds implements ResponseDefinitionTransformerV2 {
        static final String NAME = "bench-check-run-ids";
        private final AtomicLong next = new AtomicLong(1001);

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            ObjectNode body;
            try {
                body = (ObjectNode) JSON.readTree(event.getRequest().getBodyAsString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ObjectNode answer = JSON.createObjectNode().put("id", next.getAndIncrement())
                    .put("name", body.path("name").asText()).put("external_id", body.path("external_id").asText())
                    .put("head_sha", body.path("head_sha").asText());
            return new ResponseDefinitionBuilder().withStatus(201).withHeader("Content-Type", "application/json")
                    .withBody(answer.toString()).build();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }
    }
}
