package net.qgreenland.ogdc.argo.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/** Kubernetes' IntOrString: a number or a string, written back exactly as it was given ({@code 10} or {@code "10"}). */
public record IntOrString(@JsonValue Object value) {

    public IntOrString {
        Objects.requireNonNull(value, "value");
        if (!(value instanceof Integer || value instanceof Long || value instanceof String)) {
            throw new IllegalArgumentException("an IntOrString is a whole number or a string, got " + value);
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static IntOrString of(Object value) {
        return new IntOrString(value);
    }
}
