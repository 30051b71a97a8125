package net.qgreenland.ogdc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.qgreenland.ogdc.testing.LabelSelectorText;

/**
 * A stub Argo Server for the end-to-end benchmark (JDK HttpServer, loopback): every request waits
 * {@code delayMillis} before it is answered; a POSTed workflow is Running and becomes Succeeded {@code finishMillis}
 * after submission, pushed then to every open event stream whose label selector matches. Answers list (by label
 * selector), get by name and the event stream; everything else is 404 and counted in {@link #unknown}.
 */
final class SlowArgoServer implements AutoCloseable {

    static final String NAMESPACE = "qgnet";
    private static final String WORKFLOWS = "/api/v1/workflows/" + NAMESPACE;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer http;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "slow-argo-server");
        t.setDaemon(true);
        return t;
    });
    private final ScheduledExecutorService finisher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "slow-argo-finisher");
        t.setDaemon(true);
        return t;
    });
    private final long delayMillis;
    private final long finishMillis;
    private final Map<String, ObjectNode> stored = new LinkedHashMap<>();
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    final AtomicInteger requests = new AtomicInteger();
    final List<String> unknown = new CopyOnWriteArrayList<>();
    /** Requests by kind ({@code POST workflow}, {@code GET list}...), in the order first seen. */
    final Map<String, AtomicInteger> byKind = new java.util.concurrent.ConcurrentSkipListMap<>();
    /** When each workflow became Succeeded ({@link System#currentTimeMillis()}), by name. */
    final Map<String, Long> finishedAt = new java.util.concurrent.ConcurrentHashMap<>();
    private final boolean streaming;
    private int created;

    private record Subscriber(String selector, BlockingQueue<String> queue) {}

    private SlowArgoServer(long delayMillis, long finishMillis, boolean streaming) throws IOException {
        this.streaming = streaming;
        this.delayMillis = delayMillis;
        this.finishMillis = finishMillis;
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", this::handle);
        http.setExecutor(threads);
        http.start();
    }

    static SlowArgoServer start(long delayMillis, long finishMillis) throws IOException {
        return new SlowArgoServer(delayMillis, finishMillis, true);
    }

    /** A server whose event stream answers 501, as one that cannot stream: watches poll the list. */
    static SlowArgoServer withoutEventStream(long delayMillis, long finishMillis) throws IOException {
        return new SlowArgoServer(delayMillis, finishMillis, false);
    }

    String url() {
        return "http://" + http.getAddress().getHostString() + ":" + http.getAddress().getPort();
    }

    @Override
    public void close() {
        for (Subscriber subscriber : subscribers) {
            subscriber.queue().add(EventStreams.STOP);
        }
        http.stop(0);
        finisher.shutdownNow();
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try {
            Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
            return;
        }
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String selector = selector(exchange.getRequestURI().getRawQuery());
        byKind.computeIfAbsent(method + " " + path.replace(WORKFLOWS, "workflows").replaceAll("workflows/[^/]+",
                "workflows/{name}"), k -> new AtomicInteger()).incrementAndGet();
        if (path.equals("/api/v1/workflow-events/" + NAMESPACE) && method.equals("GET") && !streaming) {
            answer(exchange, 501, JSON.createObjectNode().put("code", 12).put("message",
                    "method WatchWorkflows not implemented"));
        } else if (path.equals("/api/v1/workflow-events/" + NAMESPACE) && method.equals("GET")) {
            stream(exchange, selector);
        } else if (path.equals(WORKFLOWS) && method.equals("POST")) {
            answer(exchange, 200, create((ObjectNode) JSON.readTree(exchange.getRequestBody()).path("workflow")));
        } else if (path.equals(WORKFLOWS) && method.equals("GET")) {
            ArrayNode items = JSON.createArrayNode();
            synchronized (this) {
                stored.values().stream().filter(w -> LabelSelectorText.matches(selector, w))
                        .forEach(w -> items.add(w.deepCopy()));
            }
            ObjectNode list = JSON.createObjectNode();
            list.putObject("metadata").put("resourceVersion", Integer.toString(1000 + created));
            list.set("items", items);
            answer(exchange, 200, list);
        } else if (method.equals("GET") && path.startsWith(WORKFLOWS + "/") && stored(path) != null) {
            answer(exchange, 200, stored(path));
        } else {
            unknown.add(method + " " + path);
            answer(exchange, 404, JSON.createObjectNode().put("code", 5).put("message", path + " not found"));
        }
    }

    private synchronized JsonNode stored(String path) {
        ObjectNode workflow = stored.get(path.substring(WORKFLOWS.length() + 1));
        return workflow == null ? null : workflow.deepCopy();
    }

    private synchronized ObjectNode create(ObjectNode workflow) {
        created++;
        ObjectNode metadata = workflow.withObjectProperty("metadata");
        String name = metadata.path("generateName").asText("wf-") + String.format("%05d", created);
        metadata.put("name", name).put("namespace", NAMESPACE).put("uid", "uid-" + created)
                .put("resourceVersion", Integer.toString(1000 + created))
                .put("creationTimestamp", "2026-03-01T12:00:00Z");
        metadata.remove("generateName");
        workflow.putObject("status").put("phase", "Running").put("progress", "0/1")
                .put("startedAt", "2026-03-01T12:00:00Z");
        stored.put(name, workflow);
        finisher.schedule(() -> succeed(name), finishMillis, TimeUnit.MILLISECONDS);
        return workflow.deepCopy();
    }

    private void succeed(String name) {
        ObjectNode copy;
        synchronized (this) {
            ObjectNode workflow = stored.get(name);
            workflow.withObjectProperty("metadata").put("resourceVersion", Integer.toString(5000 + created));
            workflow.putObject("status").put("phase", "Succeeded").put("progress", "1/1")
                    .put("startedAt", "2026-03-01T12:00:00Z").put("finishedAt", "2026-03-01T12:00:01Z");
            copy = workflow.deepCopy();
            finishedAt.put(name, System.currentTimeMillis());
        }
        ObjectNode result = JSON.createObjectNode().put("type", "MODIFIED");
        result.set("object", copy);
        String event = "data: " + JSON.createObjectNode().set("result", result) + "\n\n";
        for (Subscriber subscriber : subscribers) {
            if (LabelSelectorText.matches(subscriber.selector(), copy)) {
                subscriber.queue().add(event);
            }
        }
    }

    private void stream(HttpExchange exchange, String selector) throws IOException {
        Subscriber subscriber = new Subscriber(selector, new LinkedBlockingQueue<>());
        EventStreams.serve(exchange, subscriber.queue(), () -> subscribers.add(subscriber),
                () -> subscribers.remove(subscriber));
    }

    private static String selector(String rawQuery) {
        if (rawQuery == null) {
            return "";
        }
        for (String parameter : rawQuery.split("&")) {
            String[] pair = parameter.split("=", 2);
            if (pair.length == 2 && pair[0].equals("listOptions.labelSelector")) {
                return URLDecoder.decode(pair[1], StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    private static void answer(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The names of the stored workflows, in submission order. */
    synchronized List<String> names() {
        return new ArrayList<>(stored.keySet());
    }
}
