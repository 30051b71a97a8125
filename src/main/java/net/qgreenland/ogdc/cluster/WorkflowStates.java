package net.qgreenland.ogdc.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a {@link WorkflowState} from Argo's Workflow JSON, as both the Argo Server and the Kubernetes API return it.
 * Tolerant: a field that is missing, {@code null} or of another type is absent, never an error, because Argo
 * versions differ and a half-initialised workflow has little status.
 */
public final class WorkflowStates {

    private WorkflowStates() {}

    /**
     * The state in {@code workflow} (a Workflow object: {@code metadata}, {@code status}).
     *
     * @throws IllegalArgumentException if it has no {@code metadata.name}
     */
    public static WorkflowState fromJson(JsonNode workflow) {
        JsonNode metadata = workflow.path("metadata");
        String name = text(metadata, "name")
                .orElseThrow(() -> new IllegalArgumentException("the workflow has no metadata.name"));
        JsonNode status = workflow.path("status");
        return new WorkflowState(
                name,
                text(metadata, "namespace").orElse(""),
                text(metadata, "resourceVersion").orElse(""),
                WorkflowPhase.fromArgo(text(status, "phase").orElse(null)),
                text(status, "progress"),
                instant(metadata, "creationTimestamp"),
                instant(status, "startedAt"),
                instant(status, "finishedAt"),
                text(status, "message"),
                strings(metadata.path("labels")),
                strings(metadata.path("annotations")),
                nodes(status.path("nodes")));
    }

    private static List<NodeState> nodes(JsonNode nodes) {
        List<NodeState> result = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = nodes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode node = entry.getValue();
            Map<String, String> outputs = new LinkedHashMap<>();
            for (JsonNode parameter : node.path("outputs").path("parameters")) {
                Optional<String> parameterName = text(parameter, "name");
                Optional<String> value = text(parameter, "value");
                if (parameterName.isPresent() && value.isPresent()) {
                    outputs.putIfAbsent(parameterName.get(), value.get());
                }
            }
            String id = text(node, "id").orElse(entry.getKey());
            String name = text(node, "name").orElse(id);
            result.add(new NodeState(id, name, text(node, "displayName").orElse(name),
                    text(node, "templateName").orElse(""), text(node, "type").orElse(""),
                    text(node, "phase").orElse(""), text(node, "message"), outputs, instant(node, "startedAt"),
                    instant(node, "finishedAt")));
        }
        return result;
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> result = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> {
            if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                result.put(e.getKey(), e.getValue().asText());
            }
        });
        return result;
    }

    private static Optional<String> text(JsonNode object, String field) {
        JsonNode value = object.path(field);
        return value.isValueNode() && !value.isNull() && !value.asText().isEmpty()
                ? Optional.of(value.asText())
                : Optional.empty();
    }

    private static Optional<Instant> instant(JsonNode object, String field) {
        try {
            return text(object, field).map(Instant::parse);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
