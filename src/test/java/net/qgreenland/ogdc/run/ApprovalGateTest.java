package net.qgreenland.ogdc.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import net.qgreenland.ogdc.estimate.PodHours;
import net.qgreenland.ogdc.plan.EstimatedPlans;
import net.qgreenland.ogdc.plan.RecipePlan;
import net.qgreenland.ogdc.plan.RunPlan;
import org.junit.jupiter.api.Test;

/** Which recipes the approval gate holds back, by their estimate, the threshold and an approval. */
class ApprovalGateTest {

    static final String HEAD = "2".repeat(40);
    final RunPlan plan = EstimatedPlans.example();
    final List<RecipePlan> estimated = plan.recipes().stream().filter(r -> r.estimate().isPresent())
            .sorted(Comparator.comparingDouble(r -> r.estimate().get().podHours().hours())).toList();

    @Test
    void recipesOverTheThresholdAreHeldWithTheirEstimateAndHowToApprove() {
        RecipePlan smallest = estimated.get(0);
        RecipePlan largest = estimated.get(estimated.size() - 1);
        double between = (hours(smallest) + hours(largest)) / 2;
        assertThat(hours(smallest)).as("the fixture has estimates far apart").isLessThan(between);

        Map<String, String> held = new ApprovalGate(OptionalDouble.of(between), false).held(plan, HEAD);

        assertThat(held).containsKey(largest.directory()).doesNotContainKey(smallest.directory());
        assertThat(held.keySet()).allSatisfy(directory -> assertThat(hours(plan.recipes().stream()
                .filter(r -> r.directory().equals(directory)).findFirst().orElseThrow())).isGreaterThan(between));
        assertThat(held.get(largest.directory())).contains("pod-hours, over the approval threshold of",
                "(max-pod-hours); not submitted", "at 2222222 by commenting /ogdc approve " + largest.directory() + " on",
                "A new push needs a new approval.");
    }

    @Test
    void anApprovedRunOrNoThresholdHoldsNothing() {
        assertThat(new ApprovalGate(OptionalDouble.of(0.0001), true).held(plan, HEAD)).isEmpty();
        assertThat(ApprovalGate.NONE.held(plan, HEAD)).isEmpty();
    }

    @Test
    void aLowerBoundIsHeldOnlyWhenTheBoundItselfIsOver() {
        RecipePlan bounded = estimated.stream().filter(r -> r.estimate().get().podHours().lowerBound()).findFirst()
                .orElseGet(() -> estimated.get(0));
        PodHours hours = bounded.estimate().get().podHours();

        assertThat(new ApprovalGate(OptionalDouble.of(hours.hours() * 2), false).held(plan, HEAD))
                .doesNotContainKey(bounded.directory());
        assertThat(new ApprovalGate(OptionalDouble.of(hours.hours() / 2), false).held(plan, HEAD))
                .containsKey(bounded.directory());
        if (hours.lowerBound()) {
            assertThat(new ApprovalGate(OptionalDouble.of(hours.hours() / 2), false).held(plan, HEAD)
                    .get(bounded.directory())).contains("Estimated at least ");
        }
    }

    @Test
    void aThresholdMustBePositive() {
        assertThatThrownBy(() -> new ApprovalGate(OptionalDouble.of(0), false))
                .hasMessageContaining("max-pod-hours must be a number > 0");
    }

    private static double hours(RecipePlan recipe) {
        return recipe.estimate().orElseThrow().podHours().hours();
    }
}
