package net.qgreenland.ogdc.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import net.qgreenland.ogdc.argo.model.Workflow;
import net.qgreenland.ogdc.recipe.Recipe;
import net.qgreenland.ogdc.recipe.RecipeParseResult;
import net.qgreenland.ogdc.recipe.RecipeParser;
import net.qgreenland.ogdc.translate.RecipeTranslator;
import net.qgreenland.ogdc.translate.RecipeWorkflows;
import net.qgreenland.ogdc.translate.TranslationSettings;
import net.qgreenland.ogdc.workspace.FileSystemRecipeFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The submission pipeline of spec §4 on a fake cluster: helpers, skipping, re-attaching, waiting, timeouts. */
class RecipeSubmitterTest {

    static final String PVC_RECIPE = "example-recipe-repo/recipes/natural-earth-arctic-coast-rivers";
    static final String TEMPORARY_RECIPE = "example-recipe-repo/recipes/arcticdem-greenland-contours";
    static final RunLabels LABELS =
            new RunLabels(Optional.of("0123456789abcdef0123456789abcdef01234567"), OptionalInt.of(42),
                    "pull_request");

    final FakeArgoGateway cluster = new FakeArgoGateway();
    final List<String> log = new ArrayList<>();
    final List<AutoCloseable> trackers = new ArrayList<>();

    @AfterEach
    void closeTrackers() throws Exception {
        for (AutoCloseable tracker : trackers) {
            tracker.close();
        }
    }

    @Test
    void aPublishedCheckThatSaysNoIsDeletedAndTheMainWorkflowRunsToItsEnd() throws Exception {
        cluster.onSubmit = (c, state) -> {
            if (state.name().contains("check-published")) {
                c.answerCheck(state.name(), "no");
            } else {
                c.advance(state.name(), WorkflowPhase.RUNNING);
                c.advance(state.name(), WorkflowPhase.SUCCEEDED);
            }
        };

        RecipeSubmission result = submit(PVC_RECIPE, false, options(true, false));

        assertThat(result.status()).isEqualTo(SubmissionStatus.SUCCEEDED);
        assertThat(result.workflowName()).hasValueSatisfying(n -> assertThat(n).contains("-shell-"));
        assertThat(result.detail()).contains("Succeeded in 4m12s");
        assertThat(result.reattached()).isFalse();
        assertThat(cluster.submittedAs(RunLabels.Role.CHECK_PUBLISHED)).hasSize(1);
        assertThat(cluster.deleted).singleElement().asString().contains("check-published");
        Workflow main = cluster.submittedAs(RunLabels.Role.MAIN).get(0);
        assertThat(main.metadata().labels())
                .containsEntry(RunLabels.RECIPE_ID, "natural-earth-arctic-coastlines-and-rivers")
                .containsEntry(RunLabels.COMMIT, "0123456789abcdef0123456789abcdef01234567")
                .containsEntry(RunLabels.PULL_REQUEST, "42")
                .containsEntry(RunLabels.TRIGGER, "pull_request")
                .containsEntry(RunLabels.MANAGED_BY, "ogdc-action")
                .containsEntry("ogdc/persist-workflow-in-archive", "true")
                .containsKey(RunLabels.CONTENT_HASH);
    }

    @Test
    void aRecipeWhoseResultsArePublishedIsSkippedNotFailed() throws Exception {
        cluster.onSubmit = (c, state) -> c.answerCheck(state.name(), "yes\n");

        RecipeSubmission result = submit(PVC_RECIPE, false, options(true, false));

        assertThat(result.status()).isEqualTo(SubmissionStatus.SKIPPED);
        assertThat(result.status().isFailure()).isFalse();
        assertThat(result.detail()).contains("--overwrite");
        assertThat(cluster.submittedAs(RunLabels.Role.MAIN)).isEmpty();
    }

    @Test
    void anUnreadableCheckAnswerStopsTheRecipeWithAClearMessage() throws Exception {
        cluster.onSubmit = (c, state) -> c.answerCheck(state.name(), "maybe");

        RecipeSubmission result = submit(PVC_RECIPE, false, options(true, false));

        assertThat(result.status()).isEqualTo(SubmissionStatus.NOT_RUN);
        assertThat(result.detail()).contains("answered 'maybe' instead of yes or no");
        assertThat(cluster.submittedAs(RunLabels.Role.MAIN)).isEmpty();
    }

    @Test
    void overwriteRemovesTheExistingDataFirstAndThenSubmits() throws Exception {
        cluster.onSubmit = (c, state) -> {
            if (state.name().contains("remove-existing-data")) {
                c.advance(state.name(), WorkflowPhase.SUCCEEDED);
            }
        };

        RecipeSubmission result = submit(PVC_RECIPE, true, options(false, false));

        assertThat(result.status()).isEqualTo(SubmissionStatus.SUBMITTED);
        assertThat(cluster.submittedAs(RunLabels.Role.REMOVE_EXISTING_DATA)).hasSize(1);
        assertThat(cluster.submittedAs(RunLabels.Role.MAIN)).hasSize(1);
        assertThat(cluster.deleted).isEmpty();
    }

    @Test
    void aFailedHelperMeansTheRecipeIsNotRun() throws Exception {
        cluster.onSubmit = (c, state) -> c.advance(state.name(), WorkflowPhase.ERROR, List.of(),
                Optional.of("pod deleted"));

        RecipeSubmission result = submit(PVC_RECIPE, true, options(true, false));

        assertThat(result.status()).isEqualTo(SubmissionStatus.NOT_RUN);
        assertThat(result.detail()).contains("remove-existing-data workflow", "ended Error: pod deleted",
                "not submitted");
        assertThat(cluster.submittedAs(RunLabels.Role.MAIN)).isEmpty();
    }

    @Test
    void temporaryOutputHasNoHelper() throws Exception {
        RecipeSubmission result = submit(TEMPORARY_RECIPE, false, options(false, false));

        assertThat(result.status()).isEqualTo(SubmissionStatus.SUBMITTED);
        assertThat(cluster.submitted).hasSize(1);
    }

    @Test
    void theSameRecipeAtTheSameCommitAndContentIsSubmittedOnceUnlessForced() throws Exception {
        RecipeSubmission first = submit(TEMPORARY_RECIPE, false, options(false, false));
        RecipeSubmission second = submit(TEMPORARY_RECIPE, false, options(false, false));

        assertThat(cluster.submittedAs(RunLabels.Role.MAIN)).hasSize(1);
        assertThat(second.reattached()).isTrue();
        assertThat(second.workflowName()).isEqualTo(first.workflowName());
        assertThat(log).anyMatch(line -> line.contains("already submitted") && line.contains("--force"));

        RecipeSubmission forced = submit(TEMPORARY_RECIPE, false, options(false, true));

        assertThat(cluster.submittedAs(RunLabels.Role.MAIN)).hasSize(2);
        assertThat(forced.reattached()).isFalse();
        assertThat(forced.workflowName()).isNotEqualTo(first.workflowName());
    }

    @Test
    void anotherCommitOrOtherContentIsANewSubmission() throws Exception {
        submit(TEMPORARY_RECIPE, false, options(false, false));
        RunLabels otherCommit = new RunLabels(Optional.of("fedcba9876543210fedcba9876543210fedcba98"),
                OptionalInt.empty(), "push");
        submitter(options(false, false)).submit(recipe(TEMPORARY_RECIPE), workflows(TEMPORARY_RECIPE, false,
                Path.of("x")), otherCommit);

        assertThat(cluster.submittedAs(RunLabels.Role.MAIN)).hasSize(2);
    }

    @Test
    void waitingForAReattachedRunningWorkflowFollowsItToItsEnd() throws Exception {
        RecipeSubmission first = submit(TEMPORARY_RECIPE, false, options(false, false));
        String name = first.workflowName().orElseThrow();
        cluster.advance(name, WorkflowPhase.RUNNING);
        Thread finisher = new Thread(() -> cluster.advance(name, WorkflowPhase.FAILED, List.of(new NodeState(
                name + "-2", name + "[0].cmd-0", "cmd-0", "cmd-0", "Pod", "Failed", Optional.of("exit code 1"),
                java.util.Map.of(), Optional.empty(), Optional.empty())), Optional.of("child failed")));

        RecipeSubmitter waiting = submitter(options(true, false));
        finisher.start();
        RecipeSubmission again = waiting.submit(recipe(TEMPORARY_RECIPE),
                workflows(TEMPORARY_RECIPE, false, Path.of("x")), LABELS);
        finisher.join();

        assertThat(again.reattached()).isTrue();
        assertThat(again.status()).isEqualTo(SubmissionStatus.FAILED);
        assertThat(again.detail()).contains("Failed", "child failed");
        assertThat(again.logs()).singleElement().satisfies(l -> {
            assertThat(l.node()).isEqualTo("cmd-0");
            assertThat(l.lines()).containsExactly("gdalwarp: ERROR 4");
        });
    }

    @Test
    void anErrorPhaseEndsTheWaitInsteadOfSpinningForever() throws Exception {
        cluster.onSubmit = (c, state) -> c.advance(state.name(), WorkflowPhase.ERROR, List.of(),
                Optional.of("ImagePullBackOff"));

        RecipeSubmission result = submit(TEMPORARY_RECIPE, false, options(true, false));

        assertThat(result.status()).isEqualTo(SubmissionStatus.ERRORED);
        assertThat(result.status().isFailure()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(SubmitOptions.TimeoutAction.class)
    void aTimeoutReportsTimedOutAndStopsTheWorkflowByDefault(SubmitOptions.TimeoutAction action) throws Exception {
        cluster.onSubmit = (c, state) -> c.advance(state.name(), WorkflowPhase.RUNNING);
        SubmitOptions options = new SubmitOptions(true, false, Duration.ofMillis(50), action, 10);

        RecipeSubmission result = submit(TEMPORARY_RECIPE, false, options);

        assertThat(result.status()).isEqualTo(SubmissionStatus.TIMED_OUT);
        assertThat(result.workflow()).hasValueSatisfying(w -> assertThat(w.phase()).isEqualTo(WorkflowPhase.RUNNING));
        String name = result.workflowName().orElseThrow();
        assertThat(cluster.stopped).isEqualTo(action == SubmitOptions.TimeoutAction.STOP ? List.of(name) : List.of());
        assertThat(cluster.terminated)
                .isEqualTo(action == SubmitOptions.TimeoutAction.TERMINATE ? List.of(name) : List.of());
        assertThat(result.detail()).contains("did not end within 50ms");
    }

    @Test
    void aWorkflowDeletedWhileWaitedForIsReportedNotWaitedForeverFor() throws Exception {
        cluster.onSubmit = (c, state) -> c.delete(state.name());

        RecipeSubmission result = submit(TEMPORARY_RECIPE, false, options(true, false));

        assertThat(result.status()).isEqualTo(SubmissionStatus.NOT_RUN);
        assertThat(result.detail()).contains("disappeared");
    }

    @Test
    void aRefusedSubmissionIsNotRunWithTheClustersMessage() throws Exception {
        cluster.submitFailure = new ClusterException(ClusterException.Reason.FORBIDDEN,
                "submitting Workflow 'x-shell-' to namespace 'qgnet' failed: 403 Forbidden");

        RecipeSubmission result = submit(TEMPORARY_RECIPE, false, options(true, false));

        assertThat(result.status()).isEqualTo(SubmissionStatus.NOT_RUN);
        assertThat(result.detail()).contains("403 Forbidden");
    }

    @Test
    void aDryRunWritesEveryWorkflowAndSubmitsNothing(@TempDir Path directory) throws Exception {
        try (RenderingArgoGateway dryRun = new RenderingArgoGateway(directory, "qgnet", log::add);
                WorkflowTracker tracker = tracker(dryRun)) {
            RecipeSubmission result = new RecipeSubmitter(dryRun, tracker, options(true, false), log::add)
                    .submit(recipe(PVC_RECIPE), workflows(PVC_RECIPE, false, directory), LABELS);

            assertThat(result.status()).isEqualTo(SubmissionStatus.NOT_SUBMITTED);
            assertThat(result.status().isFailure()).isFalse();
            assertThat(result.detail()).contains("written to " + directory);
            assertThat(log).noneMatch(line -> line.startsWith("submitted"));
            assertThat(directory.resolve("natural-earth-arctic-coastlines-and-river-check-published.yaml")).exists();
            assertThat(directory.resolve(result.workflowName().orElseThrow() + ".yaml")).content()
                    .startsWith(RenderingArgoGateway.MARKER)
                    .contains("ogdc/recipe-id: natural-earth-arctic-coastlines-and-rivers");
        }
    }

    private RecipeSubmission submit(String directory, boolean overwrite, SubmitOptions options) throws Exception {
        return submitter(options).submit(recipe(directory), workflows(directory, overwrite, Path.of("x")), LABELS);
    }

    private RecipeSubmitter submitter(SubmitOptions options) {
        return new RecipeSubmitter(cluster, tracker(cluster), options, log::add);
    }

    private WorkflowTracker tracker(ArgoGateway gateway) {
        WorkflowTracker tracker = new WorkflowTracker(gateway,
                LabelSelector.of(java.util.Map.of(RunLabels.MANAGED_BY, RunLabels.MANAGER)), Duration.ofMillis(20),
                state -> {}, log::add);
        trackers.add(tracker);
        return tracker;
    }

    private static SubmitOptions options(boolean await, boolean force) {
        return new SubmitOptions(await, force, Duration.ofSeconds(30), SubmitOptions.TimeoutAction.STOP, 10);
    }

    static Recipe recipe(String directory) {
        RecipeParseResult result = RecipeParser.parse(directory, new FileSystemRecipeFiles(Path.of(directory)));
        return result.recipe().orElseThrow(() -> new AssertionError(directory + ": " + result.problems()));
    }

    private static RecipeWorkflows workflows(String directory, boolean overwrite, Path unused) {
        return new RecipeTranslator(TranslationSettings.defaults()).translate(recipe(directory), overwrite);
    }
}
