package net.qgreenland.ogdc.recipe;

import java.util.List;
import java.util.Optional;

/**
 * A YAML or JSON value with the position it was read from, so every problem can point at file:line:col.
 *
 * <p>Only the plain data shapes of a recipe exist: mappings with string keys, sequences and scalars. YAML
 * aliases, tags and multi-document streams are refused while reading (see {@link SourceTreeReader}).
 */
sealed interface SourceNode {

    SourceLocation location();

    /** A human name for the node's kind, used in "expected a mapping, got a sequence" messages. */
    String kind();

    /** A mapping with string keys, entries in document order (keys are unique; duplicates are refused). */
    record Mapping(SourceLocation location, List<Entry> entries) implements SourceNode {
        public Mapping {
            entries = List.copyOf(entries);
        }

        Optional<Entry> find(String key) {
            return entries.stream().filter(e -> e.key().equals(key)).findFirst();
        }

        @Override
        public String kind() {
            return "a mapping";
        }
    }

    /** One {@code key: value} of a mapping, with the key's own location. */
    record Entry(String key, SourceLocation keyLocation, SourceNode value) {}

    /** A sequence (list) of values. */
    record Sequence(SourceLocation location, List<SourceNode> items) implements SourceNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    /** A scalar: {@code value} is a String, Boolean, Long, java.math.BigInteger or Double; empty for null. */
    record Scalar(SourceLocation location, Optional<Object> value, String text) implements SourceNode {
        @Override
        public String kind() {
            return value.map(Scalar::kindOf).orElse("null");
        }

        private static String kindOf(Object v) {
            if (v instanceof String) {
                return "a string";
            }
            if (v instanceof Boolean) {
                return "a boolean";
            }
            if (v instanceof Double) {
                return "a decimal number";
            }
            return "an integer";
        }
    }
}
