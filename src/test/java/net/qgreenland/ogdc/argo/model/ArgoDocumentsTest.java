package net.qgreenland.ogdc.argo.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Argo model is faithful to Argo's JSON: its own examples round-trip, and what we write passes its schemas. */
class ArgoDocumentsTest {

    static final YAMLMapper PLAIN_YAML = new YAMLMapper();

    /** Every document of kind Workflow among Argo's examples, as (file#index, its YAML tree). */
    static Stream<org.junit.jupiter.params.provider.Arguments> argoExampleWorkflows() throws IOException {
        List<org.junit.jupiter.params.provider.Arguments> workflows = new ArrayList<>();
        try (Stream<Path> files = Files.list(ArgoSchemas.REFERENCE.resolve("examples"))) {
            for (Path file : files.sorted().toList()) {
                List<JsonNode> documents = PLAIN_YAML.readValues(PLAIN_YAML.createParser(file.toFile()), JsonNode.class)
                        .readAll();
                for (int i = 0; i < documents.size(); i++) {
                    if ("Workflow".equals(documents.get(i).path("kind").asText())) {
                        workflows.add(org.junit.jupiter.params.provider.Arguments.of(file.getFileName() + "#" + i, documents.get(i)));
                    }
                }
            }
        }
        return workflows.stream();
    }

    @Test
    void thereAreExampleWorkflowsToCheck() throws IOException {
        assertThat(argoExampleWorkflows().count()).isGreaterThanOrEqualTo(15);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("argoExampleWorkflows")
    void argosExamplesParseIntoTheModelAndWriteBackTreeEqual(String example, JsonNode original) throws IOException {
        Workflow workflow = ArgoDocuments.fromYaml(PLAIN_YAML.writeValueAsString(original));

        assertThat(PLAIN_YAML.readTree(ArgoDocuments.toYaml(workflow))).as("YAML").isEqualTo(original);
        assertThat(new ObjectMapper().readTree(ArgoDocuments.toJson(workflow))).as("JSON").isEqualTo(original);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("argoExampleWorkflows")
    void argosExamplesPassTheSchemasOnceIntOrStringAcceptsIntegers(String example, JsonNode original) {
        assertThat(ArgoSchemas.errors(original)).isEmpty();
    }

    @Test
    void keysComeNameFirstAndEmptyValuesAreLeftOut() {
        Workflow workflow = Workflow.of(
                new ObjectMeta(Optional.empty(), Optional.of("demo-"), Optional.of("qgnet"), Map.of("a", "b"), Map.of()),
                new WorkflowSpec("main", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                        List.of(Template.container("main", new Arguments(List.of(), List.of()),
                                Arguments.parameters(Parameter.fromPath("out", "/tmp/out")),
                                new Container("busybox", Optional.empty(), List.of("sh", "-c"),
                                        List.of("echo 1 > /tmp/out"), Optional.empty(), List.of(), Optional.empty(),
                                        List.of())))));

        assertThat(ArgoDocuments.toYaml(workflow)).isEqualTo("""
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata:
                  generateName: demo-
                  namespace: qgnet
                  labels:
                    a: b
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    outputs:
                      parameters:
                      - name: out
                        valueFrom:
                          path: /tmp/out
                    container:
                      image: busybox
                      command:
                      - sh
                      - -c
                      args:
                      - echo 1 > /tmp/out
                """);
    }

    @Test
    void stringsThatLookLikeOtherTypesStayStrings() throws IOException {
        Workflow workflow = ArgoDocuments.fromYaml("""
                metadata: {generateName: x-}
                spec:
                  entrypoint: m
                  templates:
                  - name: m
                    inputs: {parameters: [{name: a, default: ""}, {name: b, default: "true"}, {name: c, default: "10"},
                                          {name: d, default: "[]"}, {name: e, default: "null"}]}
                    script: {image: python, command: [python], source: "import sys\\nprint(1)\\n"}
                """);

        String yaml = ArgoDocuments.toYaml(workflow);
        JsonNode parameters = PLAIN_YAML.readTree(yaml).at("/spec/templates/0/inputs/parameters");

        assertThat(parameters.findValuesAsText("default")).containsExactly("", "true", "10", "[]", "null");
        assertThat(parameters.findValues("default")).allMatch(JsonNode::isTextual);
        assertThat(yaml).contains("source: |\n        import sys\n        print(1)\n");
    }

    @Test
    void theSchemaCatchesABrokenWorkflow() throws IOException {
        ObjectNode broken = (ObjectNode) PLAIN_YAML.readTree(
                Files.readString(ArgoSchemas.REFERENCE.resolve("examples/dag-diamond.yaml")));
        ((ObjectNode) broken.at("/spec/templates/0/dag/tasks/1")).remove("name");
        ((ObjectNode) broken.get("spec")).put("parallelism", "five");

        List<String> errors = ArgoSchemas.errors(broken);

        assertThat(errors).anyMatch(e -> e.startsWith("v3.7.18: /spec/parallelism"))
                .anyMatch(e -> e.startsWith("v4.1.2: /spec/templates/0/dag/tasks/1") && e.contains("name"));
    }

    @Test
    void aFieldTheModelDoesNotKnowIsRefusedNotDropped() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ArgoDocuments.fromYaml(
                        "metadata: {name: x}\nspec: {entrypoint: m, podGC: {strategy: OnWorkflowSuccess}}\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("podGC");
    }
}
