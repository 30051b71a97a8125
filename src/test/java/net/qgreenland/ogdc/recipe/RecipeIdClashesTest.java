package net.qgreenland.ogdc.recipe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecipeIdClashesTest {

    @Test
    void recipesSharingAnIdAreBothInvalidAndNameEachOther() {
        RecipeParseResult a = parse("recipes/a", "Sea ice");
        RecipeParseResult b = parse("recipes/b", "sea ice");
        RecipeParseResult c = parse("recipes/c", "Land ice");

        List<RecipeParseResult> marked = RecipeIdClashes.mark(List.of(a, b, c));

        assertThat(marked).extracting(RecipeParseResult::isValid).containsExactly(false, false, true);
        assertThat(marked.get(0).problems()).singleElement().satisfies(p -> {
            assertThat(p.location().file()).isEqualTo("recipes/a/meta.yml");
            assertThat(p.message()).contains("'sea-ice' is also the id of recipes/b");
        });
        assertThat(marked.get(1).problems()).singleElement().extracting(RecipeProblem::message).asString()
                .contains("also the id of recipes/a");
    }

    private static RecipeParseResult parse(String dir, String name) {
        return RecipeParser.parse(dir, InMemoryRecipeFiles.of(Map.of(
                "meta.yml", RecipeParserRulesTest.SHELL.replace("Test recipe", name), "recipe.sh", "echo\n")));
    }
}
