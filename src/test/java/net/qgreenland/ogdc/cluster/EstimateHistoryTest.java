package net.qgreenland.ogdc.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.qgreenland.ogdc.estimate.EarlierRun;
import net.qgreenland.ogdc.estimate.EarlierRuns;
import net.qgreenland.ogdc.estimate.EstimateDefaults;
import net.qgreenland.ogdc.estimate.RecipeEstimate;
import net.qgreenland.ogdc.estimate.RecipeEstimator;
import net.qgreenland.ogdc.estimate.StageEstimate;
import net.qgreenland.ogdc.inputs.InputProbe;
import net.qgreenland.ogdc.plan.RecipePlan;
import net.qgreenland.ogdc.plan.RunPlan;
import net.qgreenland.ogdc.plan.RunPlanner;
import net.qgreenland.ogdc.recipe.Recipe;
import net.qgreenland.ogdc.recipe.RecipeParser;
import net.qgreenland.ogdc.run.ArgoRunHistory;
import net.qgreenland.ogdc.run.PlanEstimator;
import net.qgreenland.ogdc.run.RunHistory;
import net.qgreenland.ogdc.translate.RecipeTranslator;
import net.qgreenland.ogdc.translate.TranslationSettings;
import net.qgreenland.ogdc.workspace.FileSystemRecipeFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The estimate's history: finished workflows this program labelled, found in a Fabric8 mock cluster, as
 * {@link ArgoRunHistory} reads them and as the {@link PlanEstimator} uses them; and the estimate without them.
 */
class EstimateHistoryTest {

    static final String HILLSHADES = "recipes/arcticdem-tile-hillshades";
    static final String ID = "arcticdem-mosaic-tile-hillshades";
    static final Instant DAY = Instant.parse("2026-11-20T12:00:00Z");

    final MockCluster cluster = new MockCluster();
    final FinishedRuns finished = new FinishedRuns(cluster);
    final List<String> log = new ArrayList<>();

    @AfterEach
    void stop() {
        finished.close();
        cluster.close();
    }

    @Test
    void theSucceededMainWorkflowsOfTheRecipeAreItsHistoryNewestFirstAsPodDurationsByStage() {
        Map<String, String> main = FinishedRuns.labels(ID, RunLabels.Role.MAIN);
        finished.add("hill-old", main, "Succeeded", DAY, Map.of("cmd-0", List.of(300, 360)))
                .add("hill-new", main, "Succeeded", DAY.plusSeconds(3600), Map.of("list-pvc-files", List.of(40),
                        "cmd-0", List.of(100, 200, 300)))
                .add("hill-failed", main, "Failed", DAY.plusSeconds(7200), Map.of("cmd-0", List.of(5)))
                .add("hill-check", FinishedRuns.labels(ID, RunLabels.Role.CHECK_PUBLISHED), "Succeeded",
                        DAY.plusSeconds(7200), Map.of("check-already-published", List.of(5)))
                .add("other-recipe", FinishedRuns.labels("another", RunLabels.Role.MAIN), "Succeeded",
                        DAY.plusSeconds(7200), Map.of("cmd-0", List.of(5)))
                .add("hill-offloaded", main, "Succeeded", DAY.plusSeconds(7200), Map.of());

        try (KubernetesArgoGateway gateway = cluster.gateway()) {
            EarlierRuns history = new ArgoRunHistory(gateway, log::add).find(ID);

            assertThat(history.runs()).extracting(EarlierRun::workflow).containsExactly("hill-new", "hill-old");
            assertThat(history.runs().get(0).podDurations()).containsOnlyKeys("list-pvc-files", "cmd-0");
            assertThat(history.runs().get(0).podDurations().get("cmd-0")).containsExactly(Duration.ofSeconds(100),
                    Duration.ofSeconds(200), Duration.ofSeconds(300));
            assertThat(history.note()).isEqualTo("earlier runs in " + gateway.describe());
        }
    }

    @Test
    void atMostTheFiveNewestRunsCount() {
        for (int i = 0; i < 7; i++) {
            finished.add("hill-" + i, FinishedRuns.labels(ID, RunLabels.Role.MAIN), "Succeeded",
                    DAY.plusSeconds(60L * i), Map.of("cmd-0", List.of(60)));
        }

        try (KubernetesArgoGateway gateway = cluster.gateway()) {
            assertThat(new ArgoRunHistory(gateway, log::add).find(ID).runs()).extracting(EarlierRun::workflow)
                    .containsExactly("hill-6", "hill-5", "hill-4", "hill-3", "hill-2");
        }
    }

    @Test
    void theHistoriesOfManyRecipesAreReadInOneListPerFiftyRecipes() {
        finished.add("hill-1", FinishedRuns.labels(ID, RunLabels.Role.MAIN), "Succeeded", DAY,
                Map.of("cmd-0", List.of(60)));
        finished.add("other-1", FinishedRuns.labels("another", RunLabels.Role.MAIN), "Succeeded", DAY,
                Map.of("cmd-0", List.of(30)));
        finished.add("other-2", FinishedRuns.labels("another", RunLabels.Role.MAIN), "Succeeded",
                DAY.plusSeconds(60), Map.of("cmd-0", List.of(30)));
        List<String> ids = new ArrayList<>(List.of(ID, "another"));
        for (int i = 0; i < 118; i++) {
            ids.add("recipe-" + i);
        }

        try (KubernetesArgoGateway gateway = cluster.gateway()) {
            long before = cluster.dispatcher.count("GET", path -> path.contains("/workflows"));
            Map<String, EarlierRuns> histories = new ArgoRunHistory(gateway, log::add).findAll(ids);

            assertThat(cluster.dispatcher.count("GET", path -> path.contains("/workflows")) - before)
                    .as("120 recipes, 50 per list").isEqualTo(3);
            assertThat(histories).hasSize(120);
            assertThat(histories.get(ID).runs()).extracting(EarlierRun::workflow).containsExactly("hill-1");
            assertThat(histories.get("another").runs()).extracting(EarlierRun::workflow)
                    .containsExactly("other-2", "other-1");
            assertThat(histories.get("recipe-117").runs()).isEmpty();
            assertThat(histories.get("recipe-117").note()).startsWith("no earlier successful run in ");
        }
    }

    @Test
    void aClusterThatCannotBeReadIsAskedOnceAndLeavesTheDefaults() {
        cluster.dispatcher.fail("GET", "/workflows", 100, 403, "Forbidden", "workflows is forbidden");

        try (KubernetesArgoGateway gateway = cluster.gateway()) {
            ArgoRunHistory history = new ArgoRunHistory(gateway, log::add);
            EarlierRuns first = history.find(ID);
            long requests = cluster.dispatcher.requests().size();
            EarlierRuns second = history.find("another");

            assertThat(first.runs()).isEmpty();
            assertThat(first.note()).startsWith("earlier runs could not be read from " + gateway.describe() + ": ")
                    .doesNotContain(MockCluster.TOKEN);
            assertThat(second.note()).isEqualTo(first.note());
            assertThat(cluster.dispatcher.requests()).hasSize((int) requests);
            assertThat(log).singleElement().satisfies(line -> assertThat(line).startsWith("warning: ")
                    .endsWith("; the estimate uses defaults"));
        }
    }

    @Test
    void withHistoryThePlanTakesPodCountsAndDurationsFromTheEarlierRuns() {
        finished.add("hill-x7k2p", FinishedRuns.labels(ID, RunLabels.Role.MAIN), "Succeeded", DAY, Map.of(
                "list-pvc-files", List.of(30), "cmd-0", List.of(400, 500, 600, 500), "cmd-1", List.of(60, 60, 60, 60),
                "publish-data", List.of(90)));

        try (KubernetesArgoGateway gateway = cluster.gateway()) {
            RecipeEstimate estimate = estimate(new ArgoRunHistory(gateway, log::add));

            assertThat(estimate.basis()).isEqualTo("1 earlier run");
            assertThat(estimate.lowerBound()).isFalse();
            assertThat(estimate.stages()).extracting(StageEstimate::name, StageEstimate::pods,
                    StageEstimate::podsFrom, StageEstimate::podDuration).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("list-pvc-files", 1L, StageEstimate.Pods.ONE,
                            Duration.ofSeconds(30)),
                    org.assertj.core.groups.Tuple.tuple("cmd-0", 4L, StageEstimate.Pods.HISTORY,
                            Duration.ofSeconds(500)),
                    org.assertj.core.groups.Tuple.tuple("cmd-1", 4L, StageEstimate.Pods.HISTORY,
                            Duration.ofSeconds(60)),
                    org.assertj.core.groups.Tuple.tuple("publish-data", 1L, StageEstimate.Pods.ONE,
                            Duration.ofSeconds(90)));
            assertThat(estimate.podHours().hours()).isEqualTo((30 + 2000 + 240 + 90) / 3600.0);
            // six pods at once: each fan-out stage is one wave
            assertThat(estimate.wallTime()).isEqualTo(Duration.ofSeconds(30 + 500 + 60 + 90));
        }
    }

    @Test
    void withoutHistoryThePlanUsesTheDefaultsAndSaysWhy() {
        try (KubernetesArgoGateway gateway = cluster.gateway()) {
            RecipeEstimate inCluster = estimate(new ArgoRunHistory(gateway, log::add));
            RecipeEstimate dryRun = estimate(RunHistory.none("no cluster to read earlier runs from"));

            assertThat(inCluster.basis()).isEqualTo("defaults");
            assertThat(inCluster.historyNote()).isEqualTo("no earlier successful run in " + gateway.describe());
            assertThat(inCluster.lowerBound()).isTrue();
            assertThat(inCluster.stages()).extracting(StageEstimate::podsFrom).containsExactly(
                    StageEstimate.Pods.ONE, StageEstimate.Pods.UNKNOWN, StageEstimate.Pods.UNKNOWN,
                    StageEstimate.Pods.ONE);
            assertThat(inCluster.podHours().hours()).isEqualTo((60 + 600 + 600 + 60) / 3600.0);
            assertThat(dryRun.historyNote()).isEqualTo("no cluster to read earlier runs from");
            assertThat(dryRun.podHours()).isEqualTo(inCluster.podHours());
        }
    }

    /** The hillshades recipe planned and estimated with {@code history} and no input lookups. */
    private RecipeEstimate estimate(RunHistory history) {
        RecipeTranslator translator = new RecipeTranslator(TranslationSettings.defaults());
        Recipe recipe = RecipeParser.parse(HILLSHADES, new FileSystemRecipeFiles(
                Path.of("example-recipe-repo").resolve(HILLSHADES))).recipe().orElseThrow();
        List<RecipePlan> plans = new RunPlanner(translator, false, Optional.empty())
                .plan(RunPlanner.named(List.of(HILLSHADES), "named"), directory -> RecipeParser.parse(directory,
                        new FileSystemRecipeFiles(Path.of("example-recipe-repo").resolve(directory))));
        RunPlan plan = new RunPlan("named", Optional.empty(), Optional.of("abc"), plans, List.of(), List.of());
        PlanEstimator estimator = new PlanEstimator(translator, InputProbe.offline(), history,
                new RecipeEstimator(EstimateDefaults.STANDARD), log::add);
        return estimator.estimate(plan, Map.of(HILLSHADES, recipe)).recipes().get(0).estimate().orElseThrow();
    }
}
