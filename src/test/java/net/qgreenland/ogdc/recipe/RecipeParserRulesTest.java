package net.qgreenland.ogdc.recipe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every validation rule of spec §1.7 (and ours): the message, the file, the line and the property path. */
class RecipeParserRulesTest {

    static final String DIR = "recipes/x";

    /** A valid shell recipe; lines: name 1, workflow 2, type 3, input 4, params 5, "- type" 6, value 7. */
    static final String SHELL = """
            name: Test recipe
            workflow:
              type: shell
            input:
              params:
                - type: url
                  value: https://example.org/a.gpkg
            """;

    static final String PVC_INPUT = """
            name: Test recipe
            workflow:
              type: shell
            input:
              params:
                - type: pvc_mount
                  claim_name: %s
                  path: %s
                  glob: %s
            """;

    static final String SCRIPT = "ogr2ogr /output_dir/a.gpkg /input_dir/a.geojson\n";

    static Stream<Arguments> rules() {
        return Stream.of(
                rule("a name with '_' is rejected", SHELL.replace("Test recipe", "Test_recipe"),
                        "meta.yml", 1, "name", "must contain only letters, digits, spaces, '.' and '-'"),
                rule("a name with '*' is rejected", SHELL.replace("Test recipe", "Test Recipe*"),
                        "meta.yml", 1, "name", "got 'Test Recipe*'"),
                rule("a missing name is required", SHELL.replace("name: Test recipe\n", "\n"),
                        "meta.yml", 2, "name", "is required but missing"),
                rule("a name that is a number is not a string", SHELL.replace("Test recipe", "1234"),
                        "meta.yml", 1, "name", "must be a string, got an integer (1234)"),
                rule("an unknown top-level key is rejected", SHELL + "colour: blue\n",
                        "meta.yml", 8, "colour", "unknown key; allowed here: input, name, output, workflow"),
                rule("an unknown key in an input is rejected", SHELL + "      mirror: x\n",
                        "meta.yml", 8, "input.params[0].mirror", "unknown key"),
                rule("a misspelt key gets the nearest known key", SHELL.replace("type: shell",
                        "type: shell\n  pararell:\n    enabled: true"),
                        "meta.yml", 4, "workflow.pararell", "unknown key (did you mean 'parallel'?)"),
                rule("an 'id' key is explained", SHELL + "id: my-id\n",
                        "meta.yml", 8, "id", "the recipe id is derived from 'name' and cannot be set"),
                rule("an empty params list needs an input", SHELL.replace(
                        "  params:\n    - type: url\n      value: https://example.org/a.gpkg\n", "  params: []\n"),
                        "meta.yml", 5, "input.params", "At least one input parameter is required"),
                rule("a missing input is required", SHELL.replace(
                        "input:\n  params:\n    - type: url\n      value: https://example.org/a.gpkg\n", ""),
                        "meta.yml", 1, "input", "is required but missing"),
                rule("pvc_mount cannot be mixed with url", SHELL
                        + "    - type: pvc_mount\n      claim_name: dem\n      path: /tiles\n",
                        "meta.yml", 8, "input.params", "pvc_mount inputs cannot be combined with URL or DataONE inputs"),
                rule("a claim name longer than 63 is too long", PVC_INPUT.formatted("a".repeat(64), "/t", "'*'"),
                        "meta.yml", 7, "input.params[0].claim_name", "claim_name too long (64 > 63)"),
                rule("an upper-case claim name is not a DNS label", PVC_INPUT.formatted("UPPER_CASE", "/t", "'*'"),
                        "meta.yml", 7, "input.params[0].claim_name", "claim_name must be a valid K8s DNS label: 'UPPER_CASE'"),
                rule("a claim name with a leading dash is not a DNS label", PVC_INPUT.formatted("-leading-dash", "/t", "'*'"),
                        "meta.yml", 7, "input.params[0].claim_name", "claim_name must be a valid K8s DNS label: '-leading-dash'"),
                rule("a path with a NUL is rejected", PVC_INPUT.formatted("dem", "\"/a\\0b\"", "'*'"),
                        "meta.yml", 8, "input.params[0].path", "path must not contain null bytes"),
                rule("a path with '..' is rejected", PVC_INPUT.formatted("dem", "../other-pvc", "'*'"),
                        "meta.yml", 8, "input.params[0].path", "path must not contain parent directory references"),
                rule("a glob with a NUL is rejected", PVC_INPUT.formatted("dem", "/t", "\"*\\0.tif\""),
                        "meta.yml", 9, "input.params[0].glob", "glob must not contain null bytes"),
                rule("an absolute glob is rejected", PVC_INPUT.formatted("dem", "/t", "/other/*.gpkg"),
                        "meta.yml", 9, "input.params[0].glob", "glob must be relative to the PVC input path"),
                rule("a glob with '..' is rejected", PVC_INPUT.formatted("dem", "/t", "../*.gpkg"),
                        "meta.yml", 9, "input.params[0].glob", "glob must not contain parent directory references"),
                rule("a missing sh_file is reported where it is named", SHELL.replace("type: shell",
                        "type: shell\n  sh_file: run.sh"),
                        "meta.yml", 4, "workflow.sh_file", "The file run.sh is not present in the recipe directory"),
                rule("a missing default recipe.sh is reported at the workflow", SHELL, Map.of(),
                        "meta.yml", 3, "workflow.sh_file", "The file recipe.sh is not present in the recipe directory"),
                rule("a missing config_file is reported where it is named", viz("config.json"), Map.of(),
                        "meta.yml", 4, "workflow.config_file", "The file config.json is not present in the recipe directory"),
                rule("invalid config JSON points into the config", viz("config.json"),
                        Map.of("config.json", "{\n  \"z_range\": [0, 5\n}\n"),
                        "config.json", 3, "", "invalid JSON"),
                rule("a config that is not an object is rejected", viz("config.json"), Map.of("config.json", "[1, 2]"),
                        "config.json", 1, "", "Failed to read json from recipes/x/config.json: the config must be a JSON object"),
                rule("z_range must be two whole numbers", viz("config.json"), Map.of("config.json", "{\"z_range\": [0]}"),
                        "config.json", 1, "z_range", "must be a list of two whole numbers"),
                rule("z_range must be ordered", viz("config.json"), Map.of("config.json", "{\n\"z_range\": [5, 2]}"),
                        "config.json", 2, "z_range", "0 <= min <= max"),
                rule("a stage switch must be a boolean", viz("config.json"),
                        Map.of("config.json", "{\"enable_raster\": \"no\"}"),
                        "config.json", 1, "enable_raster", "must be true or false, got a string ('no')"),
                rule("partition_size 0 is rejected", parallel("partition_size: 0"),
                        "meta.yml", 6, "workflow.parallel.partition_size", "must be >= 1, got 0"),
                rule("max_parallelism 0 is rejected", parallel("max_parallelism: 0"),
                        "meta.yml", 6, "workflow.parallel.max_parallelism", "must be >= 1, got 0"),
                rule("a partition strategy other than files is rejected", parallel("partition_strategy: file_chunks"),
                        "meta.yml", 6, "workflow.parallel.partition_strategy", "must be 'files'"),
                rule("enabled must be a boolean", parallel("enabled: maybe"),
                        "meta.yml", 5, "workflow.parallel.enabled", "must be true or false, got a string ('maybe')"),
                rule("batch_size from old docs is explained", parallel("batch_size: 10"),
                        "meta.yml", 6, "workflow.parallel.batch_size", "'batch_size' does not exist"),
                rule("the file_system input type is rejected", SHELL.replace("type: url", "type: file_system"),
                        "meta.yml", 6, "input.params[0].type", "input type 'file_system' is not supported"),
                rule("an input without type is rejected", SHELL.replace("- type: url\n      value", "- value"),
                        "meta.yml", 6, "input.params[0].type", "is required: one of url, dataone, pvc_mount"),
                rule("a misspelt input type gets a suggestion", SHELL.replace("type: url", "type: dataon"),
                        "meta.yml", 6, "input.params[0].type", "unknown input type 'dataon' (did you mean 'dataone'?)"),
                rule("a url that is not http(s) or ftp is rejected", SHELL.replace("https://example.org/a.gpkg",
                        "file:///etc/passwd"),
                        "meta.yml", 7, "input.params[0].value", "must be an http, https or ftp URL"),
                rule("a url with a space is rejected", SHELL.replace("https://example.org/a.gpkg",
                        "'https://example.org/a b.gpkg'"),
                        "meta.yml", 7, "input.params[0].value", "without spaces or quotes"),
                rule("the outdated dataone 'value' key is explained", SHELL.replace("type: url", "type: dataone"),
                        "meta.yml", 7, "input.params[0].value", "names its package with 'dataset_identifier'"),
                rule("a dataone input needs its dataset_identifier", SHELL.replace(
                        "type: url\n      value: https://example.org/a.gpkg", "type: dataone\n      filename: '*.nc'"),
                        "meta.yml", 6, "input.params[0].dataset_identifier", "is required but missing"),
                rule("a workflow without type is rejected", SHELL.replace("  type: shell\n", "  sh_file: recipe.sh\n"),
                        "meta.yml", 3, "workflow.type", "is required: 'shell'"),
                rule("an unknown workflow type gets a suggestion", SHELL.replace("type: shell", "type: shel"),
                        "meta.yml", 3, "workflow.type", "unknown workflow type 'shel' (did you mean 'shell'?)"),
                rule("config_file on a shell workflow is explained", SHELL.replace("type: shell",
                        "type: shell\n  config_file: config.json"),
                        "meta.yml", 4, "workflow.config_file", "'config_file' belongs to visualization workflows"),
                rule("an unknown output type is rejected", SHELL + "output:\n  type: s3\n",
                        "meta.yml", 9, "output.type", "unknown output type 's3'"),
                rule("dataone_id with a pvc output is rejected", SHELL + "output:\n  type: pvc\n  dataone_id: x\n",
                        "meta.yml", 10, "output.dataone_id", "only applies to 'type: dataone'"),
                rule("sh_file may not leave the recipe directory", SHELL.replace("type: shell",
                        "type: shell\n  sh_file: ../other/recipe.sh"),
                        "meta.yml", 4, "workflow.sh_file", "must stay inside the recipe directory"),
                rule("sh_file may not be absolute", SHELL.replace("type: shell", "type: shell\n  sh_file: /etc/passwd"),
                        "meta.yml", 4, "workflow.sh_file", "must be a path relative to the recipe directory"),
                rule("config_file may not leave the recipe directory", viz("../../secrets.json"), Map.of(),
                        "meta.yml", 4, "workflow.config_file", "must stay inside the recipe directory"),
                rule("a recipe.sh without commands is rejected", SHELL, Map.of("recipe.sh", "#!/bin/sh\n# nothing\n\n"),
                        "recipe.sh", 0, "", "there are no commands"),
                rule("a whitespace-only line in recipe.sh is rejected", SHELL, Map.of("recipe.sh", SCRIPT + "   \n"),
                        "recipe.sh", 2, "", "holds only whitespace"),
                rule("an indented comment in recipe.sh is rejected", SHELL, Map.of("recipe.sh", "  # note\n" + SCRIPT),
                        "recipe.sh", 1, "", "an indented comment counts as a command"),
                rule("a continued line in recipe.sh is rejected", SHELL,
                        Map.of("recipe.sh", "gdalwarp a.tif \\\n  b.tif\n"),
                        "recipe.sh", 1, "", "does not continue onto the next one"),
                rule("a name giving an over-long id is rejected", SHELL.replace("Test recipe", "a".repeat(64)),
                        "meta.yml", 1, "name", "gives a recipe id of 64 characters; at most 63"),
                rule("a name of only dots gives no id", SHELL.replace("Test recipe", "'...'"),
                        "meta.yml", 1, "name", "gives no usable recipe id"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void eachRuleIsReportedWithFileLineAndProperty(
            String description, String meta, Map<String, String> sidecars, String file, int line, String property,
            String message) {
        Map<String, String> files = new LinkedHashMap<>(sidecars);
        files.put("meta.yml", meta);
        RecipeParseResult result = RecipeParser.parse(DIR, InMemoryRecipeFiles.of(files));

        assertThat(result.isValid()).as("valid").isFalse();
        assertThat(result.problems())
                .filteredOn(p -> p.message().contains(message))
                .as("problems: %s", result.problems())
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.location().file()).isEqualTo(DIR + "/" + file);
                    assertThat(p.location().line()).isEqualTo(line);
                    assertThat(p.property()).isEqualTo(property);
                    assertThat(p.severity()).isEqualTo(Severity.ERROR);
                });
    }

    private static Arguments rule(
            String description, String meta, String file, int line, String property, String message) {
        Map<String, String> sidecars = meta.contains("visualization") ? Map.of() : Map.of("recipe.sh", SCRIPT);
        return Arguments.of(description, meta, sidecars, file, line, property, message);
    }

    private static Arguments rule(String description, String meta, Map<String, String> sidecars, String file,
            int line, String property, String message) {
        return Arguments.of(description, meta, sidecars, file, line, property, message);
    }

    /** A visualization recipe naming {@code configFile} (line 4). */
    static String viz(String configFile) {
        return SHELL.replace("type: shell", "type: visualization\n  config_file: " + configFile);
    }

    /** The shell recipe with one key of {@code workflow.parallel} (line 6) after {@code enabled: true}. */
    static String parallel(String line) {
        String key = line.substring(0, line.indexOf(':'));
        String block = key.equals("enabled") ? "  parallel:\n    " + line + "\n    partition_size: 2"
                : "  parallel:\n    enabled: true\n    " + line;
        return SHELL.replace("  type: shell\n", "  type: shell\n" + block + "\n");
    }

    @org.junit.jupiter.api.Test
    void allProblemsOfARecipeAreReportedAtOnce() {
        String meta = """
                name: Bad_name
                workflow:
                  type: shell
                  pararell: {}
                input:
                  params:
                    - type: pvc_mount
                      claim_name: BAD
                      path: ../x
                    - type: url
                      value: https://example.org/a.gpkg
                """;
        RecipeParseResult result = RecipeParser.parse(DIR, InMemoryRecipeFiles.of(Map.of("meta.yml", meta,
                "recipe.sh", "   \n")));

        assertThat(result.problems()).extracting(RecipeProblem::property).containsExactlyInAnyOrder(
                "name", "workflow.pararell", "input.params[0].claim_name", "input.params[0].path", "input.params", "");
        assertThat(result.problems()).extracting(p -> p.location().line())
                .containsExactlyInAnyOrder(1, 4, 8, 9, 7, 1);
        assertThat(List.copyOf(result.problems())).allMatch(RecipeProblem::isError);
    }
}
