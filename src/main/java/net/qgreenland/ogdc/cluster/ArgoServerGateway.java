package net.qgreenland.ogdc.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import net.qgreenland.ogdc.argo.model.ArgoDocuments;
import net.qgreenland.ogdc.argo.model.Workflow;

/**
 * The {@link ArgoGateway} of an Argo Server (v3.5 or later), through its REST API and workflow event stream.
 *
 * @see <a href="https://argo-workflows.readthedocs.io/en/latest/swagger/">the Argo Server API</a>
 */
public final class ArgoServerGateway implements ArgoGateway {

    /** A workflow name as Kubernetes allows it (RFC 1123 subdomain), so it can go into a URL path as it is. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");
    private static final Comparator<WorkflowState> NEWEST_FIRST = Comparator
            .comparing((WorkflowState s) -> s.createdAt().orElse(Instant.MIN)).reversed()
            .thenComparing(WorkflowState::name, Comparator.reverseOrder());

    private final ArgoServerSettings settings;
    private final ArgoServerHttp http;
    private final Set<ArgoEventStream> watches = ConcurrentHashMap.newKeySet();

    ArgoServerGateway(ArgoServerSettings settings, ArgoServerHttp http) {
        this.settings = settings;
        this.http = http;
    }

    /**
     * A gateway to {@code settings}' server and namespace; {@code log} receives one-line progress notes (retries,
     * submissions, a TLS warning), never the token. Nothing is sent until the first call.
     *
     * @throws ClusterException if the CA bundle cannot be read
     */
    public static ArgoServerGateway connect(ArgoServerSettings settings, Consumer<String> log) {
        ArgoServerHttp http = new ArgoServerHttp(settings, ArgoServerHttp.newClient(settings, log), log);
        return new ArgoServerGateway(settings, http);
    }

    @Override
    public String describe() {
        return http.redactor().redact("Argo Server " + settings.server() + ", namespace " + settings.namespace());
    }

    @Override
    public String namespace() {
        return settings.namespace();
    }

    @Override
    public WorkflowState submit(Workflow workflow) {
        String shown = workflow.metadata().name().or(() -> workflow.metadata().generateName()).orElse("(unnamed)");
        ObjectNode tree = (ObjectNode) ArgoDocuments.toTree(workflow);
        // the server creates it in the namespace of the URL and rejects a body naming another one
        tree.withObjectProperty("metadata").put("namespace", settings.namespace());
        ObjectNode body = ArgoServerHttp.MAPPER.createObjectNode().set("workflow", tree);
        ArgoServerHttp.Call call = new ArgoServerHttp.Call("submitting Workflow '" + shown + "' to " + http.where(),
                "POST", workflows(), Optional.of(body), ArgoServerHttp.Kind.CREATE);
        JsonNode created = http.json(call);
        if (created.path("metadata").path("name").asText("").isEmpty()) {
            throw new ClusterException(ClusterException.Reason.OTHER, call.attempt() + " failed: the server's answer"
                    + " names no workflow (no metadata.name), so it cannot be followed; look for it by its labels");
        }
        WorkflowState state = WorkflowStates.fromJson(created);
        http.log("submitted Workflow '" + state.name() + "' to " + http.where());
        return state;
    }

    @Override
    public List<WorkflowState> find(LabelSelector selector) {
        ArgoServerHttp.Call call = new ArgoServerHttp.Call("listing Workflows labelled '" + selector + "' in "
                + http.where(), "GET", workflows() + "?listOptions.labelSelector="
                + ArgoServerHttp.encode(selector.toString()), Optional.empty(), ArgoServerHttp.Kind.READ);
        List<WorkflowState> found = new ArrayList<>();
        for (JsonNode item : http.json(call).path("items")) {
            if (item.isObject() && !item.path("metadata").path("name").asText("").isEmpty()) {
                found.add(WorkflowStates.fromJson(item));
            }
        }
        found.sort(NEWEST_FIRST);
        return List.copyOf(found);
    }

    @Override
    public Optional<WorkflowState> findByName(String name) {
        return http.jsonIfFound(new ArgoServerHttp.Call("reading Workflow '" + name + "' in " + http.where(), "GET",
                workflow(name), Optional.empty(), ArgoServerHttp.Kind.READ)).map(WorkflowStates::fromJson);
    }

    @Override
    public WorkflowWatch watch(LabelSelector selector, WorkflowListener listener) {
        ArgoEventStream watch = ArgoEventStream.start(http, settings, selector, listener, () -> find(selector),
                watches::remove);
        watches.add(watch);
        return watch;
    }

    @Override
    public void stop(String name, String message) {
        ObjectNode body = request(name).put("message", message);
        http.json(new ArgoServerHttp.Call("stopping Workflow '" + name + "' in " + http.where(), "PUT",
                workflow(name) + "/stop", Optional.of(body), ArgoServerHttp.Kind.UPDATE));
        http.log("asked Argo to stop Workflow '" + name + "'");
    }

    @Override
    public void terminate(String name) {
        http.json(new ArgoServerHttp.Call("terminating Workflow '" + name + "' in " + http.where(), "PUT",
                workflow(name) + "/terminate", Optional.of(request(name)), ArgoServerHttp.Kind.UPDATE));
        http.log("asked Argo to terminate Workflow '" + name + "'");
    }

    /** Deletes the workflow; one that is already gone (a repeated request, its TTL) counts as deleted. */
    @Override
    public void delete(String name) {
        Optional<JsonNode> answer = http.jsonIfFound(new ArgoServerHttp.Call("deleting Workflow '" + name + "' in "
                + http.where(), "DELETE", workflow(name), Optional.empty(), ArgoServerHttp.Kind.UPDATE));
        http.log(answer.isPresent() ? "deleted Workflow '" + name + "'" : "Workflow '" + name + "' was already gone");
    }

    @Override
    public List<NodeLog> failedNodeLogs(WorkflowState workflow, int lines) {
        if (lines < 1) {
            throw new IllegalArgumentException("lines must be at least 1, not " + lines);
        }
        List<NodeLog> logs = new ArrayList<>();
        for (NodeState node : workflow.failedPods()) {
            String pod = PodNames.of(workflow, node);
            ArgoServerHttp.Call call = new ArgoServerHttp.Call("reading the log of pod '" + pod + "' of Workflow '"
                    + workflow.name() + "' in " + http.where(), "GET", workflow(workflow.name()) + "/log?podName="
                    + ArgoServerHttp.encode(pod) + "&logOptions.container=main&logOptions.tailLines=" + lines,
                    Optional.empty(), ArgoServerHttp.Kind.READ);
            try {
                logs.add(new NodeLog(node.displayName(), pod, readLog(call, lines), Optional.empty()));
            } catch (ClusterException e) {
                logs.add(new NodeLog(node.displayName(), pod, List.of(), Optional.of(e.getMessage())));
            }
        }
        return List.copyOf(logs);
    }

    /** Closes every watch still open. */
    @Override
    public void close() {
        for (ArgoEventStream watch : List.copyOf(watches)) {
            watch.close();
        }
    }

    /** The watches still open (for tests). */
    Set<ArgoEventStream> openWatches() {
        return Set.copyOf(watches);
    }

    /** The last {@code lines} log lines in the answer: NDJSON or SSE, {@code {"result":{"content":...}}} each. */
    private List<String> readLog(ArgoServerHttp.Call call, int lines) {
        HttpResponse<InputStream> response = http.stream(call);
        Deque<String> tail = new ArrayDeque<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(),
                StandardCharsets.UTF_8))) {
            EventStreamDecoder decoder = new EventStreamDecoder();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                decoder.accept(line).ifPresent(message -> keep(call, message, tail, lines));
            }
            decoder.finish().ifPresent(message -> keep(call, message, tail, lines));
        } catch (IOException | UncheckedIOException e) {
            throw new ClusterException(ClusterException.Reason.UNAVAILABLE, http.redactor().redact(call.attempt()
                    + " failed: the answer broke off (" + http.redactor().describe(e) + ")"));
        }
        return List.copyOf(tail);
    }

    private void keep(ArgoServerHttp.Call call, String message, Deque<String> tail, int lines) {
        JsonNode entry;
        try {
            entry = ArgoServerHttp.MAPPER.readTree(message);
        } catch (IOException e) {
            return;
        }
        if (entry.has("error")) {
            throw new ClusterException(ClusterException.Reason.OTHER, http.redactor().redact(call.attempt()
                    + " failed: the server reported: " + entry.path("error").path("message").asText("an error")));
        }
        JsonNode content = entry.path("result").path("content");
        if (content.isTextual()) {
            tail.addLast(http.redactor().redact(content.asText()));
            if (tail.size() > lines) {
                tail.removeFirst();
            }
        }
    }

    private ObjectNode request(String name) {
        return ArgoServerHttp.MAPPER.createObjectNode().put("namespace", settings.namespace()).put("name", name);
    }

    private String workflows() {
        return "/api/v1/workflows/" + settings.namespace();
    }

    private String workflow(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a workflow name");
        }
        return workflows() + "/" + name;
    }
}
