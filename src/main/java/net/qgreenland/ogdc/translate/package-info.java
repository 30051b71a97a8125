/**
 * Translation of recipes into Argo Workflows: the shared envelope (spec §3), the helper workflows (§4), and the
 * shell and visualization workflows (§5, §6). Recipe and settings in, workflow records out;
 * each parallel stage is a {@link net.qgreenland.ogdc.translate.FanOutStage} over a
 * {@link net.qgreenland.ogdc.translate.PartitionSource}.
 *
 * <p>The scripts that run inside workflow pods are class-path resources under {@code scripts/}, read as text by
 * {@link net.qgreenland.ogdc.translate.PodScripts} and executed by the tests with the real {@code sh} and
 * {@code python3}.
 *
 * <p>Pure: no I/O besides reading those resources; settings arrive as a map. May import {@code recipe},
 * {@code argo.model}, Jackson (to write and read JSON text: {@code --inputs}, {@code VIZ_WORKFLOW_RESOURCES}) and the
 * JDK; {@code architecture.PureCoreTest} enforces it.
 */
package net.qgreenland.ogdc.translate;
