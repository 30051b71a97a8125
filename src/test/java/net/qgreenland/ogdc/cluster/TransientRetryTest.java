package net.qgreenland.ogdc.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.failsafe.Failsafe;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransientRetryTest {

    @ParameterizedTest(name = "{0} attempts, delays {1} to {2}: transient failures tried {0} times")
    @CsvSource({"3, PT0S, PT0S", "2, PT0.001S, PT0.001S", "3, PT0.001S, PT0.004S", "3, PT0S, PT0.002S",
        "1, PT0S, PT0S"})
    void aTransientFailureIsTriedAsOftenAsAllowedAndThenThrown(int attempts, Duration firstDelay,
            Duration maxDelay) {
        TransientRetry retry = new TransientRetry(attempts, firstDelay, maxDelay);
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> Failsafe.with(retry.<String>policy(e -> e instanceof IllegalStateException))
                .get(() -> {
                    calls.incrementAndGet();
                    throw new IllegalStateException("503");
                })).isInstanceOf(IllegalStateException.class).hasMessage("503");
        assertThat(calls).hasValue(attempts);
    }

    @ParameterizedTest
    @CsvSource({"3, PT0S"})
    void aFailureThatIsNotTransientIsThrownAtOnce(int attempts, Duration firstDelay) {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> Failsafe.with(new TransientRetry(attempts, firstDelay, firstDelay)
                .<String>policy(e -> e instanceof IllegalStateException)).get(() -> {
                    calls.incrementAndGet();
                    throw new IllegalArgumentException("403");
                })).isInstanceOf(IllegalArgumentException.class);
        assertThat(calls).hasValue(1);
    }
}
