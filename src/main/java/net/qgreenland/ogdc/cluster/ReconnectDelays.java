package net.qgreenland.ogdc.cluster;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a watch waits before re-listing after its connection dropped: doubling from {@code first} up to
 * {@code max} with consecutive failures, each wait jittered by ±25% so many runners that lost the same API server do
 * not come back in step.
 *
 * @param first the wait after the first drop
 * @param max the longest wait
 */
record ReconnectDelays(Duration first, Duration max) {

    /** One second, doubling to thirty. */
    static final ReconnectDelays DEFAULT = new ReconnectDelays(Duration.ofSeconds(1), Duration.ofSeconds(30));

    ReconnectDelays {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(max, "max");
        if (first.isNegative() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("need 0 <= first <= max, got " + first + " and " + max);
        }
    }

    /**
     * The wait after {@code failures} consecutive failures (at least 1), given {@code random} in [0, 1): the
     * exponential step, capped at {@code max}, times a factor between 0.75 and 1.25.
     */
    Duration after(int failures, double random) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be at least 1");
        }
        long firstMillis = first.toMillis();
        long step = firstMillis << Math.min(failures - 1, 20);
        long capped = step < firstMillis ? max.toMillis() : Math.min(step, max.toMillis());
        return Duration.ofMillis(Math.round(capped * (0.75 + random / 2)));
    }
}
