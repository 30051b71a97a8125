package net.qgreenland.ogdc.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plays Argo's workflow controller against the mock API server, one step per {@link #advance} call: a submitted
 * workflow becomes {@code Pending}, then {@code Running} (progress {@code 1/3}, three pod nodes), then the outcome
 * its {@value #OUTCOME_LABEL} label names (else the one {@link #endMainWorkflowsOf} set for its recipe, else
 * {@code Succeeded}), with a failed pod node for {@code Failed} and {@code Error}.
 */
final class ArgoTestController {

    static final String OUTCOME_LABEL = "test.ogdc/outcome";
    static final Instant STARTED = Instant.parse("2026-03-01T12:00:00Z");
    static final Instant FINISHED = Instant.parse("2026-03-01T12:04:10Z");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KubernetesClient client;
    private final String namespace;
    private final Map<String, String> outcomes = new ConcurrentHashMap<>();

    ArgoTestController(KubernetesClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
    }

    /**
     * From now on the main workflows of recipe {@code recipeId} end {@code phase} ({@code Failed}, {@code Error}),
     * as if their steps did, unless their {@value #OUTCOME_LABEL} label says otherwise.
     */
    void endMainWorkflowsOf(String recipeId, String phase) {
        outcomes.put(recipeId, phase);
    }

    /** Moves {@code name} one step on and returns the phase it now has. */
    WorkflowPhase advance(String name) {
        GenericKubernetesResource current = workflow(name).require();
        JsonNode tree = JSON.valueToTree(current);
        String phase = tree.path("status").path("phase").asText("");
        JsonNode labels = tree.path("metadata").path("labels");
        String planned = "main".equals(labels.path(RunLabels.ROLE).asText())
                ? outcomes.getOrDefault(labels.path(RunLabels.RECIPE_ID).asText(), "Succeeded") : "Succeeded";
        String outcome = labels.path(OUTCOME_LABEL).asText(planned);
        ObjectNode status = JSON.createObjectNode();
        switch (phase) {
            case "":
                status.put("phase", "Pending").put("progress", "0/3");
                break;
            case "Pending":
                status.put("phase", "Running").put("progress", "1/3").put("startedAt", STARTED.toString());
                status.set("nodes", nodes(name, "Succeeded", "Running", "Pending", ""));
                break;
            case "Running":
                finish(name, outcome, status);
                break;
            default:
                throw new IllegalStateException(name + " has already finished: " + phase);
        }
        ObjectNode patch = JSON.createObjectNode();
        patch.set("status", status);
        workflow(name).patch(PatchContext.of(PatchType.JSON_MERGE), patch.toString());
        return WorkflowPhase.fromArgo(status.path("phase").asText());
    }

    /** Deletes workflow {@code name}, as {@code argo delete} (or its TTL) would. */
    void delete(String name) {
        client.genericKubernetesResources(KubernetesArgoGateway.WORKFLOWS).inNamespace(namespace).withName(name)
                .delete();
    }

    /** Advances {@code name} until it has finished. */
    void finish(String name) {
        while (!advance(name).isTerminal()) {
            // one more step
        }
    }

    private void finish(String name, String outcome, ObjectNode status) {
        status.put("phase", outcome).put("finishedAt", FINISHED.toString());
        if (outcome.equals("Succeeded")) {
            status.put("progress", "3/3");
            status.set("nodes", nodes(name, "Succeeded", "Succeeded", "Succeeded", ""));
        } else {
            String message = outcome.equals("Failed") ? "Error (exit code 3)" : "pod deleted";
            status.put("progress", "2/3").put("message", "child '" + name + "-2' failed");
            status.set("nodes", nodes(name, "Succeeded", outcome, "Succeeded", message));
        }
    }

    /** The workflow's own Steps node and three pod nodes {@code cmd-0..2} in the given phases. */
    private static ObjectNode nodes(String name, String first, String second, String third, String message) {
        ObjectNode nodes = JSON.createObjectNode();
        ObjectNode root = nodes.putObject(name);
        root.put("id", name).put("name", name).put("displayName", name).put("type", "Steps")
                .put("templateName", "main").put("phase", second.equals("Succeeded") ? third : second);
        String[] phases = {first, second, third};
        for (int i = 0; i < 3; i++) {
            ObjectNode pod = nodes.putObject(nodeId(name, i));
            pod.put("id", nodeId(name, i)).put("name", name + "[" + i + "].cmd-" + i).put("displayName", "cmd-" + i)
                    .put("type", "Pod").put("templateName", "cmd").put("phase", phases[i]);
            // pods start 10 s apart and take a minute, so reports have a timeline to draw
            if (!phases[i].equals("Pending")) {
                pod.put("startedAt", STARTED.plusSeconds(10L * i).toString());
            }
            if (!phases[i].equals("Pending") && !phases[i].equals("Running")) {
                pod.put("finishedAt", STARTED.plusSeconds(10L * i + 60).toString());
            }
            if (i == 1 && !message.isEmpty()) {
                pod.put("message", message);
            }
        }
        return nodes;
    }

    static String nodeId(String workflow, int index) {
        return workflow + "-" + (index + 1);
    }

    /** Creates the pod Argo would have made for {@code node}, called {@code podName}, labelled and annotated. */
    Pod createPod(String podName, WorkflowState workflow, NodeState node) {
        return client.pods().inNamespace(namespace).resource(new PodBuilder()
                .withNewMetadata().withName(podName).withNamespace(namespace)
                .withLabels(Map.of(KubernetesArgoGateway.WORKFLOW_LABEL, workflow.name()))
                .withAnnotations(Map.of(KubernetesArgoGateway.NODE_ID_ANNOTATION, node.id()))
                .endMetadata()
                .withNewSpec().addNewContainer().withName("main").withImage("alpine:3.20").endContainer()
                .endSpec()
                .withNewStatus().withPhase("Failed").endStatus()
                .build()).create();
    }

    GenericKubernetesResource stored(String name) {
        return workflow(name).get();
    }

    private Resource<GenericKubernetesResource> workflow(String name) {
        return client.genericKubernetesResources(KubernetesArgoGateway.WORKFLOWS).inNamespace(namespace)
                .withName(name);
    }
}
