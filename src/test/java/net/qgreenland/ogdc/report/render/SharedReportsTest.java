package net.qgreenland.ogdc.report.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import net.qgreenland.ogdc.plan.PlanRenderer;
import net.qgreenland.ogdc.plan.PlanStatus;
import net.qgreenland.ogdc.plan.RecipePlan;
import net.qgreenland.ogdc.plan.RunPlan;
import net.qgreenland.ogdc.report.RecipeReport;
import net.qgreenland.ogdc.report.RunReport;
import net.qgreenland.ogdc.testing.GoldenFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The sticky pull-request comment and the job summary of one run (golden files), their marker and their limits. */
class SharedReportsTest {

    @Test
    void theCommentStartsWithTheMarkerAndHasOneRowPerRecipe() {
        String comment = PullRequestCommentRenderer.render(ReportFixtures.pullRequest());

        assertThat(comment).startsWith(PullRequestCommentRenderer.MARKER + "\n");
        assertThat(comment.lines().filter(line -> line.startsWith("| ") && !line.startsWith("| Status"))).hasSize(3);
        assertThat(comment).contains("3 recipes: 1 invalid, 1 succeeded, 1 failed.",
                "<sub>Updated 2026-11-21T10:05:00Z");
        GoldenFiles.assertMatches("report/pull-request-comment.md", comment);
    }

    @Test
    void theJobSummaryAddsThePlan() {
        RunPlan plan = new RunPlan("pull request #42: base..head", Optional.of("base"), Optional.of("head"), List.of(
                new RecipePlan("recipes/broken", Optional.empty(), PlanStatus.INVALID, "changed",
                        List.of("recipes/broken/meta.yml"), ReportFixtures.invalid().problems(), Optional.empty(),
                        List.of()),
                new RecipePlan("recipes/retired", Optional.empty(), PlanStatus.REMOVED, "its meta.yml was deleted",
                        List.of("recipes/retired/meta.yml"), List.of(), Optional.empty(), List.of())),
                List.of(), List.of());
        RunReport base = ReportFixtures.pullRequest();
        RunReport run = new RunReport(base.repository(), base.headSha(), base.pullRequest(), base.trigger(),
                base.actionsRunUrl(), base.updatedAt(), base.recipes(), Optional.of(PlanRenderer.markdown(plan)));

        String summary = JobSummaryRenderer.render(run);

        assertThat(summary).contains("### OGDC plan", "| ✅ succeeded | `recipes/seal-tags` |");
        GoldenFiles.assertMatches("report/job-summary.md", summary);
    }

    @Test
    void aMarkerMayCarryARepositorySpecificKey() {
        assertThat(PullRequestCommentRenderer.marker("staging")).isEqualTo(
                "<!-- ogdc-action:sticky-comment:staging -->");
        assertThat(PullRequestCommentRenderer.render(ReportFixtures.pullRequest(),
                PullRequestCommentRenderer.marker("nsidc/recipes"))).startsWith(
                "<!-- ogdc-action:sticky-comment:nsidc/recipes -->\n");
    }

    @ParameterizedTest(name = "the key ''{0}'' is refused")
    @ValueSource(strings = {"", "a b", "x-->", "a--b", "<b>"})
    void aKeyThatCouldEndTheHiddenCommentIsRefused(String key) {
        assertThatIllegalArgumentException().isThrownBy(() -> PullRequestCommentRenderer.marker(key));
    }

    @Test
    void aRunWithThousandsOfFailedRecipesStaysWithinEachLimit() {
        List<RecipeReport> recipes = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            recipes.add(i % 2 == 0 ? ReportFixtures.failed() : ReportFixtures.invalid());
        }
        RunReport base = ReportFixtures.pullRequest();
        RunReport run = new RunReport(base.repository(), base.headSha(), OptionalInt.of(42), base.trigger(),
                base.actionsRunUrl(), base.updatedAt(), recipes, Optional.of("x".repeat(900_000)));

        String comment = PullRequestCommentRenderer.render(run);
        String summary = JobSummaryRenderer.render(run);

        assertThat(comment.length()).isLessThanOrEqualTo(PullRequestCommentRenderer.MAX_BODY_CHARACTERS);
        assertThat(comment).startsWith(PullRequestCommentRenderer.MARKER).contains("… cut: ");
        assertThat(summary.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(JobSummaryRenderer.MAX_BYTES);
        assertThat(summary).contains("… cut: ");
        assertThat(TextBudget.closers(comment)).isEmpty();
        assertThat(TextBudget.closers(summary)).isEmpty();
    }
}
