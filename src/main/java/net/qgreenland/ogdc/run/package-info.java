/**
 * Running recipes from a change: finding the recipes a {@link net.qgreenland.ogdc.git.ChangeScope} selects at its
 * head commit, parsing and planning them ({@link net.qgreenland.ogdc.run.RunPlanAssembler}), then submitting,
 * watching and reporting them ({@link net.qgreenland.ogdc.run.RunPipeline}).
 *
 * <p>Orchestrates ports ({@code git.GitChanges}, {@code cluster.ArgoGateway}, {@code report.GitHubChecks}) and the
 * pure core ({@code change}, {@code plan}, {@code translate}); holds no vendor types itself.
 */
package net.qgreenland.ogdc.run;
