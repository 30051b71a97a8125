package net.qgreenland.ogdc.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import net.qgreenland.ogdc.action.ActionEnvironment;
import net.qgreenland.ogdc.action.ActionEvent;
import net.qgreenland.ogdc.action.ActionEvents;
import net.qgreenland.ogdc.action.WorkflowCommands;
import net.qgreenland.ogdc.cluster.ArgoGateway;
import net.qgreenland.ogdc.cluster.RenderingArgoGateway;
import net.qgreenland.ogdc.cluster.SubmitOptions;
import net.qgreenland.ogdc.git.ChangeScope;
import net.qgreenland.ogdc.git.GitChanges;
import net.qgreenland.ogdc.git.JGitChanges;
import net.qgreenland.ogdc.plan.RunPlanner;
import net.qgreenland.ogdc.report.GitHubChecks;
import net.qgreenland.ogdc.report.GitHubException;
import net.qgreenland.ogdc.report.RunReport;
import net.qgreenland.ogdc.report.RunReporter;
import net.qgreenland.ogdc.report.ThrottledGitHubChecks;
import net.qgreenland.ogdc.report.WritePace;
import net.qgreenland.ogdc.report.render.PullRequestCommentRenderer;
import net.qgreenland.ogdc.run.ArgoRunHistory;
import net.qgreenland.ogdc.run.ApprovalGate;
import net.qgreenland.ogdc.run.RunContext;
import net.qgreenland.ogdc.run.RunPipeline;
import net.qgreenland.ogdc.run.RunPlanAssembler;
import net.qgreenland.ogdc.run.Supersession;
import net.qgreenland.ogdc.run.WorkflowCanceller;
import net.qgreenland.ogdc.translate.RecipeTranslator;
import net.qgreenland.ogdc.translate.TranslationSettings;
import net.qgreenland.ogdc.workspace.WorkspaceException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ogdc-action run}: what the action runs. The change (the GitHub event, or {@code --base/--head},
 * {@code --all}, {@code --recipes}; {@code --all} when none is given outside Actions) → its recipes, validated →
 * translated → submitted → watched → reported as check runs, the sticky comment, the job summary and outputs.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Runs the recipes a change selects and reports each one: validates, translates, submits (or, without a "
                    + "cluster, writes the workflows to a directory: the dry run), follows the workflows to their "
                    + "end and reports on GitHub when running in Actions (check runs, a sticky pull-request comment, "
                    + "the job summary, outputs). Outside Actions it prints the report.",
            "Without --base, --all or --recipes: the GitHub event inside Actions, every recipe at HEAD outside."
        },
        footer = {"", "Exit codes: 0 nothing selected failed (as --fail-on counts failures), 1 a recipe is invalid, "
                + "failed, errored or timed out, 2 usage error, 4 the cluster could not be used."})
final class RunCommand implements Callable<Integer> {

    static final String WAIT_INPUT = "wait";
    static final String TIMEOUT_INPUT = "timeout";
    static final String COMMENT_INPUT = "comment";
    static final String ARGO_UI_INPUT = "argo-ui-url";
    static final String FORCE_INPUT = "force";
    static final String COMMAND_INPUT = "command";
    static final String HELPER_IMAGE_INPUT = "helper-image";
    static final String STEP_IMAGE_INPUT = "step-image";

    @Spec
    CommandSpec spec;

    @Mixin
    ChangeOptions change;

    @Mixin
    ArgoConnectionOptions connection;

    @Mixin
    ClusterPolicyOptions policy;

    @Mixin
    ReportDirectoryOptions reportDirectory;

    @Mixin
    EstimateOptions estimate;

    @Mixin
    RunPolicyOptions runPolicy;

    @Option(names = "--no-wait", description = "Submit, report the recipes in progress and exit (input wait: false); "
            + "a later run or 'sync' completes their check runs.")
    boolean noWait;

    @Option(names = "--force", description = "Submit even recipes already submitted at this commit with this content "
            + "(input force).")
    boolean force;

    @Option(names = "--overwrite", description = "Delete each recipe's published results first.")
    boolean overwrite;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = SubmitCommand.DurationConverter.class,
            description = "The longest one recipe may take (input timeout; default 6h).")
    Duration timeout;

    @Option(names = "--parallel", paramLabel = "N",
            description = "Recipes being submitted at once (default 4); submitted ones are followed without limit.")
    int parallel = 4;

    @Mixin
    GitHubReportOptions github;

    private final Path workingDirectory;
    private final Map<String, String> env;

    RunCommand(Path workingDirectory, Map<String, String> env) {
        this.workingDirectory = workingDirectory;
        this.env = Map.copyOf(env);
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ActionEnvironment action = ActionEnvironment.from(env);
        WorkflowCommands commands = WorkflowCommands.of(out, action);
        Optional<String> token = change.token(action);
        if (action.isGitHubActions()) {
            token.ifPresent(commands::mask);
        }
        connection.maskToken(env, err);
        String command = action.input(COMMAND_INPUT).orElse("run").strip();
        if (command.equals("sync") || (action.isGitHubActions() && !change.hasChoice()
                && action.eventName().equals(Optional.of("schedule")))) {
            return SyncCommand.sync(spec, connection, env, workingDirectory, Optional.empty(), Optional.empty());
        }
        if (!command.equals("run")) {
            throw new ParameterException(spec.commandLine(), "input command must be run or sync, got '" + command
                    + "'");
        }
        if (change.hasChoice() || change.head != null) {
            change.requireOneChoice(action);
        }
        Set<String> failing = runPolicy.failOn(action);
        boolean stopOnCancel = runPolicy.stopOnCancel(action);
        Consumer<String> log = line -> {
            synchronized (err) {
                err.println(line);
                err.flush();
            }
        };
        Map<String, String> translationEnv = connection.translationEnvironment(env);
        action.input(HELPER_IMAGE_INPUT).ifPresent(image -> translationEnv.put("OGDC_TASK_IMAGE", image));
        action.input(STEP_IMAGE_INPUT).ifPresent(image ->
                translationEnv.put(TranslationSettings.RECIPE_IMAGE_VARIABLE, image));
        TranslationSettings settings = policy.translationSettings(translationEnv);
        RecipeTranslator translator = new RecipeTranslator(settings);
        RunReport report;
        try (GitChanges git = JGitChanges.open(change.repositoryDirectory(action, workingDirectory), token,
                change.compare(action, token), log)) {
            Optional<ActionEvent> event = event(action);
            Setup setup = new Setup(action, commands, token, settings, translator, git, github.writePace(action), log);
            Optional<Request> request;
            if (event.isPresent() && event.get() instanceof ActionEvent.CommentCommand comment) {
                request = pullRequestEvents().command(setup, comment);
            } else if (event.isPresent() && event.get() instanceof ActionEvent.PullRequest pull
                    && pull.action().equals("closed")) {
                pullRequestEvents().closed(setup, pull);
                request = Optional.empty();
            } else {
                request = Optional.of(eventRequest(setup, event));
            }
            if (request.isEmpty()) {
                return ExitCode.OK.code();
            }
            report = execute(setup, request.get(), stopOnCancel);
        } catch (GitHubException e) {
            err.println("ogdc-action run: " + e.getMessage() + "; nothing was done");
            return ExitCode.FAILED.code();
        }
        if (!action.isGitHubActions()) {
            RunReportPrinter.print(out, report);
        }
        return report.recipes().stream().anyMatch(r -> failing.contains(RunPolicyOptions.key(r.state())))
                ? ExitCode.FAILED.code() : ExitCode.OK.code();
    }

    private PullRequestEvents pullRequestEvents() {
        return new PullRequestEvents(this, spec, connection, env, workingDirectory);
    }

    /** What one run needs that every way of starting it shares. */
    record Setup(ActionEnvironment action, WorkflowCommands commands, Optional<String> token,
                         TranslationSettings settings, RecipeTranslator translator, GitChanges git, WritePace pace,
                         Consumer<String> log) {}

    /**
     * One run to execute: the recipes {@code scope} selects, reported against {@code context}; a fork's only
     * rendered; {@code answer} opens the sticky comment (the reply to a command).
     */
    record Request(ChangeScope scope, RunContext context, boolean fork, SubmitOptions options,
                           Optional<String> answer, boolean approved, boolean justOpened) {}

    /** The run an event (or the command line) asks for. */
    private Request eventRequest(Setup setup, Optional<ActionEvent> event) {
        // a re-requested check run asks for a new run of what already ran at that commit; a dispatch's own
        // force input counts even when the workflow does not pass it on as the action's input
        SubmitOptions options = submitOptions(setup.action(), event.filter(e ->
                e instanceof ActionEvent.CheckRunRerequested
                        || e instanceof ActionEvent.Dispatch dispatch && dispatch.force()).isPresent());
        ChangeScope scope = scope(setup.git(), setup.action(), setup.log());
        setup.log().accept("run: " + scope.description());
        boolean fork = event.filter(e -> e instanceof ActionEvent.PullRequest pull && pull.fork()).isPresent();
        return new Request(scope, RunContexts.of(setup.action(), event, scope, setup.token(), connection.token(env),
                connection.argoUi(env, Optional.empty())), fork, options, Optional.empty(),
                // force (the option, the input, a dispatch's own) also approves recipes over max-pod-hours
                force || bool(setup.action().input(FORCE_INPUT), FORCE_INPUT, false) || event.filter(e ->
                        e instanceof ActionEvent.Dispatch dispatch && dispatch.force()).isPresent(),
                justOpened(setup.action(), event));
    }

    /**
     * Whether this is the first attempt of the run for a pull request just opened: no comment of ours can be on it
     * yet (a re-run of the job is a later attempt and looks).
     */
    private static boolean justOpened(ActionEnvironment action, Optional<ActionEvent> event) {
        return event.filter(e -> e instanceof ActionEvent.PullRequest pull && pull.action().equals("opened"))
                .isPresent() && action.runAttempt().map(attempt -> attempt.equals("1")).orElse(true);
    }

    /** Validates, translates, submits, watches and reports {@code request}'s recipes. */
    private RunReport execute(Setup setup, Request request, boolean stopOnCancel) throws InterruptedException {
        ActionEnvironment action = setup.action();
        Consumer<String> log = setup.log();
        RunContext context = request.context();
        Optional<ThrottledGitHubChecks> throttled = GitHubReportOptions.checks(setup,
                request.justOpened() ? context.pullRequest() : OptionalInt.empty());
        Optional<GitHubChecks> checks = throttled.map(GitHubChecks.class::cast);
        PrintWriter err = spec.commandLine().getErr();
        try (ArgoGateway gateway = request.fork() ? forkDryRun(action, log)
                : connection.open(env, workingDirectory, err, log)) {
            RunPlanAssembler assembler = new RunPlanAssembler(setup.git(), change.rules(action),
                    new RunPlanner(setup.translator(), overwrite, policy.allowlist(env)), log,
                    estimate.estimator(estimate.mode(env), setup.settings(), setup.translator(),
                            new ArgoRunHistory(gateway, log), log));
            RunReporter reporter = new RunReporter(checks, setup.commands(), context.secrets(),
                    comment(action) ? Optional.of(PullRequestCommentRenderer.MARKER) : Optional.empty(), log,
                    Optional.of(reportDirectory.writer(env, workingDirectory)));
            request.answer().ifPresent(reporter::answer);
            Optional<Supersession> supersession = request.fork() || !runPolicy.cancelSuperseded(action)
                    ? Optional.empty()
                    : supersession(new WorkflowCanceller(gateway, checkRunsOnly(checks, setup, context), context,
                            Clock.systemUTC(), log), context);
            RunPipeline pipeline = new RunPipeline(assembler, setup.translator(), gateway, reporter,
                    request.options(), overwrite, stopOnCancel, parallel, context, supersession,
                    new ApprovalGate(runPolicy.maxPodHours(action), request.approved()), Clock.systemUTC(), log);
            try {
                RunReport report = runCancellably(pipeline, request.scope(), setup.pace());
                // the final report is out; what it left queued (submitted with --no-wait, not started yet) must
                // exist on GitHub for a later run or sync to complete
                throttled.ifPresent(ThrottledGitHubChecks::flush);
                return report;
            } catch (WorkspaceException e) {
                // a command naming a recipe that does not exist is answered where it was asked, not only in the log
                if (request.answer().isPresent() && context.pullRequest().isPresent()) {
                    reporter.answerOnly(context.pullRequest().getAsInt(), request.answer().get()
                            + " It could not run: " + e.getMessage() + ".");
                }
                throw e;
            }
        } finally {
            // after the final report on every path: a cancellation's is published before run() returns
            throttled.ifPresent(ThrottledGitHubChecks::close);
        }
    }

    /** A reporter for check runs only: cancelled runs of other commits must not rewrite this run's comment. */
    static RunReporter checkRunsOnly(Optional<GitHubChecks> checks, RunCommand.Setup setup, RunContext context) {
        return new RunReporter(checks, setup.commands(), context.secrets(), Optional.empty(), setup.log());
    }

    /** The older runs a pull request's or a branch's new run stops. */
    private static Optional<Supersession> supersession(WorkflowCanceller canceller, RunContext context) {
        if (context.pullRequest().isPresent()) {
            return Optional.of(Supersession.ofPullRequest(canceller, context.pullRequest().getAsInt(),
                    context.headSha()));
        }
        return context.branch().map(branch -> Supersession.ofBranch(canceller, branch, context.headSha()));
    }

    /**
     * Runs the pipeline with a shutdown hook that reports the run cancelled if the job is stopped (SIGTERM), its
     * writes to GitHub no longer waiting for {@code pace}.
     */
    private static RunReport runCancellably(RunPipeline pipeline, ChangeScope scope, WritePace pace)
            throws InterruptedException {
        Thread onTerm = new Thread(() -> {
            pace.hurry();
            pipeline.cancel();
        }, "ogdc-cancel");
        Runtime.getRuntime().addShutdownHook(onTerm);
        try {
            return pipeline.run(scope);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onTerm);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already stopping: the hook is running and reports the cancellation
            }
        }
    }

    private Optional<ActionEvent> event(ActionEnvironment action) {
        if (!action.isGitHubActions() || change.hasChoice()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ActionEvents.read(action));
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private ChangeScope scope(GitChanges git, ActionEnvironment action, Consumer<String> log) {
        if (!change.hasChoice() && !action.isGitHubActions()) {
            return new ChangeScope.All(git.requireCommit("HEAD"), "every recipe at HEAD (no --base, --all or "
                    + "--recipes given)");
        }
        return change.scope(git, action, log);
    }

    private ArgoGateway forkDryRun(ActionEnvironment action, Consumer<String> log) {
        log.accept("a pull request from a fork never submits workflows (its code is not trusted to run on the "
                + "cluster, and its token cannot report): validating and rendering only");
        Path directory = action.runnerTemp().orElse(workingDirectory)
                .resolve(ArgoConnectionOptions.DEFAULT_DRY_RUN_DIR);
        return new RenderingArgoGateway(directory, connection.namespace(env), log);
    }

    SubmitOptions submitOptions(ActionEnvironment action, boolean rerun) {
        boolean await = !noWait && bool(action.input(WAIT_INPUT), WAIT_INPUT, true);
        boolean forced = rerun || force || bool(action.input(FORCE_INPUT), FORCE_INPUT, false);
        Duration limit = timeout != null ? timeout : action.input(TIMEOUT_INPUT)
                .map(value -> new SubmitCommand.DurationConverter().convert(value))
                .orElse(SubmitOptions.DEFAULT_TIMEOUT);
        return new SubmitOptions(await, forced, limit, SubmitOptions.TimeoutAction.STOP,
                SubmitOptions.DEFAULT_LOG_LINES);
    }

    boolean comment(ActionEnvironment action) {
        return bool(action.input(COMMENT_INPUT), COMMENT_INPUT, true);
    }

    private boolean bool(Optional<String> value, String name, boolean fallback) {
        return ChangeOptions.booleanSetting(value, name, fallback, spec);
    }
}
