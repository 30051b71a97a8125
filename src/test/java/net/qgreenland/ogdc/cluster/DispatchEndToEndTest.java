package net.qgreenland.ogdc.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;
import net.qgreenland.ogdc.cluster.ActionHarness.Change;
import net.qgreenland.ogdc.cluster.ActionHarness.Result;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ogdc-action run} for {@code workflow_dispatch} and {@code check_run} re-requests ({@link ActionHarness}):
 * the recipes named run at the commit; what already ran there with the same content is followed, not submitted
 * again, unless the dispatch forces it or someone re-requests the check run.
 */
class DispatchEndToEndTest {

    static final Map<String, String> EVERY_RECIPE = Map.of("recipes/alpha", "success", "recipes/beta", "success",
            "recipes/untouched", "success", "recipes/broken", "failure");

    @TempDir
    Path temp;

    ActionHarness action;
    Change change;

    @BeforeEach
    void repositoryWithRecipes() {
        action = ActionHarness.start(temp);
        change = action.commitTwoChangedRecipesAndAnInvalidOne();
    }

    @AfterEach
    void stop() {
        action.close();
    }

    @Test
    void aDispatchRunsTheRecipesNamedThenAllOfThemThenForcedAgain() {
        Result alpha = action.runAction("workflow_dispatch", dispatch("alpha", null));

        assertThat(alpha.code()).as(alpha.err()).isZero();
        action.assertCheckRunsEnded(Map.of("recipes/alpha", "success"));
        assertThat(action.createdBodies()).singleElement().satisfies(body ->
                assertThat(body.path("head_sha").asText()).isEqualTo(change.after()));
        assertThat(action.mainWorkflowsOf("alpha-contours")).singleElement().satisfies(workflow ->
                assertThat(workflow.path("metadata").path("labels").path(RunLabels.TRIGGER).asText())
                        .isEqualTo("workflow_dispatch"));
        assertThat(action.cluster.workflows()).hasSize(1);
        assertThat(action.outputs()).containsEntry("result", "success");
        assertThat(action.recipeStates()).containsExactlyEntriesOf(Map.of("recipes/alpha", "succeeded"));
        assertThat(action.summary()).contains("recipes/alpha").doesNotContain("recipes/beta");
        assertThat(alpha.printedUnmasked()).doesNotContain(ActionHarness.TOKEN);

        action.listCheckRunsCreatedSoFar();
        Result all = action.runAction("workflow_dispatch", dispatch("all", null));

        assertThat(all.code()).as(all.err()).isEqualTo(1);
        action.assertCheckRunsEnded(EVERY_RECIPE);
        assertThat(all.err()).contains("recipes/alpha: already submitted at this commit with this content");
        assertThat(action.mainWorkflowsOf("alpha-contours")).hasSize(1);
        assertThat(action.cluster.workflows()).hasSize(3);
        assertThat(action.createdBodies()).extracting(body -> body.path("name").asText())
                .containsExactlyInAnyOrder("recipes/alpha", "recipes/beta", "recipes/untouched", "recipes/broken");
        assertThat(action.outputs()).containsEntry("result", "failure");
        assertThat(action.recipeStates()).containsExactlyInAnyOrderEntriesOf(Map.of("recipes/alpha", "succeeded",
                "recipes/beta", "succeeded", "recipes/untouched", "succeeded", "recipes/broken", "invalid"));
        assertThat(action.summary()).contains("recipes/untouched", "recipes/broken");

        action.listCheckRunsCreatedSoFar();
        Result forced = action.runAction("workflow_dispatch", dispatch("alpha", "true"));

        assertThat(forced.code()).as(forced.err()).isZero();
        assertThat(forced.err()).doesNotContain("already submitted");
        assertThat(action.mainWorkflowsOf("alpha-contours")).hasSize(2);
        assertThat(action.cluster.workflows()).hasSize(4);
        assertThat(action.createdBodies()).hasSize(4);
        action.assertCheckRunsEnded(EVERY_RECIPE);
        assertThat(action.recipeStates()).containsExactlyEntriesOf(Map.of("recipes/alpha", "succeeded"));
    }

    @Test
    void aReRequestedCheckRunRunsThatRecipeAgainAtItsCommit() {
        Result push = action.runAction("push", ActionHarness.webhook("push.branch-updated.probot.json")
                .put("before", change.before()).put("after", change.after()).put("ref", "refs/heads/main"));
        assertThat(push.code()).as(push.err()).isEqualTo(1);
        assertThat(action.mainWorkflowsOf("alpha-contours")).hasSize(1);
        action.listCheckRunsCreatedSoFar();
        int created = action.createdBodies().size();
        int updated = action.updateBodies().size();
        // a later commit is checked out (GITHUB_SHA); the re-run is of the check run's own commit
        String later = action.writeRecipe("recipes/beta", "Beta Contours", "echo later\n").repository.commit("later");

        ObjectNode payload = ActionHarness.webhook("check_run.rerequested.json");
        ((ObjectNode) payload.path("check_run")).put("name", "recipes/alpha").put("head_sha", change.after())
                .put("external_id", "recipes/alpha@" + change.after());
        Result rerun = action.runAction("check_run", payload, Map.of("GITHUB_SHA", later));

        assertThat(rerun.code()).as(rerun.err()).isZero();
        assertThat(rerun.err()).doesNotContain("already submitted");
        assertThat(action.mainWorkflowsOf("alpha-contours")).hasSize(2).allSatisfy(workflow ->
                assertThat(workflow.path("metadata").path("labels").path(RunLabels.COMMIT).asText())
                        .isEqualTo(change.after()));
        assertThat(action.cluster.workflows()).hasSize(3);
        assertThat(action.createdBodies()).hasSize(created);
        assertThat(action.updateBodies().subList(updated, action.updateBodies().size()))
                .isNotEmpty().allSatisfy(body -> assertThat(body.path("name").asText()).isEqualTo("recipes/alpha"));
        action.assertCheckRunsEnded(RunEndToEndTest.CONCLUSIONS);
        assertThat(action.recipeStates()).containsExactlyEntriesOf(Map.of("recipes/alpha", "succeeded"));
        assertThat(action.outputs()).containsEntry("result", "success");
        assertThat(action.summary()).contains("recipes/alpha");
        assertThat(rerun.printedUnmasked()).doesNotContain(ActionHarness.TOKEN);
    }

    /** The recorded dispatch of main with inputs {@code recipes} and, unless null, {@code force}. */
    private static ObjectNode dispatch(String recipes, String force) {
        ObjectNode payload = ActionHarness.webhook("workflow_dispatch.main.json");
        ObjectNode inputs = payload.putObject("inputs").put("recipes", recipes);
        if (force != null) {
            inputs.put("force", force);
        }
        return payload;
    }
}
