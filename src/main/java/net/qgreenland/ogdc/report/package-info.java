/**
 * Reporting a run to GitHub: the run report model and its Markdown ({@code report.render}, pure), and publishing
 * through the {@link net.qgreenland.ogdc.report.GitHubChecks} port (check runs per recipe, one sticky pull-request
 * comment) with its adapter over the REST API, {@link net.qgreenland.ogdc.report.HttpGitHubChecks}.
 *
 * <p>Reporting never changes a recipe's outcome: a failed GitHub call is retried, then warned about, and the run
 * goes on. Limits (65,535 characters of check-run text, 50 annotations per request, 65,536 for a comment) are
 * constants next to the code that enforces them.
 */
package net.qgreenland.ogdc.report;
