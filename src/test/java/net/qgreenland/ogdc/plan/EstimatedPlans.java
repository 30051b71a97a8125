package net.qgreenland.ogdc.plan;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import net.qgreenland.ogdc.estimate.EarlierRun;
import net.qgreenland.ogdc.estimate.EarlierRuns;
import net.qgreenland.ogdc.estimate.EstimateDefaults;
import net.qgreenland.ogdc.estimate.InputSize;
import net.qgreenland.ogdc.estimate.RecipeEstimator;
import net.qgreenland.ogdc.recipe.Recipe;
import net.qgreenland.ogdc.recipe.RecipeInput;
import net.qgreenland.ogdc.recipe.RecipeParseResult;
import net.qgreenland.ogdc.recipe.RecipeParser;
import net.qgreenland.ogdc.translate.RecipeTranslator;
import net.qgreenland.ogdc.workspace.FileSystemRecipeFiles;

/**
 * A plan of the example repository with estimates, for the golden files: a parallel PVC recipe learning from two
 * earlier runs, a parallel URL recipe whose sizes were looked up (one HEAD failed), a serial and a parallel
 * visualization whose inputs were not looked up (offline; the parallel one's tiles are only known once it runs),
 * and a recipe only validated.
 */
public final class EstimatedPlans {

    static final Path EXAMPLES = Path.of("example-recipe-repo");
    static final RecipeEstimator ESTIMATOR = new RecipeEstimator(EstimateDefaults.STANDARD);
    static final long MIB = 1L << 20;

    private EstimatedPlans() {}

    public static RunPlan example() {
        RecipeTranslator translator = RunPlannerTest.TRANSLATOR;
        List<RunPlanner.Candidate> candidates = new ArrayList<>(RunPlanner.named(List.of(
                "recipes/arcticdem-tile-hillshades", "recipes/glaciated-areas-viz",
                "recipes/natural-earth-arctic-coast-rivers", "recipes/natural-earth-lakes-viz"), "named"));
        candidates.add(new RunPlanner.Candidate("recipes/etopo-arctic-relief-cog", PlanStatus.VALIDATE_ONLY,
                "only documentation changed", List.of("recipes/etopo-arctic-relief-cog/README.md")));
        List<RecipePlan> planned = new RunPlanner(translator, false, Optional.empty())
                .plan(candidates, EstimatedPlans::parse);
        List<RecipePlan> estimated = new ArrayList<>();
        for (RecipePlan plan : planned) {
            if (plan.status() != PlanStatus.RUN) {
                estimated.add(plan);
                continue;
            }
            Recipe recipe = parse(plan.directory()).recipe().orElseThrow();
            estimated.add(plan.withEstimate(ESTIMATOR.estimate(
                    translator.podStages(recipe, translator.translate(recipe, false)), sizes(recipe),
                    history(recipe))));
        }
        return new RunPlan("named: arcticdem-tile-hillshades, glaciated-areas-viz, natural-earth-arctic-coast-rivers, "
                + "natural-earth-lakes-viz",
                Optional.empty(), Optional.of("2".repeat(40)), estimated, List.of(), List.of());
    }

    private static List<InputSize> sizes(Recipe recipe) {
        List<InputSize> sizes = new ArrayList<>();
        for (int i = 0; i < recipe.inputs().size(); i++) {
            RecipeInput input = recipe.inputs().get(i);
            if (recipe.id().value().startsWith("natural-earth-arctic")) {
                sizes.add(i == 4 ? InputSize.urlOfUnknownSize((RecipeInput.Url) input, "HEAD answered HTTP 405")
                        : InputSize.known(input, 1, (i + 1) * 7 * MIB));
            } else if (input instanceof RecipeInput.Url) {
                sizes.add(InputSize.withoutLookup(input, InputSize.OFFLINE));
            } else {
                sizes.add(InputSize.withoutLookup(input, "unused: PVC inputs are listed in the cluster"));
            }
        }
        return sizes;
    }

    private static EarlierRuns history(Recipe recipe) {
        if (!recipe.id().value().startsWith("arcticdem")) {
            return EarlierRuns.none("no earlier successful run in Kubernetes API https://k8s.example:6443, "
                    + "namespace qgnet");
        }
        EarlierRun newest = new EarlierRun("arcticdem-mosaic-tile-hillshades-shell-k2x7p",
                Instant.parse("2026-11-20T18:00:00Z"), Map.of(
                        "list-pvc-files", seconds(45),
                        "cmd-0", IntStream.range(0, 12).mapToObj(i -> Duration.ofSeconds(420 + 10L * i)).toList(),
                        "cmd-1", IntStream.range(0, 12).mapToObj(i -> Duration.ofSeconds(150 + 5L * i)).toList(),
                        "publish-data", seconds(130)));
        EarlierRun older = new EarlierRun("arcticdem-mosaic-tile-hillshades-shell-9qv2d",
                Instant.parse("2026-11-19T09:30:00Z"), Map.of(
                        "list-pvc-files", seconds(39),
                        "cmd-0", IntStream.range(0, 10).mapToObj(i -> Duration.ofSeconds(400)).toList(),
                        "cmd-1", IntStream.range(0, 10).mapToObj(i -> Duration.ofSeconds(160)).toList(),
                        "publish-data", seconds(110)));
        return new EarlierRuns(List.of(newest, older), "earlier runs in Kubernetes API https://k8s.example:6443, "
                + "namespace qgnet");
    }

    private static List<Duration> seconds(long seconds) {
        return List.of(Duration.ofSeconds(seconds));
    }

    private static RecipeParseResult parse(String directory) {
        return RecipeParser.parse(directory, new FileSystemRecipeFiles(EXAMPLES.resolve(directory)));
    }
}
