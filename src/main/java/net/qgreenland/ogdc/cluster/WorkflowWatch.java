package net.qgreenland.ogdc.cluster;

/** A running {@link ArgoGateway#watch watch}; closing it stops delivery and releases its connection. */
public interface WorkflowWatch extends AutoCloseable {

    @Override
    void close();
}
