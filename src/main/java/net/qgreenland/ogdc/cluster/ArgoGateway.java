package net.qgreenland.ogdc.cluster;

import java.util.List;
import java.util.Optional;
import net.qgreenland.ogdc.argo.model.Workflow;

/**
 * Port: the workflows of one namespace of one cluster. Adapters: {@code ArgoServerGateway} (Argo Server REST),
 * {@code KubernetesArgoGateway} (the Kubernetes API through Fabric8) and {@link RenderingArgoGateway} (a dry run
 * that writes what would be submitted and submits nothing).
 *
 * <p>Every method either does what it says or throws {@link ClusterException} naming the server, the namespace and
 * the workflow; transient failures (HTTP 5xx and 429, dropped connections) are retried inside the adapter first.
 * No message ever contains the token.
 */
public interface ArgoGateway extends AutoCloseable {

    /** Where workflows go, for messages: {@code Argo Server https://argo:2746, namespace qgnet}. */
    String describe();

    /** The namespace workflows are created and looked up in. */
    String namespace();

    /**
     * Creates {@code workflow} (its {@code generateName} completed by the server) and returns it as created: named,
     * usually {@link WorkflowPhase#PENDING}; a dry run returns it {@link WorkflowPhase#NOT_SUBMITTED}.
     */
    WorkflowState submit(Workflow workflow);

    /** The workflows whose labels match {@code selector}, newest first. */
    List<WorkflowState> find(LabelSelector selector);

    /** The workflow called {@code name}, if it exists. */
    Optional<WorkflowState> findByName(String name);

    /**
     * Starts delivering every change of the workflows matching {@code selector} to {@code listener}, beginning
     * with their current states, until the watch is closed.
     *
     * <p>Contract: a dropped connection is resumed (re-reading current states, so nothing that happened meanwhile
     * is lost), and a state already delivered (same name and resource version) is not delivered again, so a final
     * state arrives exactly once.
     */
    WorkflowWatch watch(LabelSelector selector, WorkflowListener listener);

    /** Asks Argo to stop the workflow: running steps finish their exit handlers, no new steps start. */
    void stop(String name, String message);

    /** Asks Argo to terminate the workflow at once, without exit handlers. */
    void terminate(String name);

    /** Deletes the workflow (used for the check-published helper once read, as the Python runner does). */
    void delete(String name);

    /**
     * The last {@code lines} lines of the {@code main} container of each failed pod node of {@code workflow}; a log
     * that cannot be read is reported in its {@link NodeLog#problem()}, not thrown.
     */
    List<NodeLog> failedNodeLogs(WorkflowState workflow, int lines);

    @Override
    void close();
}
