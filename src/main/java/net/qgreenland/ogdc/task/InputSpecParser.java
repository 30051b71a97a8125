package net.qgreenland.ogdc.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads the {@code --inputs} JSON array into {@link InputSpec}s; every problem names the element's index. */
final class InputSpecParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The fields each input type accepts, the first one required (besides {@code type}). */
    private static final Map<String, List<String>> FIELDS = Map.of(
            "url", List.of("url"),
            "dataone", List.of("dataset", "filename"),
            "pvc", List.of("path", "glob"));

    private InputSpecParser() {}

    /** The inputs in {@code json}, in order; throws {@link TaskFailure} naming the first bad element. */
    static List<InputSpec> parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new TaskFailure("--inputs is not valid JSON: " + TaskFailure.reason(e));
        }
        if (root == null || !root.isArray()) {
            throw new TaskFailure("--inputs must be a JSON array of input objects");
        }
        List<InputSpec> inputs = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            try {
                inputs.add(element(root.get(i)));
            } catch (IllegalArgumentException e) {
                throw new TaskFailure("--inputs[" + i + "]: " + e.getMessage());
            }
        }
        return List.copyOf(inputs);
    }

    private static InputSpec element(JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("must be an object with a 'type', got "
                    + node.getNodeType().toString().toLowerCase(Locale.ROOT));
        }
        String type = text(node, "type").orElseThrow(() -> new IllegalArgumentException("missing 'type' (one of "
                + "url, dataone, pvc)"));
        List<String> fields = FIELDS.get(type);
        if (fields == null) {
            throw new IllegalArgumentException("unknown input type '" + type + "' (expected url, dataone or pvc)");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("type") && !fields.contains(name)) {
                throw new IllegalArgumentException("unknown field '" + name + "' for a " + type + " input (expected "
                        + String.join(", ", fields) + ")");
            }
        }
        return switch (type) {
            case "url" -> new InputSpec.Url(text(node, "url").orElse(null));
            case "dataone" -> new InputSpec.DataOne(text(node, "dataset").orElse(null), text(node, "filename"));
            default -> new InputSpec.Pvc(path(text(node, "path").orElse(null)), text(node, "glob").orElse(null));
        };
    }

    private static Path path(String text) {
        if (text == null) {
            throw new IllegalArgumentException("missing 'path'");
        }
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("'path' is not a valid path: " + e.getMessage());
        }
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException("'" + field + "' must be a string");
        }
        return Optional.of(value.asText());
    }

    /** Fails, naming the first of {@code inputs} whose type is not {@code accepted}; {@code hint} ends the message. */
    static void requireTypes(List<InputSpec> inputs, Set<String> accepted, String hint) {
        for (int i = 0; i < inputs.size(); i++) {
            if (!accepted.contains(inputs.get(i).type())) {
                throw new TaskFailure("--inputs[" + i + "]: " + inputs.get(i).type() + " inputs are not accepted here"
                        + hint);
            }
        }
    }
}
