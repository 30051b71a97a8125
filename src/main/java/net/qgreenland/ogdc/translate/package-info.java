/**
 * Translation of recipes into Argo Workflows: the shared envelope (spec §3), the helper workflows (§4), and the
 * shell and visualization workflows (§5, §6). Recipe and settings in, workflow records out.
 *
 * <p>Pure: no I/O; settings arrive as a map. May import {@code recipe}, {@code argo.model} and the JDK;
 * {@code architecture.PureCoreTest} enforces it.
 */
package net.qgreenland.ogdc.translate;
