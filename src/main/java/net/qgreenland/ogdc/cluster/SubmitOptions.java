package net.qgreenland.ogdc.cluster;

import java.time.Duration;
import java.util.Objects;

/**
 * How recipes are submitted.
 *
 * @param await wait for each main workflow to end (helpers are always waited for)
 * @param force submit again even if the same recipe, commit and content was submitted before
 * @param timeout the longest one recipe may take, helpers included, when waiting
 * @param onTimeout what to do with a workflow still running at the timeout
 * @param logLines how many lines of each failed node's log to keep
 */
public record SubmitOptions(boolean await, boolean force, Duration timeout, TimeoutAction onTimeout, int logLines) {

    /** Six hours: GitHub's own limit for a job on its hosted runners, a sensible bound for a recipe. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(6);
    public static final int DEFAULT_LOG_LINES = 30;

    /** What happens to a workflow that is still running when the timeout ends the wait. */
    public enum TimeoutAction {
        /** Argo's stop: no new steps start, exit handlers run. */
        STOP,
        /** Argo's terminate: everything ends now. */
        TERMINATE,
        /** Leave it running; only the wait ends. */
        LEAVE
    }

    public SubmitOptions {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(onTimeout, "onTimeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive");
        }
        if (logLines < 0) {
            throw new IllegalArgumentException("logLines must not be negative");
        }
    }
}
