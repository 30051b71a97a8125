package net.qgreenland.ogdc.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import net.qgreenland.ogdc.report.CheckAnnotation;
import net.qgreenland.ogdc.report.CheckConclusion;
import net.qgreenland.ogdc.report.CheckRunUpdate;
import net.qgreenland.ogdc.report.CheckStatus;
import net.qgreenland.ogdc.report.LogExcerpt;
import net.qgreenland.ogdc.report.RecipeReport;
import net.qgreenland.ogdc.report.RecipeState;
import net.qgreenland.ogdc.testing.GoldenFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A recipe's check run: identity, status, title, Markdown (golden files), masked logs and annotations. */
class CheckRunSummaryRendererTest {

    static String golden(CheckRunUpdate update) {
        return "# " + update.title() + "\n\n" + update.summary()
                + update.text().map(text -> "\n---- text ----\n\n" + text).orElse("");
    }

    @Test
    void aSucceededRecipeSaysHowLongItTookWithItsStages() {
        CheckRunUpdate update = CheckRunSummaryRenderer.render(ReportFixtures.succeeded(),
                ReportFixtures.pullRequest(), List.of());

        assertThat(update.name()).isEqualTo("recipes/seal-tags");
        assertThat(update.externalId()).isEqualTo("recipes/seal-tags@" + ReportFixtures.SHA);
        assertThat(update.headSha()).isEqualTo(ReportFixtures.SHA);
        assertThat(update.status()).isEqualTo(CheckStatus.COMPLETED);
        assertThat(update.conclusion()).contains(CheckConclusion.SUCCESS);
        assertThat(update.title()).isEqualTo("✓ succeeded in 4m12s");
        assertThat(update.detailsUrl()).contains("https://argo.example/workflows/qgnet/seal-tags-shell-x7k2p");
        assertThat(update.completedAt()).contains(ReportFixtures.STARTED.plusSeconds(252));
        assertThat(update.text()).isEmpty();
        assertThat(update.annotations()).isEmpty();
        GoldenFiles.assertMatches("report/check-run-succeeded.md", golden(update));
    }

    @Test
    void aFailedRecipeShowsItsStagesDiagramAndMaskedLogs() {
        CheckRunUpdate update = CheckRunSummaryRenderer.render(ReportFixtures.failed(), ReportFixtures.pullRequest(),
                List.of(ReportFixtures.TOKEN));

        assertThat(update.title()).isEqualTo("✗ failed: cmd-0(12): Error (exit code 1)");
        assertThat(update.conclusion()).contains(CheckConclusion.FAILURE);
        assertThat(update.summary()).contains("```mermaid\nflowchart LR\n", "class s2_cmd_0 failed");
        assertThat(update.text()).get().asString().doesNotContain(ReportFixtures.TOKEN)
                .contains("Bearer ***'", "````text\n");
        GoldenFiles.assertMatches("report/check-run-failed.md", golden(update));
    }

    @Test
    void anInvalidRecipeListsItsProblemsAndAnnotatesTheFiles() {
        CheckRunUpdate update = CheckRunSummaryRenderer.render(ReportFixtures.invalid(), ReportFixtures.pullRequest(),
                List.of());

        assertThat(update.title()).isEqualTo("✗ 3 problems in meta.yml");
        assertThat(update.detailsUrl()).contains("https://github.com/nsidc/recipes/actions/runs/777");
        assertThat(update.annotations()).containsExactly(
                new CheckAnnotation("recipes/broken/meta.yml", 1, 1, OptionalInt.of(1), OptionalInt.of(1),
                        CheckAnnotation.Level.FAILURE, "workflow", "is required but missing"),
                new CheckAnnotation("recipes/broken/meta.yml", 3, 3, OptionalInt.of(11), OptionalInt.of(11),
                        CheckAnnotation.Level.FAILURE, "input.params",
                        "At least one input parameter is required | even with *globs*"),
                new CheckAnnotation("recipes/broken/meta.yml", 1, 1, OptionalInt.empty(), OptionalInt.empty(),
                        CheckAnnotation.Level.WARNING, "recipe warning", "the file has no trailing newline"));
        GoldenFiles.assertMatches("report/check-run-invalid.md", golden(update));
    }

    @ParameterizedTest(name = "a problem in {1} of {0} is annotated on {2}")
    @CsvSource({
        "recipes/a, recipes/a/meta.yml, recipes/a/meta.yml",
        "recipes/a, meta.yml, recipes/a/meta.yml",
        "recipes/a, ./recipe.sh, recipes/a/recipe.sh",
        "recipes/a, recipes/ab/meta.yml, recipes/a/recipes/ab/meta.yml",
    })
    void annotationPathsAreRelativeToTheRepositoryRoot(String directory, String file, String expected) {
        assertThat(CheckRunSummaryRenderer.path(directory, file)).isEqualTo(expected);
    }

    @Test
    void aRunningRecipeIsInProgressWithoutAConclusionOrEnd() {
        RecipeReport running = withState(ReportFixtures.succeeded(), RecipeState.RUNNING);

        CheckRunUpdate update = CheckRunSummaryRenderer.render(running, ReportFixtures.pullRequest(), List.of());

        assertThat(update.status()).isEqualTo(CheckStatus.IN_PROGRESS);
        assertThat(update.conclusion()).isEmpty();
        assertThat(update.completedAt()).isEmpty();
        assertThat(update.title()).isEqualTo("running: 4/4 pods done");
    }

    @Test
    void aHugeLogIsCutToTheApiLimitWithItsFenceClosedAndSecretsMaskedFirst() {
        String secret = "tok-" + "x".repeat(40);
        List<String> lines = new java.util.ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            lines.add("line " + i + " ünïcödé 🧊 " + secret);
        }
        RecipeReport base = ReportFixtures.failed();
        RecipeReport huge = new RecipeReport(base.directory(), base.recipeId(), base.state(), base.workflowName(),
                base.argoUrl(), base.checkRunUrl(), base.progress(), base.startedAt(), base.finishedAt(),
                base.stages(), base.problems(), List.of(new LogExcerpt("cmd-0", "pod", lines, Optional.empty())),
                base.reason(), base.detail());

        String text = CheckRunSummaryRenderer.render(huge, ReportFixtures.pullRequest(), List.of(secret)).text()
                .orElseThrow();

        assertThat(text.length()).isLessThanOrEqualTo(CheckRunUpdate.MAX_OUTPUT_CHARACTERS);
        assertThat(text).doesNotContain("tok-x").contains("… cut: ", "](https://github.com/nsidc/recipes/actions/runs/777)")
                .endsWith(".\n");
        assertThat(TextBudget.closers(text)).isEmpty();
    }

    static RecipeReport withState(RecipeReport r, RecipeState state) {
        return new RecipeReport(r.directory(), r.recipeId(), state, r.workflowName(), r.argoUrl(), r.checkRunUrl(),
                r.progress(), r.startedAt(), Optional.empty(), r.stages(), r.problems(), r.logs(), r.reason(),
                r.detail());
    }
}
