package net.qgreenland.ogdc.cluster;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.qgreenland.ogdc.testing.LabelSelectorText;

/**
 * A WireMock Argo Server with state, for end-to-end runs (v3.5 REST API, namespace {@value #NAMESPACE}): a workflow
 * POSTed to {@code /api/v1/workflows/qgnet} gets a name ({@code generateName} and a counter) and is answered
 * Pending; read again, by name or in a list filtered by {@code listOptions.labelSelector}, it has Succeeded. The
 * event stream answers 501, as a server that cannot stream does, so watches poll the list. Other paths are 404.
 */
final class FakeArgoServer implements AutoCloseable {

    static final String NAMESPACE = "qgnet";
    static final String WORKFLOWS = "/api/v1/workflows/" + NAMESPACE;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern BY_NAME = Pattern.compile(WORKFLOWS + "/([a-z0-9][-a-z0-9.]*)");

    /** The server: {@code verify} and {@code findAll} what it was sent. */
    final WireMockServer server;
    private final Workflows workflows = new Workflows();

    private FakeArgoServer() {
        server = new WireMockServer(wireMockConfig().dynamicPort().extensions(workflows));
        server.start();
        server.stubFor(any(urlPathMatching(WORKFLOWS + "(/[^/]+)?")).willReturn(aResponse()
                .withTransformers(Workflows.NAME)));
        server.stubFor(get(urlPathEqualTo("/api/v1/workflow-events/" + NAMESPACE)).willReturn(aResponse()
                .withStatus(501).withHeader("Content-Type", "application/json")
                .withBody("{\"code\":12,\"message\":\"method WatchWorkflows not implemented\"}")));
    }

    static FakeArgoServer start() {
        return new FakeArgoServer();
    }

    String baseUrl() {
        return server.baseUrl();
    }

    /** The workflow bodies POSTed, in order ({@code {"workflow": {...}}}'s workflow). */
    List<JsonNode> submitted() {
        List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
        Collections.reverse(events);
        return events.stream().filter(e -> e.getRequest().getMethod().getName().equals("POST"))
                .map(e -> read(e.getRequest().getBodyAsString()).path("workflow")).toList();
    }

    @Override
    public void close() {
        server.stop();
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    /** The stored workflows and the answers made from them. */
    private static final class Workflows implements ResponseDefinitionTransformerV2 {
        static final String NAME = "ogdc-fake-argo-server";
        private final Map<String, ObjectNode> stored = new LinkedHashMap<>();
        private int created;

        @Override
        public synchronized ResponseDefinition transform(ServeEvent event) {
            String method = event.getRequest().getMethod().getName();
            String path = event.getRequest().getUrl().replaceAll("\\?.*", "");
            Matcher byName = BY_NAME.matcher(path);
            if (method.equals("POST") && path.equals(WORKFLOWS)) {
                return json(200, create((ObjectNode) read(event.getRequest().getBodyAsString()).path("workflow")));
            }
            if (method.equals("GET") && path.equals(WORKFLOWS)) {
                QueryParameter selector = event.getRequest().queryParameter("listOptions.labelSelector");
                ArrayNode items = JSON.createArrayNode();
                stored.values().stream()
                        .filter(w -> !selector.isPresent() || LabelSelectorText.matches(selector.firstValue(), w))
                        .forEach(items::add);
                ObjectNode list = JSON.createObjectNode();
                list.putObject("metadata").put("resourceVersion", Integer.toString(1000 + created));
                list.set("items", items);
                return json(200, list);
            }
            if (method.equals("GET") && byName.matches() && stored.containsKey(byName.group(1))) {
                return json(200, stored.get(byName.group(1)));
            }
            return json(404, JSON.createObjectNode().put("code", 5).put("message", "workflows.argoproj.io \""
                    + (byName.matches() ? byName.group(1) : path) + "\" not found"));
        }

        /** Stores {@code workflow} named, already Succeeded; answers it as just created. */
        private ObjectNode create(ObjectNode workflow) {
            created++;
            ObjectNode metadata = workflow.withObjectProperty("metadata");
            String name = metadata.path("generateName").asText("wf-") + String.format("%05d", created);
            metadata.put("name", name).put("namespace", NAMESPACE).put("uid", "uid-" + created)
                    .put("resourceVersion", Integer.toString(1000 + created))
                    .put("creationTimestamp", "2026-03-01T12:00:0" + Math.min(created, 9) + "Z");
            metadata.remove("generateName");
            ObjectNode finished = workflow.deepCopy();
            finished.putObject("status").put("phase", "Succeeded").put("progress", "1/1")
                    .put("startedAt", "2026-03-01T12:00:10Z").put("finishedAt", "2026-03-01T12:04:10Z");
            stored.put(name, finished);
            workflow.putObject("status");
            return workflow;
        }

        private static ResponseDefinition json(int status, JsonNode body) {
            return new ResponseDefinitionBuilder().withStatus(status).withHeader("Content-Type", "application/json")
                    .withBody(body.toString()).build();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }
    }
}
