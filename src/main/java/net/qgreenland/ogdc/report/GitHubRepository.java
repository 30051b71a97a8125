package net.qgreenland.ogdc.report;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Port: what the pull-request commands and {@code sync} read from GitHub and the one reaction they leave, for one
 * repository. Adapter: {@code HttpGitHubRepository}.
 *
 * <p>Contract: transient failures are retried inside the adapter within a bound; whatever still fails throws
 * {@link GitHubException} naming the call, because a command must not act on an answer it did not get (a permission
 * that could not be read is not a permission).
 */
public interface GitHubRepository {

    /**
     * Pull request {@code number} as it is now.
     *
     * @see <a href="https://docs.github.com/en/rest/pulls/pulls#get-a-pull-request">Get a pull request</a>
     */
    PullRequestState requirePullRequest(int number);

    /**
     * {@code login}'s permission on the repository ({@link Permission#NONE} for someone who is not a collaborator).
     *
     * @see <a href="https://docs.github.com/en/rest/collaborators/collaborators#get-repository-permissions-for-a-user">
     *     Get repository permissions for a user</a>
     */
    Permission requirePermission(String login);

    /** Adds reaction {@code content} ({@code eyes}) to issue comment {@code commentId}. */
    void addReaction(long commentId, String content);

    /** Every check run on commit {@code headSha}, newest first as GitHub lists them. */
    List<CheckRunRecord> listCheckRuns(String headSha);

    /** A pull request's state and commits; {@code fork} unless head and base are the same repository. */
    record PullRequestState(int number, boolean open, String baseSha, String headSha, String baseRef,
                            String headRef, boolean fork, boolean draft) {
        public PullRequestState {
            Objects.requireNonNull(baseSha, "baseSha");
            Objects.requireNonNull(headSha, "headSha");
            Objects.requireNonNull(baseRef, "baseRef");
            Objects.requireNonNull(headRef, "headRef");
        }
    }

    /** A collaborator's role, strongest first; custom roles count as the base role GitHub reports for them. */
    enum Permission {
        ADMIN, MAINTAIN, WRITE, TRIAGE, READ, NONE;

        /** Whether this role may push, and so may start or stop runs on the cluster. */
        public boolean canWrite() {
            return this == ADMIN || this == MAINTAIN || this == WRITE;
        }

        /** As GitHub spells it: {@code maintain}. */
        public String apiName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One check run as GitHub lists it.
     *
     * @param externalId ours are {@code <recipe directory>@<head sha>}; empty for other tools' check runs
     * @param status {@code queued}, {@code in_progress} or {@code completed} (as the API spells them)
     * @param conclusion present once completed ({@code failure}, {@code timed_out}, ...)
     */
    record CheckRunRecord(long id, String name, Optional<String> externalId, String status,
                          Optional<String> conclusion) {
        public CheckRunRecord {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(externalId, "externalId");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(conclusion, "conclusion");
        }

        public boolean isCompleted() {
            return status.equals("completed");
        }
    }
}
