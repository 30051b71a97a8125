package net.qgreenland.ogdc.argo.model;

import java.util.Objects;
import java.util.Optional;

/** A pod volume backed by an existing PersistentVolumeClaim (the only kind this program uses). */
public record Volume(String name, Optional<PvcSource> persistentVolumeClaim) {

    public Volume {
        Objects.requireNonNull(name, "name");
        persistentVolumeClaim = Models.orEmpty(persistentVolumeClaim);
    }

    public static Volume ofClaim(String name, String claimName, boolean readOnly) {
        return new Volume(name, Optional.of(new PvcSource(claimName, readOnly ? Optional.of(true) : Optional.empty())));
    }

    /** {@code persistentVolumeClaim}: the claim's name, and whether it is mounted read-only. */
    public record PvcSource(String claimName, Optional<Boolean> readOnly) {
        public PvcSource {
            Objects.requireNonNull(claimName, "claimName");
            readOnly = Models.orEmpty(readOnly);
        }
    }
}
