package net.qgreenland.ogdc.argo.model;

import java.util.Optional;

/** {@code retryStrategy}: how often a failed step is retried ({@code limit}) and on what ({@code retryPolicy}). */
public record RetryStrategy(Optional<IntOrString> limit, Optional<String> retryPolicy) {

    public RetryStrategy {
        limit = Models.orEmpty(limit);
        retryPolicy = Models.orEmpty(retryPolicy);
    }
}
