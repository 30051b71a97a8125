package net.qgreenland.ogdc.estimate;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The pre-flight estimate of one recipe's main workflow: its inputs as far as they are known, its input partitions,
 * pods per stage, pod-hours and wall time, and what the durations are based on.
 *
 * <p>What an approval gate reads: {@link #podHours()} (hours, and whether only a lower bound is known).
 *
 * @param partitions partitions of the input files, when the recipe fans out over them and they could be counted
 * @param wallTime the longest chain of stages, each taking its pods' duration once per wave of
 *     {@code spec.parallelism} pods; a lower bound when {@link #podHours()} is
 * @param earlierRuns how many earlier successful runs the durations and unknown pod counts were taken from
 * @param historyNote where earlier runs were looked for, or why they were not
 */
public record RecipeEstimate(List<InputSize> inputs, OptionalLong partitions, List<StageEstimate> stages,
        PodHours podHours, Duration wallTime, int earlierRuns, String historyNote) {

    public RecipeEstimate {
        inputs = List.copyOf(inputs);
        Objects.requireNonNull(partitions, "partitions");
        stages = List.copyOf(stages);
        Objects.requireNonNull(podHours, "podHours");
        Objects.requireNonNull(wallTime, "wallTime");
        Objects.requireNonNull(historyNote, "historyNote");
        if (earlierRuns < 0) {
            throw new IllegalArgumentException("earlierRuns must be >= 0");
        }
    }

    /** Whether some pod counts are only known once the run starts, so pod-hours and wall time are lower bounds. */
    public boolean lowerBound() {
        return podHours.lowerBound();
    }

    /** The input files, when every input's count is known. */
    public OptionalLong files() {
        return inputs.stream().allMatch(i -> i.files().isPresent())
                ? OptionalLong.of(knownFiles()) : OptionalLong.empty();
    }

    /** The files of the inputs whose count is known. */
    public long knownFiles() {
        return inputs.stream().mapToLong(i -> i.files().orElse(0)).sum();
    }

    /** The input bytes, when every input's size is known. */
    public OptionalLong bytes() {
        return inputs.stream().allMatch(i -> i.bytes().isPresent())
                ? OptionalLong.of(knownBytes()) : OptionalLong.empty();
    }

    /** The bytes of the inputs whose size is known. */
    public long knownBytes() {
        return inputs.stream().mapToLong(i -> i.bytes().orElse(0)).sum();
    }

    /** Every pod of the estimate (unknown stages counted as one). */
    public long pods() {
        return stages.stream().mapToLong(StageEstimate::pods).sum();
    }

    /**
     * What the durations are based on: {@code 3 earlier runs}, {@code 2 earlier runs and defaults} (a stage they did
     * not have), or {@code defaults}.
     */
    public String basis() {
        if (earlierRuns == 0) {
            return "defaults";
        }
        String runs = earlierRuns + (earlierRuns == 1 ? " earlier run" : " earlier runs");
        return stages.stream().allMatch(StageEstimate::fromHistory) ? runs : runs + " and defaults";
    }
}
