package net.qgreenland.ogdc.report;

import java.util.Optional;
import java.util.function.Function;

/**
 * Port: where a run is reported on GitHub, for one repository. Adapter: {@code HttpGitHubChecks}.
 *
 * <p>Contract: transient failures (5xx, resets, secondary rate limits with {@code Retry-After} or
 * {@code x-ratelimit-reset}) are retried within a bound inside the adapter. A refusal that will not change
 * ("Resource not accessible by integration": a fork's read-only token) is reported as
 * {@link Publication#REFUSED} and every later call returns {@code REFUSED} without a request, so the caller can
 * fall back to the job summary. Nothing here ever throws for a GitHub failure: reporting never changes a recipe's
 * outcome.
 */
public interface GitHubChecks {

    /** What became of one call. */
    enum Publication {
        /** GitHub has it. */
        PUBLISHED,
        /** The token may not write (a fork's pull request); nothing more will be tried. */
        REFUSED,
        /** It failed after retries; the caller warns and goes on. */
        FAILED
    }

    /**
     * Creates or updates the check run {@code update} describes: found by its external id among the head commit's
     * check runs of that name (so a re-run updates instead of duplicating), created if there is none; every
     * annotation sent, 50 per request.
     */
    Publication publish(CheckRunUpdate update);

    /**
     * Runs {@code publications}, several {@link #publish} calls that together report a whole run, as one batch: a
     * decorator that sends some updates later may hold them until the batch is over, by when the batch may have
     * replaced them with newer ones. By default the calls simply run.
     */
    default void batch(Runnable publications) {
        publications.run();
    }

    /**
     * Creates the pull request's one comment carrying {@code marker} (a hidden HTML comment), or edits it in place;
     * an unchanged body is not sent again.
     */
    default Publication upsertComment(int pullRequest, String marker, String body) {
        return editComment(pullRequest, marker, existing -> body);
    }

    /**
     * Like {@link #upsertComment}, with the body made by {@code edit} from the comment's current body (empty when
     * there is none yet), so that a part of it can be replaced and the rest kept. When the current body cannot be
     * read, nothing is written.
     */
    Publication editComment(int pullRequest, String marker, Function<Optional<String>, String> edit);
}
