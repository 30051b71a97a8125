package net.qgreenland.ogdc.estimate;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a pod takes when no earlier run says so (the README's "Pre-flight estimate" documents these): a fetch pod
 * {@code fetchBase} plus its known bytes at {@code fetchBytesPerSecond}, a housekeeping pod {@code housekeepingPod},
 * a pod of the recipe's own work {@code workPod}.
 */
public record EstimateDefaults(Duration fetchBase, long fetchBytesPerSecond, Duration housekeepingPod,
        Duration workPod) {

    /** 1 minute + 20 MiB/s for a fetch, 1 minute of housekeeping, 10 minutes of work. */
    public static final EstimateDefaults STANDARD = new EstimateDefaults(Duration.ofMinutes(1), 20L << 20,
            Duration.ofMinutes(1), Duration.ofMinutes(10));

    public EstimateDefaults {
        Objects.requireNonNull(fetchBase, "fetchBase");
        Objects.requireNonNull(housekeepingPod, "housekeepingPod");
        Objects.requireNonNull(workPod, "workPod");
        if (fetchBytesPerSecond < 1) {
            throw new IllegalArgumentException("fetchBytesPerSecond must be >= 1");
        }
    }
}
