package net.qgreenland.ogdc.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One stage of a recipe's workflow: the pods that ran one template, counted by Argo phase, when the stage ran, how
 * long each pod took and how many pods were retries.
 *
 * @param name the template name ({@code cmd-0})
 * @param podsByPhase pods per phase, Argo's spelling ({@code {Succeeded=48, Failed=2}}), sorted by phase; each
 *     attempt of a retried step is a pod of its own
 * @param startedAt the first pod's start, when Argo gave one
 * @param finishedAt the last pod's end, once every pod has one
 * @param podDurations how long each pod that has both a start and an end ran, shortest first
 * @param retries pods that were a retried step's second or later attempt (children of Argo's {@code Retry} nodes)
 */
public record StageSummary(String name, Map<String, Long> podsByPhase, Optional<Instant> startedAt,
        Optional<Instant> finishedAt, List<Duration> podDurations, long retries) {

    public StageSummary {
        Objects.requireNonNull(name, "name");
        podsByPhase = Collections.unmodifiableMap(new TreeMap<>(podsByPhase));
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        List<Duration> sorted = new ArrayList<>(podDurations);
        sorted.sort(Comparator.naturalOrder());
        podDurations = List.copyOf(sorted);
        if (podsByPhase.values().stream().anyMatch(count -> count == null || count < 0)) {
            throw new IllegalArgumentException("pod counts must be >= 0: " + podsByPhase);
        }
        if (startedAt.isPresent() && finishedAt.isPresent() && finishedAt.get().isBefore(startedAt.get())) {
            throw new IllegalArgumentException("stage " + name + " ends before it starts");
        }
        if (!podDurations.isEmpty() && podDurations.get(0).isNegative()) {
            throw new IllegalArgumentException("pod durations must be >= 0: " + podDurations);
        }
        long pods = podsByPhase.values().stream().mapToLong(Long::longValue).sum();
        if (retries < 0 || retries > pods || podDurations.size() > pods) {
            throw new IllegalArgumentException("stage " + name + " has " + pods + " pods, " + retries
                    + " retries and " + podDurations.size() + " pod durations");
        }
    }

    /** From the first pod's start to the last pod's end, when both are known. */
    public Optional<Duration> duration() {
        return startedAt.flatMap(start -> finishedAt.map(end -> Duration.between(start, end)));
    }

    /** Every pod of the stage, retries included. */
    public long pods() {
        return podsByPhase.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Pods that ended {@code Succeeded}. */
    public long succeeded() {
        return count("Succeeded");
    }

    /** Pods that ended {@code Failed} or {@code Error}. */
    public long failed() {
        return count("Failed") + count("Error");
    }

    /** Pods still {@code Pending} or {@code Running}. */
    public long running() {
        return count("Pending") + count("Running");
    }

    /** Whether the stage fanned out: more than one pod besides retries. */
    public boolean isFanOut() {
        return pods() - retries > 1;
    }

    /** The pods' p50, p95 and longest duration, for a fan-out stage whose pods have times. */
    public Optional<DurationStatistics> statistics() {
        return isFanOut() ? DurationStatistics.of(podDurations) : Optional.empty();
    }

    private long count(String phase) {
        return podsByPhase.getOrDefault(phase, 0L);
    }
}
