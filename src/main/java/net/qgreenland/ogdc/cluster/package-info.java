/**
 * Submitting workflows to the cluster and watching them: the {@link net.qgreenland.ogdc.cluster.ArgoGateway} port
 * and its adapters ({@code ArgoServerGateway}: Argo Server REST and its event stream; {@code KubernetesArgoGateway}:
 * Fabric8; {@link net.qgreenland.ogdc.cluster.RenderingArgoGateway}: the dry run), and what is built on the port
 * alone: idempotent submission by labels, the helper workflows of spec §4, waiting with a timeout.
 *
 * <p>Vendor types (Fabric8, {@code java.net.http}, Jackson trees of Argo's JSON) stay inside the adapters and are
 * turned into {@link net.qgreenland.ogdc.cluster.WorkflowState} records at the boundary. Secrets never reach a
 * message: adapters redact the token from everything they report.
 */
package net.qgreenland.ogdc.cluster;
