package net.qgreenland.ogdc.report;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One stage of a recipe's workflow: the pods that ran one template, counted by Argo phase.
 *
 * @param name the template name ({@code cmd-0})
 * @param podsByPhase pods per phase, Argo's spelling ({@code {Succeeded=48, Failed=2}}), sorted by phase
 * @param duration from the first pod's start to the last pod's end, when Argo gave both
 */
public record StageSummary(String name, Map<String, Long> podsByPhase, Optional<Duration> duration) {

    public StageSummary {
        Objects.requireNonNull(name, "name");
        podsByPhase = Collections.unmodifiableMap(new TreeMap<>(podsByPhase));
        Objects.requireNonNull(duration, "duration");
        if (podsByPhase.values().stream().anyMatch(count -> count == null || count < 0)) {
            throw new IllegalArgumentException("pod counts must be >= 0: " + podsByPhase);
        }
    }

    /** Every pod of the stage. */
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

    private long count(String phase) {
        return podsByPhase.getOrDefault(phase, 0L);
    }
}
