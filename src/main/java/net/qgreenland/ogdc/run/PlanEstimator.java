package net.qgreenland.ogdc.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import net.qgreenland.ogdc.estimate.EarlierRuns;
import net.qgreenland.ogdc.estimate.InputSize;
import net.qgreenland.ogdc.estimate.RecipeEstimator;
import net.qgreenland.ogdc.inputs.InputProbe;
import net.qgreenland.ogdc.plan.PlanStatus;
import net.qgreenland.ogdc.plan.RecipePlan;
import net.qgreenland.ogdc.plan.RunPlan;
import net.qgreenland.ogdc.recipe.Recipe;
import net.qgreenland.ogdc.recipe.RecipeInput;
import net.qgreenland.ogdc.translate.PodStages;
import net.qgreenland.ogdc.translate.RecipeTranslator;

/**
 * Adds the pre-flight estimate to a plan: for each recipe it runs, the pod stages of its main workflow, the sizes of
 * its inputs (looked up once for the whole plan, through the {@link InputProbe}) and its earlier runs (through the
 * {@link RunHistory}) go to the {@link RecipeEstimator}. A recipe whose estimate cannot be made is left without one,
 * with a warning: estimating never fails a plan.
 */
public final class PlanEstimator {

    private final RecipeTranslator translator;
    private final InputProbe probe;
    private final RunHistory history;
    private final RecipeEstimator estimator;
    private final Consumer<String> log;

    public PlanEstimator(RecipeTranslator translator, InputProbe probe, RunHistory history, RecipeEstimator estimator,
            Consumer<String> log) {
        this.translator = Objects.requireNonNull(translator, "translator");
        this.probe = Objects.requireNonNull(probe, "probe");
        this.history = Objects.requireNonNull(history, "history");
        this.estimator = Objects.requireNonNull(estimator, "estimator");
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * {@code plan} with an estimate for each recipe it runs.
     *
     * @param recipes the recipes the plan runs, by directory ({@link RunPlanAssembler#recipesToRun})
     */
    public RunPlan estimate(RunPlan plan, Map<String, Recipe> recipes) {
        if (recipes.isEmpty()) {
            return plan;
        }
        Set<RecipeInput> inputs = new LinkedHashSet<>();
        recipes.values().forEach(recipe -> inputs.addAll(recipe.inputs()));
        Map<RecipeInput, InputSize> sizes = sizes(inputs);
        long unknown = sizes.values().stream().filter(size -> size.unknown().isPresent()).count();
        log.accept("estimate: " + inputs.size() + " input(s), " + (inputs.size() - unknown) + " of known size");
        List<RecipePlan> estimated = new ArrayList<>();
        Map<String, EarlierRuns> history = earlierRuns(plan, recipes);
        for (RecipePlan recipePlan : plan.recipes()) {
            Recipe recipe = recipes.get(recipePlan.directory());
            if (recipePlan.status() != PlanStatus.RUN || recipe == null) {
                estimated.add(recipePlan);
                continue;
            }
            try {
                PodStages stages = translator.podStages(recipe, translator.translate(recipe, false));
                EarlierRuns earlier = history.getOrDefault(recipe.id().value(),
                        EarlierRuns.none("earlier runs not looked up"));
                estimated.add(recipePlan.withEstimate(estimator.estimate(stages,
                        recipe.inputs().stream().map(sizes::get).toList(), earlier)));
            } catch (RuntimeException e) {
                log.accept("warning: " + recipePlan.directory() + ": no estimate (" + e.getClass().getSimpleName()
                        + ": " + e.getMessage() + ")");
                estimated.add(recipePlan);
            }
        }
        return plan.withRecipes(estimated);
    }

    /** The earlier runs of the recipes the plan runs, asked for together (a history never throws). */
    private Map<String, EarlierRuns> earlierRuns(RunPlan plan, Map<String, Recipe> recipes) {
        return history.findAll(plan.recipes().stream().filter(recipePlan -> recipePlan.status() == PlanStatus.RUN)
                .map(recipePlan -> recipes.get(recipePlan.directory())).filter(Objects::nonNull)
                .map(recipe -> recipe.id().value()).toList());
    }

    /** The inputs' sizes; all of them unknown if the probe breaks its promise not to throw. */
    private Map<RecipeInput, InputSize> sizes(Set<RecipeInput> inputs) {
        try {
            return probe.probe(inputs);
        } catch (RuntimeException e) {
            log.accept("warning: input sizes could not be looked up (" + e.getClass().getSimpleName() + ")");
            Map<RecipeInput, InputSize> unknown = new LinkedHashMap<>();
            inputs.forEach(input -> unknown.put(input, InputSize.withoutLookup(input, "lookup failed")));
            return unknown;
        }
    }
}
