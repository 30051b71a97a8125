package net.qgreenland.ogdc.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pod-duration statistics by the nearest-rank method: every figure is one of the pods' own durations. */
class DurationStatisticsTest {

    @ParameterizedTest(name = "pods taking {0} s: p50 {1}, p95 {2}, max {3}")
    @CsvSource(delimiter = ';', value = {
        "7; 7; 7; 7",
        "5 1; 1; 5; 5",
        "3 1 2; 2; 3; 3",
        "1 2 3 4; 2; 4; 4",
        "10 20 30 40 50 60 70 80 90 100 110 120 130 140 150 160 170 180 190 200; 100; 190; 200",
        "1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 900; 1; 1; 900",
    })
    void percentilesAreNearestRank(String seconds, long p50, long p95, long max) {
        List<Duration> durations = Arrays.stream(seconds.split(" ")).map(Long::parseLong).map(Duration::ofSeconds)
                .toList();

        DurationStatistics statistics = DurationStatistics.of(durations).orElseThrow();

        assertThat(statistics.count()).isEqualTo(durations.size());
        assertThat(statistics.p50()).isEqualTo(Duration.ofSeconds(p50));
        assertThat(statistics.p95()).isEqualTo(Duration.ofSeconds(p95));
        assertThat(statistics.max()).isEqualTo(Duration.ofSeconds(max));
    }

    @Test
    void noDurationsGiveNoStatistics() {
        assertThat(DurationStatistics.of(List.of())).isEmpty();
    }

    @Test
    void figuresOutOfOrderAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new DurationStatistics(2, Duration.ofSeconds(5),
                Duration.ofSeconds(4), Duration.ofSeconds(6)));
    }

    @Test
    void onlyAStageThatFannedOutHasStatistics() {
        StageSummary single = new StageSummary("list", Map.of("Succeeded", 1L), Optional.empty(),
                Optional.empty(), List.of(Duration.ofSeconds(3)), 0);
        StageSummary retried = new StageSummary("cmd-0", Map.of("Failed", 1L, "Succeeded", 1L),
                Optional.empty(), Optional.empty(), List.of(Duration.ofSeconds(3), Duration.ofSeconds(4)), 1);
        StageSummary fanOut = new StageSummary("cmd-1", Map.of("Succeeded", 2L), Optional.empty(),
                Optional.empty(), List.of(Duration.ofSeconds(4), Duration.ofSeconds(3)), 0);

        assertThat(single.statistics()).isEmpty();
        assertThat(retried.isFanOut()).as("one step tried twice is not a fan-out").isFalse();
        assertThat(retried.statistics()).isEmpty();
        assertThat(fanOut.podDurations()).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(4));
        assertThat(fanOut.statistics()).contains(new DurationStatistics(2, Duration.ofSeconds(3),
                Duration.ofSeconds(4), Duration.ofSeconds(4)));
    }
}
