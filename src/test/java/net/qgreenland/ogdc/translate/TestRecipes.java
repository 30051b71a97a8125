package net.qgreenland.ogdc.translate;

import java.nio.file.Path;
import net.qgreenland.ogdc.recipe.Recipe;
import net.qgreenland.ogdc.recipe.RecipeParseResult;
import net.qgreenland.ogdc.recipe.RecipeParser;
import net.qgreenland.ogdc.workspace.FileSystemRecipeFiles;

/** Recipes from the example repository and the fixtures, parsed for translation tests. */
final class TestRecipes {

    private TestRecipes() {}

    static Recipe load(String directory) {
        RecipeParseResult result = RecipeParser.parse(directory, new FileSystemRecipeFiles(Path.of(directory)));
        return result.recipe().orElseThrow(() -> new AssertionError(directory + ": " + result.problems()));
    }
}
