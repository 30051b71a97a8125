package net.qgreenland.ogdc.cluster;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One node of a workflow's {@code status.nodes} (a pod, a steps or DAG group, a retry), reduced to what reports and
 * the helper workflows read.
 *
 * @param id the node id ({@code status.nodes} key)
 * @param name the node's full name ({@code seal-tags-shell-x7k2p[0].cmd-0}), which Argo's pod names hash
 * @param displayName the short name shown in the UI ({@code cmd-0})
 * @param templateName the template the node ran, empty for the workflow's own node in some versions
 * @param type {@code Pod}, {@code Steps}, {@code DAG}, {@code Retry}, {@code StepGroup}, {@code TaskGroup}, ...
 * @param phase the node's phase, Argo's spelling ({@code Succeeded}, {@code Failed}, {@code Error}, ...)
 * @param message why the node failed, when Argo says
 * @param outputParameters the node's {@code outputs.parameters}, name to value
 * @param startedAt {@code startedAt}, when Argo says (reports time stages from it)
 * @param finishedAt {@code finishedAt}, once the node ended
 * @see <a href="https://argo-workflows.readthedocs.io/en/latest/fields/#nodestatus">NodeStatus</a>
 */
public record NodeState(
        String id, String name, String displayName, String templateName, String type, String phase,
        Optional<String> message, Map<String, String> outputParameters, Optional<Instant> startedAt,
        Optional<Instant> finishedAt) {

    public NodeState {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(templateName, "templateName");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(message, "message");
        outputParameters = Map.copyOf(outputParameters);
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
    }

    public boolean isPod() {
        return type.equals("Pod");
    }

    /** A pod that ended {@code Failed} or {@code Error}: the nodes whose logs say what went wrong. */
    public boolean isFailedPod() {
        return isPod() && (phase.equals("Failed") || phase.equals("Error"));
    }
}
