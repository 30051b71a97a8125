package net.qgreenland.ogdc.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import net.qgreenland.ogdc.argo.model.Workflow;
import net.qgreenland.ogdc.recipe.Recipe;
import net.qgreenland.ogdc.translate.HelperWorkflows;
import net.qgreenland.ogdc.translate.RecipeWorkflows;

/**
 * Submits one recipe's workflows as the Python runner's {@code submit_ogdc_recipe(dir, wait, overwrite)} does
 * (spec §4), without its bugs: the helper first (check-published, whose "yes" skips the recipe; or
 * remove-existing-data before an overwrite), waited for; then the main workflow, waited for when asked, with a
 * timeout. A main workflow already submitted for the same recipe, commit and content is re-attached to instead of
 * submitted again, unless forced.
 */
public final class RecipeSubmitter {

    private final ArgoGateway gateway;
    private final WorkflowTracker tracker;
    private final SubmitOptions options;
    private final SubmittedWorkflows submitted;
    private final Consumer<String> log;

    /**
     * @param tracker follows the recipe's workflows (its selector must cover them)
     * @param log one line per step, prefixed with the recipe directory by the caller's consumer if wanted
     */
    public RecipeSubmitter(ArgoGateway gateway, WorkflowTracker tracker, SubmitOptions options, Consumer<String> log) {
        this(gateway, tracker, options, SubmittedWorkflows.asking(gateway), log);
    }

    /**
     * @param submitted where earlier submissions of the same workflow are looked for (e.g. the commit's workflows,
     *     listed once for many recipes)
     */
    public RecipeSubmitter(ArgoGateway gateway, WorkflowTracker tracker, SubmitOptions options,
            SubmittedWorkflows submitted, Consumer<String> log) {
        this.gateway = gateway;
        this.tracker = tracker;
        this.options = options;
        this.submitted = submitted;
        this.log = log;
    }

    /**
     * Submits {@code workflows}, translated from {@code recipe}, labelled with {@code labels}, and follows the main
     * workflow to its end when asked: {@link #start} then {@link #follow}. Never throws for a cluster failure: that
     * is a {@link SubmissionStatus#NOT_RUN} result with the message.
     *
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    public RecipeSubmission submit(Recipe recipe, RecipeWorkflows workflows, RunLabels labels)
            throws InterruptedException {
        return follow(start(recipe, workflows, labels));
    }

    /**
     * The submitting half of {@link #submit}: re-attaches to the same workflow submitted earlier, or runs the
     * helpers (waited for) and submits the main workflow. The main workflow is not waited for: that is
     * {@link #follow}, so that a caller can bound how many recipes are being submitted at once without bounding
     * how many are followed. Never throws for a cluster failure.
     *
     * @throws InterruptedException if the thread is interrupted while waiting for a helper
     */
    public Started start(Recipe recipe, RecipeWorkflows workflows, RunLabels labels) throws InterruptedException {
        Outcome outcome = new Outcome(recipe);
        long deadline = System.nanoTime() + options.timeout().toNanos();
        try {
            Workflow main = workflows.main();
            if (!options.force()) {
                List<WorkflowState> earlier =
                        submitted.find(labels.sameSubmission(recipe.id().value(), RunLabels.Role.MAIN, main));
                if (!earlier.isEmpty()) {
                    WorkflowState existing = earlier.get(0);
                    log.accept("already submitted at this commit with this content: " + existing.name() + " ("
                            + existing.phase().argoName() + "); use --force to submit it again");
                    return new Started(outcome, Optional.empty(), existing, true, deadline);
                }
            }
            for (Workflow helper : workflows.helpers()) {
                Optional<RecipeSubmission> stop = runHelper(outcome, helper, labels, deadline);
                if (stop.isPresent()) {
                    return new Started(outcome, stop, null, false, deadline);
                }
            }
            WorkflowState submittedMain =
                    gateway.submit(main.withLabels(labels.of(recipe.id().value(), RunLabels.Role.MAIN, main))
                            .withAnnotations(labels.annotations(recipe.directory())));
            if (submittedMain.phase() != WorkflowPhase.NOT_SUBMITTED) {
                log.accept("submitted " + submittedMain.name());
            }
            return new Started(outcome, Optional.empty(), submittedMain, false, deadline);
        } catch (ClusterException e) {
            return new Started(outcome, Optional.of(outcome.of(SubmissionStatus.NOT_RUN, Optional.empty(), false,
                    e.getMessage(), List.of())), null, false, deadline);
        }
    }

    /**
     * The following half of {@link #submit}: waits for the main workflow {@code started} submitted or found to
     * end (when asked to wait, within the timeout) and makes the result. Never throws for a cluster failure.
     *
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    public RecipeSubmission follow(Started started) throws InterruptedException {
        if (started.result.isPresent()) {
            return started.result.get();
        }
        try {
            return follow(started.outcome, started.main, started.reattached, started.deadline);
        } catch (ClusterException e) {
            return started.outcome.of(SubmissionStatus.NOT_RUN, Optional.empty(), false, e.getMessage(), List.of());
        }
    }

    /**
     * A recipe {@link #start} is done with: its result already (skipped, not run, a helper failed) or the main
     * workflow to {@link #follow}.
     */
    public static final class Started {
        private final Outcome outcome;
        private final Optional<RecipeSubmission> result;
        private final WorkflowState main;
        private final boolean reattached;
        private final long deadline;

        private Started(Outcome outcome, Optional<RecipeSubmission> result, WorkflowState main, boolean reattached,
                long deadline) {
            this.outcome = outcome;
            this.result = result;
            this.main = main;
            this.reattached = reattached;
            this.deadline = deadline;
        }

        /** Whether there is a main workflow to follow (false when the recipe's result is already known). */
        public boolean hasWorkflow() {
            return result.isEmpty();
        }
    }

    /** Runs a helper to its end; a result when the recipe must not go on (published already, helper failed). */
    private Optional<RecipeSubmission> runHelper(Outcome outcome, Workflow helper, RunLabels labels, long deadline)
            throws InterruptedException {
        boolean check = HelperWorkflows.isCheckPublished(helper);
        RunLabels.Role role = check ? RunLabels.Role.CHECK_PUBLISHED : RunLabels.Role.REMOVE_EXISTING_DATA;
        WorkflowState submitted =
                gateway.submit(helper.withLabels(labels.of(outcome.recipe.id().value(), role, helper))
                        .withAnnotations(labels.annotations(outcome.recipe.directory())));
        if (submitted.phase() != WorkflowPhase.NOT_SUBMITTED) {
            log.accept("submitted " + role.label() + " workflow " + submitted.name() + " and waiting for it");
        }
        Optional<WorkflowState> end = tracker.awaitEnd(submitted.name(), remaining(deadline));
        if (end.isEmpty()) {
            onTimeout(submitted.name());
            return Optional.of(outcome.of(SubmissionStatus.TIMED_OUT, Optional.empty(), false,
                    "the " + role.label() + " workflow " + submitted.name() + " did not end within "
                            + describe(options.timeout()) + "; " + afterTimeout(), List.of()));
        }
        WorkflowState helperEnd = end.get();
        switch (helperEnd.phase()) {
            case NOT_SUBMITTED:
                return Optional.empty();
            case SUCCEEDED:
                return check ? published(outcome, helperEnd) : Optional.empty();
            default:
                return Optional.of(outcome.of(SubmissionStatus.NOT_RUN, Optional.empty(), false,
                        "the " + role.label() + " workflow " + helperEnd.name() + " ended "
                                + helperEnd.phase().argoName() + helperEnd.message().map(m -> ": " + m).orElse("")
                                + "; the recipe was not submitted",
                        logsOf(helperEnd)));
        }
    }

    /** Reads check-published's answer, deletes the helper (as the Python runner does) and says whether to stop. */
    private Optional<RecipeSubmission> published(Outcome outcome, WorkflowState check) {
        Optional<String> answer = check.findOutput(HelperWorkflows.CHECK_TEMPLATE, HelperWorkflows.PUBLISHED_PARAMETER)
                .map(String::strip);
        if (answer.isEmpty() || !(answer.get().equals("yes") || answer.get().equals("no"))) {
            return Optional.of(outcome.of(SubmissionStatus.NOT_RUN, Optional.empty(), false,
                    "could not tell whether the results are published: check-published workflow " + check.name()
                            + " answered " + answer.map(a -> "'" + a + "'").orElse("nothing")
                            + " instead of yes or no", List.of()));
        }
        try {
            gateway.delete(check.name());
        } catch (ClusterException e) {
            log.accept("could not delete check-published workflow " + check.name() + " (it ends with its TTL): "
                    + e.getMessage());
        }
        if (answer.get().equals("yes")) {
            return Optional.of(outcome.of(SubmissionStatus.SKIPPED, Optional.empty(), false,
                    "results are already published under /" + outcome.recipe.id().value()
                            + " on the workflow PVC; submit with --overwrite to replace them", List.of()));
        }
        return Optional.empty();
    }

    /** Waits for the main workflow when asked, and makes the result. */
    private RecipeSubmission follow(Outcome outcome, WorkflowState main, boolean reattached, long deadline)
            throws InterruptedException {
        String again = reattached ? " (submitted earlier)" : "";
        if (main.isTerminal() || !options.await()) {
            SubmissionStatus status = SubmissionStatus.ofEnd(main.phase());
            return outcome.of(status, Optional.of(main), reattached, main.name() + again + ": " + describe(main),
                    status.isFailure() ? logsOf(main) : List.of());
        }
        Optional<WorkflowState> end = tracker.awaitEnd(main.name(), remaining(deadline));
        if (end.isEmpty()) {
            onTimeout(main.name());
            WorkflowState last = tracker.latest(main.name()).orElse(main);
            return outcome.of(SubmissionStatus.TIMED_OUT, Optional.of(last), reattached, main.name() + again
                    + " did not end within " + describe(options.timeout()) + "; " + afterTimeout(), List.of());
        }
        WorkflowState last = end.get();
        SubmissionStatus status = SubmissionStatus.ofEnd(last.phase());
        return outcome.of(status, Optional.of(last), reattached, last.name() + again + ": " + describe(last),
                status.isFailure() ? logsOf(last) : List.of());
    }

    private List<NodeLog> logsOf(WorkflowState failed) {
        if (options.logLines() == 0 || failed.failedPods().isEmpty()) {
            return List.of();
        }
        try {
            return gateway.failedNodeLogs(failed, options.logLines());
        } catch (ClusterException e) {
            log.accept("could not read the logs of " + failed.name() + ": " + e.getMessage());
            return List.of();
        }
    }

    private void onTimeout(String name) {
        try {
            switch (options.onTimeout()) {
                case STOP:
                    gateway.stop(name, "ogdc-action: timed out after " + describe(options.timeout()));
                    break;
                case TERMINATE:
                    gateway.terminate(name);
                    break;
                default:
                    break;
            }
        } catch (ClusterException e) {
            log.accept("could not " + options.onTimeout().name().toLowerCase(java.util.Locale.ROOT) + " " + name
                    + ": " + e.getMessage());
        }
    }

    private String afterTimeout() {
        switch (options.onTimeout()) {
            case STOP:
                return "it was stopped";
            case TERMINATE:
                return "it was terminated";
            default:
                return "it was left running";
        }
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    /** {@code Succeeded in 4m12s}, {@code Failed: exit code 1}, {@code Running 3/10}. */
    public static String describe(WorkflowState state) {
        if (state.phase() == WorkflowPhase.NOT_SUBMITTED) {
            return state.message().orElse("not submitted");
        }
        StringBuilder text = new StringBuilder(state.phase().argoName());
        state.progress().filter(p -> !state.isTerminal()).ifPresent(p -> text.append(' ').append(p));
        if (state.startedAt().isPresent() && state.finishedAt().isPresent()) {
            text.append(" in ").append(describe(Duration.between(state.startedAt().get(), state.finishedAt().get())));
        }
        state.message().filter(m -> state.phase() != WorkflowPhase.SUCCEEDED)
                .ifPresent(m -> text.append(": ").append(m));
        return text.toString();
    }

    /** {@code 4m12s}, {@code 2h0m}, {@code 850ms}. */
    static String describe(Duration duration) {
        if (duration.toSeconds() < 1) {
            return duration.toMillis() + "ms";
        }
        if (duration.toMinutes() < 1) {
            return duration.toSeconds() + "s";
        }
        if (duration.toHours() < 1) {
            return duration.toMinutes() + "m" + duration.toSecondsPart() + "s";
        }
        return duration.toHours() + "h" + duration.toMinutesPart() + "m";
    }

    /** Builds results for one recipe. */
    private static final class Outcome {
        private final Recipe recipe;

        Outcome(Recipe recipe) {
            this.recipe = recipe;
        }

        RecipeSubmission of(SubmissionStatus status, Optional<WorkflowState> workflow, boolean reattached,
                String detail, List<NodeLog> logs) {
            return new RecipeSubmission(recipe.directory(), recipe.id().value(), status, workflow, reattached,
                    detail, logs);
        }
    }
}
