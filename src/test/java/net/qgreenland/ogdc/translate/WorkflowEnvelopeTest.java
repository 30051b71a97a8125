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
        assertThat(defaults).isEqualTo(new TranslationSettings("qgnet", "argo-workflow",
                "ghcr.io/qgreenland-net/ogdc-runner:latest", "IfNotPresent", true, 3, "OnTransientError",
                "cephfs-qgnet-ogdc-workflow-pvc", 5));

        TranslationSettings set = TranslationSettings.fromEnvironment(Map.of("ENVIRONMENT", "local",
                "OGDC_RUNNER_IMAGE_TAG", "v1", "ARGO_NAMESPACE", "ns", "ARGO_WORKFLOW_RETRY_ENABLED", "FALSE",
                "OGDC_MAX_PARALLEL_LIMIT", "9"));
        assertThat(set.recipeImage()).isEqualTo("ogdc-runner:v1");
        assertThat(set.namespace()).isEqualTo("ns");
        assertThat(set.retryEnabled()).isFalse();
        assertThat(set.maxParallelism()).isEqualTo(9);
        assertThat(TranslationSettings.fromEnvironment(Map.of("ENVIRONMENT", "dev")).imagePullPolicy())
                .isEqualTo("Always");
    }

    @ParameterizedTest(name = "{0}={1} is refused")
    @CsvSource(delimiter = '|', value = {
        "ARGO_WORKFLOW_RETRY_LIMIT | -1   | ARGO_WORKFLOW_RETRY_LIMIT must be >= 0",
        "ARGO_WORKFLOW_RETRY_LIMIT | many | ARGO_WORKFLOW_RETRY_LIMIT must be a whole number, got 'many'",
        "OGDC_MAX_PARALLEL_LIMIT   | 0    | OGDC_MAX_PARALLEL_LIMIT must be >= 1",
    })
    void badSettingsAreRefusedByName(String name, String value, String message) {
        assertThatThrownBy(() -> TranslationSettings.fromEnvironment(Map.of(name, value)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }
}
