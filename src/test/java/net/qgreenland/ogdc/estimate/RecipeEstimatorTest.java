package net.qgreenland.ogdc.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import net.qgreenland.ogdc.recipe.RecipeInput;
import net.qgreenland.ogdc.translate.PodStage;
import net.qgreenland.ogdc.translate.PodStage.FanOut;
import net.qgreenland.ogdc.translate.PodStage.Kind;
import net.qgreenland.ogdc.translate.PodStages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The estimate model of the README's "Pre-flight estimate": pods, durations, pod-hours and wall time. */
class RecipeEstimatorTest {

    static final RecipeEstimator ESTIMATOR = new RecipeEstimator(EstimateDefaults.STANDARD);
    static final long MIB = 1L << 20;
    static final EarlierRuns NO_HISTORY = EarlierRuns.none("no cluster");

    /** fetch → write-partition-manifests → cmd-0 → publish-data, as a parallel shell recipe of URLs has it. */
    static PodStages parallelShell(int partitionSize, int maxPartitions, OptionalInt parallelism) {
        return new PodStages(List.of(
                stage("fetch", Kind.FETCH, FanOut.NONE),
                stage("write-partition-manifests", Kind.HOUSEKEEPING, FanOut.NONE, "fetch"),
                stage("cmd-0", Kind.WORK, FanOut.INPUT_PARTITIONS, "write-partition-manifests"),
                stage("publish-data", Kind.HOUSEKEEPING, FanOut.NONE, "cmd-0")),
                partitionSize, maxPartitions, parallelism);
    }

    /** list-pvc-files → cmd-0 → publish-data, as a parallel shell recipe of PVC files has it. */
    static PodStages pvcShell() {
        return new PodStages(List.of(
                stage("list-pvc-files", Kind.HOUSEKEEPING, FanOut.NONE),
                stage("cmd-0", Kind.WORK, FanOut.INPUT_PARTITIONS, "list-pvc-files"),
                stage("publish-data", Kind.HOUSEKEEPING, FanOut.NONE, "cmd-0")), 50, 10_000, OptionalInt.of(6));
    }

    static List<InputSize> urls(long... sizes) {
        List<InputSize> inputs = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            inputs.add(InputSize.known(new RecipeInput.Url("https://example.org/" + i), 1, sizes[i]));
        }
        return inputs;
    }

    static final List<InputSize> PVC = List.of(InputSize.withoutLookup(
            new RecipeInput.PvcMount("arctic-dem-pvc", "tiles", "**/*.tif"), "unused"));

    /**
     * Each case: the stages, the inputs, the history; then pods per stage (-1: unknown, counted as one), pod-hours,
     * wall time in seconds, whether the figures are a lower bound, and the basis.
     */
    static Stream<Arguments> cases() {
        EarlierRun pvcRun = run("hillshades-shell-old", Map.of("list-pvc-files", durations(30),
                "cmd-0", durations(240, 300, 360, 300), "publish-data", durations(90)));
        EarlierRun newer = run("hillshades-shell-new", Map.of("list-pvc-files", durations(30),
                "cmd-0", durations(600, 600), "publish-data", durations(90)));
        return Stream.of(
                Arguments.of("five URLs of 20 MiB in partitions of two, four pods at once",
                        parallelShell(2, 10_000, OptionalInt.of(4)), urls(20 * MIB, 20 * MIB, 20 * MIB, 20 * MIB,
                                20 * MIB), NO_HISTORY, List.of(1L, 1L, 3L, 1L),
                        (65.0 + 60 + 3 * 600 + 60) / 3600, 65 + 60 + 600 + 60, false, "defaults"),
                Arguments.of("five partitions but two pods at once take three waves",
                        parallelShell(1, 10_000, OptionalInt.of(2)), urls(0, 0, 0, 0, 0), NO_HISTORY,
                        List.of(1L, 1L, 5L, 1L), (60.0 + 60 + 5 * 600 + 60) / 3600, 60 + 60 + 3 * 600 + 60, false,
                        "defaults"),
                Arguments.of("more partitions than OGDC_MAX_PARTITIONS raise their size instead",
                        parallelShell(1, 2, OptionalInt.empty()), urls(0, 0, 0, 0, 0), NO_HISTORY,
                        List.of(1L, 1L, 2L, 1L), (60.0 + 60 + 2 * 600 + 60) / 3600, 60 + 60 + 600 + 60, false,
                        "defaults"),
                Arguments.of("a DataONE package with no matching objects runs no command pods",
                        parallelShell(10, 10_000, OptionalInt.of(4)), List.of(InputSize.known(
                                new RecipeInput.DataOne("resource_map_x", Optional.of("*.none")), 0, 0)),
                        NO_HISTORY, List.of(1L, 1L, 0L, 1L), 180.0 / 3600, 180, false, "defaults"),
                Arguments.of("PVC files are unknown until the run: one pod counted, a lower bound",
                        pvcShell(), PVC, NO_HISTORY, List.of(1L, -1L, 1L), 720.0 / 3600, 720, true, "defaults"),
                Arguments.of("PVC files with an earlier run: its pods and its mean durations",
                        pvcShell(), PVC, new EarlierRuns(List.of(pvcRun), "earlier runs in the mock"),
                        List.of(1L, 4L, 1L), (30.0 + 1200 + 90) / 3600, 30 + 300 + 90, false, "1 earlier run"),
                Arguments.of("the newest run's pod count, every run's durations",
                        pvcShell(), PVC, new EarlierRuns(List.of(newer, pvcRun), "earlier runs in the mock"),
                        List.of(1L, 2L, 1L), (30.0 + 2 * 400 + 90) / 3600, 30 + 400 + 90, false, "2 earlier runs"),
                Arguments.of("a stage the earlier runs lack takes the default",
                        parallelShell(2, 10_000, OptionalInt.of(4)), urls(0, 0), new EarlierRuns(List.of(run("old",
                                Map.of("cmd-0", durations(120)))), "earlier runs"), List.of(1L, 1L, 1L, 1L),
                        (60.0 + 60 + 120 + 60) / 3600, 60 + 60 + 120 + 60, false, "1 earlier run and defaults"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theEstimateFollowsTheModel(String name, PodStages stages, List<InputSize> inputs, EarlierRuns history,
            List<Long> pods, double podHours, long wallSeconds, boolean lowerBound, String basis) {
        RecipeEstimate estimate = ESTIMATOR.estimate(stages, inputs, history);

        assertThat(estimate.stages()).extracting(s -> s.podsFrom() == StageEstimate.Pods.UNKNOWN ? -1L : s.pods())
                .containsExactlyElementsOf(pods);
        assertThat(estimate.podHours().hours()).isCloseTo(podHours, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(estimate.wallTime()).isEqualTo(Duration.ofSeconds(wallSeconds));
        assertThat(estimate.lowerBound()).isEqualTo(lowerBound);
        assertThat(estimate.basis()).isEqualTo(basis);
    }

    @Test
    void aStageOverDiscoveredFilesIsUnknownWithoutHistoryEvenWhenTheInputsAreCounted() {
        PodStages viz = new PodStages(List.of(
                stage("setup-config", Kind.HOUSEKEEPING, FanOut.NONE),
                stage("write-stage-partition-manifests", Kind.HOUSEKEEPING, FanOut.NONE, "setup-config"),
                stage("stage-files", Kind.WORK, FanOut.INPUT_PARTITIONS, "write-stage-partition-manifests"),
                stage("discover-staged-tiles", Kind.HOUSEKEEPING, FanOut.NONE, "stage-files"),
                stage("rasterize-max-z", Kind.WORK, FanOut.DISCOVERED_PARTITIONS, "discover-staged-tiles"),
                stage("create-3dtiles", Kind.WORK, FanOut.DISCOVERED_PARTITIONS, "discover-staged-tiles")),
                25, 10_000, OptionalInt.of(8));

        RecipeEstimate estimate = ESTIMATOR.estimate(viz, urls(MIB, MIB, MIB), NO_HISTORY);

        assertThat(estimate.partitions()).hasValue(1);
        assertThat(estimate.stages()).extracting(StageEstimate::podsFrom).containsExactly(StageEstimate.Pods.ONE,
                StageEstimate.Pods.ONE, StageEstimate.Pods.INPUTS, StageEstimate.Pods.ONE,
                StageEstimate.Pods.UNKNOWN, StageEstimate.Pods.UNKNOWN);
        assertThat(estimate.lowerBound()).isTrue();
        // rasterize and 3D tiles run side by side after discovery: the wall time counts one of them
        assertThat(estimate.wallTime()).isEqualTo(Duration.ofMinutes(1 + 1 + 10 + 1 + 10));
        assertThat(estimate.podHours().hours()).isCloseTo((3 * 60.0 + 3 * 600) / 3600,
                org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aFetchPodTakesItsBaseTimeAndItsKnownBytesAtTheDefaultRate() {
        PodStages sequential = new PodStages(List.of(stage("fetch", Kind.FETCH, FanOut.NONE)), 1, 10_000,
                OptionalInt.empty());
        List<InputSize> inputs = new ArrayList<>(urls(600 * MIB));
        inputs.add(InputSize.urlOfUnknownSize(new RecipeInput.Url("https://example.org/x"), "HEAD answered HTTP 405"));

        RecipeEstimate estimate = ESTIMATOR.estimate(sequential, inputs, NO_HISTORY);

        assertThat(estimate.stages().get(0).podDuration()).isEqualTo(Duration.ofSeconds(60 + 30));
        assertThat(estimate.files()).hasValue(2);
        assertThat(estimate.bytes()).isEmpty();
        assertThat(estimate.knownBytes()).isEqualTo(600 * MIB);
        assertThat(estimate.partitions()).isEmpty();
        assertThat(estimate.lowerBound()).isFalse();
    }

    @Test
    void podHoursAddUpAndStayALowerBoundOnceOneIs() {
        assertThat(new PodHours(1.5, false).plus(new PodHours(2, false))).isEqualTo(new PodHours(3.5, false));
        assertThat(new PodHours(1.5, false).plus(new PodHours(0, true)).lowerBound()).isTrue();
        assertThat(PodHours.ZERO.hours()).isZero();
    }

    static PodStage stage(String name, Kind kind, FanOut fanOut, String... after) {
        return new PodStage(name, name, kind, fanOut, List.of(after));
    }

    static List<Duration> durations(long... seconds) {
        return java.util.Arrays.stream(seconds).mapToObj(Duration::ofSeconds).toList();
    }

    static EarlierRun run(String workflow, Map<String, List<Duration>> pods) {
        return new EarlierRun(workflow, Instant.parse("2026-03-01T12:00:00Z"), pods);
    }
}
