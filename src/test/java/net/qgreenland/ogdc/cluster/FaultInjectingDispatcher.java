package net.qgreenland.ogdc.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fabric8's CRUD mock API server with faults on demand: error answers for chosen requests, {@code 410 Gone} for a
 * watch (as an HTTP status or as an {@code ERROR} event), watch connections that go quiet or are closed from the
 * server side, and pod logs. Records every request.
 */
final class FaultInjectingDispatcher extends Dispatcher {

    /** How the server says a watch's resource version is too old. */
    enum Gone {
        /** The watch request itself is answered {@code 410 Gone}. */
        HTTP_STATUS,
        /** The watch opens, then sends an {@code ERROR} event whose Status has code 410, as etcd compaction does. */
        ERROR_EVENT
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LABEL_SELECTOR = Pattern.compile("([?&])labelSelector=([^&]*)");
    private static final Pattern SET_REQUIREMENT = Pattern.compile("[^,()]+ (not)?in \\([^)]*\\)");
    private static final Pattern LOG_PATH =
            Pattern.compile("/api/v1/namespaces/([^/]+)/pods/([^/?]+)/log(\\?.*)?");

    private final KubernetesCrudDispatcher crud = new KubernetesCrudDispatcher();
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Set<QuietableSocket> openWatches = ConcurrentHashMap.newKeySet();
    private final AtomicInteger watchesOpened = new AtomicInteger();
    private final Map<String, String> podLogs = new ConcurrentHashMap<>();

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        requests.add(request.getMethod() + " " + request.getPath());
        for (Fault fault : faults) {
            if (fault.matches.test(request) && fault.remaining.getAndDecrement() > 0) {
                return fault.response.get();
            }
        }
        Matcher log = LOG_PATH.matcher(request.getPath());
        if (log.matches() && request.getMethod().equals("GET")) {
            return podLog(log.group(1), log.group(2), request.getPath());
        }
        MockResponse response = crud.dispatch(withoutSetRequirements(request));
        if (response.getWebSocketListener() != null) {
            response.withWebSocketUpgrade(new TrackedWatch(response.getWebSocketListener()));
        }
        return response;
    }

    /** Answers the next {@code times} requests of {@code method} whose path contains {@code pathPart} with an error. */
    void fail(String method, String pathPart, int times, int code, String reason, String message) {
        faults.add(new Fault(r -> r.getMethod().equals(method) && r.getPath().contains(pathPart)
                && !isWatch(r), times, () -> statusResponse(code, reason, message, Map.of())));
    }

    /**
     * Answers the next {@code times} creations of a workflow whose body names {@code recipeId} (its label) with an
     * error; other creations go through.
     */
    void failCreationOf(String recipeId, int times, int code, String reason, String message) {
        faults.add(new Fault(r -> r.getMethod().equals("POST") && r.getPath().contains("/workflows")
                && r.getBody() != null && new String(r.getBody().getBytes(), StandardCharsets.UTF_8)
                        .contains("\"" + recipeId + "\""), times,
                () -> statusResponse(code, reason, message, Map.of())));
    }

    /** Answers every request for Argo's API group as a cluster without Argo's CRDs does. */
    void withoutArgo() {
        faults.add(new Fault(r -> r.getPath().startsWith("/apis/argoproj.io/"), Integer.MAX_VALUE,
                () -> statusResponse(404, "NotFound", KubernetesApiCalls.UNSERVED_PATH_MESSAGE, Map.of())));
    }

    /**
     * Answers the next watch request with {@code 410 Gone}, in the given way. Only watches made with
     * {@link MockCluster#TOKEN} (the gateways' and the program's) get it, not the test controller's.
     */
    void goneOnNextWatch(Gone how) {
        faults.add(new Fault(FaultInjectingDispatcher::isGatewayWatch, 1, () -> {
            if (how == Gone.HTTP_STATUS) {
                return statusResponse(410, "Expired", "too old resource version: 1 (42)", Map.of());
            }
            return new MockResponse().withWebSocketUpgrade(new WebSocketListener() {
                @Override
                public void onOpen(WebSocket webSocket, Response response) {
                    ObjectNode event = JSON.createObjectNode().put("type", "ERROR");
                    event.set("object", status(410, "Expired", "too old resource version: 1 (42)", Map.of()));
                    webSocket.send(event.toString());
                }
            });
        }));
    }

    /**
     * The next watch made with {@link MockCluster#TOKEN} opens, then the server closes it at once, as a dropped
     * event stream does.
     */
    void dropNextWatch() {
        faults.add(new Fault(FaultInjectingDispatcher::isGatewayWatch, 1, () -> new MockResponse()
                .withWebSocketUpgrade(new WebSocketListener() {
                    @Override
                    public void onOpen(WebSocket webSocket, Response response) {
                        webSocket.close(1000, "dropped by the test");
                    }
                })));
    }

    /** How many faults asked for have not been answered yet: zero once every fault was exercised. */
    int faultsPending() {
        return (int) faults.stream().filter(f -> f.remaining.get() > 0 && f.remaining.get() < Integer.MAX_VALUE)
                .count();
    }

    /** The open watch connections stop passing events on, as a half-dead connection does; new ones are unaffected. */
    void quietenOpenWatches() {
        openWatches.forEach(w -> w.quiet = true);
    }

    /** Closes every open watch connection from the server's side. */
    void dropOpenWatches() {
        List.copyOf(openWatches).forEach(w -> {
            openWatches.remove(w);
            w.close(1000, "closed by the test");
        });
    }

    int openWatchCount() {
        return openWatches.size();
    }

    int watchesOpened() {
        return watchesOpened.get();
    }

    /**
     * Sets the stored creation time of the object at {@code path}: the mock stamps objects with the current second,
     * as a real API server does, so objects made in one test would otherwise tie.
     */
    void setCreationTimestamp(String path, Instant created) {
        AttributeSet key = crud.getKey(path);
        Map.Entry<AttributeSet, String> stored = crud.findResource(key);
        GenericKubernetesResource resource = Serialization.unmarshal(stored.getValue(), GenericKubernetesResource.class);
        resource.getMetadata().setCreationTimestamp(created.toString());
        crud.processEvent(path, key, stored.getKey(), resource, Serialization.asJson(resource));
    }

    void podLog(String pod, String text) {
        podLogs.put(pod, text);
    }

    /** Every request so far, as {@code GET /path?query}. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    long count(String method, Predicate<String> path) {
        return requests.stream().filter(r -> r.startsWith(method + " ") && path.test(r.substring(method.length() + 1)))
                .count();
    }

    /**
     * {@code request} without the {@code key in (a,b,c)} requirements of its label selector: the mock server splits a
     * selector at every comma, so with three values or more it takes the middle ones for "label exists"
     * requirements and selects nothing, where a real API server selects what the set allows. Without them it
     * answers a superset, which the gateway narrows by the whole selector itself.
     */
    private static RecordedRequest withoutSetRequirements(RecordedRequest request) {
        Matcher selector = LABEL_SELECTOR.matcher(request.getPath());
        if (!selector.find()) {
            return request;
        }
        String decoded = URLDecoder.decode(selector.group(2), StandardCharsets.UTF_8);
        String kept = SET_REQUIREMENT.matcher(decoded).replaceAll("").replaceAll(",{2,}", ",")
                .replaceAll("^,|,$", "");
        if (kept.equals(decoded)) {
            return request;
        }
        String rest = request.getPath().substring(selector.end());
        String path = request.getPath().substring(0, selector.start()) + (kept.isEmpty()
                ? (rest.isEmpty() ? "" : selector.group(1) + rest.substring(1))
                : selector.group(1) + "labelSelector=" + URLEncoder.encode(kept, StandardCharsets.UTF_8) + rest);
        return new RecordedRequest(request.getHttpVersion(), request.method(), path, request.getHeaders(),
                request.getBody());
    }

    private static boolean isGatewayWatch(RecordedRequest request) {
        return isWatch(request) && ("Bearer " + MockCluster.TOKEN).equals(request.getHeader("Authorization"));
    }

    static boolean isWatch(RecordedRequest request) {
        return request.getPath().contains("watch=true");
    }

    private MockResponse podLog(String namespace, String pod, String path) {
        String text = podLogs.get(pod);
        if (text == null) {
            int exists = crud.handleGet("/api/v1/namespaces/" + namespace + "/pods/" + pod).code();
            if (exists == 404) {
                return statusResponse(404, "NotFound", "pods \"" + pod + "\" not found",
                        Map.of("name", pod, "kind", "pods"));
            }
            text = "";
        }
        Matcher tail = Pattern.compile("[?&]tailLines=(\\d+)").matcher(path);
        if (tail.find()) {
            List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n")));
            int keep = Integer.parseInt(tail.group(1));
            text = String.join("\n", lines.subList(Math.max(0, lines.size() - keep), lines.size())) + "\n";
        }
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", "text/plain").setBody(text);
    }

    static MockResponse statusResponse(int code, String reason, String message, Map<String, String> details) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json")
                .setBody(status(code, reason, message, details).toString());
    }

    private static ObjectNode status(int code, String reason, String message, Map<String, String> details) {
        ObjectNode status = JSON.createObjectNode().put("kind", "Status").put("apiVersion", "v1");
        status.putObject("metadata");
        status.put("status", "Failure").put("message", message).put("reason", reason).put("code", code);
        ObjectNode detailNode = status.putObject("details");
        details.forEach(detailNode::put);
        return status;
    }

    /** One kind of fault and how many more requests get it. */
    private record Fault(Predicate<RecordedRequest> matches, AtomicInteger remaining,
            java.util.function.Supplier<MockResponse> response) {
        Fault(Predicate<RecordedRequest> matches, int times, java.util.function.Supplier<MockResponse> response) {
            this(matches, new AtomicInteger(times), response);
        }
    }

    /** The CRUD dispatcher's watch, with its socket tracked so the test can quieten or close it. */
    private final class TrackedWatch extends WebSocketListener {

        private final WebSocketListener delegate;
        private volatile QuietableSocket socket;

        TrackedWatch(WebSocketListener delegate) {
            this.delegate = delegate;
        }

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            socket = new QuietableSocket(webSocket);
            openWatches.add(socket);
            watchesOpened.incrementAndGet();
            delegate.onOpen(socket, response);
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            delegate.onMessage(webSocket, text);
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            forget();
            delegate.onClosing(webSocket, code, reason);
        }

        @Override
        public void onClosed(WebSocket webSocket, int code, String reason) {
            forget();
            delegate.onClosed(webSocket, code, reason);
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable failure, Response response) {
            forget();
            delegate.onFailure(webSocket, failure, response);
        }

        private void forget() {
            if (socket != null) {
                openWatches.remove(socket);
            }
        }
    }

    /** A server-side watch socket that can be told to stop sending. */
    private static final class QuietableSocket implements WebSocket {

        private final WebSocket socket;
        private volatile boolean quiet;

        QuietableSocket(WebSocket socket) {
            this.socket = socket;
        }

        @Override
        public RecordedRequest request() {
            return socket.request();
        }

        @Override
        public boolean send(String text) {
            return quiet || socket.send(text);
        }

        @Override
        public boolean send(byte[] bytes) {
            return quiet || socket.send(bytes);
        }

        @Override
        public boolean close(int code, String reason) {
            return socket.close(code, reason);
        }
    }
}
