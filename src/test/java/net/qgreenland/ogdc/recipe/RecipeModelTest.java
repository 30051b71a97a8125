package net.qgreenland.ogdc.recipe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a valid recipe parses into: defaults, derived values and the spec's quirks as we decided them. */
class RecipeModelTest {

    static final String SCRIPT = "ogr2ogr /output_dir/a.gpkg /input_dir/a.geojson\n";

    @Test
    void aShellRecipeParsesIntoItsParts() {
        Recipe recipe = parse(RecipeParserRulesTest.SHELL, SCRIPT);

        assertThat(recipe.name()).isEqualTo("Test recipe");
        assertThat(recipe.id().value()).isEqualTo("test-recipe");
        assertThat(recipe.directory()).isEqualTo("recipes/x");
        assertThat(recipe.inputs()).containsExactly(new RecipeInput.Url("https://example.org/a.gpkg"));
        assertThat(recipe.output()).isEqualTo(new RecipeOutput.Pvc());
        assertThat(recipe.workflow()).isEqualTo(new RecipeWorkflow.Shell("recipe.sh", ParallelConfig.DISABLED,
                java.util.List.of(new ShellCommand(1, SCRIPT.strip()))));
    }

    @ParameterizedTest(name = "output {0} is {1}")
    @CsvSource(delimiter = '|', value = {
        "''                                      | pvc       | ",
        "'output:'                               | pvc       | ",
        "'output: {}'                            | pvc       | ",
        "'output: {type: pvc}'                   | pvc       | ",
        "'output: {type: temporary}'             | temporary | ",
        "'output: {dataone_id: \"TODO\"}'        | dataone   | TODO",
        "'output: {type: dataone}'               | dataone   | TODO",
        "'output: {type: dataone, dataone_id: doi:10.18739/X}' | dataone | doi:10.18739/X",
    })
    void outputsDefaultToPvcAndADataoneIdMeansDataone(String output, String type, String dataoneId) {
        Recipe recipe = parse(RecipeParserRulesTest.SHELL + output + "\n", SCRIPT);

        assertThat(recipe.output().type()).isEqualTo(type);
        if (dataoneId != null) {
            assertThat(recipe.output()).isEqualTo(new RecipeOutput.DataOne(dataoneId));
        }
    }

    @Test
    void parallelConfigRoundTripsAndDefaults() {
        String meta = RecipeParserRulesTest.SHELL.replace("  type: shell\n",
                "  type: shell\n  parallel:\n    enabled: true\n    partition_size: 500\n    max_parallelism: 200\n");

        assertThat(parse(meta, SCRIPT).workflow().parallel())
                .isEqualTo(new ParallelConfig(true, "files", OptionalInt.of(500), OptionalInt.of(200)));
        assertThat(parse(RecipeParserRulesTest.SHELL.replace("  type: shell\n",
                "  type: shell\n  parallel: {enabled: yes}\n"), SCRIPT).workflow().parallel())
                .isEqualTo(new ParallelConfig(true, "files", OptionalInt.empty(), OptionalInt.empty()));
        assertThat(parse(RecipeParserRulesTest.SHELL.replace("  type: shell\n", "  type: shell\n  parallel: {}\n"),
                SCRIPT).workflow().parallel()).isEqualTo(ParallelConfig.DISABLED);
    }

    @Test
    void aPvcInputHasItsMountAndFullPathAndDefaultGlob() {
        String meta = RecipeParserRulesTest.PVC_INPUT.formatted("arctic-dem-pvc", "/tiles/v3/", "'*.tif'")
                .replace("      glob: '*.tif'\n", "");

        RecipeInput.PvcMount pvc = (RecipeInput.PvcMount) parse(meta, SCRIPT).inputs().get(0);

        assertThat(pvc.glob()).isEqualTo("*");
        assertThat(pvc.mountPath()).isEqualTo("/mnt/data/arctic-dem-pvc");
        assertThat(pvc.fullPath()).isEqualTo("/mnt/data/arctic-dem-pvc/tiles/v3");
        assertThat(new RecipeInput.PvcMount("c", "/", "*").fullPath()).isEqualTo("/mnt/data/c");
    }

    @Test
    void aDataoneInputKeepsItsPatternAndIsNotResolved() {
        String meta = RecipeParserRulesTest.SHELL.replace("type: url\n      value: https://example.org/a.gpkg",
                "type: dataone\n      dataset_identifier: resource_map_doi:10.18739/A29G5GD39\n"
                        + "      filename: \"percent_gris_*.nc\"\n    - type: dataone\n"
                        + "      dataset_identifier: resource_map_urn:uuid:cfe3fbb2");

        assertThat(parse(meta, SCRIPT).inputs()).containsExactly(
                new RecipeInput.DataOne("resource_map_doi:10.18739/A29G5GD39", Optional.of("percent_gris_*.nc")),
                new RecipeInput.DataOne("resource_map_urn:uuid:cfe3fbb2", Optional.empty()));
    }

    @Test
    void aVisualizationWithoutConfigFileUsesTheEmptyConfig() {
        String meta = RecipeParserRulesTest.SHELL.replace("type: shell", "type: visualization");

        RecipeWorkflow.Visualization viz = (RecipeWorkflow.Visualization) parse(meta, null).workflow();

        assertThat(viz.configFile()).isEmpty();
        assertThat(viz.config()).isEqualTo(VizConfig.EMPTY);
        assertThat(viz.config().json()).isEqualTo("{}");
    }

    @Test
    void aVisualizationConfigIsReadAndPassedThroughUntouched() {
        String json = "{\n  \"deduplicate_clip_to_footprint\": false,\n  \"z_range\": [0, 5],\n"
                + "  \"enable_3dtiles\": false,\n  \"dir_staged\": \"output/staged/\",\n  \"dir_input\": \"/mnt/data/x\"\n}\n";
        RecipeFiles files = InMemoryRecipeFiles.of(Map.of("meta.yml", RecipeParserRulesTest.viz("config.json"),
                "config.json", json));

        RecipeWorkflow.Visualization viz =
                (RecipeWorkflow.Visualization) RecipeParser.parse("recipes/x", files).recipe().orElseThrow().workflow();

        assertThat(viz.configFile()).hasValue("config.json");
        VizConfig config = viz.config();
        assertThat(config.json()).isEqualTo(json);
        assertThat(config.minZoom()).isZero();
        assertThat(config.maxZoom()).isEqualTo(5);
        assertThat(config.tiles3d()).isFalse();
        assertThat(config.stager() && config.raster() && config.rasterParents() && config.webTiles()).isTrue();
        assertThat(config.directories()).containsOnly(
                Map.entry("dir_staged", "output/staged/"), Map.entry("dir_input", "/mnt/data/x"));
    }

    @Test
    void aConfigFileInASubdirectoryIsFound() {
        RecipeFiles files = InMemoryRecipeFiles.of(Map.of(
                "meta.yml", RecipeParserRulesTest.viz("./conf/viz.json"), "conf/viz.json", "{}"));

        RecipeParseResult result = RecipeParser.parse("recipes/x", files);

        assertThat(result.problems()).isEmpty();
        assertThat(((RecipeWorkflow.Visualization) result.recipe().orElseThrow().workflow()).configFile())
                .hasValue("conf/viz.json");
    }

    @Test
    void aDottedNameGivesAValidIdAndAWarning() {
        RecipeParseResult result = RecipeParser.parse("recipes/x", InMemoryRecipeFiles.of(Map.of(
                "meta.yml", RecipeParserRulesTest.SHELL.replace("Test recipe", "DEM v4.1"), "recipe.sh", SCRIPT)));

        assertThat(result.recipe().orElseThrow().id().value()).isEqualTo("dem-v4-1");
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.WARNING);
            assertThat(p.location().toString()).isEqualTo("recipes/x/meta.yml:1:7");
            assertThat(p.message()).contains("'dem-v4-1'").contains("'dem-v4.1'");
        });
    }

    @Test
    void aUtf8ByteOrderMarkIsIgnored() {
        assertThat(parse("\uFEFF" + RecipeParserRulesTest.SHELL, SCRIPT).name()).isEqualTo("Test recipe");
    }

    private static Recipe parse(String meta, String script) {
        InMemoryRecipeFiles files = new InMemoryRecipeFiles().with("meta.yml", meta);
        if (script != null) {
            files.with("recipe.sh", script);
        }
        RecipeParseResult result = RecipeParser.parse("recipes/x", files);
        assertThat(result.problems()).as("problems").isEmpty();
        return result.recipe().orElseThrow();
    }
}
