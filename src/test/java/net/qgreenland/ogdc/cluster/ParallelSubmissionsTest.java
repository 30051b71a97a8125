package net.qgreenland.ogdc.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import net.qgreenland.ogdc.recipe.Recipe;
import net.qgreenland.ogdc.translate.RecipeTranslator;
import net.qgreenland.ogdc.translate.RecipeWorkflows;
import net.qgreenland.ogdc.translate.TranslationSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Submitting many recipes: {@code parallel} bounds the recipes being submitted, not the ones being followed; the
 * commit's earlier submissions are listed once for all of them.
 */
class ParallelSubmissionsTest {

    static final String SHA = "0123456789abcdef0123456789abcdef01234567";
    static final RunLabels LABELS = new RunLabels(Optional.of(SHA), OptionalInt.of(42), "pull_request");
    static final List<String> RECIPES = List.of("example-recipe-repo/recipes/arcticdem-greenland-contours",
            "example-recipe-repo/recipes/natural-earth-arctic-coast-rivers",
            "example-recipe-repo/recipes/etopo-arctic-relief-cog");

    final FakeArgoGateway cluster = new FakeArgoGateway();
    final List<String> log = new CopyOnWriteArrayList<>();
    final WorkflowTracker tracker = new WorkflowTracker(cluster,
            LabelSelector.of(Map.of(RunLabels.MANAGED_BY, RunLabels.MANAGER)), Duration.ofMinutes(1), state -> {},
            log::add);
    final ParallelSubmissions submissions = new ParallelSubmissions(1);

    @AfterEach
    void close() throws Exception {
        submissions.close();
        tracker.close();
        cluster.close();
    }

    @Test
    void withOnePlaceEveryRecipeIsSubmittedWhileTheFirstWorkflowIsStillRunning() throws Exception {
        CountDownLatch mainsSubmitted = new CountDownLatch(RECIPES.size());
        cluster.onSubmit = (c, state) -> {
            if (state.name().contains("check-published")) {
                c.answerCheck(state.name(), "no");
            } else {
                c.advance(state.name(), WorkflowPhase.RUNNING);
                mainsSubmitted.countDown();
            }
        };

        List<CompletableFuture<RecipeSubmission>> results = new ArrayList<>();
        for (String directory : RECIPES) {
            results.add(submit(directory, new RecipeSubmitter(cluster, tracker, options(), log::add)));
        }

        // with one thread submitting and following in turn, the second recipe would wait for the first to end
        assertThat(mainsSubmitted.await(30, TimeUnit.SECONDS)).as("every main workflow submitted").isTrue();
        assertThat(results).noneMatch(CompletableFuture::isDone);
        List<String> mains = cluster.submittedAs(RunLabels.Role.MAIN).stream()
                .map(workflow -> workflow.metadata().generateName().orElseThrow()).toList();
        assertThat(mains).hasSize(3);
        for (WorkflowState running : cluster.workflows.find(LabelSelector.of(Map.of(RunLabels.ROLE, "main")))) {
            cluster.advance(running.name(), WorkflowPhase.SUCCEEDED);
        }
        for (CompletableFuture<RecipeSubmission> result : results) {
            assertThat(result.get(30, TimeUnit.SECONDS).status()).isEqualTo(SubmissionStatus.SUCCEEDED);
        }
    }

    @Test
    void stoppingEndsTheRecipeBeingSubmittedAndTheOnesWaitingForTheirTurnCancelled() throws Exception {
        CountDownLatch helperSubmitted = new CountDownLatch(1);
        cluster.onSubmit = (c, state) -> helperSubmitted.countDown(); // the helper never ends

        CompletableFuture<RecipeSubmission> first =
                submit(RECIPES.get(1), new RecipeSubmitter(cluster, tracker, options(), log::add));
        CompletableFuture<RecipeSubmission> waiting =
                submit(RECIPES.get(2), new RecipeSubmitter(cluster, tracker, options(), log::add));
        assertThat(helperSubmitted.await(30, TimeUnit.SECONDS)).isTrue();
        submissions.shutdownNow();

        assertThat(first).isCancelled();
        assertThat(waiting).isCancelled();
        assertThat(cluster.submittedAs(RunLabels.Role.MAIN)).isEmpty();
        assertThat(cluster.submitted).hasSize(1);
    }

    @Test
    void aRunListsTheCommitsMainWorkflowsOnceAndReattachesEachRecipeToItsOwn() throws Exception {
        cluster.onSubmit = (c, state) -> {
            if (state.name().contains("check-published")) {
                c.answerCheck(state.name(), "no");
            } else {
                c.advance(state.name(), WorkflowPhase.SUCCEEDED);
            }
        };
        for (String directory : RECIPES.subList(0, 2)) {
            submit(directory, new RecipeSubmitter(cluster, tracker, options(), log::add)).get(30, TimeUnit.SECONDS);
        }
        int submittedBefore = cluster.submitted.size();
        cluster.finds.clear();

        SubmittedWorkflows earlier = SubmittedWorkflows.atCommit(cluster, LABELS);
        List<RecipeSubmission> again = new ArrayList<>();
        for (String directory : RECIPES) {
            again.add(submit(directory, new RecipeSubmitter(cluster, tracker, options(), earlier, log::add))
                    .get(30, TimeUnit.SECONDS));
        }

        assertThat(again).extracting(RecipeSubmission::reattached).containsExactly(true, true, false);
        assertThat(again.get(0).workflowName()).hasValueSatisfying(name -> assertThat(name).contains("contours"));
        assertThat(again.get(1).workflowName()).hasValueSatisfying(name -> assertThat(name).contains("coast"));
        assertThat(cluster.submitted.size() - submittedBefore).as("only the third recipe's workflows").isEqualTo(
                cluster.submitted.stream().skip(submittedBefore)
                        .filter(w -> w.metadata().labels().get(RunLabels.RECIPE_ID).contains("etopo")).count());
        assertThat(cluster.finds).singleElement().asString()
                .isEqualTo("app.kubernetes.io/managed-by=ogdc-action,ogdc/commit=" + SHA + ",ogdc/role=main");
    }

    @Test
    void withoutACommitEveryRecipeIsLookedUpOnItsOwn() {
        SubmittedWorkflows earlier = SubmittedWorkflows.atCommit(cluster,
                new RunLabels(Optional.empty(), OptionalInt.empty(), "cli"));
        LabelSelector one = LabelSelector.of(Map.of(RunLabels.RECIPE_ID, "a", RunLabels.ROLE, "main"));
        LabelSelector two = LabelSelector.of(Map.of(RunLabels.RECIPE_ID, "b", RunLabels.ROLE, "main"));

        earlier.find(one);
        earlier.find(two);

        assertThat(cluster.finds).containsExactly(one, two);
    }

    @Test
    void aListingThatFailedIsAskedForAgainByTheNextRecipe() {
        cluster.nextFindFailure = new ClusterException(ClusterException.Reason.UNAVAILABLE, "Argo Server answered 500");
        SubmittedWorkflows earlier = SubmittedWorkflows.atCommit(cluster, LABELS);
        LabelSelector recipe = LabelSelector.of(Map.of(RunLabels.MANAGED_BY, RunLabels.MANAGER, RunLabels.COMMIT, SHA,
                RunLabels.ROLE, "main", RunLabels.RECIPE_ID, "a"));

        assertThatThrownBy(() -> earlier.find(recipe)).isInstanceOf(ClusterException.class)
                .hasMessageContaining("500");
        assertThat(earlier.find(recipe)).isEmpty();
        assertThat(earlier.find(recipe)).isEmpty();

        assertThat(cluster.finds).hasSize(2);
    }

    private CompletableFuture<RecipeSubmission> submit(String directory, RecipeSubmitter submitter) {
        Recipe recipe = RecipeSubmitterTest.recipe(directory);
        RecipeWorkflows workflows = new RecipeTranslator(TranslationSettings.defaults()).translate(recipe, false);
        return submissions.submit(submitter, recipe, () -> workflows, LABELS);
    }

    private static SubmitOptions options() {
        return new SubmitOptions(true, false, Duration.ofMinutes(5), SubmitOptions.TimeoutAction.STOP, 10);
    }
}
