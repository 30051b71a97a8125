/**
 * The run report as Markdown: a check run's title, summary, text and annotations per recipe, the sticky pull-request
 * comment and the job summary, each cut to GitHub's limit by {@link net.qgreenland.ogdc.report.render.TextBudget}.
 *
 * <p>Pure and deterministic: the model in {@code net.qgreenland.ogdc.report} carries every time shown; may import
 * {@code report} and {@code recipe} only. {@code architecture.PureCoreTest} enforces it.
 */
package net.qgreenland.ogdc.report.render;
