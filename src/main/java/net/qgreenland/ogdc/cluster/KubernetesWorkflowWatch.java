package net.qgreenland.ogdc.cluster;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One watch of the workflows a selector matches, on its own thread: list, watch from the list's resource version,
 * and after any drop list again and watch again, every state passing through one {@link ChangeDeduplicator}.
 *
 * <p>Hand-rolled rather than a Fabric8 informer because the contract is about delivering states, not keeping a
 * cache: an informer re-lists too, but says nothing when its connection drops (no notice for the user) and
 * delivers a re-listed state as an "update" we would have to de-duplicate anyway.
 */
final class KubernetesWorkflowWatch implements WorkflowWatch {

    private final KubernetesArgoGateway gateway;
    private final LabelSelector selector;
    private final ChangeDeduplicator changes;
    private final ReconnectDelays delays;
    private final Consumer<String> log;
    private final Consumer<KubernetesWorkflowWatch> onClose;
    private final ScheduledExecutorService thread;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Thread worker;
    private volatile Watch connection;
    // the rest is touched on `thread` only
    private int generation;
    private int failures;
    private int expiries;
    private String version = "";
    private long openedAt;

    KubernetesWorkflowWatch(KubernetesArgoGateway gateway, LabelSelector selector, WorkflowListener listener,
            ReconnectDelays delays, Consumer<String> log, Consumer<KubernetesWorkflowWatch> onClose) {
        this.gateway = gateway;
        this.selector = selector;
        this.changes = new ChangeDeduplicator(listener);
        this.delays = delays;
        this.log = log;
        this.onClose = onClose;
        this.thread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "ogdc-watch-" + gateway.namespace());
            t.setDaemon(true);
            worker = t;
            return t;
        });
    }

    /**
     * Lists on the caller's thread, so a watch that cannot start fails at once; then delivers and watches on its own.
     *
     * @throws ClusterException if the first list fails after retries
     */
    void start() {
        GenericKubernetesResourceList current = gateway.listWorkflows(selector);
        run(() -> deliverAndWatch(current));
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        thread.shutdownNow();
        Watch open = connection;
        if (open != null) {
            open.close();
        }
        if (Thread.currentThread() != worker) {
            try {
                // so that no change is delivered after close() returns (unless the listener itself closes)
                thread.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        onClose.accept(this);
    }

    private void relist() {
        if (closed.get()) {
            return;
        }
        GenericKubernetesResourceList current;
        try {
            current = gateway.listWorkflows(selector);
        } catch (RuntimeException e) {
            retryLater(e instanceof ClusterException ? e.getMessage()
                    : gateway.describeFailure(gateway.describeSelection(selector, "re-listing"), e));
            return;
        }
        deliverAndWatch(current);
    }

    private void deliverAndWatch(GenericKubernetesResourceList current) {
        gateway.statesOf(current, selector).forEach(this::offer);
        String resourceVersion = current.getMetadata() == null ? null : current.getMetadata().getResourceVersion();
        version = resourceVersion == null ? "" : resourceVersion;
        if (closed.get()) {
            return;
        }
        Connection next = new Connection(++generation);
        try {
            connection = gateway.watchWorkflows(selector, resourceVersion, next);
            openedAt = System.nanoTime();
            if (closed.get()) {
                connection.close();
            }
        } catch (RuntimeException e) {
            if (KubernetesApiCalls.codeOf(e) == 410) {
                expired(version);
            } else {
                retryLater(gateway.describeFailure(gateway.describeSelection(selector, "watching"), e));
            }
        }
    }

    private void dropped(WatcherException cause) {
        connection = null;
        if (System.nanoTime() - openedAt > delays.max().toNanos()) {
            // a connection that lasted was not part of a run of failures (API servers end watches every few minutes)
            failures = 0;
        }
        if (cause.isHttpGone()) {
            expired(version);
            return;
        }
        // Fabric8 reports its own give-up ("Exhausted reconnects"), which says nothing the notice does not
        String why = cause.getMessage() == null || cause.getMessage().startsWith("Exhausted") ? ""
                : " (" + cause.getMessage() + ")";
        retryLater(watching() + ": the connection dropped" + why);
    }

    /** 410 Gone: the server no longer has the history from that version on, so only a fresh list can resume. */
    private void expired(String resourceVersion) {
        expiries++;
        if (expiries == 1) {
            log.accept(watching() + ": resource version " + resourceVersion + " expired (410 Gone); re-listing");
            schedule(Duration.ZERO);
        } else {
            retryLater(watching() + ": the resource version expired again right after a re-list (410 Gone)");
        }
    }

    /** Tells the listener what went wrong ({@code what}) and re-lists after the next back-off delay. */
    private void retryLater(String what) {
        if (closed.get()) {
            return;
        }
        failures++;
        Duration delay = delays.after(failures, ThreadLocalRandom.current().nextDouble());
        changes.notice(what.endsWith(".") ? what + " Re-listing in " + human(delay) + "."
                : what + "; re-listing in " + human(delay));
        schedule(delay);
    }

    private String watching() {
        return gateway.describeSelection(selector, "watching") + " of " + gateway.api();
    }

    private void offer(WorkflowState state) {
        if (!closed.get() && selector.matches(state.labels())) {
            changes.offer(state);
        }
    }

    private void schedule(Duration delay) {
        try {
            thread.schedule(this::relist, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closed meanwhile
        }
    }

    private void run(Runnable task) {
        try {
            thread.execute(task);
        } catch (RejectedExecutionException e) {
            // closed meanwhile
        }
    }

    static String human(Duration delay) {
        long millis = delay.toMillis();
        return millis < 1000 ? millis + "ms" : String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
    }

    /** Receives one Fabric8 connection's events and hands them to the watch's thread, ignoring stale connections. */
    private final class Connection implements Watcher<GenericKubernetesResource> {

        private final int id;

        Connection(int id) {
            this.id = id;
        }

        @Override
        public void eventReceived(Action action, GenericKubernetesResource resource) {
            // BOOKMARK only moves the version
            if (action != Action.ADDED && action != Action.MODIFIED && action != Action.DELETED) {
                return;
            }
            Optional<WorkflowState> state = gateway.toStateIfNamed(resource);
            if (action == Action.DELETED) {
                state.filter(s -> selector.matches(s.labels())).ifPresent(s -> run(() -> {
                    if (id == generation && !closed.get()) {
                        changes.deleted(s.name());
                    }
                }));
                return;
            }
            state.ifPresent(s -> run(() -> {
                if (id == generation) {
                    // an event proves the connection works: what went wrong before is over
                    failures = 0;
                    expiries = 0;
                    version = s.resourceVersion();
                    offer(s);
                }
            }));
        }

        @Override
        public void onClose(WatcherException cause) {
            run(() -> {
                if (id == generation && !closed.get()) {
                    dropped(cause);
                }
            });
        }

        @Override
        public void onClose() {
            // closed by us
        }
    }
}
