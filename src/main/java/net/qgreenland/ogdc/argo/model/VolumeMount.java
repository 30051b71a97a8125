package net.qgreenland.ogdc.argo.model;

import java.util.Objects;
import java.util.Optional;

/** Where a volume appears in a container: {@code mountPath}, optionally only its {@code subPath}, maybe read-only. */
public record VolumeMount(String name, String mountPath, Optional<String> subPath, Optional<Boolean> readOnly) {

    public VolumeMount {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mountPath, "mountPath");
        subPath = Models.orEmpty(subPath);
        readOnly = Models.orEmpty(readOnly);
    }

    public static VolumeMount of(String name, String mountPath) {
        return new VolumeMount(name, mountPath, Optional.empty(), Optional.empty());
    }

    public static VolumeMount readOnly(String name, String mountPath) {
        return new VolumeMount(name, mountPath, Optional.empty(), Optional.of(true));
    }
}
