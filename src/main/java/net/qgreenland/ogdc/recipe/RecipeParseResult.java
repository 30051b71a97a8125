package net.qgreenland.ogdc.recipe;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What reading one recipe directory gave: the recipe when it is valid, and every problem found (a valid recipe
 * may still have warnings).
 *
 * @param directory the recipe directory as the user sees it, e.g. {@code recipes/seal-tags}
 */
public record RecipeParseResult(String directory, Optional<Recipe> recipe, List<RecipeProblem> problems) {

    public RecipeParseResult {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(recipe, "recipe");
        problems = List.copyOf(problems);
        if (recipe.isPresent() == problems.stream().anyMatch(RecipeProblem::isError)) {
            throw new IllegalArgumentException("a result has a recipe exactly when it has no errors");
        }
    }

    /** A result for a directory that is not a usable recipe, for reasons found before parsing. */
    public static RecipeParseResult invalid(String directory, List<RecipeProblem> problems) {
        return new RecipeParseResult(directory, Optional.empty(), problems);
    }

    public boolean isValid() {
        return recipe.isPresent();
    }

    /** This result with {@code more} problems added; an error among them makes the result invalid. */
    public RecipeParseResult withProblems(List<RecipeProblem> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<RecipeProblem> all = new java.util.ArrayList<>(problems);
        all.addAll(more);
        boolean invalid = more.stream().anyMatch(RecipeProblem::isError);
        return new RecipeParseResult(directory, invalid ? Optional.empty() : recipe, all);
    }
}
