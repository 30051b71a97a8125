package net.qgreenland.ogdc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate} end to end on real directories: the shipped example, the public recipes, broken ones. */
class ValidateCommandTest {

    static final String FIXTURES = "src/test/resources/fixtures/";

    @Test
    void everyRecipeOfTheExampleRepositoryIsValid() throws IOException {
        CliRun run = CliRun.of("validate", "example-recipe-repo");

        long recipes;
        try (var dirs = Files.list(Path.of("example-recipe-repo/recipes"))) {
            recipes = dirs.filter(d -> Files.exists(d.resolve("meta.yml"))).count();
        }
        assertThat(recipes).isGreaterThanOrEqualTo(6);
        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out().lines().filter(l -> l.startsWith("✓ example-recipe-repo/recipes/"))).hasSize((int) recipes);
        assertThat(run.out()).doesNotContain("✗").contains(recipes + " recipes: " + recipes + " valid, 0 invalid");
    }

    @Test
    void theSevenPublicOgdcRecipesAreValidWithTheSpecIds() {
        CliRun run = CliRun.of("validate", FIXTURES + "ogdc-recipes");

        assertThat(run.exitCode()).as(run.out()).isZero();
        String r = "✓ " + FIXTURES + "ogdc-recipes/recipes/";
        assertThat(run.out().lines().toList()).containsExactly(
                r + "agb-plant (id: arctic-plant-agb-greenland, shell, 2 steps)",
                r + "agb-woodyplant (id: arctic-woody-plant-agb-greenland, shell, 2 steps)",
                r + "agb-woodyplant-dominance (id: arctic-woody-plant-dominance-greenland, shell, 2 steps)",
                r + "greenland-ice-sheet (id: greenland-ice-sheet-sea-level-contribution, shell, 1 step)",
                r + "sea-ice-conc (id: september-2023-sea-ice-concentration-average, shell, 4 steps)",
                r + "seal-tags (id: water-measurements-from-seal-tag-data, shell, 1 step)",
                r + "viz-workflow (id: greenland-ice-basins-visualization-workflow, visualization, parallel, zoom 0-5)",
                "7 recipes: 7 valid, 0 invalid");
    }

    @Test
    void theFourRunnerTestRecipesAreValidWithTheSpecIds() {
        String dir = FIXTURES + "runner-tests/";
        CliRun run = CliRun.of("validate", dir + "test_shell_workflow_recipe_dir", dir + "test_temp_output_recipe_dir",
                dir + "test_parallel_shell_recipe_dir", dir + "test_viz_workflow_recipe_dir");

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out().lines().toList()).containsExactly(
                "✓ " + dir + "test_shell_workflow_recipe_dir (id: test-ogdc-workflow, shell, 1 step)",
                "✓ " + dir + "test_temp_output_recipe_dir (id: test-ogdc-workflow, shell, 1 step)",
                "✓ " + dir + "test_parallel_shell_recipe_dir (id: test-parallel-shell-workflow, shell, parallel, "
                        + "2 commands per file)",
                "✓ " + dir + "test_viz_workflow_recipe_dir (id: adc-visualization-workflow, visualization, serial, "
                        + "zoom 0-12)",
                "4 recipes: 4 valid, 0 invalid");
    }

    @Test
    void anInvalidRecipeIsListedWithEveryProblemAndExits1(@TempDir Path temp) throws IOException {
        Path repo = exampleCopyWithBrokenRecipe(temp);

        CliRun run = CliRun.of("validate", repo.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED.code());
        List<String> lines = run.out().lines().toList();
        int broken = lines.indexOf("✗ " + repo + "/recipes/broken");
        assertThat(broken).isNotNegative();
        assertThat(lines.subList(broken + 1, broken + 4)).containsExactly(
                "  " + repo + "/recipes/broken/meta.yml:1:7: name: must contain only letters, digits, spaces, '.' "
                        + "and '-' (pattern ^[a-zA-Z0-9 .-]+$), got 'Broken_recipe'",
                "  " + repo + "/recipes/broken/meta.yml:4:3: workflow.pararell: unknown key (did you mean 'parallel'?)",
                "  " + repo + "/recipes/broken/meta.yml:8:19: input.params[0].claim_name: claim_name must be a valid "
                        + "K8s DNS label: 'Bad_Claim' (lower-case letters, digits and '-', starting and ending with a "
                        + "letter or digit)");
        assertThat(lines.get(lines.size() - 1)).matches("\\d+ recipes: \\d+ valid, 1 invalid(, 1 warning)?");
    }

    @Test
    void jsonOutputCarriesTheSameResultsForMachines(@TempDir Path temp) throws IOException {
        Path repo = exampleCopyWithBrokenRecipe(temp);

        CliRun run = CliRun.of("validate", "--format", "json", repo.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.at("/summary/invalid").asInt()).isEqualTo(1);
        assertThat(json.at("/summary/recipes").asInt()).isEqualTo(json.get("recipes").size());
        JsonNode broken = null;
        for (JsonNode recipe : json.get("recipes")) {
            if (recipe.get("directory").asText().endsWith("/broken")) {
                broken = recipe;
            }
        }
        assertThat(broken).isNotNull();
        assertThat(broken.get("valid").asBoolean()).isFalse();
        JsonNode first = broken.at("/problems/0");
        assertThat(first.get("file").asText()).isEqualTo(repo + "/recipes/broken/meta.yml");
        assertThat(first.get("line").asInt()).isEqualTo(1);
        assertThat(first.get("column").asInt()).isEqualTo(7);
        assertThat(first.get("property").asText()).isEqualTo("name");
        assertThat(first.get("severity").asText()).isEqualTo("error");
        JsonNode valid = json.at("/recipes/0");
        assertThat(valid.get("valid").asBoolean()).isTrue();
        assertThat(valid.get("id").asText()).isNotBlank();
    }

    private static Path exampleCopyWithBrokenRecipe(Path temp) throws IOException {
        Path repo = temp.resolve("repo");
        Path source = Path.of("example-recipe-repo");
        try (var files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path target = repo.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        Path broken = Files.createDirectories(repo.resolve("recipes/broken"));
        Files.writeString(broken.resolve("meta.yml"), """
                name: Broken_recipe
                workflow:
                  type: shell
                  pararell: {enabled: true}
                input:
                  params:
                    - type: pvc_mount
                      claim_name: Bad_Claim
                      path: /data
                """);
        Files.writeString(broken.resolve("recipe.sh"), "gdalinfo \"$INPUT_FILE\"\n");
        return repo;
    }

    @Test
    void theInputPvcAllowlistIsCheckedWhenTheOperatorsListIsGiven() {
        String example = "example-recipe-repo";

        CliRun unchecked = CliRun.of("validate", example);
        CliRun allowed = CliRun.withEnv(Map.of("OGDC_ALLOWED_INPUT_PVCS", "[{\"claimName\": \"arctic-dem-pvc\"}]"),
                "validate", example);
        CliRun refused = CliRun.withEnv(Map.of("OGDC_ALLOWED_INPUT_PVCS", "[]"), "validate", example);
        CliRun byOption = CliRun.of("validate", "--allowed-input-pvcs", "[\"other\"]", example);

        assertThat(unchecked.exitCode()).isZero();
        assertThat(allowed.exitCode()).isZero();
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.out()).contains("✗ example-recipe-repo/recipes/arcticdem-tile-hillshades",
                "example-recipe-repo/recipes/arcticdem-tile-hillshades/meta.yml: input.params[0].claim_name: Recipe "
                        + "references input PVC claim(s) that are not configured in OGDC_ALLOWED_INPUT_PVCS: "
                        + "arctic-dem-pvc.");
        assertThat(byOption.exitCode()).isEqualTo(1);
    }

    @Test
    void aMalformedAllowlistIsAUsageError() {
        CliRun run = CliRun.withEnv(Map.of("OGDC_ALLOWED_INPUT_PVCS", "{}"), "validate", "example-recipe-repo");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(run.err()).contains("OGDC_ALLOWED_INPUT_PVCS must be a JSON array");
    }
}
