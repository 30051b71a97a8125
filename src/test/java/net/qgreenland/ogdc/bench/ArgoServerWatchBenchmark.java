package net.qgreenland.ogdc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import net.qgreenland.ogdc.cluster.ArgoGateway;
import net.qgreenland.ogdc.cluster.ArgoServerGateway;
import net.qgreenland.ogdc.cluster.ArgoServerSettings;
import net.qgreenland.ogdc.cluster.LabelSelector;
import net.qgreenland.ogdc.cluster.WorkflowPhase;
import net.qgreenland.ogdc.cluster.WorkflowWatch;

/**
 * Times how long a workflow's phase change takes to reach the program: {@code ArgoServerGateway}'s watch (event
 * stream), the same gateway when the server cannot stream (its list polling, from 2 s with backoff), and as the
 * baseline the Python runner's loop (GET the workflow every 5 s and compare the phase, spec §7.2), all against one
 * fake Argo Server in this JVM ({@code com.sun.net.httpserver}) that flips the phase from Running to Succeeded at a
 * random moment and pushes the event right then. Not a test: it prints a Markdown table and writes it to
 * {@code target/bench/argo-watch.md}.
 *
 * <pre>
 * ./mvnw -B -o -q package -DskipTests &amp;&amp; ./mvnw -B -o -q test-compile
 * ./mvnw -B -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
 * java -cp target/ogdc-action.jar:target/test-classes:$(cat target/test-classpath.txt) \
 *     net.qgreenland.ogdc.bench.ArgoServerWatchBenchmark [runs, default 10]
 * </pre>
 *
 * (It needs nothing outside the shaded jar and the test classes, so {@code -cp
 * target/ogdc-action.jar:target/test-classes} runs it too.)
 */
public final class ArgoServerWatchBenchmark {

    static final String NAMESPACE = "qgnet";
    static final String NAME = "seal-tags-shell-x7k2p";
    static final Duration PYTHON_POLL = Duration.ofSeconds(5);
    static final LabelSelector SELECTOR = LabelSelector.of(Map.of("ogdc/recipe-id", "seal-tags"));
    static final ObjectMapper JSON = new ObjectMapper();

    private ArgoServerWatchBenchmark() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Random random = new Random(20260302);
        FakeArgoServer server = FakeArgoServer.start(template());
        try {
            long[] baseline = new long[runs];
            long[] streamed = new long[runs];
            long[] polled = new long[runs];
            for (int i = 0; i < runs; i++) {
                baseline[i] = pythonLoop(server, random);
                streamed[i] = gatewayWatch(server, random, true);
                polled[i] = gatewayWatch(server, random, false);
                System.err.printf("run %d: polling %d ms, watch %d ms, watch polling %d ms%n", i + 1,
                        baseline[i] / 1000, streamed[i] / 1000, polled[i] / 1000);
            }
            List<String> rows = new ArrayList<>();
            rows.add("| case | runs | median ms | min | max | vs. baseline |");
            rows.add("|---|---:|---:|---:|---:|---:|");
            rows.add(Measurements.row("GET every 5 s, compare phase (baseline, the Python runner's loop)", baseline,
                    baseline, 1));
            rows.add(Measurements.row("`ArgoServerGateway.watch`, event stream", streamed, baseline, 1));
            rows.add(Measurements.row("`ArgoServerGateway.watch`, server without event stream (list polling from"
                    + " 2 s, doubling)", polled, baseline, 1));
            String header = "Argo watch latency benchmark: phase change on a fake Argo Server (JDK HttpServer, same"
                    + " JVM) to the program noticing it; the change comes 0-5 s (uniform) after watching began; "
                    + runs + " runs each, interleaved; " + Runtime.getRuntime().availableProcessors() + " cores; java "
                    + System.getProperty("java.version") + "\n"
                    + String.format(Locale.ROOT, "median ratio, event-stream watch / 5 s polling: %.4f (1/%.0f)",
                            (double) Measurements.median(streamed) / Measurements.median(baseline),
                            (double) Measurements.median(baseline) / Math.max(1, Measurements.median(streamed)))
                    + "\n\n";
            String table = String.join("\n", rows) + "\n";
            System.out.print(header + table);
            Path out = Path.of("target/bench/argo-watch.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, header + table);
        } finally {
            server.stop();
        }
    }

    /** The Python runner's wait: GET, compare the phase, sleep 5 s; microseconds from the flip to noticing it. */
    static long pythonLoop(FakeArgoServer server, Random random) throws Exception {
        server.reset(true);
        HttpClient client = HttpClient.newHttpClient();
        URI url = URI.create(server.url() + "/api/v1/workflows/" + NAMESPACE + "/" + NAME);
        AtomicLong noticed = new AtomicLong();
        Thread poller = new Thread(() -> {
            try {
                while (true) {
                    HttpResponse<String> answer = client.send(HttpRequest.newBuilder(url).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (JSON.readTree(answer.body()).path("status").path("phase").asText().equals("Succeeded")) {
                        noticed.set(System.nanoTime());
                        return;
                    }
                    Thread.sleep(PYTHON_POLL.toMillis());
                }
            } catch (IOException | InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "python-style-poller");
        poller.start();
        long flipped = flipAfterRandomWait(server, random);
        poller.join();
        return (noticed.get() - flipped) / 1000;
    }

    /** The gateway's watch, with or without an event stream; microseconds from the flip to the listener. */
    static long gatewayWatch(FakeArgoServer server, Random random, boolean streaming) throws Exception {
        server.reset(streaming);
        AtomicLong noticed = new AtomicLong();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch succeeded = new CountDownLatch(1);
        try (ArgoGateway gateway = ArgoServerGateway.connect(ArgoServerSettings.defaults(URI.create(server.url()),
                NAMESPACE, Optional.of("bench-token")), line -> { });
                WorkflowWatch watch = gateway.watch(SELECTOR, state -> {
                    if (state.phase() == WorkflowPhase.SUCCEEDED) {
                        noticed.set(System.nanoTime());
                        succeeded.countDown();
                    } else {
                        running.countDown();
                    }
                })) {
            if (!running.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the watch never delivered the running workflow");
            }
            if (streaming) {
                server.awaitSubscriber();
            }
            long flipped = flipAfterRandomWait(server, random);
            if (!succeeded.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the watch never delivered Succeeded");
            }
            return (noticed.get() - flipped) / 1000;
        }
    }

    static long flipAfterRandomWait(FakeArgoServer server, Random random) throws InterruptedException {
        Thread.sleep(random.nextInt((int) PYTHON_POLL.toMillis()));
        return server.succeed();
    }

    static ObjectNode template() throws IOException {
        try (InputStream in = ArgoServerWatchBenchmark.class.getResourceAsStream(
                "/fixtures/argo-server/running.json")) {
            return (ObjectNode) JSON.readTree(in);
        }
    }

    /**
     * An Argo Server of one workflow: GET one, list, and the workflow event stream (server-sent events, pushed when
     * the phase flips); with streaming off, the events endpoint answers 501 as a server without it would.
     */
    static final class FakeArgoServer {
        private final HttpServer http;
        private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-argo-server");
            t.setDaemon(true);
            return t;
        });
        private final ObjectNode workflow;
        private final List<BlockingQueue<String>> subscribers = new CopyOnWriteArrayList<>();
        private volatile boolean streaming;
        private volatile int version = 50_000;

        private FakeArgoServer(HttpServer http, ObjectNode workflow) {
            this.http = http;
            this.workflow = workflow;
        }

        static FakeArgoServer start(ObjectNode workflow) throws IOException {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            FakeArgoServer server = new FakeArgoServer(http, workflow);
            http.createContext("/api/v1/workflows/" + NAMESPACE, server::workflows);
            http.createContext("/api/v1/workflow-events/" + NAMESPACE, server::events);
            http.setExecutor(server.threads);
            http.start();
            return server;
        }

        String url() {
            return "http://" + http.getAddress().getHostString() + ":" + http.getAddress().getPort();
        }

        /** The workflow back to Running, every stream ended; {@code streaming} says whether the events exist. */
        synchronized void reset(boolean streaming) {
            for (BlockingQueue<String> subscriber : subscribers) {
                subscriber.add(EventStreams.STOP);
            }
            subscribers.clear();
            this.streaming = streaming;
            set("Running");
        }

        /** Flips the phase to Succeeded and pushes the event; returns {@link System#nanoTime()} of the flip. */
        synchronized long succeed() {
            long flipped = System.nanoTime();
            String event = "data: " + JSON.createObjectNode().set("result", JSON.createObjectNode()
                    .put("type", "MODIFIED").set("object", set("Succeeded"))) + "\n\n";
            for (BlockingQueue<String> subscriber : subscribers) {
                subscriber.add(event);
            }
            return flipped;
        }

        void awaitSubscriber() throws InterruptedException {
            while (subscribers.isEmpty()) {
                Thread.sleep(1);
            }
        }

        void stop() {
            reset(false);
            http.stop(0);
            threads.shutdownNow();
        }

        private synchronized JsonNode set(String phase) {
            version++;
            ((ObjectNode) workflow.get("metadata")).put("resourceVersion", String.valueOf(version));
            ((ObjectNode) workflow.get("status")).put("phase", phase);
            return workflow.deepCopy();
        }

        private synchronized String current() {
            return workflow.toString();
        }

        private void workflows(HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getPath();
            String body = path.endsWith("/" + NAME) ? current() : "{\"metadata\":{},\"items\":[" + current() + "]}";
            answer(exchange, 200, body);
        }

        private void events(HttpExchange exchange) throws IOException {
            if (!streaming) {
                answer(exchange, 501, "{\"code\":12,\"message\":\"not implemented\"}");
                return;
            }
            BlockingQueue<String> queue = new LinkedBlockingQueue<>();
            EventStreams.serve(exchange, queue, () -> subscribers.add(queue), () -> subscribers.remove(queue));
        }

        private static void answer(HttpExchange exchange, int status, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
