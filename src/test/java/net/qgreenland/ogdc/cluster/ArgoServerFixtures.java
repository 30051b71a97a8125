package net.qgreenland.ogdc.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import net.qgreenland.ogdc.argo.model.ArgoDocuments;
import net.qgreenland.ogdc.argo.model.Workflow;

/** The Argo Server fixtures the gateway tests share: recorded-style workflow JSON, events, quick settings. */
final class ArgoServerFixtures {

    static final String TOKEN = "tok-9f8e7d6c5b4a-s3cr3t";
    static final String NAMESPACE = "qgnet";
    static final String NAME = "seal-tags-shell-x7k2p";
    static final String WORKFLOWS = "/api/v1/workflows/" + NAMESPACE;
    static final String EVENTS = "/api/v1/workflow-events/" + NAMESPACE;
    /** Three attempts, a few milliseconds apart. */
    static final TransientRetry QUICK_RETRY = new TransientRetry(3, Duration.ofMillis(1), Duration.ofMillis(5));

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ArgoServerFixtures() {}

    /** Settings for a fake server at {@code baseUrl}: the token, 5 s timeout, quick retries, polls and reconnects. */
    static ArgoServerSettings settings(String baseUrl) {
        return new ArgoServerSettings(URI.create(baseUrl), NAMESPACE, Optional.of(TOKEN), Optional.empty(), false,
                Duration.ofSeconds(5), QUICK_RETRY, Duration.ofMillis(20), Duration.ofMillis(10));
    }

    static String text(String fixture) {
        try (InputStream in = ArgoServerFixtures.class.getResourceAsStream("/fixtures/argo-server/" + fixture)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + fixture);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String fixture) {
        try {
            return MAPPER.readTree(text(fixture));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The workflow the submit tests send: generate-name {@code seal-tags-shell-}, namespace {@code other-namespace}. */
    static Workflow submitWorkflow() {
        return ArgoDocuments.fromYaml(text("submit-workflow.yaml"));
    }

    /** One server-sent event as the Argo Server writes it: {@code data: {"result":{"type":..,"object":..}}}. */
    static String event(String type, String fixture) {
        return "data: " + MAPPER.createObjectNode().set("result", MAPPER.createObjectNode().put("type", type)
                .set("object", json(fixture))) + "\n\n";
    }

    /** A list answer holding the workflows in {@code fixtures}. */
    static String list(String... fixtures) {
        return "{\"metadata\":{\"resourceVersion\":\"48300\"},\"items\":["
                + List.of(fixtures).stream().map(f -> json(f).toString()).collect(Collectors.joining(",")) + "]}";
    }

    static WorkflowState state(String fixture) {
        return WorkflowStates.fromJson(json(fixture));
    }

    /** Collects what a watch delivers, for assertions from the test thread. */
    static final class RecordingListener implements WorkflowListener {
        final List<WorkflowState> states = new CopyOnWriteArrayList<>();
        final List<String> notices = new CopyOnWriteArrayList<>();
        final List<String> deleted = new CopyOnWriteArrayList<>();

        @Override
        public void onChange(WorkflowState state) {
            states.add(state);
        }

        @Override
        public void onDeleted(String name) {
            deleted.add(name);
        }

        @Override
        public void onNotice(String notice) {
            notices.add(notice);
        }

        List<WorkflowPhase> phases() {
            return states.stream().map(WorkflowState::phase).toList();
        }

        boolean saw(WorkflowPhase phase) {
            return states.stream().anyMatch(s -> s.phase() == phase);
        }
    }
}
