/**
 * Running recipes from a change: finding the recipes a {@link net.qgreenland.ogdc.git.ChangeScope} selects at its
 * head commit, parsing and planning them ({@link net.qgreenland.ogdc.run.RunPlanAssembler}); later submitting,
 * watching and reporting.
 *
 * <p>Orchestrates ports ({@code git.GitChanges}) and the pure core ({@code change}, {@code plan}); holds no vendor
 * types itself.
 */
package net.qgreenland.ogdc.run;
