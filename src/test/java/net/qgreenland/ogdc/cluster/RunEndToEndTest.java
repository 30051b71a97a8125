package net.qgreenland.ogdc.cluster;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.qgreenland.ogdc.cli.Main;
import net.qgreenland.ogdc.report.GitHubRequestSchemas;
import net.qgreenland.ogdc.testing.CommitWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ogdc-action run} as the action runs it: a real push payload pointed at a temporary repository, WireMock as
 * GitHub (every body checked against GitHub's schemas), the Fabric8 mock server as the cluster with a controller that
 * finishes workflows, and the step's output and summary files.
 */
class RunEndToEndTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String TOKEN = "ghs_runEndToEndToken42";

    @TempDir
    Path temp;

    MockCluster cluster;
    WireMockServer github;
    CommitWriter repository;
    String before;
    String after;

    @BeforeEach
    void repositoryWithAChange() throws Exception {
        String recipe = Files.readString(Path.of(
                "example-recipe-repo/recipes/arcticdem-greenland-contours/recipe.sh"));
        String meta = Files.readString(Path.of("example-recipe-repo/recipes/arcticdem-greenland-contours/meta.yml"));
        repository = CommitWriter.init(temp.resolve("repo"))
                .write("recipes/alpha/meta.yml", meta.replace("ArcticDEM v4.1 Greenland Contours", "Alpha Contours"))
                .write("recipes/alpha/recipe.sh", recipe)
                .write("recipes/beta/meta.yml", meta.replace("ArcticDEM v4.1 Greenland Contours", "Beta Contours"))
                .write("recipes/beta/recipe.sh", recipe)
                .write("recipes/untouched/meta.yml", meta.replace("ArcticDEM v4.1 Greenland Contours", "Untouched"))
                .write("recipes/untouched/recipe.sh", recipe);
        before = repository.commit("recipes");
        after = repository
                .write("recipes/alpha/recipe.sh", recipe + "echo changed\n")
                .write("recipes/beta/recipe.sh", recipe + "echo changed too\n")
                .write("recipes/broken/meta.yml", "name: Broken\nworkflow: {type: shell}\n")
                .commit("change alpha and beta, add broken");
        cluster = new MockCluster();
        github = new WireMockServer(wireMockConfig().dynamicPort());
        github.start();
        github.stubFor(get(urlPathMatching("/repos/o/r/commits/[0-9a-f]+/check-runs"))
                .willReturn(okJson("{\"total_count\":0,\"check_runs\":[]}")));
        github.stubFor(post(urlPathEqualTo("/repos/o/r/check-runs")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":42}")));
        github.stubFor(patch(urlPathMatching("/repos/o/r/check-runs/\\d+")).willReturn(okJson("{\"id\":42}")));
    }

    @AfterEach
    void stop() {
        assertThat(GitHubRequestSchemas.errors(github.getAllServeEvents())).isEmpty();
        github.stop();
        cluster.close();
        repository.close();
    }

    @Test
    void aPushRunsTheChangedRecipesReportsEachAndTheSameEventTwiceDuplicatesNothing() throws Exception {
        Run first = runAction();

        assertThat(first.code).as(first.err).isEqualTo(1);
        Map<String, JsonNode> checkRuns = finalCheckRuns();
        assertThat(checkRuns.keySet()).containsExactlyInAnyOrder("recipes/alpha", "recipes/beta", "recipes/broken");
        assertThat(checkRuns.get("recipes/alpha").path("conclusion").asText()).isEqualTo("success");
        assertThat(checkRuns.get("recipes/beta").path("conclusion").asText()).isEqualTo("success");
        assertThat(checkRuns.get("recipes/broken").path("conclusion").asText()).isEqualTo("failure");
        assertThat(createdBodies()).hasSize(3).allSatisfy(body -> {
            assertThat(body.path("head_sha").asText()).isEqualTo(after);
            assertThat(body.path("external_id").asText()).isEqualTo(body.path("name").asText() + "@" + after);
        });
        assertThat(storedWorkflows()).hasSize(2);
        String outputs = Files.readString(temp.resolve("output"));
        assertThat(outputs).contains("\nfailure\n", "\"directory\":\"recipes/alpha\",\"state\":\"succeeded\"");
        assertThat(Files.readString(temp.resolve("summary.md"))).contains("recipes/alpha", "recipes/broken");
        assertThat(first.out).contains("::add-mask::" + TOKEN, "::error file=recipes/broken/meta.yml");
        assertThat(first.out.replace("::add-mask::" + TOKEN, "") + first.err).doesNotContain(TOKEN);

        // the same event again: GitHub now lists the check runs the first run created
        ArrayNode runs = JSON.createArrayNode();
        int id = 100;
        for (JsonNode body : createdBodies()) {
            runs.addObject().put("id", id++).put("name", body.path("name").asText())
                    .put("external_id", body.path("external_id").asText());
        }
        ObjectNode listing = JSON.createObjectNode().put("total_count", runs.size());
        listing.set("check_runs", runs);
        github.stubFor(get(urlPathMatching("/repos/o/r/commits/[0-9a-f]+/check-runs"))
                .willReturn(okJson(listing.toString())));
        int created = createdBodies().size();

        Run second = runAction();

        assertThat(second.code).isEqualTo(1);
        assertThat(createdBodies()).hasSize(created);
        assertThat(storedWorkflows()).hasSize(2);
        assertThat(second.err).contains("already submitted at this commit with this content");
    }

    private Run runAction() throws Exception {
        Path event = temp.resolve("event.json");
        ObjectNode payload = (ObjectNode) JSON.readTree(Files.readString(
                Path.of("../shared/reference/github/webhooks/push.branch-updated.probot.json")));
        payload.put("before", before).put("after", after).put("ref", "refs/heads/main");
        Files.writeString(event, payload.toString());
        Path kubeconfig = temp.resolve("kubeconfig");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters:
                - {name: mock, cluster: {server: "%s"}}
                contexts:
                - {name: mock, context: {cluster: mock, user: tester, namespace: qgnet}}
                current-context: mock
                users:
                - {name: tester, user: {token: %s}}
                """.formatted(cluster.apiUrl(), MockCluster.TOKEN));
        Map<String, String> env = new HashMap<>();
        env.put("HOME", temp.toString());
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_EVENT_NAME", "push");
        env.put("GITHUB_EVENT_PATH", event.toString());
        env.put("GITHUB_SHA", after);
        env.put("GITHUB_REF", "refs/heads/main");
        env.put("GITHUB_REPOSITORY", "o/r");
        env.put("GITHUB_WORKSPACE", repository.directory().toString());
        env.put("GITHUB_API_URL", github.baseUrl());
        env.put("GITHUB_SERVER_URL", "https://github.com");
        env.put("GITHUB_RUN_ID", "777");
        env.put("GITHUB_OUTPUT", temp.resolve("output").toString());
        env.put("GITHUB_STEP_SUMMARY", temp.resolve("summary.md").toString());
        env.put("RUNNER_TEMP", temp.toString());
        env.put("INPUT_TOKEN", TOKEN);
        env.put("INPUT_MODE", "kubernetes");
        env.put("INPUT_TIMEOUT", "5m");
        try (AutoCloseable argo = cluster.finishingEverySubmittedWorkflow()) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.run(new PrintWriter(out), new PrintWriter(err), env, "run", "--kubeconfig",
                    kubeconfig.toString());
            return new Run(code, out.toString(), err.toString());
        }
    }

    /** The last body sent for each check run, by name (the create merged with later updates). */
    private Map<String, JsonNode> finalCheckRuns() {
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        for (JsonNode body : createdBodies()) {
            byName.put(body.path("name").asText(), body);
        }
        List<JsonNode> updates = github.findAll(patchRequestedFor(urlPathMatching("/repos/o/r/check-runs/\\d+")))
                .stream().map(r -> read(r.getBodyAsString())).toList();
        for (JsonNode update : updates) {
            if (update.has("name") && update.has("conclusion")) {
                byName.put(update.path("name").asText(), update);
            }
        }
        return byName;
    }

    private List<JsonNode> createdBodies() {
        return github.findAll(postRequestedFor(urlPathEqualTo("/repos/o/r/check-runs"))).stream()
                .map(r -> read(r.getBodyAsString())).toList();
    }

    private List<GenericKubernetesResource> storedWorkflows() {
        try (KubernetesClient client = cluster.server.createClient(new JdkHttpClientFactory())) {
            return client.genericKubernetesResources(SubmitEndToEndTest.WORKFLOWS).inNamespace("qgnet").list()
                    .getItems();
        }
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private record Run(int code, String out, String err) {}
}
