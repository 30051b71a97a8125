package net.qgreenland.ogdc.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.qgreenland.ogdc.cluster.ActionHarness.Change;
import net.qgreenland.ogdc.cluster.ActionHarness.Result;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report directory {@code run} leaves ({@link ActionHarness}): a push whose two changed recipes fail writes
 * report.json, recipes.csv, failed.csv and summary.md where the {@code report-dir} output says, and failed.csv's
 * content, given to a {@code workflow_dispatch} as its {@code recipes} input with {@code force}, submits exactly
 * those recipes again.
 */
class ReportEndToEndTest {

    @TempDir
    Path temp;

    ActionHarness action;
    Change change;

    @BeforeEach
    void repositoryWhereBothChangedRecipesFail() {
        action = ActionHarness.start(temp);
        change = action.commitTwoChangedRecipesAndAnInvalidOne();
        action.cluster.controller.endMainWorkflowsOf("alpha-contours", "Failed");
        action.cluster.controller.endMainWorkflowsOf("beta-contours", "Error");
    }

    @AfterEach
    void stop() {
        action.close();
    }

    @Test
    void failedCsvFedToADispatchRunsExactlyTheFailedRecipesAgain() throws IOException {
        Result push = action.runAction("push", ActionHarness.webhook("push.branch-updated.probot.json")
                .put("before", change.before()).put("after", change.after()).put("ref", "refs/heads/main"));

        assertThat(push.code()).as(push.err()).isEqualTo(1);
        Path reports = Path.of(action.outputs().get("report-dir"));
        assertThat(reports).isEqualTo(temp.resolve("ogdc-report"));
        assertThat(files(reports)).containsExactlyInAnyOrder("report.json", "recipes.csv", "failed.csv",
                "summary.md");
        JsonNode report = ActionHarness.readJson(Files.readString(reports.resolve("report.json")));
        assertThat(states(report)).containsExactlyInAnyOrderEntriesOf(Map.of("recipes/alpha", "failed",
                "recipes/beta", "errored", "recipes/broken", "invalid"));
        assertThat(report.path("headSha").asText()).isEqualTo(change.after());
        JsonNode alphaStage = recipe(report, "recipes/alpha").path("stages").get(0);
        assertThat(alphaStage.path("name").asText()).isEqualTo("cmd");
        assertThat(alphaStage.path("pods").asInt()).isEqualTo(3);
        assertThat(alphaStage.path("podDurations").path("p50Seconds").asInt()).isEqualTo(60);
        assertThat(Files.readString(reports.resolve("recipes.csv")).split("\r\n")).hasSize(4);
        assertThat(Files.readString(reports.resolve("summary.md"))).isEqualTo(action.summary())
                .contains("```mermaid\ngantt\n", "  section recipes/alpha\n", "### Fan-out stages");
        assertThat(action.finalCheckRuns().get("recipes/alpha").path("output").path("summary").asText())
                .contains("#### Timeline (UTC)");
        String failed = Files.readString(reports.resolve("failed.csv"));
        assertThat(failed).isEqualTo("recipes/alpha,recipes/beta");
        assertThat(action.mainWorkflowsOf("alpha-contours")).hasSize(1);

        ObjectNode dispatch = ActionHarness.webhook("workflow_dispatch.main.json");
        dispatch.putObject("inputs").put("recipes", failed).put("force", "true");
        Result retry = action.runAction("workflow_dispatch", dispatch, Map.of("INPUT_RECIPES", failed,
                "INPUT_FORCE", "true"));

        assertThat(retry.code()).as(retry.err()).isEqualTo(1);
        assertThat(retry.err()).doesNotContain("already submitted");
        assertThat(action.recipeStates()).containsExactlyInAnyOrderEntriesOf(Map.of("recipes/alpha", "failed",
                "recipes/beta", "errored"));
        assertThat(action.mainWorkflowsOf("alpha-contours")).hasSize(2);
        assertThat(action.mainWorkflowsOf("beta-contours")).hasSize(2);
        assertThat(action.mainWorkflowsOf("untouched")).isEmpty();
        assertThat(action.cluster.workflows()).as("two submissions of two recipes, nothing else").hasSize(4);
        assertThat(files(reports)).as("the second run replaced the four files, and left nothing else")
                .containsExactlyInAnyOrder("report.json", "recipes.csv", "failed.csv", "summary.md");
        assertThat(states(ActionHarness.readJson(Files.readString(reports.resolve("report.json")))).keySet())
                .containsExactlyInAnyOrder("recipes/alpha", "recipes/beta");
        assertThat(reports.resolve("failed.csv")).hasContent(failed);
        assertThat(push.printedUnmasked() + retry.printedUnmasked()).doesNotContain(ActionHarness.TOKEN);
        for (String file : List.of("report.json", "recipes.csv", "failed.csv", "summary.md")) {
            assertThat(Files.readString(reports.resolve(file))).doesNotContain(ActionHarness.TOKEN);
        }
    }

    private static Map<String, String> states(JsonNode report) {
        Map<String, String> states = new LinkedHashMap<>();
        report.path("recipes").forEach(r -> states.put(r.path("directory").asText(), r.path("state").asText()));
        return states;
    }

    private static JsonNode recipe(JsonNode report, String directory) {
        for (JsonNode recipe : report.path("recipes")) {
            if (recipe.path("directory").asText().equals(directory)) {
                return recipe;
            }
        }
        throw new AssertionError("no recipe " + directory + " in " + report);
    }

    private static List<String> files(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }
}
