package net.qgreenland.ogdc.cluster;

import dev.failsafe.RetryPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * How often and how patiently a gateway retries a call that failed for a passing reason (HTTP 5xx or 429, a reset
 * or refused connection): exponential backoff from {@code firstDelay} to {@code maxDelay} with jitter, at most
 * {@code attempts} attempts in all.
 *
 * @param attempts total attempts, at least 1
 * @param firstDelay the wait before the first retry
 * @param maxDelay the longest wait between attempts
 */
public record TransientRetry(int attempts, Duration firstDelay, Duration maxDelay) {

    /** Five attempts over about 15 seconds. */
    public static final TransientRetry DEFAULT = new TransientRetry(5, Duration.ofMillis(500), Duration.ofSeconds(8));

    public TransientRetry {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
        Objects.requireNonNull(firstDelay, "firstDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("maxDelay must not be shorter than firstDelay");
        }
    }

    /** A Failsafe policy that retries exactly the failures {@code isTransient} accepts. */
    <R> RetryPolicy<R> policy(java.util.function.Predicate<Throwable> isTransient) {
        var builder = RetryPolicy.<R>builder()
                .handleIf((R result, Throwable failure) -> failure != null && isTransient.test(failure))
                .withMaxAttempts(attempts);
        if (firstDelay.isZero()) {
            // Failsafe rejects withDelay(ZERO); its default is already no delay
            return builder.build();
        }
        if (firstDelay.equals(maxDelay)) {
            // Failsafe's backoff needs room to grow; equal bounds mean a constant wait
            return builder.withDelay(firstDelay).withJitter(0.25).build();
        }
        return builder.withBackoff(firstDelay, maxDelay).withJitter(0.25).build();
    }
}
