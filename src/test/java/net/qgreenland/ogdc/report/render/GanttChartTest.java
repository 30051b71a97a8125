package net.qgreenland.ogdc.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.qgreenland.ogdc.report.RecipeReport;
import net.qgreenland.ogdc.report.RecipeState;
import net.qgreenland.ogdc.report.RunReport;
import net.qgreenland.ogdc.report.StageSummary;
import net.qgreenland.ogdc.testing.GoldenFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The timeline: a Mermaid Gantt chart of every recipe's stages (golden file), names Mermaid can read, its size. */
class GanttChartTest {

    static final Instant NOW = ReportFixtures.UPDATED;

    static RecipeReport withStages(String directory, List<StageSummary> stages) {
        RecipeReport base = ReportFixtures.succeeded();
        return new RecipeReport(directory, base.recipeId(), RecipeState.RUNNING, base.workflowName(), base.argoUrl(),
                base.checkRunUrl(), base.progress(), base.startedAt(), Optional.empty(), stages, List.of(),
                List.of(), Optional.empty(), "running");
    }

    @Test
    void aSectionPerRecipeWithTimedStagesAndABarPerStage() {
        RunReport run = ReportFixtures.pullRequest();

        String chart = GanttChart.mermaid(run.recipes(), run.updatedAt());

        assertThat(chart).startsWith("```mermaid\ngantt\n  dateFormat YYYY-MM-DD HH:mm:ss\n  axisFormat %H:%M\n")
                .contains("  section recipes/arcticdem-tile-hillshades\n",
                        "  cmd-0 :crit, done, 2026-11-21 10:00:09, 2026-11-21 11:00:09\n",
                        "  section recipes/seal-tags\n")
                .as("the invalid recipe has no stages").doesNotContain("recipes/broken");
        GoldenFiles.assertMatches("report/gantt.md", chart);
    }

    @Test
    void aRunningStageEndsNowAndAStageWithoutTimesIsLeftOut() {
        StageSummary running = new StageSummary("cmd-0", Map.of("Running", 2L, "Succeeded", 1L),
                Optional.of(NOW.minusSeconds(60)), Optional.empty(), List.of(), 0);
        StageSummary pending = new StageSummary("publish", Map.of("Pending", 1L), Optional.empty(),
                Optional.empty(), List.of(), 0);
        StageSummary omitted = new StageSummary("skipped", Map.of("Omitted", 1L), Optional.of(NOW.minusSeconds(9)),
                Optional.empty(), List.of(), 0);

        String chart = GanttChart.mermaid(List.of(withStages("recipes/a", List.of(running, pending, omitted))), NOW);

        assertThat(chart).contains("  cmd-0 :active, 2026-11-21 10:04:00, 2026-11-21 10:05:00\n")
                .doesNotContain("publish", "skipped");
    }

    @Test
    void noTimedStageNoChart() {
        assertThat(GanttChart.mermaid(List.of(ReportFixtures.invalid()), NOW)).isEmpty();
    }

    @ParameterizedTest(name = "''{0}'' is drawn as ''{1}''")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "cmd-0|cmd-0",
        "a: b|a： b",
        "x # comment|x ＃ comment",
        "one; two|one； two",
        "50%% done|50％％ done",
        "\"  padded  \"|padded",
        "`tick`|'tick'",
        "gantt-fix|stage gantt-fix",
        "Title page|stage Title page",
        "section 2|stage section 2",
        "click here|stage click here",
        "2026-11-21 backfill|stage 2026-11-21 backfill",
        "tidy|tidy",
    })
    void stageNamesCannotBreakTheChart(String name, String drawn) {
        assertThat(GanttChart.taskText(name)).isEqualTo(drawn);
        StageSummary stage = ReportFixtures.stage(name, Map.of("Succeeded", 1L), 0, 5, List.of(5), 0);
        String line = GanttChart.mermaid(List.of(withStages("recipes/a", List.of(stage))), NOW).lines()
                .filter(l -> l.contains(" :done")).findFirst().orElseThrow();
        assertThat(line.substring(0, line.indexOf(" :done"))).doesNotContain(":", "#", ";", "%", "\n");
    }

    @Test
    void aLongOrMultiLineNameIsShortenedToOneLine() {
        assertThat(GanttChart.text("a\nb")).isEqualTo("a b");
        assertThat(GanttChart.text("x".repeat(200))).hasSize(GanttChart.MAX_NAME).endsWith("…");
        assertThat(GanttChart.text("recipes/odd:name#1")).isEqualTo("recipes/odd：name＃1");
    }

    @Test
    void aRunLongerThanADayShowsDatesOnTheAxis() {
        StageSummary long1 = ReportFixtures.stage("cmd-0", Map.of("Succeeded", 1L), 0, 90_000, List.of(90_000), 0);

        assertThat(GanttChart.mermaid(List.of(withStages("recipes/a", List.of(long1))), NOW))
                .contains("  axisFormat %m-%d %H:%M\n");
    }

    @Test
    void aHugeRunIsCutToABoundedChartThatSaysSo() {
        List<RecipeReport> recipes = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            List<StageSummary> stages = new ArrayList<>();
            for (int s = 0; s < 4; s++) {
                stages.add(ReportFixtures.stage("stage-" + s + "-" + "n".repeat(60), Map.of("Succeeded", 1L),
                        s * 10, s * 10 + 10, List.of(10), 0));
            }
            recipes.add(withStages("recipes/recipe-" + i, stages));
        }

        String chart = GanttChart.mermaid(recipes, NOW);

        String mermaid = chart.substring(0, chart.lastIndexOf("```") + 3);
        assertThat(mermaid.length()).isLessThanOrEqualTo(GanttChart.MAX_CHARACTERS + 20);
        assertThat(mermaid.lines().filter(line -> line.contains(" :done"))).hasSize(GanttChart.MAX_BARS);
        assertThat(chart).endsWith("The chart leaves out 1000 stages (250 recipes entirely) to stay drawable; "
                + "report.json has them all.\n");
        assertThat(TextBudget.closers(chart)).isEmpty();
    }
}
