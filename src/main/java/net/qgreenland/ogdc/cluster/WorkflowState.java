package net.qgreenland.ogdc.cluster;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A workflow as the cluster last reported it: identity, labels and the parts of {@code status} this program reads.
 *
 * @param name the workflow's name ({@code seal-tags-shell-x7k2p}); for a dry run, the generate-name without its dash
 * @param namespace where it lives
 * @param resourceVersion Kubernetes' version of this state (opaque; empty for a dry run): two states of one workflow
 *     with the same resource version are the same state
 * @param phase its phase ({@link WorkflowPhase#PENDING} until the controller sets one)
 * @param progress Argo's {@code status.progress}, finished pods over all pods ({@code 3/10})
 * @param createdAt {@code metadata.creationTimestamp}
 * @param startedAt {@code status.startedAt}
 * @param finishedAt {@code status.finishedAt}
 * @param message {@code status.message}: why it failed, or what a dry run did with it
 * @param labels {@code metadata.labels}
 * @param annotations {@code metadata.annotations} (Argo keeps its pod-name format there)
 * @param nodes {@code status.nodes}, in no particular order
 * @see <a href="https://argo-workflows.readthedocs.io/en/latest/fields/#workflowstatus">WorkflowStatus</a>
 */
public record WorkflowState(
        String name, String namespace, String resourceVersion, WorkflowPhase phase, Optional<String> progress,
        Optional<Instant> createdAt, Optional<Instant> startedAt, Optional<Instant> finishedAt,
        Optional<String> message, Map<String, String> labels, Map<String, String> annotations,
        List<NodeState> nodes) {

    public WorkflowState {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(resourceVersion, "resourceVersion");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(message, "message");
        labels = Map.copyOf(labels);
        annotations = Map.copyOf(annotations);
        nodes = List.copyOf(nodes);
    }

    public boolean isTerminal() {
        return phase.isTerminal();
    }

    /** The pod nodes that failed, for their logs. */
    public List<NodeState> failedPods() {
        return nodes.stream().filter(NodeState::isFailedPod).toList();
    }

    /** The output parameter {@code parameter} of the first node that ran template {@code template}. */
    public Optional<String> findOutput(String template, String parameter) {
        return nodes.stream()
                .filter(n -> n.templateName().equals(template))
                .map(n -> n.outputParameters().get(parameter))
                .filter(Objects::nonNull)
                .findFirst();
    }

    /** How many pod nodes are in each phase, e.g. {@code {Succeeded=3, Running=2}}. */
    public Map<String, Long> podCounts() {
        return nodes.stream().filter(NodeState::isPod).collect(java.util.stream.Collectors.groupingBy(
                NodeState::phase, java.util.TreeMap::new, java.util.stream.Collectors.counting()));
    }
}
