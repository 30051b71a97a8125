package net.qgreenland.ogdc.argo.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import java.util.Optional;

/**
 * A parameter: an input (with an optional {@code default}), an argument ({@code value}), or an output read from a
 * file ({@code valueFrom.path}).
 */
public record Parameter(
        String name, Optional<String> value, @JsonProperty("default") Optional<String> defaultValue,
        Optional<String> description, Optional<ValueFrom> valueFrom) {

    public Parameter {
        Objects.requireNonNull(name, "name");
        value = Models.orEmpty(value);
        defaultValue = Models.orEmpty(defaultValue);
        description = Models.orEmpty(description);
        valueFrom = Models.orEmpty(valueFrom);
    }

    /** An argument. */
    public static Parameter of(String name, String value) {
        return new Parameter(name, Optional.of(value), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** An output parameter read from {@code path} in the container. */
    public static Parameter fromPath(String name, String path) {
        return new Parameter(name, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(new ValueFrom(Optional.of(path), Optional.empty())));
    }

    /** {@code valueFrom}: the file an output parameter is read from, and the value to use if it cannot be. */
    public record ValueFrom(Optional<String> path, @JsonProperty("default") Optional<String> defaultValue) {
        public ValueFrom {
            path = Models.orEmpty(path);
            defaultValue = Models.orEmpty(defaultValue);
        }
    }
}
