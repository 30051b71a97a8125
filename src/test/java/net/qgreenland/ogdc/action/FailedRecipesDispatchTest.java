package net.qgreenland.ogdc.action;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import net.qgreenland.ogdc.report.RecipeReport;
import net.qgreenland.ogdc.report.RecipeState;
import net.qgreenland.ogdc.report.RunReport;
import net.qgreenland.ogdc.report.render.ReportCsvRenderer;
import net.qgreenland.ogdc.report.render.ReportFixtures;
import org.junit.jupiter.api.Test;

/** failed.csv, pasted into a dispatch's {@code recipes} input, names exactly the recipes to retry. */
class FailedRecipesDispatchTest {

    static RecipeReport failed(String directory, String id, RecipeState state) {
        RecipeReport r = ReportFixtures.failed();
        return new RecipeReport(directory, Optional.of(id), state, r.workflowName(), r.argoUrl(), r.checkRunUrl(),
                r.progress(), r.startedAt(), r.finishedAt(), r.stages(), r.problems(), r.logs(), r.reason(),
                r.detail());
    }

    @Test
    void theDispatchInputReadsFailedCsvAsItsRecipes() throws Exception {
        RunReport run = new RunReport("o/r", ReportFixtures.SHA, OptionalInt.empty(), "push", Optional.empty(),
                ReportFixtures.UPDATED, List.of(failed("recipes/a", "a", RecipeState.FAILED),
                ReportFixtures.succeeded(), ReportFixtures.invalid(),
                failed("recipes/b", "b", RecipeState.ERRORED), failed("recipes/c", "c", RecipeState.TIMED_OUT),
                failed("recipes/with space", "with-space", RecipeState.FAILED)), Optional.empty());
        String failedCsv = ReportCsvRenderer.failed(run);
        String payload = new ObjectMapper().createObjectNode().set("inputs", new ObjectMapper().createObjectNode()
                .put("recipes", failedCsv).put("force", "true")).toString();

        ActionEvent event = ActionEvent.parse("workflow_dispatch", payload);

        assertThat(event).isEqualTo(new ActionEvent.Dispatch(List.of("recipes/a", "recipes/b", "recipes/c",
                "with-space"), false, true));
    }
}
