package net.qgreenland.ogdc.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One watch on an Argo Server: the current states first, then the workflow event stream, re-listing and reopening it
 * with backoff when it drops, and polling the list instead when the server cannot stream. Runs on its own daemon
 * thread; every state goes through one {@link ChangeDeduplicator}.
 */
final class ArgoEventStream implements WorkflowWatch {

    /** Failed attempts in a row to open the stream after which the watch polls instead. */
    static final int OPEN_FAILURES_BEFORE_POLLING = 3;
    /** How long {@link #close()} waits for the thread to end. */
    private static final long JOIN_LIMIT_MILLIS = 5_000;

    private enum Outcome { ENDED, BROKEN, OPEN_FAILED, UNSUPPORTED, CLOSED }

    private final ArgoServerHttp http;
    private final ArgoServerSettings settings;
    private final LabelSelector selector;
    private final ChangeDeduplicator changes;
    private final Supplier<List<WorkflowState>> lister;
    private final Consumer<ArgoEventStream> onClose;
    private final Thread thread;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile InputStream current;
    // the fields below belong to the watch thread
    private String problem = "";
    private boolean changed;

    private ArgoEventStream(ArgoServerHttp http, ArgoServerSettings settings, LabelSelector selector,
            WorkflowListener listener, Supplier<List<WorkflowState>> lister, Consumer<ArgoEventStream> onClose) {
        this.http = http;
        this.settings = settings;
        this.selector = selector;
        this.changes = new ChangeDeduplicator(listener);
        this.lister = lister;
        this.onClose = onClose;
        this.thread = new Thread(this::run, "argo-watch " + selector);
        thread.setDaemon(true);
    }

    /**
     * Starts watching the workflows {@code selector} matches; {@code lister} reads their current states (the
     * gateway's {@code find}); {@code onClose} is told once the watch is closed.
     */
    static ArgoEventStream start(ArgoServerHttp http, ArgoServerSettings settings, LabelSelector selector,
            WorkflowListener listener, Supplier<List<WorkflowState>> lister, Consumer<ArgoEventStream> onClose) {
        ArgoEventStream watch = new ArgoEventStream(http, settings, selector, listener, lister, onClose);
        watch.thread.start();
        return watch;
    }

    /** Whether the watch thread is still running (for tests: after {@link #close()} it is not). */
    boolean isRunning() {
        return thread.isAlive();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closing.countDown();
        InputStream stream = current;
        if (stream != null) {
            ArgoServerHttp.closeQuietly(stream);
        }
        thread.interrupt();
        if (Thread.currentThread() != thread) {
            try {
                thread.join(JOIN_LIMIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        onClose.accept(this);
    }

    private void run() {
        Backoff reconnect = new Backoff(settings.reconnectDelay());
        int openFailures = 0;
        while (!closed.get()) {
            try {
                if (!relist()) {
                    pause(reconnect, "reading the workflows failed (" + problem + "); trying again in ");
                    continue;
                }
                Outcome outcome = stream(reconnect);
                switch (outcome) {
                    case CLOSED:
                        return;
                    case UNSUPPORTED:
                        notice("the Argo Server cannot stream workflow events (" + problem + "); polling the"
                                + " workflow list instead, first after " + format(settings.pollInterval()));
                        poll();
                        return;
                    case OPEN_FAILED:
                        openFailures++;
                        if (openFailures >= OPEN_FAILURES_BEFORE_POLLING) {
                            notice("the workflow event stream could not be opened " + openFailures + " times in a"
                                    + " row (" + problem + "); polling the workflow list instead, first after "
                                    + format(settings.pollInterval()));
                            poll();
                            return;
                        }
                        pause(reconnect, "could not open the workflow event stream (" + problem
                                + "); re-reading the workflows and trying again in ");
                        break;
                    default:
                        openFailures = 0;
                        pause(reconnect, "the workflow event stream " + (outcome == Outcome.ENDED ? "ended"
                                : "broke (" + problem + ")") + "; re-reading the workflows and reconnecting in ");
                        break;
                }
            } catch (RuntimeException e) {
                // a bug here must not end the watch silently: the caller would wait forever
                pause(reconnect, "the watch failed unexpectedly (" + http.redactor().describe(e)
                        + "); starting over in ");
            }
        }
    }

    /** Reads the current states and delivers the new ones, oldest first; false (and {@link #problem}) on failure. */
    private boolean relist() {
        List<WorkflowState> states;
        try {
            states = lister.get();
        } catch (ClusterException e) {
            problem = e.getMessage();
            return false;
        }
        for (int i = states.size() - 1; i >= 0 && !closed.get(); i--) {
            if (selector.matches(states.get(i).labels())) {
                deliver(states.get(i));
            }
        }
        return true;
    }

    private Outcome stream(Backoff reconnect) {
        ArgoServerHttp.Call call = new ArgoServerHttp.Call("watching Workflows labelled '" + selector + "' in "
                + http.where(), "GET", "/api/v1/workflow-events/" + settings.namespace()
                + "?listOptions.labelSelector=" + ArgoServerHttp.encode(selector.toString()), Optional.empty(),
                ArgoServerHttp.Kind.READ);
        HttpResponse<InputStream> response;
        try {
            response = http.openOnce(call, ArgoServerHttp.EVENT_STREAM);
        } catch (ClusterException e) {
            problem = e.getMessage();
            return closed.get() ? Outcome.CLOSED : Outcome.OPEN_FAILED;
        } catch (InterruptedException e) {
            return Outcome.CLOSED;
        }
        InputStream body = response.body();
        current = body;
        if (closed.get()) {
            ArgoServerHttp.closeQuietly(body);
            return Outcome.CLOSED;
        }
        try {
            int status = response.statusCode();
            if (status / 100 != 2) {
                byte[] answer = body.readNBytes(64 * 1024);
                Optional<String> message = ArgoServerHttp.serverMessage(answer);
                problem = ArgoServerHttp.statusText(status) + message.map(m -> ": " + m).orElse("");
                return isUnsupported(status, answer) ? Outcome.UNSUPPORTED : Outcome.OPEN_FAILED;
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
            EventStreamDecoder decoder = new EventStreamDecoder();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                Optional<String> message = decoder.accept(line);
                if (message.isPresent()) {
                    // a stream that carried events was healthy: the next drop waits the shortest time again
                    reconnect.reset();
                    if (!handle(message.get())) {
                        return Outcome.BROKEN;
                    }
                }
            }
            Optional<String> last = decoder.finish();
            if (last.isPresent() && !handle(last.get())) {
                return Outcome.BROKEN;
            }
            return closed.get() ? Outcome.CLOSED : Outcome.ENDED;
        } catch (IOException e) {
            if (closed.get()) {
                return Outcome.CLOSED;
            }
            problem = http.redactor().describe(e);
            return Outcome.BROKEN;
        } finally {
            current = null;
            ArgoServerHttp.closeQuietly(body);
        }
    }

    /** Handles one message of the stream; false (and {@link #problem}) when the server reported an error in it. */
    private boolean handle(String message) {
        JsonNode tree;
        try {
            tree = ArgoServerHttp.MAPPER.readTree(message);
        } catch (IOException e) {
            return true;
        }
        JsonNode result = tree.path("result");
        String type = result.path("type").asText("");
        if (tree.has("error") || type.equals("ERROR")) {
            JsonNode error = tree.has("error") ? tree.path("error") : result.path("object");
            problem = "the server reported: " + error.path("message").asText("an error without a message");
            return false;
        }
        JsonNode object = result.path("object");
        if (!object.isObject() || object.path("metadata").path("name").asText("").isEmpty()) {
            return true;
        }
        WorkflowState state = WorkflowStates.fromJson(object);
        if (!selector.matches(state.labels())) {
            return true;
        }
        if (type.equals("DELETED")) {
            changes.deleted(state.name());
            notice("Workflow '" + state.name() + "' was deleted");
            return true;
        }
        deliver(state);
        return true;
    }

    /** Polls the list until closed: the interval doubles while nothing changes and starts over after a change. */
    private void poll() {
        Backoff interval = new Backoff(settings.pollInterval());
        while (await(interval.next())) {
            changed = false;
            if (!relist()) {
                notice("reading the workflows failed (" + problem + "); polling goes on");
            }
            if (changed) {
                interval.reset();
            }
        }
    }

    private void deliver(WorkflowState state) {
        try {
            if (changes.offer(state)) {
                changed = true;
            }
        } catch (RuntimeException e) {
            http.log("a workflow listener failed on Workflow '" + state.name() + "': "
                    + http.redactor().describe(e));
        }
    }

    private void notice(String text) {
        if (closed.get()) {
            return;
        }
        try {
            changes.notice(http.redactor().redact(text));
        } catch (RuntimeException e) {
            http.log("a workflow listener failed on a notice: " + http.redactor().describe(e));
        }
    }

    private void pause(Backoff backoff, String noticePrefix) {
        Duration wait = backoff.next();
        notice(noticePrefix + format(wait));
        await(wait);
    }

    /** Waits {@code duration}; false if the watch was closed meanwhile. */
    private boolean await(Duration duration) {
        try {
            return !closing.await(duration.toNanos(), TimeUnit.NANOSECONDS) && !closed.get();
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** 404, 405 and 501 from the events endpoint, or gRPC's UNIMPLEMENTED (code 12), mean it does not exist. */
    static boolean isUnsupported(int status, byte[] answer) {
        if (status == 404 || status == 405 || status == 501) {
            return true;
        }
        try {
            return ArgoServerHttp.MAPPER.readTree(answer).path("code").asInt(0) == 12;
        } catch (IOException e) {
            return false;
        }
    }

    static String format(Duration duration) {
        long millis = duration.toMillis();
        return millis < 1000 ? millis + "ms" : String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
    }

    /** Exponential backoff with ±20 % jitter, from a first wait up to {@link ArgoServerSettings#backoffCeiling}. */
    static final class Backoff {
        private final Duration first;
        private final Duration ceiling;
        private Duration next;

        Backoff(Duration first) {
            this.first = first;
            this.ceiling = ArgoServerSettings.backoffCeiling(first);
            this.next = first;
        }

        /** The wait to use now (jittered); the one after it is twice as long, up to the ceiling. */
        Duration next() {
            Duration now = next;
            Duration doubled = next.multipliedBy(2);
            next = doubled.compareTo(ceiling) > 0 ? ceiling : doubled;
            // jitter keeps many runners that lost the same server from reconnecting in step
            double factor = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
            return Duration.ofNanos(Math.max(1, (long) (now.toNanos() * factor)));
        }

        void reset() {
            next = first;
        }
    }
}
