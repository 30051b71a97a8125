package net.qgreenland.ogdc.translate;

import static net.qgreenland.ogdc.translate.TranslatedWorkflows.argument;
import static net.qgreenland.ogdc.translate.TranslatedWorkflows.container;
import static net.qgreenland.ogdc.translate.TranslatedWorkflows.main;
import static net.qgreenland.ogdc.translate.TranslatedWorkflows.mountNames;
import static net.qgreenland.ogdc.translate.TranslatedWorkflows.task;
import static net.qgreenland.ogdc.translate.TranslatedWorkflows.taskNames;
import static net.qgreenland.ogdc.translate.TranslatedWorkflows.tasks;
import static net.qgreenland.ogdc.translate.TranslatedWorkflows.template;
import static org.assertj.core.api.Assertions.assertThat;

import net.qgreenland.ogdc.argo.model.DagTask;
import net.qgreenland.ogdc.argo.model.Parameter;
import net.qgreenland.ogdc.argo.model.Volume;
import net.qgreenland.ogdc.argo.model.Workflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Visualization workflows (spec §6): the §9.2 "rendered viz workflows" assertions, the §6.3 shapes, our fixes. */
class VisualizationTranslatorTest {

    static final String FIXTURES = "src/test/resources/fixtures/";
    static final String SERIAL_URL = FIXTURES + "runner-tests/test_viz_workflow_recipe_dir";
    static final String FULL_URL = FIXTURES + "translate/viz-url-full";
    static final String STAGER_ONLY = FIXTURES + "translate/viz-url-stager-only";
    static final String PVC_FULL = FIXTURES + "translate/viz-pvc-full";
    static final String PVC_RASTER_3D = FIXTURES + "translate/viz-pvc-raster-3d";
    static final String PVC_WEB_ONLY = FIXTURES + "translate/viz-pvc-web-only";
    static final String SERIAL_PVC = FIXTURES + "translate/viz-serial-pvc";
    static final String SERIAL_DATAONE = FIXTURES + "translate/viz-serial-dataone";
    static final String LAKES = "example-recipe-repo/recipes/natural-earth-lakes-viz";
    static final String PVC_INPUTS = "/partition-manifests/pvc-inputs/partition-{{item.partition_id}}.json";

    @Test
    void serialIsSetupThenOnePodWithTheUrlsInline() {
        Workflow workflow = main(SERIAL_URL);

        assertThat(workflow.spec().parallelism()).isEmpty();
        assertThat(taskNames(workflow)).containsExactly("setup-config", "run-viz-serial");
        assertThat(tasks(workflow)).allSatisfy(t -> assertThat(t.withParam()).isEmpty());
        assertThat(argument(task(workflow, "run-viz-serial"), 1)).isEqualTo(Parameter.of("input-manifest",
                "[\"https://raw.githubusercontent.com/QGreenland-Net/ogdc-runner/main/tests/"
                        + "test_viz_workflow_recipe_dir/test_ice_basins.gpkg\"]"));
        assertThat(workflow.metadata().labels()).containsEntry("workflows.argoproj.io/archive-strategy", "false");
        assertThat(workflow.metadata().annotations()).containsEntry("workflows.argoproj.io/description",
                VisualizationTranslator.DESCRIPTION);
    }

    @Test
    void parallelWritesStageManifestsInTheClusterAndFansStagingOut() {
        Workflow workflow = main(FULL_URL);

        assertThat(workflow.spec().parallelism()).hasValue(5);
        assertThat(task(workflow, "stage-files").withParam())
                .hasValue("{{tasks.write-stage-partition-manifests.outputs.parameters.partitions}}");
        assertThat(argument(task(workflow, "stage-files"), 1)).isEqualTo(Parameter.of("partition-manifest-path",
                "/mnt/workflow/viz-url-full/partition-manifests/stage-files/partition-{{item.partition_id}}.json"));
        assertThat(container(template(workflow, "write-stage-partition-manifests")).command())
                .containsExactly("ogdc-action", "task", "write-partition-manifests");
        assertThat(main(LAKES).spec().parallelism()).hasValue(8);
    }

    @Test
    void theFullPipelineCompositesOneZoomLevelAtATimeFromMaxMinusOneDown() {
        Workflow workflow = main(FULL_URL);

        assertThat(dependencies(workflow)).containsExactly(
                "setup-config <- ", "write-stage-partition-manifests <- setup-config",
                "stage-files <- write-stage-partition-manifests", "discover-staged-tiles <- stage-files",
                "rasterize-max-z <- discover-staged-tiles", "create-3dtiles <- discover-staged-tiles",
                "discover-parents-z-4 <- rasterize-max-z", "create-composites-z-4 <- discover-parents-z-4",
                "discover-parents-z-3 <- create-composites-z-4", "create-composites-z-3 <- discover-parents-z-3",
                "discover-parents-z-2 <- create-composites-z-3", "create-composites-z-2 <- discover-parents-z-2",
                "discover-parents-z-1 <- create-composites-z-2", "create-composites-z-1 <- discover-parents-z-1",
                "discover-parents-z-0 <- create-composites-z-1", "create-composites-z-0 <- discover-parents-z-0",
                "discover-all-geotiffs <- create-composites-z-0", "create-web-tiles <- discover-all-geotiffs");
        assertThat(task(workflow, "create-composites-z-2").withParam())
                .hasValue("{{tasks.discover-parents-z-2.outputs.result}}");
        assertThat(argument(task(workflow, "discover-parents-z-2"), 1)).isEqualTo(Parameter.of("z-level", "2"));
        assertThat(TranslatedWorkflows.templateNames(workflow)).containsOnlyOnce("create-composite-z");
    }

    @Test
    void noCompositeChainIsBuiltWhenRasterIsDisabled() {
        // Fixed on purpose (spec §10 bug 10): the Python runner built 24 discover/composite pods here.
        RecipeWorkflows workflows = new RecipeTranslator(RecipeGoldenTest.SETTINGS)
                .translate(TestRecipes.load(STAGER_ONLY), false);

        assertThat(taskNames(workflows.main()))
                .containsExactly("setup-config", "write-stage-partition-manifests", "stage-files");
        assertThat(workflows.notes()).anySatisfy(note -> assertThat(note).contains("enable_raster_parents"));
    }

    @Test
    void parallelPvcListsTheClaimAndMountsItWhereInputFilesAreRead() {
        Workflow workflow = main(PVC_FULL);

        assertThat(workflow.spec().volumes()).extracting(Volume::name)
                .containsExactly("workflow-volume", "input-pvc-ogdc-test-pvc");
        assertThat(task(workflow, "stage-files").withParam())
                .hasValue("{{tasks.list-pvc-files.outputs.parameters.partitions}}");
        assertThat(mountNames(template(workflow, "list-pvc-files")))
                .containsExactly("workflow-volume", "input-pvc-ogdc-test-pvc");
        for (String reader : new String[] {"stage-files", "rasterize-max-z", "create-3dtiles", "create-web-tiles"}) {
            assertThat(mountNames(template(workflow, reader))).as(reader)
                    .containsExactly("workflow-volume", "input-pvc-ogdc-test-pvc");
        }
        for (String other : new String[] {"discover-staged-tiles", "discover-parent-tiles", "create-composite-z"}) {
            assertThat(mountNames(template(workflow, other))).as(other).containsExactly("workflow-volume");
        }
    }

    @Test
    void pvcMountsDoNotLeakIntoTheNextRecipe() {
        main(PVC_FULL);

        assertThat(mountNames(template(main(FULL_URL), "stage-files"))).containsExactly("workflow-volume");
    }

    @Test
    void serialPvcListsInTheClusterAndReadsTheListFromThePvc() {
        Workflow workflow = main(SERIAL_PVC);

        assertThat(taskNames(workflow)).containsExactly("setup-config", "list-pvc-files", "run-viz-serial");
        assertThat(argument(task(workflow, "run-viz-serial"), 1).value())
                .hasValue("{{tasks.list-pvc-files.outputs.parameters.files-manifest-path}}");
        assertThat(mountNames(template(workflow, "list-pvc-files"))).contains("input-pvc-ogdc-test-pvc");
        assertThat(mountNames(template(workflow, "run-viz-serial"))).contains("input-pvc-ogdc-test-pvc");
        assertThat(template(workflow, "run-viz-serial").script().orElseThrow().source().orElseThrow())
                .contains("workflow.stage(").doesNotContain("symlink_to");
    }

    @Test
    void serialDataoneResolvesInTheClusterSoTheSpecNeverHoldsTheObjectList() {
        Workflow workflow = main(SERIAL_DATAONE);

        assertThat(taskNames(workflow)).containsExactly("setup-config", "resolve-inputs", "run-viz-serial");
        assertThat(argument(task(workflow, "run-viz-serial"), 1)).isEqualTo(Parameter.of("input-manifest-path",
                "/mnt/workflow/viz-serial-dataone/partition-manifests/serial-inputs/all-files.json"));
        assertThat(container(template(workflow, "resolve-inputs")).args())
                .containsSequence("--dataone-node-url", "https://arcticdata.io/metacat/d1/mn");
    }

    @Test
    void pvcWithStagerOffRasterizesAndTilesTheListedFilesDirectly() {
        Workflow workflow = main(PVC_RASTER_3D);

        assertThat(taskNames(workflow))
                .containsExactly("setup-config", "list-pvc-files", "rasterize-max-z", "create-3dtiles");
        for (String stage : new String[] {"rasterize-max-z", "create-3dtiles"}) {
            DagTask task = task(workflow, stage);
            assertThat(task.withParam()).hasValue("{{tasks.list-pvc-files.outputs.parameters.partitions}}");
            assertThat(argument(task, 1)).isEqualTo(Parameter.of("staged-tiles-manifest-path",
                    "/mnt/workflow/direct-pvc-viz" + PVC_INPUTS));
        }
        String setup = container(template(workflow, "stage-viz-config")).args().get(0);
        assertThat(setup).contains("/mnt/workflow/direct-pvc-viz/output/3dtiles")
                .doesNotContain("mkdir -p /mnt/data").doesNotContain("/mnt/workflow/direct-pvc-viz//mnt/data");
        assertThat(mountNames(template(workflow, "create-3dtiles"))).contains("input-pvc-ogdc-test-pvc");
    }

    @Test
    void pvcWebTilesWaitForTheListingTheyReadFrom() {
        // Fixed on purpose (spec §10 bug 5): the task depended on setup-config only.
        Workflow workflow = main(PVC_WEB_ONLY);

        assertThat(taskNames(workflow)).containsExactly("setup-config", "list-pvc-files", "create-web-tiles");
        DagTask web = task(workflow, "create-web-tiles");
        assertThat(web.depends()).hasValue("list-pvc-files");
        assertThat(web.withParam()).hasValue("{{tasks.list-pvc-files.outputs.parameters.partitions}}");
        assertThat(argument(web, 1)).isEqualTo(Parameter.of("geotiff-manifest-path",
                "/mnt/workflow/viz-pvc-web-only" + PVC_INPUTS));
        assertThat(mountNames(template(workflow, "create-web-tiles"))).contains("input-pvc-ogdc-test-pvc");
        assertThat(template(workflow, "create-web-tiles").script().orElseThrow().source().orElseThrow())
                .contains("isinstance(item, dict)");
    }

    @ParameterizedTest(name = "{0} uses the {1} profile")
    @CsvSource({
        "stage-files, stage", "create-web-tiles, stage", "rasterize-max-z, raster", "create-composite-z, raster",
        "create-3dtiles, threedtile", "discover-staged-tiles, discovery", "discover-parent-tiles, discovery",
        "discover-all-geotiffs, discovery"
    })
    void scriptTemplatesRequestTheirResourceProfile(String templateName, String profile) {
        var script = template(main(FULL_URL), templateName).script().orElseThrow();

        assertThat(script.resources()).hasValue(VizSettings.DEFAULT_PROFILES.get(profile));
        assertThat(script.image()).isEqualTo(VizSettings.DEFAULT_IMAGE);
        assertThat(script.command()).containsExactly("python");
        assertThat(script.env()).extracting(e -> e.name()).contains("RECIPE_ID");
    }

    @Test
    void setupWritesTheConfigVerbatimAndCreatesTheRelativeDirectoriesOfEnabledStages() {
        String setup = container(template(main(FULL_URL), "stage-viz-config")).args().get(0);

        assertThat(setup).startsWith("mkdir -p /mnt/workflow/viz-url-full && mkdir -p /mnt/workflow/viz-url-full "
                + "/mnt/workflow/viz-url-full/geotiff /mnt/workflow/viz-url-full/input "
                + "/mnt/workflow/viz-url-full/output/3dtiles /mnt/workflow/viz-url-full/staged "
                + "/mnt/workflow/viz-url-full/web_tiles && cat > /mnt/workflow/viz-url-full/config.json << "
                + "'OGDC_CONFIG_EOF'\n{\"z_range\": [0, 5],")
                .endsWith("}\nOGDC_CONFIG_EOF");
        assertThat(VizTemplates.heredocDelimiter("{}\nOGDC_CONFIG_EOF\n")).isEqualTo("OGDC_CONFIG_EOF_1");
    }

    @Test
    void discoveryStepsCarryThePartitionCap() {
        var env = template(main(FULL_URL), "discover-all-geotiffs").script().orElseThrow().env();

        assertThat(env).contains(new net.qgreenland.ogdc.argo.model.Container.EnvVar("MAX_PARTITIONS", "10000"));
        assertThat(RecipeGoldenTest.SETTINGS.maxPartitions()).isEqualTo(10_000);
    }

    private static java.util.List<String> dependencies(Workflow workflow) {
        return tasks(workflow).stream().map(t -> t.name() + " <- " + t.depends().orElse("")).toList();
    }
}
