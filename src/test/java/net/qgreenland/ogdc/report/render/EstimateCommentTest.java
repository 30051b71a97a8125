package net.qgreenland.ogdc.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import net.qgreenland.ogdc.plan.EstimatedPlans;
import net.qgreenland.ogdc.plan.PlanRenderer;
import net.qgreenland.ogdc.plan.RunPlan;
import net.qgreenland.ogdc.report.RunReport;
import net.qgreenland.ogdc.report.RunReports;
import net.qgreenland.ogdc.testing.GoldenFiles;
import org.junit.jupiter.api.Test;

/** The pre-flight estimate in the sticky comment before anything is submitted (golden file) and in the job summary. */
class EstimateCommentTest {

    static RunReport beforeSubmission() {
        RunPlan plan = EstimatedPlans.example();
        return new RunReport("o/r", ReportFixtures.SHA, OptionalInt.of(7), "pull_request",
                Optional.of("https://github.com/o/r/actions/runs/42"), Instant.parse("2026-11-21T10:00:00Z"),
                plan.recipes().stream().map(RunReports::fromPlan).toList(), Optional.of(PlanRenderer.markdown(plan)),
                PlanRenderer.estimateMarkdown(plan));
    }

    @Test
    void theCommentShowsTheEstimateUnderTheRecipes() {
        GoldenFiles.assertMatches("report/pull-request-comment-estimate.md",
                PullRequestCommentRenderer.render(beforeSubmission()));
    }

    @Test
    void theJobSummaryShowsItOnceWithThePlan() {
        String summary = JobSummaryRenderer.render(beforeSubmission());

        assertThat(summary.split("#### Pre-flight estimate", -1)).hasSize(2);
        assertThat(summary.indexOf("#### Pre-flight estimate")).isGreaterThan(summary.indexOf("### OGDC plan"));
    }

    @Test
    void aReportWithoutAnEstimateHasNoSection() {
        RunReport bare = new RunReport("o/r", ReportFixtures.SHA, OptionalInt.of(7), "pull_request",
                Optional.empty(), Instant.parse("2026-11-21T10:00:00Z"), beforeSubmission().recipes(),
                Optional.empty());

        assertThat(PullRequestCommentRenderer.render(bare)).doesNotContain("Pre-flight");
    }
}
