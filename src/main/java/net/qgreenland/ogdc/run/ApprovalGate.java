package net.qgreenland.ogdc.run;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import net.qgreenland.ogdc.estimate.EstimateRenderer;
import net.qgreenland.ogdc.estimate.PodHours;
import net.qgreenland.ogdc.git.GitChanges;
import net.qgreenland.ogdc.plan.RecipePlan;
import net.qgreenland.ogdc.plan.RunPlan;

/**
 * The approval gate: a recipe whose pre-flight estimate is over {@code max-pod-hours} is not submitted until someone
 * who may push approves it ({@code /ogdc approve <recipe>}, or a dispatch with {@code force}), at one head commit: a
 * new push is estimated and gated again. A lower-bound estimate is held only when the bound itself is over the
 * threshold; a recipe without an estimate is never held (there is nothing to compare).
 *
 * @param maxPodHours the threshold, in pod-hours; empty for no gate
 * @param approved whether this run was approved (its recipes pass whatever their estimate)
 */
public record ApprovalGate(OptionalDouble maxPodHours, boolean approved) {

    /** No gate: everything is submitted. */
    public static final ApprovalGate NONE = new ApprovalGate(OptionalDouble.empty(), false);

    public ApprovalGate {
        if (maxPodHours.isPresent() && !(maxPodHours.getAsDouble() > 0)) {
            throw new IllegalArgumentException("max-pod-hours must be a number > 0, got " + maxPodHours.getAsDouble());
        }
    }

    /**
     * The recipes of {@code plan} the gate holds back, by directory, each with the sentence its report and check run
     * show; {@code head} is the commit an approval would be for.
     */
    public Map<String, String> held(RunPlan plan, String head) {
        Map<String, String> held = new LinkedHashMap<>();
        if (maxPodHours.isEmpty() || approved) {
            return held;
        }
        double limit = maxPodHours.getAsDouble();
        String threshold = BigDecimal.valueOf(limit).stripTrailingZeros().toPlainString();
        for (RecipePlan recipe : plan.recipes()) {
            Optional<PodHours> estimate = recipe.estimate().map(e -> e.podHours());
            if (estimate.isPresent() && estimate.get().hours() > limit) {
                held.put(recipe.directory(), "Estimated " + (estimate.get().lowerBound() ? "at least " : "")
                        + EstimateRenderer.podHours(estimate.get().hours()) + " pod-hours, over the approval threshold "
                        + "of " + threshold + " (max-pod-hours); not submitted. Someone with write access can run it "
                        + "at " + GitChanges.abbreviate(head) + " by commenting /ogdc approve " + recipe.directory()
                        + " on the pull request, or with a dispatch of the workflow with force. A new push needs a new "
                        + "approval.");
            }
        }
        return held;
    }
}
