package net.qgreenland.ogdc.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReconnectDelaysTest {

    private static final ReconnectDelays ONE_TO_THIRTY = new ReconnectDelays(Duration.ofSeconds(1),
            Duration.ofSeconds(30));

    @ParameterizedTest(name = "after {0} failure(s) with random {1}: {2} ms")
    @CsvSource({
        "1,  0.5,   1000",
        "2,  0.5,   2000",
        "3,  0.5,   4000",
        "5,  0.5,  16000",
        "6,  0.5,  30000",
        "60, 0.5,  30000",
        "1,  0.0,    750",
        "1,  0.999, 1250",
        "6,  0.0,  22500",
    })
    void theWaitDoublesUpToTheCapWithAQuarterOfJitterEitherWay(int failures, double random, long millis) {
        assertThat(ONE_TO_THIRTY.after(failures, random).toMillis()).isEqualTo(millis);
    }

    @ParameterizedTest
    @CsvSource({"PT2S, PT1S", "-PT1S, PT1S"})
    void delaysMustRunFromZeroOrMoreUpToTheirMaximum(Duration first, Duration max) {
        assertThatThrownBy(() -> new ReconnectDelays(first, max)).isInstanceOf(IllegalArgumentException.class);
    }
}
