/**
 * The run report as Markdown: a check run's title, summary, text and annotations per recipe, the sticky pull-request
 * comment and the job summary (with a Mermaid timeline of the stages and fan-out statistics), each cut to GitHub's
 * limit by {@link net.qgreenland.ogdc.report.render.TextBudget}; and as the report directory's {@code report.json}
 * (Jackson trees, no I/O) and CSV files.
 *
 * <p>Pure and deterministic: the model in {@code net.qgreenland.ogdc.report} carries every time shown; may import
 * {@code report}, {@code recipe} and Jackson only. {@code architecture.PureCoreTest} enforces the purity.
 */
package net.qgreenland.ogdc.report.render;
