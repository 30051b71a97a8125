package net.qgreenland.ogdc.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.function.Predicate;
import net.qgreenland.ogdc.action.ActionEnvironment;
import net.qgreenland.ogdc.action.ActionEvent;
import net.qgreenland.ogdc.cluster.ArgoGateway;
import net.qgreenland.ogdc.cluster.RunLabels;
import net.qgreenland.ogdc.cluster.WorkflowState;
import net.qgreenland.ogdc.git.ChangeScope;
import net.qgreenland.ogdc.git.ChangeScopeResolver;
import net.qgreenland.ogdc.report.GitHubChecks;
import net.qgreenland.ogdc.report.GitHubRepository;
import net.qgreenland.ogdc.report.HttpGitHubRepository;
import net.qgreenland.ogdc.report.RunReporter;
import net.qgreenland.ogdc.report.ThrottledGitHubChecks;
import net.qgreenland.ogdc.report.render.PullRequestCommentRenderer;
import net.qgreenland.ogdc.run.PullRequestCommands;
import net.qgreenland.ogdc.run.RunContext;
import net.qgreenland.ogdc.run.WorkflowCanceller;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The pull-request events that are not a change to run: a {@code /ogdc} comment (answered, runs stopped, or a run
 * handed back to {@code run}) and a closed pull request (its unfinished runs stopped).
 */
final class PullRequestEvents {

    private final RunCommand runCommand;
    private final CommandSpec spec;
    private final ArgoConnectionOptions connection;
    private final Map<String, String> env;
    private final Path workingDirectory;

    PullRequestEvents(RunCommand runCommand, CommandSpec spec, ArgoConnectionOptions connection,
            Map<String, String> env, Path workingDirectory) {
        this.runCommand = runCommand;
        this.spec = spec;
        this.connection = connection;
        this.env = env;
        this.workingDirectory = workingDirectory;
    }

    /**
     * A {@code /ogdc} comment: the commenter's permission checked, the comment acknowledged, then an answer, runs
     * stopped, or the run to execute (returned).
     */
    Optional<RunCommand.Request> command(RunCommand.Setup setup, ActionEvent.CommentCommand comment) {
        ActionEnvironment action = setup.action();
        if (setup.token().isEmpty() || action.repository().isEmpty()) {
            throw new ParameterException(spec.commandLine(), "a /ogdc comment command needs the token input (to "
                    + "check the commenter's permission) and GITHUB_REPOSITORY");
        }
        Consumer<String> log = setup.log();
        GitHubRepository github = HttpGitHubRepository.connect(RunContexts.apiUrl(action), action.repository().get(),
                setup.token().get(), setup.pace(), log);
        PullRequestCommands.Reply reply = new PullRequestCommands(github, new ChangeScopeResolver(setup.git(), log),
                log).decide(comment);
        log.accept("run: " + reply.answer());
        RunContext context = new RunContext(action.repository().get(),
                PullRequestCommands.pullRequestOf(reply).map(GitHubRepository.PullRequestState::headSha).orElse(""),
                OptionalInt.of(comment.pullNumber()), action.eventName().orElse("issue_comment"),
                RunContexts.runUrl(action), connection.argoUi(env, Optional.empty()),
                RunContexts.secrets(setup.token(), connection.token(env)));
        if (reply instanceof PullRequestCommands.Run run) {
            boolean fork = run.pull().fork();
            String answer = run.answer() + (fork ? " The pull request comes from a fork, so its recipes are "
                    + "validated and rendered but never submitted." : "");
            return Optional.of(new RunCommand.Request(run.scope(), context, fork,
                    runCommand.submitOptions(action, true), Optional.of(answer), run.approved(), false));
        }
        Optional<ThrottledGitHubChecks> throttled = GitHubReportOptions.checks(setup);
        try {
            Optional<GitHubChecks> checks = throttled.map(GitHubChecks.class::cast);
            String answer = reply.answer();
            if (reply instanceof PullRequestCommands.Cancel cancel) {
                answer = cancelForCommand(setup, cancel, context, checks);
            }
            new RunReporter(checks, setup.commands(), context.secrets(), runCommand.comment(action)
                    ? Optional.of(PullRequestCommentRenderer.MARKER) : Optional.empty(), log)
                    .answerOnly(comment.pullNumber(), answer);
            return Optional.empty();
        } finally {
            throttled.ifPresent(ThrottledGitHubChecks::close);
        }
    }

    private String cancelForCommand(RunCommand.Setup setup, PullRequestCommands.Cancel cancel, RunContext context,
            Optional<GitHubChecks> checks) {
        return cancel.answerFor(stopRuns(setup, context, checks, cancel.pull().number(), cancel.which(),
                "Cancelled from the pull request with /ogdc cancel."));
    }

    /** A closed pull request's unfinished runs are stopped and their check runs completed as cancelled. */
    void closed(RunCommand.Setup setup, ActionEvent.PullRequest pull) {
        if (pull.fork()) {
            setup.log().accept("run: pull request #" + pull.number() + " from a fork was closed; its runs were never "
                    + "submitted, so there is nothing to stop");
            return;
        }
        RunContext context = RunContexts.of(setup.action(), Optional.of(pull), new ChangeScope.Nothing("closed"),
                setup.token(), connection.token(env), connection.argoUi(env, Optional.empty()));
        List<WorkflowCanceller.CancelledRun> stopped;
        Optional<ThrottledGitHubChecks> throttled = GitHubReportOptions.checks(setup);
        try {
            stopped = stopRuns(setup, context, throttled.map(GitHubChecks.class::cast), pull.number(),
                    workflow -> true, "Pull request #" + pull.number() + " was closed.");
        } finally {
            throttled.ifPresent(ThrottledGitHubChecks::close);
        }
        setup.log().accept("run: pull request #" + pull.number() + " was closed; stopped " + stopped.size()
                + " unfinished run(s)");
    }

    /** Stops pull request {@code number}'s unfinished workflows that {@code which} keeps, saying {@code reason}. */
    private List<WorkflowCanceller.CancelledRun> stopRuns(RunCommand.Setup setup, RunContext context,
            Optional<GitHubChecks> checks, int number, Predicate<WorkflowState> which, String reason) {
        try (ArgoGateway gateway = connection.open(env, workingDirectory, spec.commandLine().getErr(), setup.log())) {
            return new WorkflowCanceller(gateway, RunCommand.checkRunsOnly(checks, setup, context), context,
                    Clock.systemUTC(), setup.log()).cancel(Map.of(RunLabels.PULL_REQUEST, Integer.toString(number)),
                    which, reason);
        }
    }
}
