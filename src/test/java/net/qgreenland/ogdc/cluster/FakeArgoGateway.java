package net.qgreenland.ogdc.cluster;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import net.qgreenland.ogdc.argo.model.Workflow;

/**
 * An in-memory cluster for tests of what is built on the port: names workflows as the API server does, keeps their
 * states, lets the test move them along (or do so on submit, through {@link #onSubmit}), and records every call.
 */
final class FakeArgoGateway implements ArgoGateway {

    final InMemoryWorkflows workflows = new InMemoryWorkflows();
    final List<Workflow> submitted = new CopyOnWriteArrayList<>();
    final List<String> stopped = new CopyOnWriteArrayList<>();
    final List<String> terminated = new CopyOnWriteArrayList<>();
    final List<String> deleted = new CopyOnWriteArrayList<>();
    /** The selector of every {@link #find}, in order. */
    final List<LabelSelector> finds = new CopyOnWriteArrayList<>();
    private int created;
    private long version;
    /** Called after each submit with the new state; tests use it to move the workflow along. */
    BiConsumer<FakeArgoGateway, WorkflowState> onSubmit = (cluster, state) -> {};
    /** Thrown by submit when set. */
    ClusterException submitFailure;
    /** Thrown by the next find when set, once. */
    volatile ClusterException nextFindFailure;
    /** The log tail of every failed pod node. */
    List<String> failedLogLines = List.of("gdalwarp: ERROR 4");

    @Override
    public String describe() {
        return "fake cluster, namespace qgnet";
    }

    @Override
    public String namespace() {
        return "qgnet";
    }

    @Override
    public WorkflowState submit(Workflow workflow) {
        if (submitFailure != null) {
            throw submitFailure;
        }
        WorkflowState state;
        synchronized (this) {
            created++;
            String name = workflow.metadata().generateName().orElseThrow() + String.format("%05d", created);
            state = new WorkflowState(name, "qgnet", Long.toString(++version), WorkflowPhase.PENDING,
                    Optional.empty(), Optional.of(Instant.ofEpochSecond(1_700_000_000L + created)), Optional.empty(),
                    Optional.empty(), Optional.empty(), workflow.metadata().labels(),
                    workflow.metadata().annotations(), List.of());
            submitted.add(workflow);
        }
        workflows.put(state);
        onSubmit.accept(this, state);
        return state;
    }

    /** Moves {@code name} to {@code phase}, with {@code nodes} and a message, and tells the watchers. */
    WorkflowState advance(String name, WorkflowPhase phase, List<NodeState> nodes, Optional<String> message) {
        WorkflowState next;
        synchronized (this) {
            WorkflowState current = workflows.find(name).orElseThrow();
            Instant start = Instant.ofEpochSecond(1_700_000_100L);
            next = new WorkflowState(name, current.namespace(), Long.toString(++version), phase,
                    Optional.of(phase.isTerminal() ? "1/1" : "0/1"), current.createdAt(), Optional.of(start),
                    phase.isTerminal() ? Optional.of(start.plusSeconds(252)) : Optional.empty(), message,
                    current.labels(), current.annotations(), nodes);
        }
        workflows.put(next);
        return next;
    }

    WorkflowState advance(String name, WorkflowPhase phase) {
        return advance(name, phase, List.of(), Optional.empty());
    }

    /** Ends a check-published workflow with {@code answer} as its output. */
    void answerCheck(String name, String answer) {
        advance(name, WorkflowPhase.SUCCEEDED, List.of(new NodeState(name + "-1", name + "[0].check", "check",
                "check-already-published", "Pod", "Succeeded", Optional.empty(), Map.of("data-published", answer),
                Optional.empty(), Optional.empty())), Optional.empty());
    }

    /** The submitted workflows with label {@code ogdc/role} = {@code role}. */
    List<Workflow> submittedAs(RunLabels.Role role) {
        return submitted.stream().filter(w -> role.label().equals(w.metadata().labels().get(RunLabels.ROLE))).toList();
    }

    @Override
    public List<WorkflowState> find(LabelSelector selector) {
        finds.add(selector);
        ClusterException failure = nextFindFailure;
        if (failure != null) {
            nextFindFailure = null;
            throw failure;
        }
        return workflows.find(selector);
    }

    @Override
    public Optional<WorkflowState> findByName(String name) {
        return workflows.find(name);
    }

    @Override
    public WorkflowWatch watch(LabelSelector selector, WorkflowListener listener) {
        return workflows.watch(selector, listener);
    }

    @Override
    public void stop(String name, String message) {
        stopped.add(name);
    }

    @Override
    public void terminate(String name) {
        terminated.add(name);
    }

    @Override
    public void delete(String name) {
        deleted.add(name);
        workflows.remove(name);
    }

    @Override
    public List<NodeLog> failedNodeLogs(WorkflowState workflow, int lines) {
        return workflow.failedPods().stream()
                .map(n -> new NodeLog(n.displayName(), PodNames.of(workflow, n), failedLogLines, Optional.empty()))
                .toList();
    }

    @Override
    public void close() {
        workflows.closeWatches();
    }
}
