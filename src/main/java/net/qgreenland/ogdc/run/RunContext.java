package net.qgreenland.ogdc.run;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a run reports against, besides the change: the repository and the commit check runs go on (a pull request's
 * head, never the test-merge commit), the pull request, what triggered the run, and links.
 *
 * @param repository {@code owner/name}
 * @param headSha the commit check runs belong to
 * @param pullRequest the pull request, when the run is for one (the sticky comment goes there)
 * @param trigger the GitHub event name, or {@code cli}
 * @param actionsRunUrl the Actions run's page
 * @param argoUi the Argo UI's base URL, for links to workflows
 * @param secrets every secret value, kept out of log excerpts
 * @param branch the branch a push ran for ({@code main}), labelled on its workflows so a newer push supersedes them
 */
public record RunContext(
        String repository, String headSha, OptionalInt pullRequest, String trigger, Optional<String> actionsRunUrl,
        Optional<String> argoUi, List<String> secrets, Optional<String> branch) {

    public RunContext {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(headSha, "headSha");
        Objects.requireNonNull(pullRequest, "pullRequest");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(actionsRunUrl, "actionsRunUrl");
        Objects.requireNonNull(argoUi, "argoUi");
        secrets = List.copyOf(secrets);
        Objects.requireNonNull(branch, "branch");
    }

    /** A run not for a branch push (a pull request, a dispatch, the command line). */
    public RunContext(String repository, String headSha, OptionalInt pullRequest, String trigger,
            Optional<String> actionsRunUrl, Optional<String> argoUi, List<String> secrets) {
        this(repository, headSha, pullRequest, trigger, actionsRunUrl, argoUi, secrets, Optional.empty());
    }
}
