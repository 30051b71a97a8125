package net.qgreenland.ogdc.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import net.qgreenland.ogdc.argo.model.Workflow;
import net.qgreenland.ogdc.translate.RecipeTranslator;
import net.qgreenland.ogdc.translate.TranslationSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The port's records and the small pieces every adapter shares. */
class ClusterModelTest {

    static final String WORKFLOW_JSON = """
            {"metadata": {"name": "seal-tags-shell-x7k2p", "namespace": "qgnet", "resourceVersion": "4711",
              "creationTimestamp": "2026-11-21T10:00:00Z",
              "labels": {"ogdc/recipe-id": "seal-tags", "n": 3},
              "annotations": {"workflows.argoproj.io/pod-name-format": "v2"}},
             "status": {"phase": "Failed", "progress": "1/2", "startedAt": "2026-11-21T10:00:05Z",
              "finishedAt": null, "message": "child 'x' failed",
              "nodes": {
                "seal-tags-shell-x7k2p": {"id": "seal-tags-shell-x7k2p", "name": "seal-tags-shell-x7k2p",
                  "displayName": "seal-tags-shell-x7k2p", "type": "Steps", "templateName": "main", "phase": "Failed"},
                "seal-tags-shell-x7k2p-1234": {"id": "seal-tags-shell-x7k2p-1234",
                  "name": "seal-tags-shell-x7k2p[0].cmd-0", "displayName": "cmd-0", "type": "Pod",
                  "templateName": "cmd-0", "phase": "Failed", "message": "Error (exit code 1)",
                  "startedAt": "2026-11-21T10:00:06Z", "finishedAt": "2026-11-21T10:01:06Z",
                  "outputs": {"parameters": [{"name": "partitions", "value": "[]"}, {"name": "no-value"}]}}}}}
            """;

    @Test
    void aWorkflowStateIsReadFromArgosJsonToleratingNullsAndOddTypes() throws Exception {
        WorkflowState state = WorkflowStates.fromJson(new ObjectMapper().readTree(WORKFLOW_JSON));

        assertThat(state.name()).isEqualTo("seal-tags-shell-x7k2p");
        assertThat(state.namespace()).isEqualTo("qgnet");
        assertThat(state.resourceVersion()).isEqualTo("4711");
        assertThat(state.phase()).isEqualTo(WorkflowPhase.FAILED);
        assertThat(state.progress()).contains("1/2");
        assertThat(state.createdAt()).contains(Instant.parse("2026-11-21T10:00:00Z"));
        assertThat(state.finishedAt()).isEmpty();
        assertThat(state.message()).contains("child 'x' failed");
        assertThat(state.labels()).containsEntry("ogdc/recipe-id", "seal-tags").containsEntry("n", "3");
        assertThat(state.failedPods()).singleElement().satisfies(node -> {
            assertThat(node.displayName()).isEqualTo("cmd-0");
            assertThat(node.message()).contains("Error (exit code 1)");
            assertThat(node.outputParameters()).containsExactly(Map.entry("partitions", "[]"));
            assertThat(node.startedAt()).contains(Instant.parse("2026-11-21T10:00:06Z"));
            assertThat(node.finishedAt()).contains(Instant.parse("2026-11-21T10:01:06Z"));
        });
        assertThat(state.podCounts()).containsExactly(Map.entry("Failed", 1L));
        assertThat(state.findOutput("cmd-0", "partitions")).contains("[]");
    }

    @Test
    void aWorkflowWithoutStatusIsPendingAndOneWithoutANameIsRefused() throws Exception {
        ObjectMapper json = new ObjectMapper();
        WorkflowState fresh = WorkflowStates.fromJson(json.readTree("{\"metadata\": {\"name\": \"a\"}}"));

        assertThat(fresh.phase()).isEqualTo(WorkflowPhase.PENDING);
        assertThat(fresh.nodes()).isEmpty();
        assertThatThrownBy(() -> WorkflowStates.fromJson(json.readTree("{\"metadata\": {}}")))
                .hasMessageContaining("metadata.name");
    }

    @ParameterizedTest
    @CsvSource({"Succeeded,SUCCEEDED,true", "Failed,FAILED,true", "Error,ERROR,true", "Running,RUNNING,false",
        "Pending,PENDING,false", "'',PENDING,false", "Omitted,PENDING,false", "succeeded,SUCCEEDED,true"})
    void errorIsTerminalAsSucceededAndFailedAre(String argo, WorkflowPhase phase, boolean terminal) {
        assertThat(WorkflowPhase.fromArgo(argo)).isEqualTo(phase);
        assertThat(phase.isTerminal()).isEqualTo(terminal);
    }

    @Test
    void podNamesFollowArgosV2FormatAndV1Annotation() {
        NodeState node = new NodeState("wf-abc-1234", "wf-abc[0].cmd-0", "cmd-0", "cmd-0", "Pod", "Failed",
                Optional.empty(), Map.of(), Optional.empty(), Optional.empty());
        WorkflowState v2 = state("wf-abc", Map.of());
        WorkflowState v1 = state("wf-abc", Map.of(PodNames.FORMAT_ANNOTATION, "v1"));

        assertThat(PodNames.fnv32a("hello")).isEqualTo(1335831723L);
        assertThat(PodNames.fnv32a("world")).isEqualTo(933488787L);
        assertThat(PodNames.of(v2, node)).isEqualTo("wf-abc-cmd-0-" + PodNames.fnv32a("wf-abc[0].cmd-0"));
        assertThat(PodNames.of(v1, node)).isEqualTo("wf-abc-1234");
    }

    @Test
    void labelSelectorsPrintInKubernetesSyntaxAndMatchLabels() {
        LabelSelector selector = new LabelSelector(new TreeMap<>(Map.of("b", "2", "a", "1")),
                new TreeMap<>(Map.of("ogdc/recipe-id", Set.of("y", "x"))));

        assertThat(selector).hasToString("a=1,b=2,ogdc/recipe-id in (x,y)");
        assertThat(selector.matches(Map.of("a", "1", "b", "2", "ogdc/recipe-id", "x", "c", "3"))).isTrue();
        assertThat(selector.matches(Map.of("a", "1", "b", "2", "ogdc/recipe-id", "z"))).isFalse();
        assertThat(selector.matches(Map.of("a", "1", "ogdc/recipe-id", "x"))).isFalse();
        assertThatThrownBy(() -> LabelSelector.of(Map.of())).hasMessageContaining("selects everything");
    }

    @ParameterizedTest
    @CsvSource({"push,push", "pull_request,pull_request", "'re run/2',re-run-2", "'--x--',x",
        "'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',"
                + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void labelValuesAreMadeValid(String value, String expected) {
        assertThat(RunLabels.labelValue(value)).isEqualTo(expected);
    }

    @Test
    void theContentHashChangesWithTheWorkflowAndNotWithOurLabels() {
        Workflow main = new RecipeTranslator(TranslationSettings.defaults())
                .translate(RecipeSubmitterTest.recipe(RecipeSubmitterTest.TEMPORARY_RECIPE), false).main();
        Workflow otherImage = new RecipeTranslator(TranslationSettings.fromEnvironment(
                Map.of("OGDC_RUNNER_IMAGE_TAG", "v2")))
                .translate(RecipeSubmitterTest.recipe(RecipeSubmitterTest.TEMPORARY_RECIPE), false).main();
        RunLabels labels = new RunLabels(Optional.of("abc"), OptionalInt.empty(), "cli");

        String hash = RunLabels.contentHash(main);
        assertThat(hash).hasSize(32).matches("[0-9a-f]+").isEqualTo(RunLabels.contentHash(main));
        assertThat(RunLabels.contentHash(otherImage)).isNotEqualTo(hash);
        assertThat(labels.of("r", RunLabels.Role.MAIN, main)).containsEntry(RunLabels.CONTENT_HASH, hash)
                .doesNotContainKey(RunLabels.PULL_REQUEST);
        assertThat(labels.sameSubmission("r", RunLabels.Role.MAIN, main).toString())
                .isEqualTo("app.kubernetes.io/managed-by=ogdc-action,ogdc/commit=abc,ogdc/content-hash=" + hash
                        + ",ogdc/recipe-id=r,ogdc/role=main");
    }

    @Test
    void aStateIsDeliveredOnceAndNothingFollowsAFinalState() {
        List<String> seen = new ArrayList<>();
        ChangeDeduplicator deduplicator = new ChangeDeduplicator(s -> seen.add(s.phase() + "@" + s.resourceVersion()));

        deduplicator.offer(state("a", "1", WorkflowPhase.RUNNING));
        deduplicator.offer(state("a", "1", WorkflowPhase.RUNNING));
        deduplicator.offer(state("a", "2", WorkflowPhase.SUCCEEDED));
        deduplicator.offer(state("a", "2", WorkflowPhase.SUCCEEDED));
        deduplicator.offer(state("a", "1", WorkflowPhase.RUNNING));
        deduplicator.offer(state("b", "1", WorkflowPhase.RUNNING));

        assertThat(seen).containsExactly("RUNNING@1", "SUCCEEDED@2", "RUNNING@1");
    }

    @Test
    void aDryRunReplacesItsOwnFilesAndKeepsTheUsers(@TempDir Path directory) throws Exception {
        Workflow main = new RecipeTranslator(TranslationSettings.defaults())
                .translate(RecipeSubmitterTest.recipe(RecipeSubmitterTest.TEMPORARY_RECIPE), false).main();
        String stem = main.metadata().generateName().orElseThrow().replaceAll("-$", "");
        List<String> log = new ArrayList<>();

        try (RenderingArgoGateway first = new RenderingArgoGateway(directory, "qgnet", log::add)) {
            first.submit(main);
        }
        Files.writeString(directory.resolve(stem + ".yaml"),
                Files.readString(directory.resolve(stem + ".yaml")) + "# edited\n");
        try (RenderingArgoGateway second = new RenderingArgoGateway(directory, "qgnet", log::add)) {
            WorkflowState replaced = second.submit(main);
            assertThat(second.fileOf(replaced.name())).contains(directory.resolve(stem + ".yaml"));
        }
        Path mine = directory.resolve(stem + ".yaml");
        Files.writeString(mine, "my own notes\n", StandardCharsets.UTF_8);
        try (RenderingArgoGateway third = new RenderingArgoGateway(directory, "qgnet", log::add)) {
            WorkflowState kept = third.submit(main);
            WorkflowState twice = third.submit(main);

            assertThat(mine).hasContent("my own notes");
            assertThat(third.fileOf(kept.name())).contains(directory.resolve(stem + ".2.yaml"));
            assertThat(third.fileOf(twice.name())).contains(directory.resolve(stem + ".3.yaml"));
            assertThat(kept.phase()).isEqualTo(WorkflowPhase.NOT_SUBMITTED);
            assertThat(third.find(LabelSelector.of(Map.of("ogdc/persist-workflow-in-archive", "true"))))
                    .extracting(WorkflowState::name).containsExactly(twice.name(), kept.name());
        }
        assertThat(log).anyMatch(line -> line.contains("written to"));
    }

    private static WorkflowState state(String name, Map<String, String> annotations) {
        return new WorkflowState(name, "qgnet", "1", WorkflowPhase.FAILED, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), annotations, List.of());
    }

    private static WorkflowState state(String name, String version, WorkflowPhase phase) {
        return new WorkflowState(name, "qgnet", version, phase, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), Map.of(), List.of());
    }
}
