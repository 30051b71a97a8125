package net.qgreenland.ogdc.run;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import net.qgreenland.ogdc.cluster.ArgoGateway;
import net.qgreenland.ogdc.cluster.ClusterException;
import net.qgreenland.ogdc.cluster.LabelSelector;
import net.qgreenland.ogdc.cluster.ParallelSubmissions;
import net.qgreenland.ogdc.cluster.RecipeSubmission;
import net.qgreenland.ogdc.cluster.RecipeSubmitter;
import net.qgreenland.ogdc.cluster.RunLabels;
import net.qgreenland.ogdc.cluster.SubmissionStatus;
import net.qgreenland.ogdc.cluster.SubmitOptions;
import net.qgreenland.ogdc.cluster.SubmittedWorkflows;
import net.qgreenland.ogdc.cluster.WorkflowState;
import net.qgreenland.ogdc.cluster.WorkflowTracker;
import net.qgreenland.ogdc.estimate.RecipeEstimate;
import net.qgreenland.ogdc.git.ChangeScope;
import net.qgreenland.ogdc.plan.PlanRenderer;
import net.qgreenland.ogdc.plan.RecipePlan;
import net.qgreenland.ogdc.plan.RunPlan;
import net.qgreenland.ogdc.recipe.Recipe;
import net.qgreenland.ogdc.report.RecipeReport;
import net.qgreenland.ogdc.report.RecipeState;
import net.qgreenland.ogdc.report.RunReport;
import net.qgreenland.ogdc.report.RunReporter;
import net.qgreenland.ogdc.report.RunReports;
import net.qgreenland.ogdc.translate.RecipeTranslator;

/**
 * One run of the action: the change → the recipes it selects, parsed and validated → translated → submitted →
 * watched → reported, recipes handled concurrently (bounded), each recipe's report updated as its workflow changes
 * phase; older runs of the same recipes it supersedes are stopped first, and recipes the approval gate holds are
 * reported awaiting approval instead of submitted. {@link #cancel} (the job being cancelled)
 * ends it: every recipe not finished is reported cancelled and its workflows stopped.
 */
public final class RunPipeline {

    private final RunPlanAssembler assembler;
    private final RecipeTranslator translator;
    private final ArgoGateway gateway;
    private final RunReporter reporter;
    private final SubmitOptions options;
    private final boolean overwrite;
    private final boolean stopOnCancel;
    private final int parallel;
    private final RunContext context;
    private final Optional<Supersession> supersession;
    private final ApprovalGate gate;
    private final Clock clock;
    private final Consumer<String> log;
    private final Map<String, RecipeReport> reports = new LinkedHashMap<>();
    private final Map<String, String> directoriesById = new LinkedHashMap<>();
    private final Map<String, RecipeEstimate> estimates = new LinkedHashMap<>();
    private final List<String> submittedWorkflows = new ArrayList<>();
    private volatile ParallelSubmissions submissions;
    /** The one thread that publishes progress; see {@link #publishSoon}. */
    private final ExecutorService publishing = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ogdc-report");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean publishPending = new AtomicBoolean();
    /** The plan as Markdown, for the job summary; empty until the plan is made. */
    private volatile String planMarkdown = "";
    /** The plan's pre-flight estimate as Markdown, for the pull-request comment; empty without one. */
    private volatile Optional<String> estimateMarkdown = Optional.empty();
    private volatile boolean cancelled;
    /** Open until {@link #cancel} has stopped the workflows and published the final report. */
    private final CountDownLatch cancellation = new CountDownLatch(1);
    private final Object finishing = new Object();
    private boolean finished;

    public RunPipeline(RunPlanAssembler assembler, RecipeTranslator translator, ArgoGateway gateway,
            RunReporter reporter, SubmitOptions options, boolean overwrite, boolean stopOnCancel, int parallel,
            RunContext context, Optional<Supersession> supersession, ApprovalGate gate, Clock clock,
            Consumer<String> log) {
        this.assembler = assembler;
        this.translator = translator;
        this.gateway = gateway;
        this.reporter = reporter;
        this.options = options;
        this.overwrite = overwrite;
        this.stopOnCancel = stopOnCancel;
        this.parallel = parallel;
        this.context = context;
        this.supersession = supersession;
        this.gate = gate;
        this.clock = clock;
        this.log = log;
    }

    /**
     * Runs the recipes {@code scope} selects and reports them; returns the final report.
     *
     * @throws InterruptedException if the thread is interrupted (the run is then reported cancelled)
     */
    public RunReport run(ChangeScope scope) throws InterruptedException {
        RunPlan plan = assembler.assemble(scope);
        log.accept("run: " + plan.recipes().size() + " recipe(s) selected by " + plan.scope());
        Map<String, Recipe> toRun = assembler.recipesToRun(plan);
        Map<String, String> held = gate.held(plan, plan.head().orElse(context.headSha()));
        held.keySet().forEach(toRun::remove);
        planMarkdown = PlanRenderer.markdown(plan);
        estimateMarkdown = PlanRenderer.estimateMarkdown(plan);
        synchronized (this) {
            plan.recipes().forEach(recipe -> recipe.estimate().ifPresent(e -> estimates.put(recipe.directory(), e)));
            plan.recipes().forEach(recipe -> reports.put(recipe.directory(), held.containsKey(recipe.directory())
                    ? withState(RunReports.fromPlan(recipe), RecipeState.AWAITING_APPROVAL,
                            held.get(recipe.directory()))
                    : initial(recipe)));
            toRun.forEach((directory, recipe) -> directoriesById.put(recipe.id().value(), directory));
        }
        reporter.update(this::report);
        stopSuperseded(toRun);
        try {
            submitAll(plan, toRun);
        } catch (InterruptedException e) {
            cancel();
            throw e;
        }
        if (cancelled) {
            // the cancelling thread is still stopping workflows through the gateway, which the caller closes once
            // this returns
            cancellation.await();
        }
        return finish();
    }

    /**
     * The job is being cancelled: stops the workflows this run submitted (unless told to leave them), marks
     * every recipe not yet finished cancelled and publishes the final report. Safe to call from another thread,
     * and more than once.
     */
    public void cancel() {
        try {
            List<String> workflows;
            synchronized (this) {
                cancelled = true;
                // before the workers are interrupted, so that a run ending now reports them cancelled
                workflows = List.copyOf(submittedWorkflows);
                reports.replaceAll((directory, report) -> report.state().isCompleted() ? report
                        : withState(report, RecipeState.CANCELLED,
                                "The job was cancelled before this recipe finished."));
            }
            ParallelSubmissions running = submissions;
            if (running != null) {
                running.shutdownNow();
            }
            if (stopOnCancel) {
                for (String workflow : workflows) {
                    try {
                        gateway.stop(workflow, "ogdc-action: the GitHub job was cancelled");
                    } catch (ClusterException e) {
                        log.accept("could not stop " + workflow + ": " + e.getMessage());
                    }
                }
            }
            // on SIGTERM the JVM halts once this returns: a final report being published must be complete by then
            finish();
        } finally {
            cancellation.countDown();
        }
    }

    /** Older runs of the same recipes for the same pull request or branch are stopped before these start. */
    private void stopSuperseded(Map<String, Recipe> toRun) {
        if (supersession.isEmpty() || toRun.isEmpty() || cancelled) {
            return;
        }
        try {
            int stopped = supersession.get().stopOlder(directoriesById.keySet()).size();
            if (stopped > 0) {
                log.accept("run: stopped " + stopped + " superseded run(s): " + supersession.get().reason());
            }
        } catch (ClusterException e) {
            log.accept("warning: could not look for superseded runs to stop (" + e.getMessage() + "); they go on");
        }
    }

    /**
     * Submits the recipes, at most {@code parallel} at once, and follows every submitted workflow to its end through
     * the run's one watch; each recipe is reported the moment its result is known.
     */
    private void submitAll(RunPlan plan, Map<String, Recipe> toRun) throws InterruptedException {
        if (toRun.isEmpty() || cancelled) {
            return;
        }
        RunLabels labels = new RunLabels(plan.head(), context.pullRequest(), context.trigger(), context.branch());
        ParallelSubmissions running;
        synchronized (this) {
            // checked with the submissions' creation under the lock cancel() takes, so a cancellation that comes
            // now either finds them to stop or is seen here
            if (cancelled) {
                return;
            }
            running = new ParallelSubmissions(Math.min(parallel, toRun.size()));
            submissions = running;
        }
        SubmittedWorkflows earlier = SubmittedWorkflows.atCommit(gateway, labels);
        try (WorkflowTracker tracker = new WorkflowTracker(gateway,
                LabelSelector.anyOf(RunLabels.RECIPE_ID, directoriesById.keySet()), Duration.ofMinutes(1),
                this::onChange, log)) {
            List<CompletableFuture<Void>> reported = new ArrayList<>();
            for (Map.Entry<String, Recipe> entry : toRun.entrySet()) {
                Recipe recipe = entry.getValue();
                RecipeSubmitter submitter = new RecipeSubmitter(gateway, tracker, options, earlier,
                        line -> log.accept(entry.getKey() + ": " + line));
                reported.add(running.submit(submitter, recipe, () -> translator.translate(recipe, overwrite), labels)
                        .thenAccept(this::ended));
            }
            for (CompletableFuture<Void> future : reported) {
                try {
                    future.get();
                } catch (ExecutionException | CancellationException e) {
                    Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                    if (!cancelled && !(cause instanceof CancellationException)) {
                        throw new IllegalStateException("submitting a recipe failed unexpectedly", cause);
                    }
                    // the job was cancelled: cancel() reports every unfinished recipe
                }
            }
        } finally {
            running.close();
        }
    }

    /** A recipe's submission is over (it ended, was skipped or could not run): reported at once. */
    private void ended(RecipeSubmission submission) {
        record(RunReports.fromSubmission(submission, context.argoUi()));
        publishSoon();
    }

    /**
     * Has the current state published by the reporting thread, so that neither the watch nor a follower waits for
     * GitHub; what changes while a publication is under way is taken by the next one, which reads the state when
     * it starts (many changes, one publication).
     */
    private void publishSoon() {
        if (cancelled || !publishPending.compareAndSet(false, true)) {
            return;
        }
        try {
            publishing.execute(() -> {
                publishPending.set(false);
                reporter.update(this::report);
            });
        } catch (RejectedExecutionException e) {
            publishPending.set(false); // the run is finishing: the final report carries this change
        }
    }

    /** A main workflow changed: remember it (to stop on cancel) and report a phase change at once. */
    private void onChange(WorkflowState state) {
        String directory = directoriesById.get(state.labels().get(RunLabels.RECIPE_ID));
        if (directory == null || !"main".equals(state.labels().get(RunLabels.ROLE)) || state.isTerminal()) {
            return;
        }
        boolean phaseChanged;
        synchronized (this) {
            if (!submittedWorkflows.contains(state.name())) {
                submittedWorkflows.add(state.name());
            }
            RecipeReport before = reports.get(directory);
            RecipeReport now = RunReports.fromSubmission(new RecipeSubmission(directory,
                    state.labels().get(RunLabels.RECIPE_ID), SubmissionStatus.SUBMITTED, Optional.of(state), false,
                    "Running: " + state.name() + ".", List.of()), context.argoUi());
            if (before.state().isCompleted()) {
                return;
            }
            phaseChanged = before.state() != now.state() || !before.workflowName().equals(now.workflowName());
            reports.put(directory, now);
        }
        if (phaseChanged) {
            publishSoon();
        }
    }

    private synchronized void record(RecipeReport report) {
        RecipeReport before = reports.get(report.directory());
        if (before == null || !before.state().isCompleted()) {
            reports.put(report.directory(), report);
        }
    }

    /** Publishes the final report once; a second caller waits until the first one's publication is complete. */
    private RunReport finish() {
        synchronized (finishing) {
            if (finished) {
                return report();
            }
            finished = true;
            publishing.shutdown();
            RunReport last = report();
            reporter.finish(last);
            return last;
        }
    }

    private synchronized RunReport report() {
        return new RunReport(context.repository(), context.headSha(), context.pullRequest(), context.trigger(),
                context.actionsRunUrl(), clock.instant(), List.copyOf(reports.values()),
                planMarkdown.isEmpty() ? Optional.empty() : Optional.of(planMarkdown), estimateMarkdown, estimates);
    }

    private static RecipeReport initial(RecipePlan plan) {
        RecipeReport planned = RunReports.fromPlan(plan);
        return planned.state() == RecipeState.PLANNED
                ? withState(planned, RecipeState.QUEUED, "Queued: " + plan.why() + ".") : planned;
    }

    private static RecipeReport withState(RecipeReport report, RecipeState state, String detail) {
        return new RecipeReport(report.directory(), report.recipeId(), state, report.workflowName(),
                report.argoUrl(), report.checkRunUrl(), report.progress(), report.startedAt(), report.finishedAt(),
                report.stages(), report.problems(), report.logs(), report.reason(), detail);
    }
}
