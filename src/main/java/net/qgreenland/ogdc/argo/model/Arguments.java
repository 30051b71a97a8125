package net.qgreenland.ogdc.argo.model;

import java.util.List;

/**
 * Parameters and artifacts: a template's {@code inputs} and {@code outputs}, and the {@code arguments} of a step,
 * a task or the workflow. Order matters to readers (and to the Python runner's tests): it is kept as given.
 */
public record Arguments(List<Parameter> parameters, List<Artifact> artifacts) {

    /** No parameters and no artifacts. */
    public static final Arguments NONE = new Arguments(List.of(), List.of());

    public Arguments {
        parameters = Models.copy(parameters);
        artifacts = Models.copy(artifacts);
    }

    public static Arguments parameters(Parameter... parameters) {
        return new Arguments(List.of(parameters), List.of());
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isEmpty() {
        return parameters.isEmpty() && artifacts.isEmpty();
    }
}
