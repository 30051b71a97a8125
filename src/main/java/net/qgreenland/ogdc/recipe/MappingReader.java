package net.qgreenland.ogdc.recipe;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Typed, located access to one mapping of a recipe file: every wrong type, missing key or unknown key becomes a
 * problem naming the property path ({@code input.params[1].claim_name}) and the file position.
 */
final class MappingReader {

    private final SourceNode.Mapping mapping;
    private final String path;
    private final Problems problems;

    MappingReader(SourceNode.Mapping mapping, String path, Problems problems) {
        this.mapping = mapping;
        this.path = path;
        this.problems = problems;
    }

    /**
     * Reads {@code node} as a mapping at property {@code path}; records a problem and returns empty if it is
     * something else.
     */
    static Optional<MappingReader> of(SourceNode node, String path, Problems problems) {
        if (node instanceof SourceNode.Mapping m) {
            return Optional.of(new MappingReader(m, path, problems));
        }
        problems.error(node.location(), path, "must be a mapping of keys, got " + describe(node));
        return Optional.empty();
    }

    SourceLocation location() {
        return mapping.location();
    }

    String path() {
        return path;
    }

    /** The property path of {@code key} inside this mapping. */
    String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /**
     * Reports every key not in {@code allowed}, suggesting the nearest allowed key, or the explanation in
     * {@code hints} for keys that are known mistakes (such as keys from outdated documentation).
     */
    void allowOnly(Set<String> allowed, Map<String, String> hints) {
        for (SourceNode.Entry entry : mapping.entries()) {
            if (allowed.contains(entry.key())) {
                continue;
            }
            String hint = hints.get(entry.key());
            String message;
            if (hint != null) {
                message = "unknown key: " + hint;
            } else {
                message = KeySuggestion.nearest(entry.key(), allowed)
                        .map(s -> "unknown key (did you mean '" + s + "'?)")
                        .orElse("unknown key; allowed here: " + String.join(", ", allowed.stream().sorted().toList()));
            }
            problems.error(entry.keyLocation(), pathOf(entry.key()), message);
        }
    }

    void allowOnly(Set<String> allowed) {
        allowOnly(allowed, Map.of());
    }

    /** The value of {@code key}, if present (a present {@code null} value counts as present). */
    Optional<SourceNode> find(String key) {
        return mapping.find(key).map(SourceNode.Entry::value);
    }

    /** The value of {@code key}, unless it is absent or null. */
    Optional<SourceNode> findNonNull(String key) {
        return find(key).filter(v -> !isNull(v));
    }

    /** The value of {@code key}; records "is required" and returns empty if absent or null. */
    Optional<SourceNode> require(String key) {
        Optional<SourceNode> value = findNonNull(key);
        if (value.isEmpty()) {
            SourceLocation at = find(key).map(SourceNode::location).orElse(mapping.location());
            problems.error(at, pathOf(key), "is required but " + (find(key).isPresent() ? "empty" : "missing"));
        }
        return value;
    }

    Optional<String> requireString(String key) {
        return require(key).flatMap(v -> asString(v, pathOf(key)));
    }

    Optional<String> optionalString(String key) {
        return findNonNull(key).flatMap(v -> asString(v, pathOf(key)));
    }

    /** An optional boolean; YAML's {@code true/false/yes/no/on/off} are booleans, as in the Python runner. */
    Optional<Boolean> optionalBoolean(String key) {
        Optional<SourceNode> node = findNonNull(key);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        if (node.get() instanceof SourceNode.Scalar s && s.value().orElse(null) instanceof Boolean b) {
            return Optional.of(b);
        }
        problems.error(node.get().location(), pathOf(key), "must be true or false, got " + describe(node.get()));
        return Optional.empty();
    }

    /** An optional whole number that must be at least {@code min}. */
    OptionalInt optionalInt(String key, int min) {
        Optional<SourceNode> node = findNonNull(key);
        if (node.isEmpty()) {
            return OptionalInt.empty();
        }
        if (node.get() instanceof SourceNode.Scalar s && s.value().orElse(null) instanceof Long l) {
            if (l < min) {
                problems.error(s.location(), pathOf(key), "must be >= " + min + ", got " + l);
                return OptionalInt.empty();
            }
            if (l > Integer.MAX_VALUE) {
                problems.error(s.location(), pathOf(key), "must be at most " + Integer.MAX_VALUE + ", got " + l);
                return OptionalInt.empty();
            }
            return OptionalInt.of(l.intValue());
        }
        problems.error(node.get().location(), pathOf(key), "must be a whole number, got " + describe(node.get()));
        return OptionalInt.empty();
    }

    /** The items of the list at {@code key} (absent or null gives empty), or a problem if it is not a list. */
    Optional<List<SourceNode>> optionalList(String key) {
        Optional<SourceNode> node = findNonNull(key);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        if (node.get() instanceof SourceNode.Sequence seq) {
            return Optional.of(seq.items());
        }
        problems.error(node.get().location(), pathOf(key), "must be a list, got " + describe(node.get()));
        return Optional.empty();
    }

    Optional<String> asString(SourceNode node, String property) {
        if (node instanceof SourceNode.Scalar s && s.value().orElse(null) instanceof String text) {
            return Optional.of(text);
        }
        problems.error(node.location(), property, "must be a string, got " + describe(node)
                + (node instanceof SourceNode.Scalar ? " (quote the value to make it a string)" : ""));
        return Optional.empty();
    }

    static boolean isNull(SourceNode node) {
        return node instanceof SourceNode.Scalar s && s.value().isEmpty();
    }

    /** "a list", "an integer (12)", "a string ('x')" — what a value is, for messages. */
    static String describe(SourceNode node) {
        if (node instanceof SourceNode.Scalar s && s.value().isPresent()) {
            String text = s.text().length() > 40 ? s.text().substring(0, 40) + "…" : s.text();
            return s.kind() + " (" + (s.value().get() instanceof String ? "'" + text + "'" : text) + ")";
        }
        return node.kind();
    }
}
