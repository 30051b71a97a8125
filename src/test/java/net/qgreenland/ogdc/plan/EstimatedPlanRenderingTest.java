package net.qgreenland.ogdc.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import net.qgreenland.ogdc.estimate.PodHours;
import net.qgreenland.ogdc.testing.GoldenFiles;
import org.junit.jupiter.api.Test;

/** A plan with pre-flight estimates as text, Markdown and JSON (golden files), and what a plan without one shows. */
class EstimatedPlanRenderingTest {

    @Test
    void anEstimatedPlanRendersAsTextMarkdownAndJson() {
        RunPlan plan = EstimatedPlans.example();

        GoldenFiles.assertMatches("plan/estimated.txt", PlanRenderer.text(plan));
        GoldenFiles.assertMatches("plan/estimated.md", PlanRenderer.markdown(plan));
        GoldenFiles.assertMatches("plan/estimated.json", PlanRenderer.json(plan));
    }

    @Test
    void theJsonHoldsEachEstimateAndTheTotal() throws Exception {
        JsonNode json = new ObjectMapper().readTree(PlanRenderer.json(EstimatedPlans.example()));

        assertThat(json.path("estimate").path("lowerBound").asBoolean()).isTrue();
        JsonNode hillshades = json.path("recipes").get(0).path("estimate");
        assertThat(hillshades.path("earlierRuns").asInt()).isEqualTo(2);
        assertThat(hillshades.path("stages").get(1).path("pods").asInt()).isEqualTo(12);
        assertThat(hillshades.path("stages").get(1).path("podsFrom").asText()).isEqualTo("history");
        assertThat(hillshades.path("files").isNull()).isTrue();
        JsonNode rivers = json.path("recipes").get(3).path("estimate");
        assertThat(rivers.path("files").asInt()).isEqualTo(5);
        assertThat(rivers.path("bytes").isNull()).isTrue();
        assertThat(rivers.path("partitions").asInt()).isEqualTo(3);
        assertThat(rivers.path("inputs").get(4).path("unknown").asText()).isEqualTo("HEAD answered HTTP 405");
        assertThat(json.path("recipes").get(1).path("estimate").isNull()).isTrue();
        assertThat(json.path("recipes").get(4).path("estimate").path("lowerBound").asBoolean()).isTrue();
    }

    @Test
    void theTotalAddsTheRecipesThatRunAndIsALowerBoundWhenOneWasNotEstimated() {
        RunPlan plan = EstimatedPlans.example();
        double sum = plan.recipes().stream().flatMap(r -> r.estimate().stream()).mapToDouble(e -> e.podHours()
                .hours()).sum();
        RecipePlan viz = plan.recipes().get(2);
        RunPlan oneLeftOut = plan.withRecipes(List.of(plan.recipes().get(0), new RecipePlan(viz.directory(),
                viz.recipeId(), PlanStatus.RUN, "named", List.of(), List.of(), viz.submission(), List.of())));

        assertThat(plan.podHours()).hasValueSatisfying(total -> assertThat(total.hours())
                .isCloseTo(sum, org.assertj.core.data.Offset.offset(1e-9)));
        assertThat(plan.recipes().get(0).estimate().orElseThrow().lowerBound()).isFalse();
        assertThat(oneLeftOut.podHours()).hasValueSatisfying(total -> assertThat(total.lowerBound()).isTrue());
    }

    @Test
    void aPlanWithoutEstimatesShowsNone() {
        RunPlan plan = EstimatedPlans.example();
        RunPlan bare = plan.withRecipes(plan.recipes().stream().map(r -> new RecipePlan(r.directory(), r.recipeId(),
                r.status(), r.why(), r.causes(), r.problems(), r.submission(), r.notes())).toList());

        assertThat(bare.podHours()).isEqualTo(Optional.<PodHours>empty());
        assertThat(PlanRenderer.estimateMarkdown(bare)).isEmpty();
        assertThat(PlanRenderer.text(bare)).doesNotContain("estimate");
        assertThat(PlanRenderer.markdown(bare)).doesNotContain("Pre-flight");
    }
}
