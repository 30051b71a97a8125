package net.qgreenland.ogdc.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import net.qgreenland.ogdc.recipe.Recipe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pod stages of translated main workflows, which the pre-flight estimate counts. */
class PodStagesTest {

    static final RecipeTranslator TRANSLATOR = new RecipeTranslator(RecipeGoldenTest.SETTINGS);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "example-recipe-repo/recipes/etopo-arctic-relief-cog; etopo-2022-arctic-relief-cog-fetch-template-:fetch:none"
                + " | step-0:work:none<etopo-2022-arctic-relief-cog-fetch-template- | step-1:work:none<step-0"
                + " | step-2:work:none<step-1 | publish-data:housekeeping:none<step-2",
        "example-recipe-repo/recipes/natural-earth-arctic-coast-rivers; fetch:fetch:none"
                + " | write-partition-manifests:housekeeping:none<fetch"
                + " | cmd-0:work:input_partitions<write-partition-manifests | cmd-1:work:input_partitions<cmd-0"
                + " | publish-data:housekeeping:none<cmd-1",
        "example-recipe-repo/recipes/arcticdem-tile-hillshades; list-pvc-files:housekeeping:none"
                + " | cmd-0:work:input_partitions<list-pvc-files | cmd-1:work:input_partitions<cmd-0"
                + " | publish-data:housekeeping:none<cmd-1",
        "example-recipe-repo/recipes/glaciated-areas-viz; setup-config:housekeeping:none"
                + " | run-viz-serial:work:none<setup-config",
        "src/test/resources/fixtures/translate/viz-url-stager-only; setup-config:housekeeping:none"
                + " | write-stage-partition-manifests:housekeeping:none<setup-config"
                + " | stage-files:work:input_partitions<write-stage-partition-manifests",
    })
    void eachStepOrTaskOfTheEntryTemplateIsAStage(String directory, String expected) {
        Recipe recipe = TestRecipes.load(directory);

        PodStages stages = TRANSLATOR.podStages(recipe, TRANSLATOR.translate(recipe, false));

        assertThat(stages.stages().stream().map(PodStagesTest::describe).toList())
                .containsExactlyElementsOf(List.of(expected.split(" \\| ")));
    }

    @Test
    void aParallelVisualizationFansOutOverTheInputsThenOverWhatItDiscovers() {
        Recipe recipe = TestRecipes.load("src/test/resources/fixtures/translate/viz-url-full");

        PodStages stages = TRANSLATOR.podStages(recipe, TRANSLATOR.translate(recipe, false));

        assertThat(stages.partitionSize()).isEqualTo(10);
        assertThat(stages.maxPartitions()).isEqualTo(10_000);
        assertThat(stages.parallelism()).isEqualTo(OptionalInt.of(5));
        assertThat(stages.stages()).filteredOn(stage -> stage.fanOut() == PodStage.FanOut.INPUT_PARTITIONS)
                .extracting(PodStage::name).containsExactly("stage-files");
        assertThat(stages.stages()).filteredOn(stage -> stage.fanOut() == PodStage.FanOut.DISCOVERED_PARTITIONS)
                .extracting(PodStage::name).contains("rasterize-max-z", "create-composites-z-4", "create-web-tiles")
                .allSatisfy(name -> assertThat(name).doesNotStartWith("discover"));
        assertThat(stages.stages()).filteredOn(stage -> stage.name().equals("create-composites-z-4"))
                .singleElement().satisfies(stage -> {
                    assertThat(stage.template()).isEqualTo(VizStep.CREATE_COMPOSITE_Z.templateName());
                    assertThat(stage.after()).containsExactly("discover-parents-z-4");
                });
    }

    static String describe(PodStage stage) {
        return stage.name() + ":" + stage.kind().name().toLowerCase(Locale.ROOT) + ":"
                + stage.fanOut().name().toLowerCase(Locale.ROOT)
                + (stage.after().isEmpty() ? "" : "<" + String.join(",", stage.after()));
    }
}
