package net.qgreenland.ogdc.report;

import java.time.Duration;
import java.util.Objects;

/**
 * How patiently a GitHub call is retried: at most {@code maxRetries} retries, doubling from {@code firstDelay} after
 * a 5xx or a broken connection and from {@code rateLimitDelay} after a rate limit that names no wait, never waiting
 * more than {@code maxTotalWait} in all for one call.
 *
 * @param maxRetries retries after the first attempt, at least 0
 * @param firstDelay the wait before the first retry of a passing failure
 * @param rateLimitDelay the wait before the first retry of a secondary rate limit without {@code Retry-After}
 * @param maxTotalWait the most one call may wait across its retries; a longer wait gives up at once
 */
record PublishRetry(int maxRetries, Duration firstDelay, Duration rateLimitDelay, Duration maxTotalWait) {

    /** Three retries; GitHub asks for at least a minute after an unexplained secondary limit; five minutes at most. */
    static final PublishRetry DEFAULT =
            new PublishRetry(3, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(5));

    PublishRetry {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative");
        }
        Objects.requireNonNull(firstDelay, "firstDelay");
        Objects.requireNonNull(rateLimitDelay, "rateLimitDelay");
        Objects.requireNonNull(maxTotalWait, "maxTotalWait");
    }
}
