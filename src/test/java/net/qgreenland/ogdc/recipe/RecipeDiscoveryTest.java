package net.qgreenland.ogdc.recipe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecipeDiscoveryTest {

    @Test
    void recipesAreDirectoriesOneLevelBelowTheRootHoldingMetaYml() {
        List<String> paths = List.of(
                "recipes/b/meta.yml", "recipes/a/meta.yml", "recipes/a/recipe.sh", "recipes/a/meta.yml",
                "recipes/deep/nested/meta.yml", "recipes/meta.yml", "other/c/meta.yml", "recipes-old/d/meta.yml",
                "recipes/e/meta.yaml", "recipes/f/meta.yaml", "recipes/f/meta.yml");

        RecipeDiscovery.Found found = RecipeDiscovery.find("recipes", paths);

        assertThat(found.recipeDirectories()).containsExactly("recipes/a", "recipes/b", "recipes/f");
        assertThat(found.misnamedDirectories()).containsExactly("recipes/e");
    }

    @Test
    void theRecipesRootIsConfigurable() {
        assertThat(RecipeDiscovery.find("/pipelines/ogdc/", List.of("pipelines/ogdc/x/meta.yml", "recipes/y/meta.yml"))
                .recipeDirectories()).containsExactly("pipelines/ogdc/x");
    }
}
