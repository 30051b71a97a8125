package net.qgreenland.ogdc.report.render;

import java.util.List;
import java.util.Optional;
import net.qgreenland.ogdc.report.DurationStatistics;
import net.qgreenland.ogdc.report.RecipeReport;
import net.qgreenland.ogdc.report.StageSummary;

/** The pod durations of fan-out stages as Markdown: table cells for one stage, a table for a whole run. */
final class StageStatistics {

    /** The most rows the run's table has; the rest are counted in a line under it. */
    static final int MAX_ROWS = 500;

    private StageStatistics() {}

    /** {@code p50 | p95 | max} cells of a fan-out stage; dashes for any other. */
    static String cells(StageSummary stage) {
        Optional<DurationStatistics> statistics = stage.statistics();
        return statistics.map(s -> Markdown.duration(s.p50()) + " | " + Markdown.duration(s.p95()) + " | "
                + Markdown.duration(s.max())).orElse("– | – | –");
    }

    /** A row per fan-out stage of every recipe: pods, retries, p50, p95, max; empty when there is none. */
    static String table(List<RecipeReport> recipes) {
        StringBuilder out = new StringBuilder();
        int rows = 0;
        int left = 0;
        for (RecipeReport recipe : recipes) {
            for (StageSummary stage : recipe.stages()) {
                if (stage.statistics().isEmpty()) {
                    continue;
                }
                if (rows == MAX_ROWS) {
                    left++;
                    continue;
                }
                if (rows == 0) {
                    out.append("| Recipe | Stage | Pods | Retries | Pod p50 | Pod p95 | Pod max |\n")
                            .append("|---|---|--:|--:|--:|--:|--:|\n");
                }
                out.append("| ").append(Markdown.code(recipe.directory())).append(" | ")
                        .append(Markdown.code(stage.name())).append(" | ").append(stage.pods()).append(" | ")
                        .append(stage.retries()).append(" | ").append(cells(stage)).append(" |\n");
                rows++;
            }
        }
        if (left > 0) {
            out.append('\n').append(Markdown.count(left, "more stage")).append(" in report.json.\n");
        }
        return out.toString();
    }
}
