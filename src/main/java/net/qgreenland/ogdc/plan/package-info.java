/**
 * What a change would do, before anything runs: {@link net.qgreenland.ogdc.plan.RunPlanner} turns the recipes a
 * change selected (or the ones named) into a {@link net.qgreenland.ogdc.plan.RunPlan}, one
 * {@link net.qgreenland.ogdc.plan.RecipePlan} per recipe (run, validate only, removed or invalid, why, and what would
 * be submitted), and {@link net.qgreenland.ogdc.plan.PlanRenderer} writes it as text, Markdown or JSON.
 *
 * <p>Pure: recipe files arrive through a function the caller gives; may import {@code recipe}, {@code change},
 * {@code translate} and {@code argo.model}. {@code architecture.PureCoreTest} enforces it.
 */
package net.qgreenland.ogdc.plan;
