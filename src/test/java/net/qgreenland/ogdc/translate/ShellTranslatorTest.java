package net.qgreenland.ogdc.translate;

import static net.qgreenland.ogdc.translate.TranslatedWorkflows.argument;
import static net.qgreenland.ogdc.translate.TranslatedWorkflows.container;
import static net.qgreenland.ogdc.translate.TranslatedWorkflows.main;
import static net.qgreenland.ogdc.translate.TranslatedWorkflows.mountNames;
import static net.qgreenland.ogdc.translate.TranslatedWorkflows.task;
import static net.qgreenland.ogdc.translate.TranslatedWorkflows.taskNames;
import static net.qgreenland.ogdc.translate.TranslatedWorkflows.template;
import static net.qgreenland.ogdc.translate.TranslatedWorkflows.templateNames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import net.qgreenland.ogdc.argo.model.Artifact;
import net.qgreenland.ogdc.argo.model.Parameter;
import net.qgreenland.ogdc.argo.model.Step;
import net.qgreenland.ogdc.argo.model.Template;
import net.qgreenland.ogdc.argo.model.Volume;
import net.qgreenland.ogdc.argo.model.Workflow;
import org.junit.jupiter.api.Test;

/** Shell workflows (spec §5): the §9.2 "rendered shell workflows" assertions, and each bug we fixed on purpose. */
class ShellTranslatorTest {

    static final String FIXTURES = "src/test/resources/fixtures/";
    static final String SEQUENTIAL_URL = FIXTURES + "runner-tests/test_shell_workflow_recipe_dir";
    static final String TEMPORARY = FIXTURES + "runner-tests/test_temp_output_recipe_dir";
    static final String PARALLEL_URL = FIXTURES + "runner-tests/test_parallel_shell_recipe_dir";
    static final String SEQUENTIAL_PVC = FIXTURES + "translate/shell-sequential-pvc";
    static final String PARALLEL_PVC = FIXTURES + "translate/shell-parallel-pvc";
    static final String PARALLEL_DATAONE_OUTPUT = FIXTURES + "translate/shell-parallel-dataone-output";
    static final String PARALLEL_TEMPORARY = FIXTURES + "translate/shell-parallel-temporary";
    static final String HOSTILE_URL = FIXTURES + "translate/shell-hostile-url";

    @Test
    void sequentialRunsFetchThenEachCommandThenPublishAsStepsPassingDirectories() {
        Workflow workflow = main(SEQUENTIAL_URL);

        assertThat(workflow.metadata().generateName()).hasValue("test-ogdc-workflow-shell-");
        assertThat(workflow.spec().parallelism()).isEmpty();
        List<List<Step>> steps = template(workflow, "main").steps();
        assertThat(steps).extracting(group -> group.get(0).name())
                .containsExactly("test-ogdc-workflow-fetch-template-", "step-0", "publish-data");
        assertThat(steps.get(1).get(0).arguments().orElseThrow().artifacts()).extracting(Artifact::from)
                .containsExactly(java.util.Optional.of(
                        "{{steps.test-ogdc-workflow-fetch-template-.outputs.artifacts.output-dir}}"));
        assertThat(container(template(workflow, "run-cmd-0")).args()).containsExactly("mkdir -p /output_dir/ && "
                + "ogr2ogr -segmentize 1 -t_srs \"EPSG:3413\" /output_dir/arctic_circle.gpkg "
                + "/input_dir/arctic_circle.geojson");
        Template publish = template(workflow, "publish-data-");
        assertThat(container(publish).args()).containsExactly("rsync -rtL --progress /input_dir/ /output_dir/");
        assertThat(container(publish).volumeMounts().get(0).subPath()).hasValue("test-ogdc-workflow");
    }

    @Test
    void temporaryOutputIsZippedIntoAnUnarchivedArtifactAndKeptSevenDays() {
        Workflow workflow = main(TEMPORARY);

        Template publish = template(workflow, "publish-data-");
        assertThat(container(publish).args()).containsExactly(
                "mkdir -p /output_dir/ && cd /input_dir/ && zip -r /output_dir/test-ogdc-workflow.zip .");
        Artifact zip = publish.outputs().orElseThrow().artifacts().get(0);
        assertThat(zip.name()).isEqualTo("published_zip");
        assertThat(zip.path()).hasValue("/output_dir/test-ogdc-workflow.zip");
        assertThat(zip.archive()).hasValue(Map.of("none", Map.of()));
        assertThat(workflow.spec().ttlStrategy().orElseThrow().secondsAfterSuccess()).hasValue(604_800);
    }

    @Test
    void sequentialPvcStagesFilesInTheClusterAndMountsTheClaimWhereSymlinksAreFollowed() {
        // Adjusted from spec §9.2 ("fetch args contain symlink_to"): staging is `ogdc-action task fetch`, which
        // symlinks the same way (FetchPvcStagingTest), instead of an inlined Python heredoc.
        Workflow workflow = main(SEQUENTIAL_PVC);

        assertThat(workflow.spec().volumes()).extracting(Volume::name)
                .containsExactly("workflow-volume", "input-pvc-ogdc-test-pvc");
        assertThat(workflow.spec().volumes().get(1).persistentVolumeClaim().orElseThrow().readOnly()).hasValue(true);
        Template fetch = template(workflow, "shell-sequential-pvc-fetch-template-");
        assertThat(container(fetch).command()).containsExactly("ogdc-action", "task", "fetch");
        assertThat(String.join(" ", container(fetch).args()))
                .contains("\"path\":\"/mnt/data/ogdc-test-pvc/vectors\"", "\"glob\":\"*.gpkg\"")
                .doesNotContain("wget");
        assertThat(mountNames(fetch)).containsExactly("input-pvc-ogdc-test-pvc");
        assertThat(mountNames(template(workflow, "run-cmd-0"))).containsExactly("input-pvc-ogdc-test-pvc");
    }

    @Test
    void parallelPvcListsFilesInTheClusterWithNoFetchAndFansOutOverItsManifests() {
        Workflow workflow = main(PARALLEL_PVC);

        assertThat(taskNames(workflow)).containsExactly("list-pvc-files", "cmd-0", "publish-data");
        assertThat(argument(task(workflow, "cmd-0"), 0)).isEqualTo(Parameter.of("partition-manifest-path",
                "/mnt/workflow/shell-parallel-pvc/partition-manifests/pvc-inputs/partition-{{item.partition_id}}.json"));
        assertThat(task(workflow, "cmd-0").withParam())
                .hasValue("{{tasks.list-pvc-files.outputs.parameters.partitions}}");
        Template list = template(workflow, "list-pvc-files");
        assertThat(mountNames(list)).containsExactly("workflow-volume", "input-pvc-ogdc-test-pvc");
        assertThat(container(list).args()).containsSequence("--partition-size", "1");
        assertThat(list.outputs().orElseThrow().parameters()).extracting(Parameter::name)
                .containsExactly("partitions", "files-manifest-path");
    }

    @Test
    void parallelUrlFetchesThenWritesManifestsOfTheDownloadedFilesAndChainsCommands() {
        Workflow workflow = main(PARALLEL_URL);

        assertThat(taskNames(workflow))
                .containsExactly("fetch", "write-partition-manifests", "cmd-0", "cmd-1", "publish-data");
        assertThat(task(workflow, "cmd-0").withParam())
                .hasValue("{{tasks.write-partition-manifests.outputs.parameters.partitions}}");
        assertThat(argument(task(workflow, "cmd-0"), 0)).isEqualTo(Parameter.of("partition-manifest-path",
                "/mnt/workflow/test-parallel-shell-workflow/partition-manifests/shell-inputs/"
                        + "partition-{{item.partition_id}}.json"));
        assertThat(task(workflow, "cmd-1").depends()).hasValue("cmd-0");
        assertThat(argument(task(workflow, "cmd-1"), 3)).isEqualTo(Parameter.of("cmd-index", "1"));
        assertThat(container(template(workflow, "write-partition-manifests")).args())
                .containsSequence("--partition-size", "2");
    }

    @Test
    void inputFileIsTheDownloadedFileNotTheUrl() {
        // Fixed on purpose (spec §5.3): the manifests list what `fetch` downloaded (--files-out), so the per-file
        // wrapper sets INPUT_FILE to a local path; the Python runner passed the URL itself.
        Workflow workflow = main(PARALLEL_URL);

        List<String> fetch = container(template(workflow, "test-parallel-shell-workflow-fetch-template-")).args();
        List<String> write = container(template(workflow, "write-partition-manifests")).args();
        String fetched = fetch.get(fetch.indexOf("--files-out") + 1);
        assertThat(write).containsSequence("--files-from", fetched);
        assertThat(String.join(" ", write)).doesNotContain("https://");
        assertThat(container(template(workflow, "cmd-0")).env()).extracting(e -> e.name())
                .contains("PARTITION_MANIFEST_PATH").doesNotContain("FIRST_COMMAND_INPUT_MODE");
    }

    @Test
    void parallelHonoursMaxParallelismAndPublishesTemporaryOutputAsAZip() {
        // Fixed on purpose (spec §10): parallel shell ignored max_parallelism and had no publish step.
        Workflow workflow = main(PARALLEL_TEMPORARY);

        assertThat(workflow.spec().parallelism()).hasValue(12);
        assertThat(taskNames(workflow)).endsWith("cmd-1", "publish-data");
        assertThat(task(workflow, "publish-data").depends()).hasValue("cmd-1");
        Template publish = template(workflow, "publish-data-");
        assertThat(publish.outputs().orElseThrow().artifacts()).extracting(Artifact::path)
                .containsExactly(java.util.Optional.of("/output_dir/shell-parallel-temporary.zip"));
        assertThat(container(publish).args().get(0)).contains("cmd-1-partition-$p",
                "partition-manifests/shell-inputs/partition-*.json", "zip -r /output_dir/shell-parallel-temporary.zip");
        assertThat(main(PARALLEL_URL).spec().parallelism()).hasValue(5);
    }

    @Test
    void parallelPvcOutputIsCopiedIntoTheRecipeDirectoryFromCurrentPartitionsOnly() {
        Workflow workflow = main(PARALLEL_DATAONE_OUTPUT);

        String publish = container(template(workflow, "publish-data-")).args().get(0);
        assertThat(publish).startsWith("set -eu; cd /mnt/workflow/shell-parallel-dataone-output && ")
                .contains("d=cmd-0-partition-$p", "rsync -rtL --progress \"$d/\" ./");
    }

    @Test
    void urlsReachTheFetchAsOneArgumentAndNeverThroughAShell() {
        // Fixed on purpose (spec §1.3): URLs were pasted unquoted into `wget … <url>` under `sh -c`.
        Workflow workflow = main(HOSTILE_URL);

        Template fetch = template(workflow, "shell-hostile-url-fetch-template-");
        assertThat(container(fetch).command()).containsExactly("ogdc-action", "task", "fetch");
        assertThat(container(fetch).args().get(1))
                .isEqualTo("[{\"type\":\"url\",\"url\":\"https://example.org/get?a=1&b=$(id)&c=;x|y>z\"}]");
    }

    @Test
    void dataoneInputsNeedTheNodeUrlAndAreResolvedInTheCluster() {
        TranslationSettings withoutNode = TranslationSettings.defaults();

        assertThatThrownBy(() -> new RecipeTranslator(withoutNode)
                .translate(TestRecipes.load(PARALLEL_DATAONE_OUTPUT), false))
                .isInstanceOf(TranslationException.class)
                .hasMessageContaining("has dataone inputs: set DATAONE_NODE_URL");
        List<String> fetch = container(template(main(PARALLEL_DATAONE_OUTPUT),
                "shell-parallel-dataone-output-fetch-template-")).args();
        assertThat(fetch).containsSequence("--dataone-node-url", "https://arcticdata.io/metacat/d1/mn");
        assertThat(fetch.get(1)).contains("{\"type\":\"dataone\",\"dataset\":\"resource_map_doi:10.18739/A2NS0M06B\"}");
    }

    @Test
    void aDataoneOutputIsPublishedToThePvcWithANote() {
        RecipeWorkflows workflows = new RecipeTranslator(RecipeGoldenTest.SETTINGS)
                .translate(TestRecipes.load(PARALLEL_DATAONE_OUTPUT), false);

        assertThat(workflows.notes()).singleElement().asString().contains("cannot be uploaded to DataONE yet");
        assertThat(workflows.helpers()).extracting(w -> w.metadata().generateName().orElseThrow())
                .containsExactly("shell-parallel-dataone-output-check-published-");
    }

    @Test
    void helpersAreCheckPublishedOrRemoveExistingDataAndNoneForTemporaryOutput() {
        RecipeTranslator translator = new RecipeTranslator(RecipeGoldenTest.SETTINGS);

        assertThat(translator.translate(TestRecipes.load(SEQUENTIAL_URL), true).helpers())
                .extracting(w -> w.metadata().generateName().orElseThrow())
                .containsExactly("test-ogdc-workflow-remove-existing-data-");
        assertThat(translator.translate(TestRecipes.load(TEMPORARY), false).helpers()).isEmpty();
        assertThat(translator.translate(TestRecipes.load(TEMPORARY), true).helpers()).isEmpty();
        assertThat(templateNames(translator.translate(TestRecipes.load(SEQUENTIAL_URL), false).inRunOrder().get(1)))
                .contains("publish-data-");
    }
}
