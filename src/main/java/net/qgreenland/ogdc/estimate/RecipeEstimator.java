package net.qgreenland.ogdc.estimate;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import net.qgreenland.ogdc.translate.PodStage;
import net.qgreenland.ogdc.translate.PodStages;

/**
 * Estimates a recipe's run from its pod stages, its input sizes and its earlier runs (the README's "Pre-flight
 * estimate"):
 *
 * <ul>
 *   <li>pods: one for a single-pod stage; for a fan-out over the inputs {@code ceil(files / partition size)}, at most
 *       {@code OGDC_MAX_PARTITIONS}, when every input's file count is known; else as many as the newest earlier run
 *       that had the stage; else one, and the estimate is a lower bound;
 *   <li>a pod's duration: the mean of the stage's succeeded pods in the earlier runs, else the default of its kind
 *       ({@link EstimateDefaults});
 *   <li>pod-hours: the sum over stages of pods × duration;
 *   <li>wall time: the longest chain of stages through their dependencies, a stage taking its pod duration once per
 *       wave of {@code spec.parallelism} pods.
 * </ul>
 */
public final class RecipeEstimator {

    private final EstimateDefaults defaults;

    public RecipeEstimator(EstimateDefaults defaults) {
        this.defaults = Objects.requireNonNull(defaults, "defaults");
    }

    /** The estimate of a recipe whose main workflow runs {@code stages}, with these inputs and earlier runs. */
    public RecipeEstimate estimate(PodStages stages, List<InputSize> inputs, EarlierRuns history) {
        boolean countable = inputs.stream().allMatch(input -> input.files().isPresent());
        long files = inputs.stream().mapToLong(input -> input.files().orElse(0)).sum();
        long knownBytes = inputs.stream().mapToLong(input -> input.bytes().orElse(0)).sum();
        boolean fansOutOverInputs = stages.stages().stream()
                .anyMatch(stage -> stage.fanOut() == PodStage.FanOut.INPUT_PARTITIONS);
        OptionalLong partitions = fansOutOverInputs && countable
                ? OptionalLong.of(partitions(files, stages.partitionSize(), stages.maxPartitions()))
                : OptionalLong.empty();
        List<StageEstimate> estimates = stages.stages().stream()
                .map(stage -> stage(stage, partitions, knownBytes, history.runs())).toList();
        boolean lowerBound = estimates.stream().anyMatch(s -> s.podsFrom() == StageEstimate.Pods.UNKNOWN);
        double seconds = estimates.stream().mapToDouble(s -> s.podTime().toMillis() / 1000.0).sum();
        return new RecipeEstimate(inputs, partitions, estimates, new PodHours(seconds / 3600, lowerBound),
                wallTime(stages, estimates), history.runs().size(), history.note());
    }

    /** {@code ceil(files / size)} partitions, the size raised so that there are at most {@code max}. */
    static long partitions(long files, int size, int max) {
        return Math.min(ceilDiv(files, size), max);
    }

    private StageEstimate stage(PodStage stage, OptionalLong partitions, long knownBytes, List<EarlierRun> runs) {
        List<Duration> observed = runs.stream()
                .flatMap(run -> run.podDurations().getOrDefault(stage.name(), List.of()).stream()).toList();
        Duration podDuration = observed.isEmpty() ? fallback(stage.kind(), knownBytes) : mean(observed);
        long pods;
        StageEstimate.Pods podsFrom;
        Optional<Integer> newest = runs.stream().map(run -> run.podDurations().get(stage.name()))
                .filter(Objects::nonNull).map(List::size).findFirst();
        if (stage.fanOut() == PodStage.FanOut.NONE) {
            pods = 1;
            podsFrom = StageEstimate.Pods.ONE;
        } else if (stage.fanOut() == PodStage.FanOut.INPUT_PARTITIONS && partitions.isPresent()) {
            pods = partitions.getAsLong();
            podsFrom = StageEstimate.Pods.INPUTS;
        } else if (newest.isPresent()) {
            pods = newest.get();
            podsFrom = StageEstimate.Pods.HISTORY;
        } else {
            pods = 1;
            podsFrom = StageEstimate.Pods.UNKNOWN;
        }
        return new StageEstimate(stage.name(), stage.template(), stage.kind(), pods, podsFrom, podDuration,
                !observed.isEmpty());
    }

    private Duration fallback(PodStage.Kind kind, long knownBytes) {
        switch (kind) {
            case FETCH:
                return defaults.fetchBase().plusSeconds(ceilDiv(knownBytes, defaults.fetchBytesPerSecond()));
            case WORK:
                return defaults.workPod();
            default:
                return defaults.housekeepingPod();
        }
    }

    /**
     * The end of the longest chain of stages: each starts when the last of those it waits for has finished (the
     * translators list a stage after every stage it waits for).
     */
    private static Duration wallTime(PodStages stages, List<StageEstimate> estimates) {
        Map<String, Duration> finish = new HashMap<>();
        Duration longest = Duration.ZERO;
        for (int i = 0; i < estimates.size(); i++) {
            StageEstimate estimate = estimates.get(i);
            Duration start = stages.stages().get(i).after().stream().map(name -> finish.getOrDefault(name,
                    Duration.ZERO)).max(Duration::compareTo).orElse(Duration.ZERO);
            long waves = stages.parallelism().isPresent()
                    ? ceilDiv(estimate.pods(), stages.parallelism().getAsInt()) : Math.min(estimate.pods(), 1);
            Duration end = start.plus(estimate.podDuration().multipliedBy(waves));
            finish.put(estimate.name(), end);
            longest = end.compareTo(longest) > 0 ? end : longest;
        }
        return longest;
    }

    /** The mean, to the second. */
    private static Duration mean(List<Duration> durations) {
        long millis = durations.stream().mapToLong(Duration::toMillis).sum();
        return Duration.ofSeconds(Math.round(millis / 1000.0 / durations.size()));
    }

    private static long ceilDiv(long a, long b) {
        return a == 0 ? 0 : (a - 1) / b + 1;
    }
}
