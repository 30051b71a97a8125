package net.qgreenland.ogdc.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.qgreenland.ogdc.recipe.RecipeParseResult;
import net.qgreenland.ogdc.recipe.RecipeProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding and parsing recipes in real directories: repository roots, recipe directories, links, mistakes. */
class LocalRecipesTest {

    static final String META = "name: %s\nworkflow:\n  type: shell\ninput:\n  params:\n"
            + "    - type: url\n      value: https://example.org/a.gpkg\n";

    @TempDir
    Path temp;

    @Test
    void aRepositoryRootYieldsItsRecipesSortedWithPathsAsGiven() throws IOException {
        Path repo = temp.resolve("repo");
        recipe(repo.resolve("recipes/b"), "B");
        recipe(repo.resolve("recipes/a"), "A");
        Files.createDirectories(repo.resolve("recipes/not-a-recipe"));

        List<RecipeParseResult> results = LocalRecipes.parseAll(temp, List.of("repo/"), "recipes");

        assertThat(results).extracting(RecipeParseResult::directory).containsExactly("repo/recipes/a", "repo/recipes/b");
        assertThat(results).allMatch(RecipeParseResult::isValid);
    }

    @Test
    void theWorkingDirectoryAsRootShowsRepositoryRelativePaths() throws IOException {
        recipe(temp.resolve("recipes/a"), "A");

        assertThat(LocalRecipes.parseAll(temp, List.of("."), "recipes"))
                .extracting(RecipeParseResult::directory).containsExactly("recipes/a");
    }

    @Test
    void aRecipeDirectoryIsOneRecipe() throws IOException {
        recipe(temp.resolve("repo/recipes/a"), "A");

        assertThat(LocalRecipes.parseAll(temp, List.of("./repo/recipes/a"), "recipes"))
                .extracting(RecipeParseResult::directory).containsExactly("repo/recipes/a");
    }

    @Test
    void aConfiguredRecipesRootIsUsed() throws IOException {
        recipe(temp.resolve("pipelines/ogdc/a"), "A");

        assertThat(LocalRecipes.parseAll(temp, List.of("."), "pipelines/ogdc"))
                .extracting(RecipeParseResult::directory).containsExactly("pipelines/ogdc/a");
    }

    @Test
    void aRecipeDirectoryLinkedOutOfTheRepositoryIsRefused() throws IOException {
        Path outside = recipe(temp.resolve("outside/evil"), "Evil");
        recipe(temp.resolve("repo/recipes/good"), "Good");
        Files.createSymbolicLink(temp.resolve("repo/recipes/evil"), outside);

        List<RecipeParseResult> results = LocalRecipes.parseAll(temp, List.of("repo"), "recipes");

        assertThat(results).extracting(RecipeParseResult::directory)
                .containsExactly("repo/recipes/evil", "repo/recipes/good");
        assertThat(results.get(0).problems()).singleElement().extracting(RecipeProblem::message).asString()
                .contains("symbolic link to '" + outside + "', outside the repository");
        assertThat(results.get(1).isValid()).isTrue();
    }

    @Test
    void aRecipeDirectoryLinkedInsideTheRepositoryIsARecipe() throws IOException {
        Path real = recipe(temp.resolve("repo/shared/a"), "A");
        Files.createDirectories(temp.resolve("repo/recipes"));
        Files.createSymbolicLink(temp.resolve("repo/recipes/a"), real);

        assertThat(LocalRecipes.parseAll(temp, List.of("repo"), "recipes")).singleElement()
                .satisfies(r -> assertThat(r.isValid()).isTrue());
    }

    @Test
    void aRecipesRootLinkedOutOfTheRepositoryIsRefused() throws IOException {
        recipe(temp.resolve("outside/a"), "A");
        Files.createDirectories(temp.resolve("repo"));
        Files.createSymbolicLink(temp.resolve("repo/recipes"), temp.resolve("outside"));

        assertThatThrownBy(() -> LocalRecipes.parseAll(temp, List.of("repo"), "recipes"))
                .isInstanceOf(WorkspaceException.class)
                .hasMessage("the recipes directory 'repo/recipes' is a symbolic link out of the repository");
    }

    @Test
    void aMetaYamlIsReportedInsteadOfSkipped() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("recipes/typo"));
        Files.writeString(dir.resolve("meta.yaml"), META.formatted("T"));

        assertThat(LocalRecipes.parseAll(temp, List.of("."), "recipes")).singleElement().satisfies(r -> {
            assertThat(r.isValid()).isFalse();
            assertThat(r.problems()).singleElement().extracting(p -> p.location().toString() + " " + p.message())
                    .asString().isEqualTo("recipes/typo/meta.yaml the recipe file must be named meta.yml "
                            + "(not meta.yaml); rename it");
        });
    }

    @Test
    void recipesOfOneRepositorySharingAnIdAreInvalid() throws IOException {
        recipe(temp.resolve("recipes/a"), "Same");
        recipe(temp.resolve("recipes/b"), "same");

        assertThat(LocalRecipes.parseAll(temp, List.of("."), "recipes")).noneMatch(RecipeParseResult::isValid);
    }

    @Test
    void pathsThatHoldNoRecipesAreUsageErrors() throws IOException {
        Files.createDirectories(temp.resolve("empty/recipes"));
        Files.createDirectories(temp.resolve("plain"));
        Files.writeString(temp.resolve("file.txt"), "x");

        assertThatThrownBy(() -> LocalRecipes.parseAll(temp, List.of("missing"), "recipes"))
                .isInstanceOf(WorkspaceException.class).hasMessage("'missing' does not exist");
        assertThatThrownBy(() -> LocalRecipes.parseAll(temp, List.of("file.txt"), "recipes"))
                .hasMessageStartingWith("'file.txt' is a file; give a recipe directory");
        assertThatThrownBy(() -> LocalRecipes.parseAll(temp, List.of("plain"), "recipes"))
                .hasMessage("'plain' is neither a recipe directory (it has no meta.yml) nor a repository root "
                        + "(it has no recipes/ directory)");
        assertThatThrownBy(() -> LocalRecipes.parseAll(temp, List.of("empty"), "recipes"))
                .hasMessage("no recipes found in 'empty/recipes': a recipe is a directory recipes/<name>/ holding a meta.yml");
    }

    private static Path recipe(Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("meta.yml"), META.formatted(name));
        Files.writeString(dir.resolve("recipe.sh"), "ogr2ogr /output_dir/a.gpkg /input_dir/a.gpkg\n");
        return dir;
    }
}
