package net.qgreenland.ogdc.argo.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.List;
import java.util.Map;

/**
 * Writes workflows as YAML or JSON, and reads them back. Keys come in a stable, readable order ({@code name}
 * first, as the records declare them); absent values and empty lists and maps are left out; multi-line strings
 * (scripts) are written as YAML literal blocks.
 */
public final class ArgoDocuments {

    private static final JsonMapper JSON = configure(JsonMapper.builder()).build();
    private static final YAMLMapper YAML = configure(YAMLMapper.builder(YAMLFactory.builder()
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
                    .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                    .disable(YAMLGenerator.Feature.SPLIT_LINES)
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .build()))
            .build();

    private ArgoDocuments() {}

    private static <M extends ObjectMapper, B extends com.fasterxml.jackson.databind.cfg.MapperBuilder<M, B>> B configure(
            B builder) {
        return builder
                .addModule(new Jdk8Module())
                .serializationInclusion(JsonInclude.Include.NON_ABSENT)
                .withConfigOverride(List.class, o -> o.setInclude(
                        JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, JsonInclude.Include.ALWAYS)))
                .withConfigOverride(Map.class, o -> o.setInclude(
                        JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, JsonInclude.Include.ALWAYS)))
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** One workflow as a YAML document. */
    public static String toYaml(Workflow workflow) {
        return write(YAML, workflow);
    }

    /** One workflow as pretty-printed JSON, as the Argo Server and Kubernetes APIs take it. */
    public static String toJson(Workflow workflow) {
        return write(JSON, workflow);
    }

    /** A workflow as a JSON tree (for schema validation and API bodies). */
    public static JsonNode toTree(Workflow workflow) {
        return JSON.valueToTree(workflow);
    }

    /**
     * Reads a workflow from YAML or JSON text.
     *
     * @throws IllegalArgumentException naming the problem if the text is not a workflow this model can hold
     */
    public static Workflow fromYaml(String text) {
        try {
            return YAML.readValue(text, Workflow.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a workflow this model can hold: " + e.getOriginalMessage(), e);
        }
    }

    private static String write(ObjectMapper mapper, Workflow workflow) {
        try {
            return mapper.writeValueAsString(workflow);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing workflow " + workflow.metadata() + " failed", e);
        }
    }
}
