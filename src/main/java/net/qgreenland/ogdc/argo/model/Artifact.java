package net.qgreenland.ogdc.argo.model;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An artifact: an input or output file or directory at {@code path} in the container, or an argument taking one
 * {@code from} another step ({@code "{{steps.fetch.outputs.artifacts.output-dir}}"}).
 *
 * @param archive how the artifact is stored, e.g. {@code {none: {}}} to store a file as it is rather than tarred
 */
public record Artifact(
        String name, Optional<String> path, Optional<String> from, Optional<Map<String, Map<String, Object>>> archive) {

    public Artifact {
        Objects.requireNonNull(name, "name");
        path = Models.orEmpty(path);
        from = Models.orEmpty(from);
        archive = Models.orEmpty(archive).map(Models::copy);
    }
}
