package net.qgreenland.ogdc.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A {@link GitHubChecks} that holds a new check run's queued state for a short grace, so that a recipe starting
 * within it has its check run created in progress at once, and sends each check run's updates of one status at most
 * once per interval, keeping only the latest one waiting; a change of status and every completed update go out at
 * once.
 *
 * <p>Why: each update is a write, and GitHub allows about 80 content-creating requests a minute; a watcher reporting
 * every node of fifty workflows would pass that, and creating every check run queued only to update it in progress
 * moments later costs a request per recipe. A held or waiting update is replaced by a newer one of the same check
 * run, or sent when its time comes: by a timer (a daemon thread, {@value #TIMER_THREAD}), or by the next call after
 * that time. A completed update replaces whatever waits, so the final state is never lost. Updates carry every
 * annotation so far, so dropping one loses none. Comments pass straight through. Everything is sent under this
 * object's lock, so the updates of one check run reach GitHub in order.
 *
 * <p>{@link #flush} sends everything held back; {@link #close} stops the timer, sends the updates still waiting
 * for check runs already on GitHub and drops a check run still held queued (see there). Calls after {@code close}
 * are sent at once.
 */
public final class ThrottledGitHubChecks implements GitHubChecks, AutoCloseable {

    /**
     * How long after a batch a check run held queued still waits: batches come one after another while recipes
     * start, and the next one may create it in progress.
     */
    static final Duration SETTLE = Duration.ofSeconds(1);

    /** The name of the timer's thread. */
    static final String TIMER_THREAD = "ogdc-github-throttle";

    private final GitHubChecks delegate;
    private final Duration interval;
    private final Duration queuedGrace;
    private final Clock clock;
    private final Timer timer;
    private final Map<String, RunState> runs = new HashMap<>();
    /** When the timer is next due to call {@link #sendDue()}; null when it is not. */
    private Instant wakeAt;
    private boolean closed;
    /** How many {@link #batch}es are under way. */
    private int batches;
    /** When the last batch ended plus {@link #SETTLE}: no check run held queued is created before. */
    private Instant quietFrom = Instant.MIN;

    /** What was last sent for one check run, and the update waiting for its turn. */
    private static final class RunState {
        Instant sentAt;
        /** Null until the check run's first update is sent. */
        CheckStatus sentStatus;
        Publication lastPublication = Publication.PUBLISHED;
        CheckRunUpdate waiting;
        Instant dueAt;
    }

    /** Where this object asks to be woken: a daemon thread in production, a fake that tests run by hand. */
    interface Timer {

        /** A timer that never fires: whoever drives the object calls {@link #sendDue()}. */
        Timer NONE = new Timer() {
            @Override
            public void schedule(Runnable task, Duration delay) {
                // nothing: the caller sends the due updates itself
            }

            @Override
            public void stop() {
                // nothing was started
            }
        };

        /** Runs {@code task} once, after {@code delay}. */
        void schedule(Runnable task, Duration delay);

        /** Runs nothing more; a task already running may finish. */
        void stop();

        /** A timer on {@code executor}, which {@link #stop} shuts down. */
        static Timer of(ScheduledExecutorService executor) {
            return new Timer() {
                @Override
                public void schedule(Runnable task, Duration delay) {
                    executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
                }

                @Override
                public void stop() {
                    executor.shutdownNow();
                }
            };
        }
    }

    /**
     * Sends through {@code delegate} with a timer of its own: a check run first reported queued is created when its
     * recipe starts, or queued once {@code queuedGrace} has passed; at most one update of one status per check run
     * per {@code interval}. {@link #close} it when the run is over.
     */
    public ThrottledGitHubChecks(GitHubChecks delegate, Duration interval, Duration queuedGrace, Clock clock) {
        this(delegate, interval, queuedGrace, clock, Timer.of(daemonExecutor()));
    }

    /** As the public constructor, woken by {@code timer} ({@link Timer#NONE}: by calls to {@link #sendDue()}). */
    ThrottledGitHubChecks(GitHubChecks delegate, Duration interval, Duration queuedGrace, Clock clock, Timer timer) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.queuedGrace = Objects.requireNonNull(queuedGrace, "queuedGrace");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timer = Objects.requireNonNull(timer, "timer");
    }

    /** One daemon thread, {@value #TIMER_THREAD}, started by the first task scheduled, so none for a quiet run. */
    static ScheduledExecutorService daemonExecutor() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, TIMER_THREAD);
            // a safety net: a run that ends without closing this must not be kept alive by it
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    /**
     * Sends {@code update} now, or keeps it to send later; a kept update answers with the check run's last
     * publication ({@code PUBLISHED} unless GitHub refused or failed last time, or the check run was never sent).
     */
    @Override
    public synchronized Publication publish(CheckRunUpdate update) {
        Instant now = clock.instant();
        sendDue(now, update.externalId());
        RunState run = runs.computeIfAbsent(update.externalId(), id -> new RunState());
        Optional<Instant> due = closed ? Optional.empty() : heldUntil(run, update, now);
        if (due.isEmpty()) {
            return send(run, update, now);
        }
        if (run.waiting == null) {
            run.dueAt = due.get();
            wakeAt(due.get(), now);
        }
        run.waiting = update;
        return run.lastPublication;
    }

    /**
     * While a batch (a report of the whole run) is under way, nothing waiting is sent by the timer or by another
     * check run's call: the batch carries every recipe's current state, so what waits may be out of date by the time
     * the batch reaches it (a recipe that has ended meanwhile is completed by the batch, not first updated in progress
     * and then completed); what still waits is sent after the batch when its time has come. A check run still held
     * queued waits {@link #SETTLE} more, because the next batch may create it in progress (one request, not two).
     */
    @Override
    public void batch(Runnable publications) {
        synchronized (this) {
            batches++;
        }
        try {
            publications.run();
        } finally {
            synchronized (this) {
                batches--;
                if (batches == 0) {
                    quietFrom = clock.instant().plus(SETTLE);
                    sendDue();
                }
            }
        }
    }

    @Override
    public synchronized Publication editComment(int pullRequest, String marker,
            Function<Optional<String>, String> edit) {
        sendDue(clock.instant(), null);
        return delegate.editComment(pullRequest, marker, edit);
    }

    /**
     * Sends every held or waiting update whose time has come. The timer calls it; a test without a timer calls it
     * after moving its clock.
     */
    synchronized void sendDue() {
        wakeAt = null;
        if (closed) {
            return;
        }
        if (batches > 0) {
            return; // what waits is looked at when the batch is over
        }
        Instant now = clock.instant();
        try {
            sendDue(now, null);
        } finally {
            // also when the timer fired a little early by this clock: what is not yet due gets a new wake-up
            runs.values().stream().filter(run -> run.waiting != null)
                    .map(run -> run.sentStatus == null && run.dueAt.isBefore(quietFrom) ? quietFrom : run.dueAt)
                    .min(Instant::compareTo).ifPresent(due -> wakeAt(due, now));
        }
    }

    /**
     * Sends every update held back now, a check run still held queued included: for when the run's final report
     * leaves check runs queued on purpose ({@code --no-wait}: {@code sync} completes them later).
     */
    public synchronized void flush() {
        Instant now = clock.instant();
        for (RunState run : runs.values()) {
            if (run.waiting != null) {
                send(run, run.waiting, now);
            }
        }
    }

    /**
     * Stops the timer and sends the updates still waiting for check runs GitHub already has. A check run still held
     * queued is never created: its recipe did not start in this run, and a queued check run left behind would stay
     * queued for good (nothing completes it; {@code sync} leaves queued ones alone). Call {@link #flush} first to
     * create it anyway. Calls after this one are sent at once.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        timer.stop();
        Instant now = clock.instant();
        for (RunState run : runs.values()) {
            if (run.waiting != null && run.sentStatus == null) {
                run.waiting = null;
            } else if (run.waiting != null) {
                send(run, run.waiting, now);
            }
        }
    }

    /** When {@code update} is due if it may not go out now; empty to send it at once. */
    private Optional<Instant> heldUntil(RunState run, CheckRunUpdate update, Instant now) {
        if (update.status() == CheckStatus.COMPLETED) {
            return Optional.empty();
        }
        Instant due;
        if (run.sentStatus == null) {
            // never sent: a queued check run waits for its recipe to start, so that it is created in progress;
            // an update in progress is a change of status and creates it at once
            if (update.status() != CheckStatus.QUEUED) {
                return Optional.empty();
            }
            due = run.waiting != null ? run.dueAt : now.plus(queuedGrace);
            if (heldForBatch(run, now)) {
                return Optional.of(due); // even past its time: a batch's state may be older than the recipe's
            }
        } else if (run.sentStatus != update.status()) {
            return Optional.empty();
        } else {
            due = run.sentAt.plus(interval);
        }
        return now.isBefore(due) ? Optional.of(due) : Optional.empty();
    }

    /** Sends the waiting updates of other check runs whose time has come, unless a batch is under way. */
    private void sendDue(Instant now, String except) {
        if (batches > 0) {
            return; // the batch sends each check run's latest state itself: what waits goes after it
        }
        List<RunState> due = new ArrayList<>();
        for (Map.Entry<String, RunState> entry : runs.entrySet()) {
            RunState run = entry.getValue();
            if (run.waiting != null && !entry.getKey().equals(except) && !now.isBefore(run.dueAt)
                    && !heldForBatch(run, now)) {
                due.add(run);
            }
        }
        for (RunState run : due) {
            send(run, run.waiting, now);
        }
    }

    /** Whether {@code run} is a check run not created yet while a batch, which may start its recipe, is near. */
    private boolean heldForBatch(RunState run, Instant now) {
        return run.sentStatus == null && (batches > 0 || now.isBefore(quietFrom));
    }

    /** Asks the timer for a call at {@code due}, unless one comes no later. */
    private void wakeAt(Instant due, Instant now) {
        if (closed || (wakeAt != null && !due.isBefore(wakeAt))) {
            return;
        }
        wakeAt = due;
        timer.schedule(this::sendDue, Duration.between(now, due));
    }

    private Publication send(RunState run, CheckRunUpdate update, Instant now) {
        run.waiting = null;
        run.sentAt = now;
        run.sentStatus = update.status();
        run.lastPublication = delegate.publish(update);
        return run.lastPublication;
    }
}
