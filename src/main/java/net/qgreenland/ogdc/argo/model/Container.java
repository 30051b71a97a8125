package net.qgreenland.ogdc.argo.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The container of a container template, or the container part of a script template ({@code source} is then
 * the script, run by {@code command}).
 */
public record Container(
        String image, Optional<String> imagePullPolicy, List<String> command, List<String> args,
        Optional<String> source, List<EnvVar> env, Optional<Resources> resources, List<VolumeMount> volumeMounts) {

    public Container {
        Objects.requireNonNull(image, "image");
        imagePullPolicy = Models.orEmpty(imagePullPolicy);
        command = Models.copy(command);
        args = Models.copy(args);
        source = Models.orEmpty(source);
        env = Models.copy(env);
        resources = Models.orEmpty(resources);
        volumeMounts = Models.copy(volumeMounts);
    }

    /** An environment variable with a literal value. */
    public record EnvVar(String name, String value) {
        public EnvVar {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }
}
