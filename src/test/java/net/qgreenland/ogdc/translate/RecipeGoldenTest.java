package net.qgreenland.ogdc.translate;

import net.qgreenland.ogdc.testing.GoldenFiles;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.qgreenland.ogdc.argo.model.ArgoDocuments;
import net.qgreenland.ogdc.argo.model.ArgoSchemas;
import net.qgreenland.ogdc.argo.model.Workflow;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example recipe, every test recipe of spec §9.1, the real ogdc-recipes and the visualization shapes of spec
 * §6.3 render to their golden YAML (helpers first, notes as leading comments), and every workflow in them is valid
 * under both Argo schemas.
 */
class RecipeGoldenTest {

    /** Fixed so that goldens do not change with the program's version. */
    static final TranslationSettings SETTINGS = TranslationSettings.fromEnvironment(
            Map.of("DATAONE_NODE_URL", "https://arcticdata.io/metacat/d1/mn"), "test");

    static final List<String> GROUPS = List.of("example-recipe-repo/recipes",
            "src/test/resources/fixtures/runner-tests", "src/test/resources/fixtures/ogdc-recipes/recipes",
            "src/test/resources/fixtures/translate");

    static Stream<String> recipeDirectories() {
        return GROUPS.stream().flatMap(group -> {
            try (Stream<Path> children = Files.list(Path.of(group))) {
                return children.filter(dir -> Files.isRegularFile(dir.resolve("meta.yml")))
                        .map(Path::toString).sorted().toList().stream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recipeDirectories")
    void rendersToItsGoldenFileAndEveryWorkflowIsSchemaValid(String directory) {
        RecipeWorkflows workflows = new RecipeTranslator(SETTINGS).translate(TestRecipes.load(directory), false);

        for (Workflow workflow : workflows.inRunOrder()) {
            assertThat(ArgoSchemas.errors(workflow)).as(directory).isEmpty();
        }
        GoldenFiles.assertMatches(goldenPath(directory), stream(workflows));
    }

    static String stream(RecipeWorkflows workflows) {
        StringBuilder text = new StringBuilder();
        workflows.notes().forEach(note -> text.append("# note: ").append(note).append('\n'));
        text.append(String.join("---\n", workflows.inRunOrder().stream().map(ArgoDocuments::toYaml).toList()));
        return text.toString();
    }

    private static String goldenPath(String directory) {
        Path path = Path.of(directory);
        String group = path.getParent().toString().contains("example-recipe-repo") ? "examples"
                : path.getParent().getFileName().toString().equals("recipes") ? "ogdc-recipes"
                : path.getParent().getFileName().toString();
        return "recipes/" + group + "/" + path.getFileName() + ".yaml";
    }
}
