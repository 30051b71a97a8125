package net.qgreenland.ogdc.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts finished workflows into a {@link MockCluster} as Argo leaves them: labelled as this program labels them,
 * with a phase, a finish time and pod nodes (display names as Argo writes them for items and retries) that ran for
 * given durations. The earlier runs a pre-flight estimate learns from.
 */
final class FinishedRuns implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KubernetesClient client;
    private final KubernetesArgoGateway gateway;

    FinishedRuns(MockCluster cluster) {
        this.client = cluster.server.createClient(new JdkHttpClientFactory());
        this.gateway = cluster.gateway();
    }

    /** The labels of a workflow this program submitted for {@code recipeId} in {@code role}. */
    static Map<String, String> labels(String recipeId, RunLabels.Role role) {
        return Map.of(RunLabels.MANAGED_BY, RunLabels.MANAGER, RunLabels.RECIPE_ID, recipeId, RunLabels.ROLE,
                role.label());
    }

    /**
     * Workflow {@code name} with {@code labels}, ended in {@code phase} at {@code finishedAt}; {@code pods} gives,
     * per stage, each pod's duration in seconds (every pod {@code Succeeded}, all starting an hour before the end).
     */
    FinishedRuns add(String name, Map<String, String> labels, String phase, Instant finishedAt,
            Map<String, List<Integer>> pods) {
        gateway.submit(MockCluster.namedWorkflow(name, labels));
        ObjectNode status = JSON.createObjectNode().put("phase", phase)
                .put("startedAt", finishedAt.minus(Duration.ofHours(1)).toString())
                .put("finishedAt", finishedAt.toString());
        ObjectNode nodes = status.putObject("nodes");
        nodes.putObject(name).put("id", name).put("name", name).put("displayName", name).put("type", "DAG")
                .put("phase", phase);
        Map<String, Integer> counter = new LinkedHashMap<>();
        pods.forEach((stage, seconds) -> {
            for (int i = 0; i < seconds.size(); i++) {
                String id = name + "-" + counter.merge("n", 1, Integer::sum);
                String display = seconds.size() == 1 ? stage : stage + "(" + i + ":{\"partition_id\":" + i + "})";
                Instant start = finishedAt.minus(Duration.ofHours(1));
                nodes.putObject(id).put("id", id).put("name", name + "." + display).put("displayName", display)
                        .put("templateName", stage).put("type", "Pod").put("phase", "Succeeded")
                        .put("startedAt", start.toString())
                        .put("finishedAt", start.plusSeconds(seconds.get(i)).toString());
            }
        });
        ObjectNode patch = JSON.createObjectNode();
        patch.set("status", status);
        client.genericKubernetesResources(KubernetesArgoGateway.WORKFLOWS).inNamespace(MockCluster.NAMESPACE)
                .withName(name).patch(PatchContext.of(PatchType.JSON_MERGE), patch.toString());
        return this;
    }

    @Override
    public void close() {
        gateway.close();
        client.close();
    }
}
