package net.qgreenland.ogdc.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.Objects;

/**
 * A {@link GitHubChecks} that sends each check run's in-progress updates at most once per interval, keeping only
 * the latest one waiting, while a change of status (the first update, queued to in progress) and every completed
 * update go out at once.
 *
 * <p>Why: each update is a write, and GitHub allows about 80 content-creating requests a minute; a watcher reporting
 * every node of fifty workflows would pass that. A waiting update is sent by the next call (for any check run) after
 * its interval has passed, or replaced by a newer one; a completed update replaces it, so the final state is never
 * lost. Updates carry every annotation so far, so dropping one loses none. Comments pass straight through.
 */
public final class ThrottledGitHubChecks implements GitHubChecks {

    private final GitHubChecks delegate;
    private final Duration interval;
    private final Clock clock;
    private final Map<String, RunState> runs = new HashMap<>();

    /** What was last sent for one check run, and the update waiting for its turn. */
    private static final class RunState {
        Instant sentAt;
        CheckStatus sentStatus;
        Publication lastPublication = Publication.PUBLISHED;
        CheckRunUpdate waiting;
    }

    /** Sends through {@code delegate} at most one in-progress update per check run per {@code interval}. */
    public ThrottledGitHubChecks(GitHubChecks delegate, Duration interval, Clock clock) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Sends {@code update} now, or keeps it to send later; a kept update answers with the check run's last
     * publication ({@code PUBLISHED} unless GitHub refused or failed last time).
     */
    @Override
    public synchronized Publication publish(CheckRunUpdate update) {
        Instant now = clock.instant();
        sendDue(now, update.externalId());
        RunState run = runs.computeIfAbsent(update.externalId(), id -> new RunState());
        boolean immediate = update.status() == CheckStatus.COMPLETED || run.sentAt == null
                || run.sentStatus != update.status() || !now.isBefore(run.sentAt.plus(interval));
        if (!immediate) {
            run.waiting = update;
            return run.lastPublication;
        }
        return send(run, update, now);
    }

    @Override
    public synchronized Publication editComment(int pullRequest, String marker,
            Function<Optional<String>, String> edit) {
        sendDue(clock.instant(), null);
        return delegate.editComment(pullRequest, marker, edit);
    }

    /** Sends the waiting updates of other check runs whose interval has passed. */
    private void sendDue(Instant now, String except) {
        List<Map.Entry<String, RunState>> due = new ArrayList<>();
        for (Map.Entry<String, RunState> entry : runs.entrySet()) {
            RunState run = entry.getValue();
            if (run.waiting != null && !entry.getKey().equals(except) && !now.isBefore(run.sentAt.plus(interval))) {
                due.add(entry);
            }
        }
        for (Map.Entry<String, RunState> entry : due) {
            send(entry.getValue(), entry.getValue().waiting, now);
        }
    }

    private Publication send(RunState run, CheckRunUpdate update, Instant now) {
        run.waiting = null;
        run.sentAt = now;
        run.sentStatus = update.status();
        run.lastPublication = delegate.publish(update);
        return run.lastPublication;
    }
}
