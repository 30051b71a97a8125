package net.qgreenland.ogdc.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Workflow states held in memory, for a gateway that is its own store (the dry run): kept by name, found by labels
 * newest first, and watched with the port's contract (current states first, each state once).
 */
final class InMemoryWorkflows {

    private final Map<String, WorkflowState> states = new LinkedHashMap<>();
    private final List<Watcher> watchers = new CopyOnWriteArrayList<>();

    /** Keeps {@code state} (a new workflow, or a new state of one held) and tells the watchers it matches. */
    void put(WorkflowState state) {
        synchronized (this) {
            states.put(state.name(), state);
        }
        watchers.forEach(watcher -> watcher.offer(state));
    }

    synchronized Optional<WorkflowState> find(String name) {
        return Optional.ofNullable(states.get(name));
    }

    /** The states whose labels match {@code selector}, the most recently added first. */
    synchronized List<WorkflowState> find(LabelSelector selector) {
        List<WorkflowState> matching = new ArrayList<>();
        states.values().stream().filter(s -> selector.matches(s.labels())).forEach(s -> matching.add(0, s));
        return matching;
    }

    synchronized List<WorkflowState> all() {
        return List.copyOf(states.values());
    }

    synchronized void remove(String name) {
        states.remove(name);
    }

    WorkflowWatch watch(LabelSelector selector, WorkflowListener listener) {
        Watcher watcher = new Watcher(selector, new ChangeDeduplicator(listener));
        watchers.add(watcher);
        find(selector).forEach(watcher::offer);
        return () -> watchers.remove(watcher);
    }

    void closeWatches() {
        watchers.clear();
    }

    private record Watcher(LabelSelector selector, ChangeDeduplicator sink) {
        void offer(WorkflowState state) {
            if (selector.matches(state.labels())) {
                sink.offer(state);
            }
        }
    }
}
