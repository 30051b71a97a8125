package net.qgreenland.ogdc.cluster;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Follows many workflows through one watch and lets callers wait for any of them to end. Every change it sees
 * goes to a progress consumer; a final state, once seen, is kept (a late, older copy cannot undo it).
 *
 * <p>Because a watch can miss a workflow (deleted meanwhile, or outside the selector), a waiter also asks the
 * gateway directly at the start and then every {@code recheck}.
 */
public final class WorkflowTracker implements AutoCloseable {

    private final ArgoGateway gateway;
    private final Duration recheck;
    private final Consumer<WorkflowState> progress;
    private final Map<String, WorkflowState> latest = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<WorkflowState>> finals = new ConcurrentHashMap<>();
    /** Completed when the watch saw a workflow deleted, to end its waiter's wait before the next check. */
    private final Map<String, CompletableFuture<Void>> wakeUps = new ConcurrentHashMap<>();
    private final ChangeDeduplicator seen = new ChangeDeduplicator(this::changed);
    private final WorkflowWatch watch;

    /**
     * Starts watching.
     *
     * @param selector the workflows to follow (e.g. the recipes of this run)
     * @param recheck how often a waiter asks the gateway directly, in case the watch missed something
     * @param progress gets every new state and watch notice, from the watch's thread; must be quick
     * @param notices gets the watch's notices (reconnects, fallbacks)
     */
    public WorkflowTracker(ArgoGateway gateway, LabelSelector selector, Duration recheck,
            Consumer<WorkflowState> progress, Consumer<String> notices) {
        this.gateway = gateway;
        this.recheck = recheck;
        this.progress = progress;
        this.watch = gateway.watch(selector, new WorkflowListener() {
            @Override
            public void onChange(WorkflowState state) {
                record(state);
            }

            @Override
            public void onDeleted(String name) {
                // the waiter asks the gateway now, learns the workflow is gone and says so
                wakeUps.computeIfAbsent(name, n -> new CompletableFuture<>()).complete(null);
            }

            @Override
            public void onNotice(String notice) {
                notices.accept(notice);
            }
        });
    }

    /**
     * Waits until workflow {@code name} ends, at most {@code timeout}.
     *
     * @return its final state, or empty if it had not ended in time
     * @throws ClusterException if the workflow no longer exists, or the gateway fails
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public Optional<WorkflowState> awaitEnd(String name, Duration timeout) throws InterruptedException {
        CompletableFuture<WorkflowState> end = finals.computeIfAbsent(name, n -> new CompletableFuture<>());
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!end.isDone()) {
                WorkflowState current = gateway.findByName(name).orElseThrow(() -> new ClusterException(
                        ClusterException.Reason.NOT_FOUND, "workflow '" + name + "' in " + gateway.describe()
                                + " disappeared while being waited for (deleted by someone, or by its TTL)"));
                record(current);
            }
            long left = deadline - System.nanoTime();
            if (end.isDone() || left <= 0) {
                return end.isDone() ? Optional.of(end.join()) : Optional.empty();
            }
            CompletableFuture<Void> deleted = wakeUps.computeIfAbsent(name, n -> new CompletableFuture<>());
            try {
                CompletableFuture.anyOf(end, deleted).get(Math.min(left, recheck.toNanos()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                // Not over yet: ask the gateway directly, then wait again.
            } catch (ExecutionException e) {
                throw new IllegalStateException("a tracked workflow's future cannot fail", e);
            }
            if (end.isDone()) {
                return Optional.of(end.join());
            }
            // Deleted, or time for a check: the gateway is asked at the top of the loop.
            if (deleted.isDone()) {
                wakeUps.remove(name, deleted);
            }
        }
    }

    /** The latest state seen of {@code name}. */
    public Optional<WorkflowState> latest(String name) {
        return Optional.ofNullable(latest.get(name));
    }

    /** States from the watch and from direct reads meet here; each new one is passed on once. */
    private void record(WorkflowState state) {
        seen.offer(state);
    }

    private void changed(WorkflowState state) {
        latest.put(state.name(), state);
        progress.accept(state);
        if (state.isTerminal()) {
            finals.computeIfAbsent(state.name(), n -> new CompletableFuture<>()).complete(state);
        }
    }

    @Override
    public void close() {
        watch.close();
    }
}
