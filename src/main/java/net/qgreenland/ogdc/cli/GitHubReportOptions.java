package net.qgreenland.ogdc.cli;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import net.qgreenland.ogdc.action.ActionEnvironment;
import net.qgreenland.ogdc.report.HttpGitHubChecks;
import net.qgreenland.ogdc.report.ThrottledGitHubChecks;
import net.qgreenland.ogdc.report.WritePace;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * How {@code run} writes to GitHub: the pace of its writes ({@code --github-writes-per-minute}, or the action input
 * of the same name), and the check-run and comment adapter built on it.
 */
final class GitHubReportOptions {

    static final String GITHUB_WRITES_INPUT = "github-writes-per-minute";
    /** The longest a check run's progress waits to be sent after its last update. */
    static final Duration UPDATE_INTERVAL = Duration.ofSeconds(10);
    /** How long a new check run's queued state is held, to create it in progress if its recipe starts meanwhile. */
    static final Duration QUEUED_GRACE = Duration.ofSeconds(5);

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--github-writes-per-minute", paramLabel = "N", description = "At most N writes to GitHub in any "
            + "minute, the rest waiting their turn (input github-writes-per-minute; default 80, GitHub's limit on "
            + "content-generating requests; 0: no limit).")
    Integer githubWritesPerMinute;

    /** The pace of writes to GitHub: {@code --github-writes-per-minute}, the input, or GitHub's limit. */
    WritePace writePace(ActionEnvironment action) {
        Optional<String> text = Optional.ofNullable(githubWritesPerMinute).map(String::valueOf)
                .or(() -> action.input(GITHUB_WRITES_INPUT)).map(String::strip).filter(value -> !value.isEmpty());
        if (text.isEmpty()) {
            return new WritePace(WritePace.GITHUB_LIMIT);
        }
        try {
            int perMinute = Integer.parseInt(text.get());
            if (perMinute >= 0) {
                return new WritePace(perMinute);
            }
        } catch (NumberFormatException e) {
            // answered below with what is expected
        }
        throw new ParameterException(spec.commandLine(), GITHUB_WRITES_INPUT + " must be a whole number, 0 (no "
                + "limit) or more, got '" + text.get() + "'");
    }

    /**
     * Check runs and the comment, when running in Actions with a token and a repository: a check run is created
     * when its recipe starts, or queued after {@link #QUEUED_GRACE}; one update of one status per check run per
     * {@link #UPDATE_INTERVAL}. The caller closes it once the run's final report is out.
     */
    static Optional<ThrottledGitHubChecks> checks(RunCommand.Setup setup) {
        return checks(setup, OptionalInt.empty());
    }

    /** As {@link #checks(RunCommand.Setup)}, for a run of pull request {@code opened}, just opened. */
    static Optional<ThrottledGitHubChecks> checks(RunCommand.Setup setup, OptionalInt opened) {
        ActionEnvironment action = setup.action();
        if (!action.isGitHubActions() || setup.token().isEmpty() || action.repository().isEmpty()) {
            return Optional.empty();
        }
        HttpGitHubChecks http = HttpGitHubChecks.connect(RunContexts.apiUrl(action),
                action.repository().get(), setup.token().get(), setup.pace(), setup.log());
        opened.ifPresent(http::assumingNoCommentOn);
        return Optional.of(new ThrottledGitHubChecks(http, UPDATE_INTERVAL, QUEUED_GRACE, Clock.systemUTC()));
    }
}
