package net.qgreenland.ogdc.cluster;

/**
 * One watcher of a gateway that holds its workflows itself (the dry run): passes on the states its selector matches,
 * once each.
 */
record SelectedChanges(LabelSelector selector, ChangeDeduplicator sink) {

    SelectedChanges(LabelSelector selector, WorkflowListener listener) {
        this(selector, new ChangeDeduplicator(listener));
    }

    void offer(WorkflowState state) {
        if (selector.matches(state.labels())) {
            sink.offer(state);
        }
    }
}
