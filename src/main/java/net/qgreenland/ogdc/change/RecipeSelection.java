package net.qgreenland.ogdc.change;

import java.util.List;

/**
 * Which recipes a change runs, only validates, or removed (each list sorted by directory, each recipe at most
 * once), and whether a trigger-all path ran every recipe, with those paths sorted.
 */
public record RecipeSelection(List<SelectedRecipe> run, List<SelectedRecipe> validateOnly,
        List<SelectedRecipe> removed, boolean triggeredAll, List<String> triggerPaths) {

    public RecipeSelection {
        run = List.copyOf(run);
        validateOnly = List.copyOf(validateOnly);
        removed = List.copyOf(removed);
        triggerPaths = List.copyOf(triggerPaths);
        if (triggeredAll == triggerPaths.isEmpty()) {
            throw new IllegalArgumentException("triggeredAll is " + triggeredAll + " but the trigger paths are "
                    + triggerPaths);
        }
    }

    /** Whether the change selected no recipe at all. */
    public boolean isEmpty() {
        return run.isEmpty() && validateOnly.isEmpty() && removed.isEmpty();
    }
}
