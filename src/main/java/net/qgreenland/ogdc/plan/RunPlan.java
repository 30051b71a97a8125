package net.qgreenland.ogdc.plan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
}
