package net.qgreenland.ogdc.estimate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One earlier successful run of a recipe's main workflow, as its pods took it: e.g. workflow
 * {@code seal-tags-shell-x7k2p}, finished {@code 2026-03-01T12:04:10Z}, stage {@code cmd-0} → three pods of 8, 9 and
 * 10 minutes.
 *
 * @param podDurations per stage (the step or task name, see {@link net.qgreenland.ogdc.translate.PodStage}), the
 *     duration of each of its pods that succeeded
 */
public record EarlierRun(String workflow, Instant finishedAt, Map<String, List<Duration>> podDurations) {

    public EarlierRun {
        Objects.requireNonNull(workflow, "workflow");
        Objects.requireNonNull(finishedAt, "finishedAt");
        TreeMap<String, List<Duration>> copy = new TreeMap<>();
        podDurations.forEach((stage, durations) -> copy.put(stage, List.copyOf(durations)));
        podDurations = java.util.Collections.unmodifiableSortedMap(copy);
    }
}
