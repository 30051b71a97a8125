package net.qgreenland.ogdc.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkflowEnvelopeTest {

    @ParameterizedTest(name = "{0} + {1} gives {2}")
    @CsvSource({
        "test-ogdc-workflow, shell, test-ogdc-workflow-shell-",
        "water-measurements-from-seal-tag-data, shell, water-measurements-from-seal-tag-data-shell-",
        "a-b, check-published, a-b-check-published-",
    })
    void generateNameIsIdThenSuffix(String id, String suffix, String expected) {
        assertThat(WorkflowEnvelope.generateName(id, suffix)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "a {0}-character id with suffix {1} fits 63 with Argo's suffix")
    @CsvSource({"70, shell", "63, visualization", "63, remove-existing-data", "51, shell", "52, shell"})
    void generatedNamesNeverExceed63WithTheRandomSuffix(int idLength, String suffix) {
        String id = "a".repeat(idLength - 1) + "b";

        String name = WorkflowEnvelope.generateName(id, suffix);

        // Fixed on purpose: the Python runner gave 'a' * 53 + '-shell-' (60 chars, 65 with the suffix).
        assertThat(name.length() + WorkflowEnvelope.RANDOM_SUFFIX).isLessThanOrEqualTo(63);
        assertThat(name).endsWith("-" + suffix + "-").doesNotContain("--");
    }

    @Test
    void theSpecsExampleOf70CharactersNowGives51IdCharacters() {
        assertThat(WorkflowEnvelope.generateName("a".repeat(70), "shell")).isEqualTo("a".repeat(51) + "-shell-");
    }

    @Test
    void inputVolumeNamesFit63AndTheWorkflowClaimIsTheWorkflowVolume() {
        WorkflowEnvelope envelope = new WorkflowEnvelope(TranslationSettings.defaults());
        String longClaim = "c".repeat(63);

        assertThat(envelope.inputVolumeName("arctic-dem-pvc")).isEqualTo("input-pvc-arctic-dem-pvc");
        assertThat(envelope.inputVolumeName("cephfs-qgnet-ogdc-workflow-pvc")).isEqualTo("workflow-volume");
        assertThat(envelope.inputVolumeName(longClaim)).hasSizeLessThanOrEqualTo(63)
                .startsWith("input-pvc-" + "c".repeat(42) + "-").matches("input-pvc-c{42}-[0-9a-f]{10}");
        assertThat(envelope.inputVolumeName(longClaim)).isNotEqualTo(envelope.inputVolumeName("c".repeat(62) + "d"));
    }

    @Test
    void settingsDefaultAsTheSpecSaysAndComeFromTheEnvironment() {
        TranslationSettings defaults = TranslationSettings.defaults();
        assertThat(defaults.namespace()).isEqualTo("qgnet");
        assertThat(defaults.serviceAccount()).isEqualTo("argo-workflow");
        assertThat(defaults.recipeImage()).isEqualTo("ghcr.io/qgreenland-net/ogdc-runner:latest");
        assertThat(defaults.imagePullPolicy()).isEqualTo("IfNotPresent");
        assertThat(defaults.retryEnabled()).isTrue();
        assertThat(defaults.retryLimit()).isEqualTo(3);
        assertThat(defaults.retryPolicy()).isEqualTo("OnTransientError");
        assertThat(defaults.workflowPvc()).isEqualTo("cephfs-qgnet-ogdc-workflow-pvc");
        assertThat(defaults.maxParallelism()).isEqualTo(5);
        assertThat(defaults.maxPartitions()).isEqualTo(10_000);
        assertThat(defaults.dataoneNodeUrl()).isEmpty();
        assertThat(defaults.taskImage()).isEqualTo("ghcr.io/qgreenland-net/ogdc-action:latest");
        assertThat(TranslationSettings.fromEnvironment(Map.of(), "1.2.3").taskImage())
                .isEqualTo("ghcr.io/qgreenland-net/ogdc-action:1.2.3");
        assertThat(defaults.viz().image()).isEqualTo("ghcr.io/permafrostdiscoverygateway/pdgworkflow:latest");
        assertThat(defaults.viz().setupImage()).isEqualTo(defaults.recipeImage());
        assertThat(defaults.viz().defaultPartitionSize()).isEqualTo(1000);

        TranslationSettings set = TranslationSettings.fromEnvironment(Map.of("ENVIRONMENT", "local",
                "OGDC_RUNNER_IMAGE_TAG", "v1", "ARGO_NAMESPACE", "ns", "ARGO_WORKFLOW_RETRY_ENABLED", "FALSE",
                "OGDC_MAX_PARALLEL_LIMIT", "9"));
        assertThat(set.recipeImage()).isEqualTo("ogdc-runner:v1");
        assertThat(set.namespace()).isEqualTo("ns");
        assertThat(set.retryEnabled()).isFalse();
        assertThat(set.maxParallelism()).isEqualTo(9);
        assertThat(TranslationSettings.fromEnvironment(Map.of("ENVIRONMENT", "dev")).imagePullPolicy())
                .isEqualTo("Always");
        TranslationSettings whole = TranslationSettings.fromEnvironment(Map.of("ENVIRONMENT", "local",
                "OGDC_RUNNER_IMAGE_TAG", "v1", TranslationSettings.RECIPE_IMAGE_VARIABLE, "registry.example/runner:v9"));
        assertThat(whole.recipeImage()).isEqualTo("registry.example/runner:v9");
        assertThat(whole.viz().setupImage()).isEqualTo("registry.example/runner:v9");
    }

    @ParameterizedTest(name = "{0}={1} is refused")
    @CsvSource(delimiter = '|', value = {
        "ARGO_WORKFLOW_RETRY_LIMIT | -1   | ARGO_WORKFLOW_RETRY_LIMIT must be >= 0",
        "ARGO_WORKFLOW_RETRY_LIMIT | many | ARGO_WORKFLOW_RETRY_LIMIT must be a whole number, got 'many'",
        "OGDC_MAX_PARALLEL_LIMIT   | 0    | OGDC_MAX_PARALLEL_LIMIT must be >= 1",
        "OGDC_MAX_PARTITIONS       | 0    | OGDC_MAX_PARTITIONS must be >= 1",
        "VIZ_WORKFLOW_DEFAULT_PARTITION_SIZE | 0 | VIZ_WORKFLOW_DEFAULT_PARTITION_SIZE must be >= 1",
        "VIZ_WORKFLOW_RESOURCES    | []   | VIZ_WORKFLOW_RESOURCES must be a JSON object",
        "VIZ_WORKFLOW_RESOURCES    | {\"raster\": 1} | VIZ_WORKFLOW_RESOURCES.raster must be a JSON object",
        "VIZ_WORKFLOW_RESOURCES    | {\"raster\": {\"limits\": 2}} | VIZ_WORKFLOW_RESOURCES.raster.requests and .limits must be JSON objects",
        "VIZ_WORKFLOW_RESOURCES    | {\"gpu\": {}} | VIZ_WORKFLOW_RESOURCES.gpu is not a profile; use one of [discovery, raster, stage, threedtile]",
    })
    void badSettingsAreRefusedByName(String name, String value, String message) {
        assertThatThrownBy(() -> TranslationSettings.fromEnvironment(Map.of(name, value)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void vizResourceOverridesMergePerKeyAndKeepTheOtherDefaults() {
        TranslationSettings set = TranslationSettings.fromEnvironment(
                Map.of("VIZ_WORKFLOW_RESOURCES", "{\"raster\": {\"limits\": {\"memory\": \"16Gi\"}}}"));

        assertThat(set.viz().profile("raster").limits()).containsExactly(
                Map.entry("cpu", "4"), Map.entry("memory", "16Gi"));
        assertThat(set.viz().profile("raster").requests()).containsExactly(
                Map.entry("cpu", "1"), Map.entry("memory", "4Gi"));
        assertThat(set.viz().profile("stage")).isEqualTo(VizSettings.DEFAULT_PROFILES.get("stage"));
    }
}
