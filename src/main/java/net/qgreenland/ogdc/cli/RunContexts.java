package net.qgreenland.ogdc.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import net.qgreenland.ogdc.action.ActionEnvironment;
import net.qgreenland.ogdc.action.ActionEvent;
import net.qgreenland.ogdc.git.ChangeScope;
import net.qgreenland.ogdc.run.RunContext;

/**
 * What a run reports against, from the Actions environment and the event: the repository, the commit check runs go
 * on (a pull request's head), the pull request, the pushed branch, links and the secrets to keep out of excerpts.
 */
final class RunContexts {

    private static final String BRANCH_PREFIX = "refs/heads/";

    private RunContexts() {}

    /** The context of a run for {@code event} (or the command line) over {@code scope}. */
    static RunContext of(ActionEnvironment action, Optional<ActionEvent> event, ChangeScope scope,
            Optional<String> token, Optional<String> argoToken, Optional<String> argoUi) {
        String head = event.filter(e -> e instanceof ActionEvent.PullRequest)
                .map(e -> ((ActionEvent.PullRequest) e).headSha())
                .orElseGet(() -> headOf(scope).or(action::sha).orElse(""));
        OptionalInt pullRequest = event.filter(e -> e instanceof ActionEvent.PullRequest)
                .map(e -> OptionalInt.of(((ActionEvent.PullRequest) e).number())).orElse(OptionalInt.empty());
        Optional<String> branch = event.filter(e -> e instanceof ActionEvent.Push push && !push.tag())
                .map(e -> ((ActionEvent.Push) e).ref()).filter(ref -> ref.startsWith(BRANCH_PREFIX))
                .map(ref -> ref.substring(BRANCH_PREFIX.length()));
        return new RunContext(action.repository().orElse("local"), head, pullRequest,
                action.eventName().orElse("cli"), runUrl(action), argoUi,
                secrets(token, argoToken), branch);
    }

    /** The Actions run's page. */
    static Optional<String> runUrl(ActionEnvironment action) {
        return action.serverUrl().flatMap(server -> action.repository().flatMap(repo ->
                action.runId().map(id -> server + "/" + repo + "/actions/runs/" + id)));
    }

    /** Every secret given, to keep out of log excerpts. */
    static List<String> secrets(Optional<String> token, Optional<String> argoToken) {
        List<String> secrets = new ArrayList<>();
        token.ifPresent(secrets::add);
        argoToken.ifPresent(secrets::add);
        return secrets;
    }

    static String apiUrl(ActionEnvironment action) {
        return action.apiUrl().orElse("https://api.github.com");
    }

    private static Optional<String> headOf(ChangeScope scope) {
        if (scope instanceof ChangeScope.Diff diff) {
            return Optional.of(diff.head());
        }
        if (scope instanceof ChangeScope.All all) {
            return Optional.of(all.head());
        }
        if (scope instanceof ChangeScope.Named named) {
            return Optional.of(named.head());
        }
        return Optional.empty();
    }
}
