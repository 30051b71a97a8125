package net.qgreenland.ogdc.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * At most {@link #perMinute} writes (POST, PATCH, PUT, DELETE) to GitHub in any 60 seconds: GitHub's documented
 * secondary limit on content-generating requests is 80 a minute, and an integration that keeps writing while
 * limited may be banned. A write beyond the pace waits until the oldest write of the last minute is a minute old, so
 * a run of a few dozen recipes never waits and a run of a hundred spreads its writes instead of being refused. Shared
 * by every GitHub adapter of one process (one token, one budget). {@code 0} means no pace (GitHub Enterprise Server
 * has rate limits off by default).
 */
public final class WritePace {

    /** GitHub's limit on content-generating requests per minute. */
    public static final int GITHUB_LIMIT = 80;

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final int perMinute;
    private volatile boolean hurrying;
    /** The threads waiting for their turn, which {@link #hurry} wakes. */
    private final Set<Thread> waiting = new HashSet<>();
    /** When each write of the last minute was (or will be) sent, oldest first. */
    private final Deque<Instant> writes = new ArrayDeque<>();

    /** At most {@code perMinute} writes a minute; 0 for no limit. */
    public WritePace(int perMinute) {
        if (perMinute < 0) {
            throw new IllegalArgumentException("writes per minute must be 0 (no limit) or more, not " + perMinute);
        }
        this.perMinute = perMinute;
    }

    public int perMinute() {
        return perMinute;
    }

    /**
     * From now on no write waits: the job is being cancelled, and its final report must reach GitHub before the
     * runner kills the process; a short burst over the pace is better than check runs left in progress.
     */
    public void hurry() {
        synchronized (waiting) {
            hurrying = true;
            waiting.forEach(Thread::interrupt);
        }
    }

    /**
     * Waits {@code wait} through {@code sleeper}, or less if {@link #hurry} is called meanwhile (then it returns as
     * if the wait were over).
     *
     * @throws InterruptedException if the thread is interrupted for another reason
     */
    void waitTurn(Duration wait, Sleeper sleeper) throws InterruptedException {
        Thread self = Thread.currentThread();
        synchronized (waiting) {
            if (hurrying) {
                return;
            }
            waiting.add(self);
        }
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            if (!hurrying) {
                throw e;
            }
        } finally {
            synchronized (waiting) {
                waiting.remove(self);
                if (hurrying) {
                    // hurry() may have interrupted this thread just after its wait ended: the write must not fail
                    Thread.interrupted();
                }
            }
        }
    }

    /**
     * Books a write wanted at {@code now}: how long to wait before sending it (zero within the pace). The write is
     * booked at the time it will go, so writers waiting at once are spread, not sent together.
     */
    synchronized Duration reserve(Instant now) {
        if (perMinute == 0 || hurrying) {
            return Duration.ZERO;
        }
        while (!writes.isEmpty() && !writes.peekFirst().plus(WINDOW).isAfter(now)) {
            writes.pollFirst();
        }
        // writes go in the order they were booked: never before one booked earlier
        Instant at = writes.isEmpty() || writes.peekLast().isBefore(now) ? now : writes.peekLast();
        if (writes.size() >= perMinute) {
            // with it, the last minute before it must hold at most perMinute writes
            Instant freed = writes.stream().skip(writes.size() - perMinute).findFirst().orElseThrow().plus(WINDOW);
            at = freed.isAfter(at) ? freed : at;
        }
        writes.addLast(at);
        return Duration.between(now, at);
    }
}
