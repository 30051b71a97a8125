package net.qgreenland.ogdc.cluster;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
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
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import net.qgreenland.ogdc.cli.Main;
import net.qgreenland.ogdc.report.GitHubRequestSchemas;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sync} as a scheduled action runs it: workflows left in the Fabric8 mock cluster by jobs that did not wait
 * (one succeeded, one failed, one still running, one whose check run is done, one without its annotation), WireMock
 * as GitHub listing their commit's check runs (and one whose workflow is gone), every body checked against GitHub's
 * schemas.
 */
class SyncEndToEndTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String TOKEN = "ghs_syncEndToEndToken42";
    static final String SHA = "4f2d0c1b9a8e7d6c5b4a39281706f5e4d3c2b1a0";

    @TempDir
    Path temp;

    MockCluster cluster;
    WireMockServer github;

    @BeforeEach
    void workflowsOutliveTheirJobs() {
        cluster = new MockCluster();
        github = new WireMockServer(wireMockConfig().dynamicPort());
        github.start();
        try (KubernetesArgoGateway gateway = cluster.gateway()) {
            cluster.controller.finish(submit(gateway, "alpha", "Succeeded", true));
            cluster.controller.finish(submit(gateway, "beta", "Failed", true));
            String gamma = submit(gateway, "gamma", "Succeeded", true);
            cluster.controller.advance(gamma);
            cluster.controller.advance(gamma);
            cluster.controller.finish(submit(gateway, "done", "Failed", true));
            cluster.controller.finish(submit(gateway, "unnamed", "Succeeded", false));
        }
        ArrayNode runs = JSON.createArrayNode();
        checkRun(runs, 11, "alpha", "in_progress", null);
        checkRun(runs, 12, "beta", "in_progress", null);
        checkRun(runs, 13, "gamma", "queued", null);
        checkRun(runs, 14, "done", "completed", "success");
        checkRun(runs, 15, "gone", "in_progress", null);
        runs.addObject().put("id", 16).put("name", "lint").put("status", "in_progress");
        ObjectNode listing = JSON.createObjectNode().put("total_count", runs.size());
        listing.set("check_runs", runs);
        github.stubFor(get(urlPathEqualTo("/repos/o/r/commits/" + SHA + "/check-runs"))
                .willReturn(okJson(listing.toString())));
        github.stubFor(patch(urlPathMatching("/repos/o/r/check-runs/\\d+")).willReturn(okJson("{\"id\":1}")));
    }

    @AfterEach
    void stop() {
        assertThat(GitHubRequestSchemas.errors(github.getAllServeEvents())).isEmpty();
        github.stop();
        cluster.close();
    }

    @Test
    void aScheduledRunCompletesTheCheckRunsOfFinishedWorkflowsAndUpdatesTheRunningOne() throws Exception {
        Map<String, String> env = actionEnvironment();

        Run run = run(env, "run", "--kubeconfig", kubeconfig().toString());

        assertThat(run.code).as(run.err).isZero();
        Map<String, JsonNode> updates = updatesById();
        assertThat(updates.keySet()).containsExactlyInAnyOrder("11", "12", "13", "15");
        assertThat(updates.get("11").path("conclusion").asText()).isEqualTo("success");
        assertThat(updates.get("11").path("external_id").asText()).isEqualTo("recipes/alpha@" + SHA);
        assertThat(updates.get("12").path("conclusion").asText()).isEqualTo("failure");
        assertThat(updates.get("12").path("output").path("title").asText()).startsWith("✗ failed: cmd-1");
        assertThat(updates.get("13").path("status").asText()).isEqualTo("in_progress");
        assertThat(updates.get("13").has("conclusion")).isFalse();
        assertThat(updates.get("15").path("conclusion").asText()).isEqualTo("cancelled");
        assertThat(updates.get("15").path("output").path("summary").asText()).contains("no longer exists");
        assertThat(github.findAll(postRequestedFor(anyUrl()))).isEmpty();
        // one listing by the sync, one by the check-run publisher to find the ids it updates
        assertThat(github.findAll(getRequestedFor(urlPathEqualTo("/repos/o/r/commits/" + SHA + "/check-runs"))))
                .hasSize(2);
        assertThat(run.out).contains("sync: 3 completed, 1 still running, 2 skipped, 0 failed");
        assertThat(run.err).contains("sync: recipes/done@4f2d0c1: left alone: its check run is already completed",
                "sync: skipped workflow unnamed-shell-");
        assertThat(run.out.replace("::add-mask::" + TOKEN, "") + run.err).doesNotContain(TOKEN);
    }

    @Test
    void theSyncCommandInputDoesTheSameOnAnyEvent() throws Exception {
        Map<String, String> env = actionEnvironment();
        env.put("GITHUB_EVENT_NAME", "push");
        env.put("INPUT_COMMAND", "sync");

        Run run = run(env, "run", "--kubeconfig", kubeconfig().toString());

        assertThat(run.code).as(run.err).isZero();
        assertThat(updatesById().keySet()).containsExactlyInAnyOrder("11", "12", "13", "15");
    }

    @Test
    void withoutATokenSyncListsWhatItFoundAndChangesNothing() throws Exception {
        Run run = run(Map.of("HOME", temp.toString()), "sync", "--kubeconfig", kubeconfig().toString());

        assertThat(run.code).as(run.err).isZero();
        assertThat(run.out).contains("recipes/alpha@4f2d0c1: alpha-shell-", " Succeeded",
                "recipes/gamma@4f2d0c1: gamma-shell-", " Running 1/3",
                "4 workflow(s) with a check run to bring up to date, 1 skipped; no GitHub token");
        assertThat(github.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void whenGitHubFailsSyncSaysSoAndExitsNonZero() throws Exception {
        github.stubFor(patch(urlPathMatching("/repos/o/r/check-runs/\\d+")).willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(422)
                        .withHeader("Content-Type", "application/json").withBody("{\"message\":\"Invalid\"}")));

        Run run = run(actionEnvironment(), "sync", "--kubeconfig", kubeconfig().toString());

        assertThat(run.code).isEqualTo(1);
        assertThat(run.err).contains("ogdc-action sync: 4 check run(s) could not be listed or published");
    }

    @Test
    void withoutAClusterSyncIsAUsageError() {
        Run run = run(Map.of("HOME", temp.toString()), "sync", "--mode", "dry-run");

        assertThat(run.code).isEqualTo(2);
        assertThat(run.err).contains("sync needs a cluster");
    }

    /** Submits a main workflow of {@code recipes/<recipe>} at {@link #SHA} that will end {@code outcome}. */
    private static String submit(KubernetesArgoGateway gateway, String recipe, String outcome, boolean annotated) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(RunLabels.MANAGED_BY, RunLabels.MANAGER);
        labels.put(RunLabels.RECIPE_ID, recipe);
        labels.put(RunLabels.COMMIT, SHA);
        labels.put(RunLabels.ROLE, RunLabels.Role.MAIN.label());
        labels.put(RunLabels.TRIGGER, "push");
        labels.put(ArgoTestController.OUTCOME_LABEL, outcome);
        Map<String, String> annotations = annotated
                ? Map.of(RunLabels.RECIPE_DIRECTORY_ANNOTATION, "recipes/" + recipe) : Map.of();
        return gateway.submit(MockCluster.workflow(recipe + "-shell-", labels).withAnnotations(annotations)).name();
    }

    private static void checkRun(ArrayNode runs, long id, String recipe, String status, String conclusion) {
        ObjectNode run = runs.addObject().put("id", id).put("name", "recipes/" + recipe)
                .put("external_id", "recipes/" + recipe + "@" + SHA).put("status", status);
        if (conclusion != null) {
            run.put("conclusion", conclusion);
        }
    }

    private Map<String, String> actionEnvironment() throws Exception {
        Path event = temp.resolve("event.json");
        Files.writeString(event, "{\"schedule\":\"*/15 * * * *\"}");
        Map<String, String> env = new HashMap<>();
        env.put("HOME", temp.toString());
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_EVENT_NAME", "schedule");
        env.put("GITHUB_EVENT_PATH", event.toString());
        env.put("GITHUB_SHA", "0000000000000000000000000000000000000001");
        env.put("GITHUB_REF", "refs/heads/main");
        env.put("GITHUB_REPOSITORY", "o/r");
        // no checkout: a sync reads no recipes
        env.put("GITHUB_WORKSPACE", temp.resolve("empty").toString());
        env.put("GITHUB_API_URL", github.baseUrl());
        env.put("GITHUB_SERVER_URL", "https://github.com");
        env.put("GITHUB_RUN_ID", "888");
        env.put("GITHUB_OUTPUT", temp.resolve("output").toString());
        env.put("GITHUB_STEP_SUMMARY", temp.resolve("summary.md").toString());
        env.put("RUNNER_TEMP", temp.toString());
        env.put("INPUT_TOKEN", TOKEN);
        env.put("INPUT_MODE", "kubernetes");
        return env;
    }

    private Path kubeconfig() {
        return cluster.writeKubeconfig(temp.resolve("kubeconfig"));
    }

    /** The last body sent to each check run, by id. */
    private Map<String, JsonNode> updatesById() {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        for (LoggedRequest request : github.findAll(patchRequestedFor(urlPathMatching("/repos/o/r/check-runs/\\d+")))) {
            String url = request.getUrl();
            byId.put(url.substring(url.lastIndexOf('/') + 1), read(request.getBodyAsString()));
        }
        return byId;
    }

    private static Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), env, args);
        return new Run(code, out.toString(), err.toString());
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
