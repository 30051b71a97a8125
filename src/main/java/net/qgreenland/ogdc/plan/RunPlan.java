package net.qgreenland.ogdc.plan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import net.qgreenland.ogdc.estimate.PodHours;

/**
 * Everything a change would do: the commits compared ({@code base} is empty when recipes were named instead of
 * diffed, both are empty when there is nothing to run), a one-line {@code scope} saying how they were chosen (e.g. "push: before..after, fetched the missing
 * commit from origin"), the recipes in directory order, the trigger-all paths that selected every recipe, and notes.
 */
public record RunPlan(String scope, Optional<String> base, Optional<String> head, List<RecipePlan> recipes,
        List<String> triggerPaths, List<String> notes) {

    public RunPlan {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(head, "head");
        recipes = List.copyOf(recipes);
        triggerPaths = List.copyOf(triggerPaths);
        notes = List.copyOf(notes);
    }

    /** How many recipes have {@code status}. */
    public long count(PlanStatus status) {
        return recipes.stream().filter(recipe -> recipe.status() == status).count();
    }

    /** Whether any selected recipe is invalid (the plan command then exits 1). */
    public boolean hasInvalid() {
        return count(PlanStatus.INVALID) > 0;
    }

    /** The same plan with {@code recipes} in place of its recipes (e.g. once they are estimated). */
    public RunPlan withRecipes(List<RecipePlan> recipes) {
        return new RunPlan(scope, base, head, recipes, triggerPaths, notes);
    }

    /**
     * The estimated pod-hours of every recipe that runs, summed: a lower bound if one of them is or was not
     * estimated; empty when none was.
     */
    public Optional<PodHours> podHours() {
        List<RecipePlan> running = recipes.stream().filter(recipe -> recipe.status() == PlanStatus.RUN).toList();
        boolean someMissing = running.stream().anyMatch(recipe -> recipe.estimate().isEmpty());
        return running.stream().flatMap(recipe -> recipe.estimate().stream()).map(e -> e.podHours())
                .reduce(PodHours::plus).map(total -> someMissing ? new PodHours(total.hours(), true) : total);
    }
}
