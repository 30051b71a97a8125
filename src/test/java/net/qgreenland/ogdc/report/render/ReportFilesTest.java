package net.qgreenland.ogdc.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import net.qgreenland.ogdc.estimate.PodHours;
import net.qgreenland.ogdc.estimate.RecipeEstimate;
import net.qgreenland.ogdc.report.RecipeReport;
import net.qgreenland.ogdc.report.RecipeState;
import net.qgreenland.ogdc.report.RunReport;
import net.qgreenland.ogdc.testing.GoldenFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The report directory's files as text: report.json, recipes.csv and failed.csv (golden files). */
class ReportFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The pull request's three recipes and three more: errored, timed out, and failed in an awkward directory. */
    static RunReport everyOutcome() {
        RunReport base = ReportFixtures.pullRequest();
        List<RecipeReport> recipes = new ArrayList<>(base.recipes());
        recipes.add(as(ReportFixtures.succeeded(), "recipes/errored", "errored-one", RecipeState.ERRORED,
                "pod deleted", "Argo could not run a step."));
        recipes.add(as(ReportFixtures.succeeded(), "recipes/slow", "slow", RecipeState.TIMED_OUT, "6h timeout",
                "It took longer than the timeout, 6h; it was stopped."));
        recipes.add(as(ReportFixtures.failed(), "recipes/odd, \"quoted\" name", "odd-name", RecipeState.FAILED,
                "cmd-0: exit 1,\nthen \"more\"", "A step exited non-zero."));
        recipes.add(as(ReportFixtures.succeeded(), "recipes/skipped", "skipped", RecipeState.SKIPPED, "", "Skipped."));
        RecipeEstimate estimate = new RecipeEstimate(List.of(), OptionalLong.empty(), List.of(),
                new PodHours(12.5, false), Duration.ofMinutes(95), 3, "");
        return new RunReport(base.repository(), base.headSha(), OptionalInt.empty(), "push", base.actionsRunUrl(),
                base.updatedAt(), recipes, Optional.empty(), Optional.empty(),
                Map.of(recipes.get(0).directory(), estimate));
    }

    static RecipeReport as(RecipeReport r, String directory, String id, RecipeState state, String reason,
            String detail) {
        return new RecipeReport(directory, Optional.of(id), state, r.workflowName(), r.argoUrl(), Optional.empty(),
                r.progress(), r.startedAt(), r.finishedAt(), r.stages(), List.of(), r.logs(),
                reason.isEmpty() ? Optional.empty() : Optional.of(reason), detail);
    }

    @Test
    void reportJsonHasEveryRecipeWithItsStagesAndMasksSecrets() throws Exception {
        String json = ReportJsonRenderer.render(everyOutcome(), List.of(ReportFixtures.TOKEN));

        JsonNode root = JSON.readTree(json);
        assertThat(root.path("version").asInt()).isEqualTo(ReportJsonRenderer.VERSION);
        assertThat(root.path("result").asText()).isEqualTo("failure");
        assertThat(root.path("recipes")).hasSize(7);
        JsonNode failed = root.path("recipes").get(0);
        assertThat(failed.path("state").asText()).isEqualTo("failed");
        assertThat(failed.path("retries").asLong()).isEqualTo(2);
        assertThat(failed.path("podsByPhase").path("Succeeded").asLong()).isEqualTo(52);
        assertThat(failed.path("estimate").path("podHours").asDouble()).isEqualTo(12.5);
        assertThat(failed.path("estimate").path("wallTimeSeconds").asLong()).isEqualTo(95 * 60);
        assertThat(failed.path("actual").path("podHours").asDouble()).isPositive();
        assertThat(failed.path("actual").path("wallTimeSeconds").asLong())
                .isEqualTo(everyOutcome().recipes().get(0).duration().orElseThrow().toSeconds());
        assertThat(root.path("recipes").get(1).path("estimate").isNull()).isTrue();
        JsonNode fanOut = failed.path("stages").get(1);
        assertThat(fanOut.path("podDurations").path("p50Seconds").asLong()).isEqualTo(1700);
        assertThat(fanOut.path("podDurations").path("p95Seconds").asLong()).isEqualTo(3310);
        assertThat(fanOut.path("podDurations").path("maxSeconds").asLong()).isEqualTo(3450);
        assertThat(failed.path("stages").get(0).path("podDurations").isNull()).isTrue();
        assertThat(json).doesNotContain(ReportFixtures.TOKEN).contains("Bearer ***");
        assertThat(root.path("recipes").get(5).path("state").asText()).isEqualTo("failed");
        GoldenFiles.assertMatches("report/report.json", json);
    }

    @Test
    void recipesCsvHasAHeaderAndARowPerRecipeQuotedAsRfc4180Says() {
        String csv = ReportCsvRenderer.recipes(everyOutcome());

        assertThat(csv).startsWith(String.join(",", ReportCsvRenderer.RECIPE_COLUMNS) + "\r\n")
                .contains("\r\n\"recipes/odd, \"\"quoted\"\" name\",odd-name,failed,")
                .contains(",\"cmd-0: exit 1,\nthen \"\"more\"\"\",")
                .endsWith("\r\n");
        assertThat(csv.split("\r\n")).hasSize(8);
        GoldenFiles.assertMatches("report/recipes.csv", csv);
    }

    @Test
    void failedCsvIsOneLineOfTheRecipesToRetry() {
        String failed = ReportCsvRenderer.failed(everyOutcome());

        assertThat(failed).isEqualTo("recipes/arcticdem-tile-hillshades,recipes/errored,recipes/slow,odd-name")
                .as("the invalid and skipped recipes would not be fixed by running them again")
                .doesNotContain("broken", "skipped", "\n");
        GoldenFiles.assertMatches("report/failed.csv", failed);
    }

    @Test
    void nothingToRetryIsAnEmptyFile() {
        RunReport base = ReportFixtures.pullRequest();
        RunReport fine = new RunReport(base.repository(), base.headSha(), base.pullRequest(), base.trigger(),
                base.actionsRunUrl(), base.updatedAt(), List.of(ReportFixtures.succeeded(), ReportFixtures.invalid()),
                Optional.empty());

        assertThat(ReportCsvRenderer.failed(fine)).isEmpty();
    }

    @ParameterizedTest(name = "''{0}'' is written {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "plain|plain",
        "a,b|\"a,b\"",
        "say \"hi\"|\"say \"\"hi\"\"\"",
        "''|''",
        "=cmd|=cmd",
    })
    void fieldsAreQuotedOnlyWhenTheyMustBe(String field, String written) {
        assertThat(ReportCsvRenderer.row(List.of(field, "x"))).isEqualTo(written + ",x\r\n");
    }
}
