package net.qgreenland.ogdc.report.render;

import net.qgreenland.ogdc.report.RunReport;

/**
 * Writes the job summary: the recipes' table and failures as in the pull-request comment, a timeline of every
 * recipe's stages, the pod durations of fan-out stages, then the run's plan.
 */
public final class JobSummaryRenderer {

    /** GitHub's limit on one step's summary, in bytes of UTF-8. */
    public static final int MAX_BYTES = 1_048_576;

    private static final TextBudget SUMMARY = TextBudget.utf8Bytes(MAX_BYTES);

    private JobSummaryRenderer() {}

    /** The summary Markdown, at most {@link #MAX_BYTES} bytes. */
    public static String render(RunReport run) {
        StringBuilder out = new StringBuilder("## OGDC run for ").append(Markdown.code(run.shortSha()))
                .append("\n\n")
                .append(Markdown.escape(run.repository())).append(" · trigger ").append(Markdown.code(run.trigger()))
                .append(run.pullRequest().isPresent() ? " · pull request #" + run.pullRequest().getAsInt() : "")
                .append("\n\n")
                .append(RecipeTable.table(run)).append('\n')
                .append(RecipeTable.totals(run)).append("\n\n")
                .append(RecipeTable.failures(run));
        String timeline = GanttChart.mermaid(run.recipes(), run.updatedAt());
        if (!timeline.isEmpty()) {
            out.append("### Timeline (UTC)\n\n").append(timeline).append('\n');
        }
        String statistics = StageStatistics.table(run.recipes());
        if (!statistics.isEmpty()) {
            out.append("### Fan-out stages\n\nHow long the pods of each stage that fanned out took.\n\n")
                    .append(statistics).append('\n');
        }
        run.planMarkdown().ifPresent(plan -> out.append(plan.endsWith("\n") ? plan : plan + "\n").append('\n'));
        out.append("<sub>Updated ").append(run.updatedAt()).append("</sub>\n");
        return SUMMARY.fit(out.toString(), "the job log");
    }
}
