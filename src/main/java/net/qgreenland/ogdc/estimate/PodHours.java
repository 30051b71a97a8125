package net.qgreenland.ogdc.estimate;

/**
 * Estimated pod-hours (the sum over pods of the hours each runs), and whether that is only a lower bound: some
 * stage's pods are only known once the run lists its files, and such a stage was counted as one pod.
 *
 * @param hours pod-hours, {@code >= 0}
 * @param lowerBound the real figure is probably higher
 */
public record PodHours(double hours, boolean lowerBound) {

    public static final PodHours ZERO = new PodHours(0, false);

    public PodHours {
        if (!(hours >= 0) || Double.isInfinite(hours)) {
            throw new IllegalArgumentException("pod-hours must be a finite number >= 0, got " + hours);
        }
    }

    /** The sum of both; a lower bound if either is. */
    public PodHours plus(PodHours other) {
        return new PodHours(hours + other.hours, lowerBound || other.lowerBound);
    }
}
