package net.qgreenland.ogdc.cluster;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A Kubernetes label selector of equality and set requirements ({@code ogdc/commit=abc,ogdc/recipe-id in (a,b)}),
 * the subset both the Kubernetes API and the Argo Server accept.
 *
 * @param equal labels that must have exactly this value
 * @param anyOf labels whose value must be one of a set
 * @see <a href="https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors">label
 *     selectors</a>
 */
public record LabelSelector(SortedMap<String, String> equal, SortedMap<String, Set<String>> anyOf) {

    public LabelSelector {
        equal = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(equal));
        TreeMap<String, Set<String>> sets = new TreeMap<>();
        anyOf.forEach((key, values) -> {
            if (values.isEmpty()) {
                throw new IllegalArgumentException("label " + key + " must be one of at least one value");
            }
            sets.put(key, java.util.Collections.unmodifiableSet(new TreeSet<>(values)));
        });
        anyOf = java.util.Collections.unmodifiableSortedMap(sets);
        if (equal.isEmpty() && anyOf.isEmpty()) {
            throw new IllegalArgumentException("a selector that selects everything is not allowed");
        }
    }

    /** Workflows carrying all of {@code labels}. */
    public static LabelSelector of(Map<String, String> labels) {
        return new LabelSelector(new TreeMap<>(labels), new TreeMap<>());
    }

    /** Workflows whose {@code key} label is one of {@code values}. */
    public static LabelSelector anyOf(String key, java.util.Collection<String> values) {
        return new LabelSelector(new TreeMap<>(), new TreeMap<>(Map.of(key, Set.copyOf(values))));
    }

    public boolean matches(Map<String, String> labels) {
        return equal.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())))
                && anyOf.entrySet().stream().allMatch(e -> e.getValue().contains(labels.get(e.getKey())));
    }

    /** The selector in Kubernetes syntax, keys sorted: {@code a=1,b in (x,y)}. */
    @Override
    public String toString() {
        List<String> parts = new java.util.ArrayList<>();
        equal.forEach((key, value) -> parts.add(key + "=" + value));
        anyOf.forEach((key, values) -> parts.add(key + " in (" + String.join(",", values) + ")"));
        return String.join(",", parts);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LabelSelector s && s.toString().equals(toString());
    }

    @Override
    public int hashCode() {
        return Objects.hash(toString());
    }
}
