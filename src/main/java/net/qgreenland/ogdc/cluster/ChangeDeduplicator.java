package net.qgreenland.ogdc.cluster;

import java.util.HashMap;
import java.util.Map;

/**
 * Passes each workflow state on once: a state whose resource version was already delivered for that workflow is
 * dropped, and so is any state after a terminal one (a re-list after a reconnect can return an older copy). The
 * adapters put every state they read, from watches and from re-lists, through one of these per watch.
 */
final class ChangeDeduplicator {

    private final WorkflowListener listener;
    private final Map<String, WorkflowState> delivered = new HashMap<>();
    private final java.util.Set<String> gone = new java.util.HashSet<>();

    ChangeDeduplicator(WorkflowListener listener) {
        this.listener = listener;
    }

    /** Delivers {@code state} unless it is a repeat; returns whether it was delivered. */
    synchronized boolean offer(WorkflowState state) {
        WorkflowState previous = delivered.get(state.name());
        if (previous != null && (previous.isTerminal() || isSameVersion(previous, state))) {
            return false;
        }
        delivered.put(state.name(), state);
        listener.onChange(state);
        return true;
    }

    /**
     * Passes on that {@code name} was deleted, once, unless its final state was delivered (then it had ended); a
     * re-read stream can repeat the deletion.
     */
    synchronized void deleted(String name) {
        WorkflowState previous = delivered.get(name);
        if ((previous == null || !previous.isTerminal()) && gone.add(name)) {
            listener.onDeleted(name);
        }
    }

    void notice(String notice) {
        listener.onNotice(notice);
    }

    private static boolean isSameVersion(WorkflowState previous, WorkflowState state) {
        return !state.resourceVersion().isEmpty() && state.resourceVersion().equals(previous.resourceVersion());
    }
}
