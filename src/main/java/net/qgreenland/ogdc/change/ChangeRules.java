package net.qgreenland.ogdc.change;

import java.util.List;
import java.util.Objects;
import net.qgreenland.ogdc.recipe.RecipeDiscovery;

/**
 * How changed paths select recipes: the recipes root (e.g. {@code recipes}; normalized, {@code ""} for the
 * repository root), the globs of documentation files whose changes only need validating unless
 * {@code runOnDocumentationChanges}, and the globs whose change runs every recipe (e.g. {@code scripts/**}); globs
 * are {@link PathGlob}s over repository-relative paths.
 */
public record ChangeRules(String recipesRoot, List<String> documentationGlobs, boolean runOnDocumentationChanges,
        List<String> triggerAllGlobs) {

    /** Markdown files and READMEs at any depth. */
    public static final List<String> DEFAULT_DOCUMENTATION_GLOBS = List.of("**/*.md", "**/README*");

    public ChangeRules {
        recipesRoot = RecipeDiscovery.normalizeRoot(Objects.requireNonNull(recipesRoot, "recipesRoot"));
        documentationGlobs = List.copyOf(documentationGlobs);
        triggerAllGlobs = List.copyOf(triggerAllGlobs);
        documentationGlobs.forEach(PathGlob::of);
        triggerAllGlobs.forEach(PathGlob::of);
    }

    /** Recipes under {@code recipes}, default documentation globs, documentation changes only validated, no trigger-all. */
    public static ChangeRules defaults() {
        return new ChangeRules(RecipeDiscovery.DEFAULT_RECIPES_ROOT, DEFAULT_DOCUMENTATION_GLOBS, false, List.of());
    }

    public ChangeRules withRecipesRoot(String root) {
        return new ChangeRules(root, documentationGlobs, runOnDocumentationChanges, triggerAllGlobs);
    }

    public ChangeRules withRunOnDocumentationChanges(boolean run) {
        return new ChangeRules(recipesRoot, documentationGlobs, run, triggerAllGlobs);
    }

    public ChangeRules withTriggerAllGlobs(List<String> globs) {
        return new ChangeRules(recipesRoot, documentationGlobs, runOnDocumentationChanges, globs);
    }
}
