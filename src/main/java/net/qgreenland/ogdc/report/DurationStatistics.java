package net.qgreenland.ogdc.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How long the pods of one fan-out stage took: the median, the 95th percentile and the longest, by the nearest-rank
 * method (the p-th percentile of n sorted values is the value at rank ⌈p·n/100⌉, so every figure is a real pod's).
 *
 * @param count how many pods the figures are over (those with both a start and an end)
 * @param p50 the median pod's duration
 * @param p95 the 95th percentile pod's duration
 * @param max the longest pod's duration
 */
public record DurationStatistics(int count, Duration p50, Duration p95, Duration max) {

    public DurationStatistics {
        Objects.requireNonNull(p50, "p50");
        Objects.requireNonNull(p95, "p95");
        Objects.requireNonNull(max, "max");
        if (count < 1 || p50.compareTo(p95) > 0 || p95.compareTo(max) > 0) {
            throw new IllegalArgumentException("statistics need count >= 1 and p50 <= p95 <= max: " + count + ", "
                    + p50 + ", " + p95 + ", " + max);
        }
    }

    /** The statistics of {@code durations} (in any order); empty when there are none. */
    public static Optional<DurationStatistics> of(List<Duration> durations) {
        if (durations.isEmpty()) {
            return Optional.empty();
        }
        List<Duration> sorted = new ArrayList<>(durations);
        sorted.sort(Comparator.naturalOrder());
        return Optional.of(new DurationStatistics(sorted.size(), percentile(sorted, 50), percentile(sorted, 95),
                sorted.get(sorted.size() - 1)));
    }

    /** The nearest-rank {@code p}-th percentile of {@code sorted} (ascending, not empty). */
    static Duration percentile(List<Duration> sorted, int p) {
        // ⌈p·n/100⌉ in integers: in floating point 0.95 · 20 may come out a hair above 19
        long rank = ((long) p * sorted.size() + 99) / 100;
        return sorted.get((int) Math.max(1, rank) - 1);
    }
}
