/**
 * The pre-flight estimate of a run: what its recipes' inputs are known to hold ({@link
 * net.qgreenland.ogdc.estimate.InputSize}), how their earlier runs went ({@link
 * net.qgreenland.ogdc.estimate.EarlierRuns}), and {@link net.qgreenland.ogdc.estimate.RecipeEstimator}, which turns
 * those and a recipe's {@link net.qgreenland.ogdc.translate.PodStages} into a {@link
 * net.qgreenland.ogdc.estimate.RecipeEstimate}: pods per stage, pod-hours and wall time, saying what they are based
 * on. {@link net.qgreenland.ogdc.estimate.EstimateRenderer} writes it. The model is described in the README's
 * "Pre-flight estimate".
 *
 * <p>Pure: sizes and history arrive as values (the {@code inputs} package and {@code run.RunHistory} look them up);
 * may import {@code recipe}, {@code translate}, Jackson and the JDK. {@code architecture.PureCoreTest} enforces it.
 */
package net.qgreenland.ogdc.estimate;
