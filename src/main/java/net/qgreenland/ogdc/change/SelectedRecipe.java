package net.qgreenland.ogdc.change;

import java.util.List;
import java.util.Objects;

/**
 * One recipe picked by a change, with the changed (or trigger-all) paths that picked it, sorted and distinct, and
 * the {@link Reason} for its place in the {@link RecipeSelection}.
 *
 * @param directory the repository-relative recipe directory, e.g. {@code recipes/seal-tags}
 */
public record SelectedRecipe(String directory, List<String> causes, Reason reason) {

    /** Why a recipe was selected. */
    public enum Reason {
        /** A file other than documentation changed inside the recipe directory. */
        CHANGED,
        /** Only documentation changed inside the recipe directory. */
        DOCUMENTATION_ONLY,
        /** A path matching a trigger-all glob changed. */
        TRIGGERED_ALL,
        /** The recipe directory no longer holds a recipe at the head commit. */
        REMOVED
    }

    public SelectedRecipe {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(reason, "reason");
        causes = List.copyOf(causes);
        if (causes.isEmpty()) {
            throw new IllegalArgumentException("recipe " + directory + " was selected without a cause");
        }
    }
}
