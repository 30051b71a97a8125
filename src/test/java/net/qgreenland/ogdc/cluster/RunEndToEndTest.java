package net.qgreenland.ogdc.cluster;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.qgreenland.ogdc.cluster.ActionHarness.Change;
import net.qgreenland.ogdc.cluster.ActionHarness.Result;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ogdc-action run} as the action runs it for a push ({@link ActionHarness}): a real push payload pointed at a
 * temporary repository, WireMock as GitHub (every body checked against GitHub's schemas), the Fabric8 mock server as
 * the cluster with a controller that finishes workflows (or a WireMock Argo Server), and the step's output and
 * summary files.
 */
class RunEndToEndTest {

    /** The change's recipes: alpha and beta run and succeed, broken is invalid. */
    static final Map<String, String> CONCLUSIONS = Map.of("recipes/alpha", "success", "recipes/beta", "success",
            "recipes/broken", "failure");

    @TempDir
    Path temp;

    ActionHarness action;
    Change change;

    @BeforeEach
    void repositoryWithAChange() {
        action = ActionHarness.start(temp);
        change = action.commitTwoChangedRecipesAndAnInvalidOne();
    }

    @AfterEach
    void stop() {
        action.close();
    }

    @Test
    void aPushRunsTheChangedRecipesReportsEachAndTheSameEventTwiceDuplicatesNothing() {
        Result first = action.runAction("push", push());

        assertThat(first.code()).as(first.err()).isEqualTo(1);
        action.assertCheckRunsEnded(CONCLUSIONS);
        assertThat(action.createdBodies()).hasSize(3).allSatisfy(body -> {
            assertThat(body.path("head_sha").asText()).isEqualTo(change.after());
            assertThat(body.path("external_id").asText()).isEqualTo(body.path("name").asText() + "@" + change.after());
        });
        assertThat(action.cluster.workflows()).hasSize(2);
        assertThat(action.outputs()).containsEntry("result", "failure");
        assertThat(action.recipeStates()).containsExactlyInAnyOrderEntriesOf(Map.of("recipes/alpha", "succeeded",
                "recipes/beta", "succeeded", "recipes/broken", "invalid"));
        assertThat(action.summary()).contains("recipes/alpha", "recipes/broken");
        assertThat(first.out()).contains("::add-mask::" + ActionHarness.TOKEN, "::error file=recipes/broken/meta.yml");
        assertThat(first.printedUnmasked()).doesNotContain(ActionHarness.TOKEN);

        // the same event again: GitHub now lists the check runs the first run created
        action.listCheckRunsCreatedSoFar();
        int created = action.createdBodies().size();

        Result second = action.runAction("push", push());

        assertThat(second.code()).isEqualTo(1);
        assertThat(action.createdBodies()).hasSize(created);
        assertThat(action.cluster.workflows()).hasSize(2);
        assertThat(second.err()).contains("already submitted at this commit with this content");
        action.assertCheckRunsEnded(CONCLUSIONS);
    }

    @Test
    void aPushAgainstAnArgoServerSubmitsLabelledWorkflowsWithItsTokenAndNeverPrintsIt() {
        String argoToken = "argo-tok-5e6f7a8b9c0d";
        try (FakeArgoServer argo = FakeArgoServer.start()) {
            Result run = action.runAction("push", push(), Map.of("INPUT_MODE", "argo-server",
                    "INPUT_ARGO-SERVER", argo.baseUrl(), "INPUT_ARGO-TOKEN", argoToken));

            assertThat(run.code()).as(run.err()).isEqualTo(1);
            assertThat(run.err()).contains("workflows go to Argo Server " + argo.baseUrl() + ", namespace qgnet");
            action.assertCheckRunsEnded(CONCLUSIONS);
            assertThat(argo.submitted()).hasSize(2).allSatisfy(workflow -> {
                JsonNode labels = workflow.path("metadata").path("labels");
                assertThat(labels.path(RunLabels.COMMIT).asText()).isEqualTo(change.after());
                assertThat(labels.path(RunLabels.TRIGGER).asText()).isEqualTo("push");
                assertThat(labels.path(RunLabels.ROLE).asText()).isEqualTo("main");
                assertThat(labels.path(RunLabels.MANAGED_BY).asText()).isEqualTo(RunLabels.MANAGER);
                assertThat(labels.path(RunLabels.CONTENT_HASH).asText()).matches("[0-9a-f]{32}");
                assertThat(workflow.path("metadata").path("namespace").asText()).isEqualTo("qgnet");
                assertThat(workflow.toString()).doesNotContain(argoToken, ActionHarness.TOKEN);
            });
            assertThat(argo.submitted()).extracting(w -> w.path("metadata").path("labels").path(RunLabels.RECIPE_ID)
                    .asText()).containsExactlyInAnyOrder("alpha-contours", "beta-contours");
            argo.server.verify(2, postRequestedFor(urlPathEqualTo(FakeArgoServer.WORKFLOWS))
                    .withHeader("Authorization", equalTo("Bearer " + argoToken)));
            assertThat(argo.server.findAll(anyRequestedFor(anyUrl())))
                    .allSatisfy(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + argoToken));
            assertThat(action.cluster.workflows()).isEmpty();
            assertThat(action.recipeStates()).containsExactlyInAnyOrderEntriesOf(Map.of("recipes/alpha",
                    "succeeded", "recipes/beta", "succeeded", "recipes/broken", "invalid"));
            assertThat(action.outputs()).containsEntry("result", "failure");
            assertThat(action.summary()).contains("recipes/alpha", "recipes/beta", "recipes/broken");
            assertThat(run.err()).contains("::add-mask::" + argoToken);
            assertThat(run.printedUnmasked()).doesNotContain(argoToken, ActionHarness.TOKEN);
        }
    }

    @Test
    void withWaitFalseTheCheckRunsOfRecipesNotYetStartedAreCreatedBeforeTheProgramExitsForSyncToComplete() {
        Result run = action.runAction("push", push(), Map.of("INPUT_WAIT", "false"));

        assertThat(run.code()).as(run.err()).isEqualTo(1);
        assertThat(action.cluster.workflows()).hasSize(2);
        Map<String, JsonNode> checkRuns = action.finalCheckRuns();
        assertThat(checkRuns.keySet()).containsExactlyInAnyOrder("recipes/alpha", "recipes/beta", "recipes/broken");
        assertThat(checkRuns.get("recipes/broken").path("conclusion").asText()).isEqualTo("failure");
        for (String submitted : List.of("recipes/alpha", "recipes/beta")) {
            // a recipe not started when the run ends is held queued (the grace) and still created: sync completes it
            assertThat(checkRuns.get(submitted).path("status").asText()).as(submitted)
                    .isIn("queued", "in_progress");
        }
        assertThat(action.createdBodies()).hasSize(3);
    }

    @Test
    void aWritePaceThatIsNotAWholeNumberStopsTheRunBeforeAnythingIsDone() {
        Result run = action.runAction("push", push(), Map.of("INPUT_GITHUB-WRITES-PER-MINUTE", "eighty"));

        assertThat(run.code()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("github-writes-per-minute must be a whole number, 0 (no limit) or more, got "
                + "'eighty'").doesNotContain("Exception");
        assertThat(action.cluster.workflows()).isEmpty();
        assertThat(action.createdBodies()).isEmpty();
    }

    private ObjectNode push() {
        return ActionHarness.webhook("push.branch-updated.probot.json").put("before", change.before())
                .put("after", change.after()).put("ref", "refs/heads/main");
    }
}
