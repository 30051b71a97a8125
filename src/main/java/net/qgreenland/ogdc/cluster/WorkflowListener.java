package net.qgreenland.ogdc.cluster;

/**
 * Receives what a {@link ArgoGateway#watch watch} sees. Called from the gateway's own thread, one call at a time;
 * implementations must be quick and must not throw.
 */
public interface WorkflowListener {

    /** A workflow matching the selector was added or changed; {@code state} is its whole new state. */
    void onChange(WorkflowState state);

    /**
     * Workflow {@code name}, which matched the selector, was deleted: it will not change again. A waiter for it need
     * not wait for the next periodic check to learn that it is gone.
     */
    default void onDeleted(String name) {}

    /** Something the user may want to know about the watch itself ("event stream dropped; reconnecting in 2s"). */
    default void onNotice(String notice) {}
}
