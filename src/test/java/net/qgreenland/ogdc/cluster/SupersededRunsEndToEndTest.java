package net.qgreenland.ogdc.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import net.qgreenland.ogdc.cluster.ActionHarness.Change;
import net.qgreenland.ogdc.cluster.ActionHarness.Result;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Older runs that a new one makes pointless ({@link ActionHarness}): a push stops the still-running workflows of the
 * same recipes from an earlier push to the same branch, a closed pull request stops its own, and each stopped run's
 * check run, on its own commit, ends cancelled.
 */
class SupersededRunsEndToEndTest {

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
    void aPushStopsTheEarlierPushsRunsOfTheSameRecipesOnTheSameBranchAndCancelsTheirCheckRuns() {
        String earlier = action.runningWorkflow("alpha-contours", "recipes/alpha", new RunLabels(Optional.of(change.before()),
                OptionalInt.empty(), "push", Optional.of("main")));
        String otherBranch = action.runningWorkflow("beta-contours", "recipes/beta", new RunLabels(Optional.of(change.before()),
                OptionalInt.empty(), "push", Optional.of("feature/main")));
        String otherRecipe = action.runningWorkflow("untouched", "recipes/untouched", new RunLabels(Optional.of(change.before()),
                OptionalInt.empty(), "push", Optional.of("main")));

        Result run = action.runAction("push", push());

        assertThat(run.code()).as(run.err()).isEqualTo(1);
        assertThat(action.shutdownOf(earlier)).isEqualTo("Stop");
        assertThat(action.shutdownOf(otherBranch)).isEmpty();
        assertThat(action.shutdownOf(otherRecipe)).as("a recipe this push does not run").isEmpty();
        List<JsonNode> onEarlierCommit = action.createdBodies().stream()
                .filter(body -> body.path("head_sha").asText().equals(change.before())).toList();
        assertThat(onEarlierCommit).singleElement().satisfies(body -> {
            assertThat(body.path("name").asText()).isEqualTo("recipes/alpha");
            assertThat(body.path("external_id").asText()).isEqualTo("recipes/alpha@" + change.before());
            assertThat(body.path("conclusion").asText()).isEqualTo("cancelled");
            assertThat(body.path("output").toString()).contains("Superseded by a newer push to main ("
                    + change.after().substring(0, 7) + ")");
        });
        assertThat(action.createdBodies().stream().filter(body -> body.path("head_sha").asText()
                .equals(change.after()))).hasSize(3);
        assertThat(action.recipeStates()).containsEntry("recipes/alpha", "succeeded");
        assertThat(run.err()).contains("stopped 1 superseded run(s)");
    }

    @Test
    void withCancelSupersededFalseEarlierRunsGoOn() {
        String earlier = action.runningWorkflow("alpha-contours", "recipes/alpha", new RunLabels(Optional.of(change.before()),
                OptionalInt.empty(), "push", Optional.of("main")));

        Result run = action.runAction("push", push(), Map.of("INPUT_CANCEL-SUPERSEDED", "false"));

        assertThat(run.code()).as(run.err()).isEqualTo(1);
        assertThat(action.shutdownOf(earlier)).isEmpty();
        assertThat(action.createdBodies()).allSatisfy(body ->
                assertThat(body.path("head_sha").asText()).isEqualTo(change.after()));
    }

    @Test
    void aClosedPullRequestStopsItsUnfinishedRunsAndCancelsTheirCheckRuns() {
        String ours = action.runningWorkflow("alpha-contours", "recipes/alpha", new RunLabels(Optional.of(change.after()),
                OptionalInt.of(2), "pull_request"));
        String another = action.runningWorkflow("beta-contours", "recipes/beta", new RunLabels(Optional.of(change.after()),
                OptionalInt.of(3), "pull_request"));
        ObjectNode closed = ActionHarness.webhook("pull_request.closed.json").put("number", 2);
        ObjectNode pull = ((ObjectNode) closed.path("pull_request")).put("number", 2);
        ((ObjectNode) pull.path("base")).put("sha", change.before());
        ObjectNode head = ((ObjectNode) pull.path("head")).put("sha", change.after());
        ((ObjectNode) head.path("repo")).put("full_name", pull.path("base").path("repo").path("full_name").asText());

        Result run = action.runAction("pull_request", closed);

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(action.shutdownOf(ours)).isEqualTo("Stop");
        assertThat(action.shutdownOf(another)).isEmpty();
        assertThat(action.cluster.workflows()).hasSize(2);
        action.assertCheckRunsEnded(Map.of("recipes/alpha", "cancelled"));
        assertThat(action.createdBodies().get(0).path("output").toString()).contains("Pull request #2 was closed.");
        assertThat(run.err()).contains("pull request #2 was closed; stopped 1 unfinished run(s)");
    }

    private ObjectNode push() {
        return ActionHarness.webhook("push.branch-updated.probot.json").put("before", change.before())
                .put("after", change.after()).put("ref", "refs/heads/main");
    }

}
