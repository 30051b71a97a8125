package net.qgreenland.ogdc.action;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What triggered this run, parsed from the event name ({@code GITHUB_EVENT_NAME}) and the payload
 * ({@code GITHUB_EVENT_PATH}); fields the payload lacks (older payloads lack many) become empty strings, zero,
 * {@code false} or empty.
 *
 * @see <a href="https://docs.github.com/en/actions/reference/workflows-and-actions/events-that-trigger-workflows">
 *     events that trigger workflows</a>
 */
public sealed interface ActionEvent {

    /** The SHA GitHub uses for "no commit": {@code before} of a created ref, {@code after} of a deleted one. */
    String NULL_SHA = "0".repeat(40);

    /**
     * The event {@code eventName} with payload {@code json}.
     *
     * @throws IllegalArgumentException when {@code json} is not a JSON object
     */
    static ActionEvent parse(String eventName, String json) {
        return ActionEventParser.parse(eventName, json);
    }

    /**
     * A {@code push}: {@code created} also when {@code before} is {@link #NULL_SHA} (nothing to diff against),
     * {@code deleted} also when {@code after} is (nothing to run), {@code tag} when {@code ref} is under
     * {@code refs/tags/}; {@code defaultBranch} is the repository's, to diff a new ref against.
     */
    record Push(String before, String after, String ref, boolean created, boolean deleted, boolean forced,
                boolean tag, Optional<String> defaultBranch) implements ActionEvent {
        public Push {
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(defaultBranch, "defaultBranch");
        }
    }

    /**
     * A {@code pull_request}; {@code fork} unless head and base are known to be the same repository (a deleted fork
     * has no head repository), and check runs belong on {@code headSha}.
     */
    record PullRequest(String action, int number, String baseSha, String headSha, String baseRef, String headRef,
                       boolean fork, boolean draft) implements ActionEvent {

        /** The actions after which the pull request's recipes run; after the others (e.g. closed) nothing does. */
        public static final Set<String> RUNNABLE_ACTIONS = Set.of("opened", "synchronize", "reopened",
                "ready_for_review");

        public PullRequest {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(baseSha, "baseSha");
            Objects.requireNonNull(headSha, "headSha");
            Objects.requireNonNull(baseRef, "baseRef");
            Objects.requireNonNull(headRef, "headRef");
        }

        /** True when this action means the recipes should run (opened, synchronize, reopened, ready_for_review). */
        public boolean runnable() {
            return RUNNABLE_ACTIONS.contains(action);
        }
    }

    /**
     * A {@code workflow_dispatch} with inputs {@code recipes} (names separated by commas or spaces; {@code all}
     * sets {@code all}) and {@code force}.
     */
    record Dispatch(List<String> recipes, boolean all, boolean force) implements ActionEvent {
        public Dispatch {
            recipes = List.copyOf(recipes);
        }
    }

    /**
     * A new {@code issue_comment} on pull request {@code pullNumber} with a {@code /ogdc} command; the payload has
     * no SHAs. {@code authorAssociation} (e.g. {@code OWNER}, {@code NONE}) is only a hint: whether to obey is
     * decided by the author's permission on the repository. {@code commentId} is the comment's, to react to.
     */
    record CommentCommand(int pullNumber, long commentId, String author, String authorAssociation, Command command)
            implements ActionEvent {
        public CommentCommand {
            Objects.requireNonNull(author, "author");
            Objects.requireNonNull(authorAssociation, "authorAssociation");
            Objects.requireNonNull(command, "command");
        }
    }

    /** A {@code check_run} re-run request for check {@code checkRunName} on commit {@code headSha}. */
    record CheckRunRerequested(String checkRunName, String headSha, Optional<String> externalId)
            implements ActionEvent {
        public CheckRunRerequested {
            Objects.requireNonNull(checkRunName, "checkRunName");
            Objects.requireNonNull(headSha, "headSha");
            Objects.requireNonNull(externalId, "externalId");
        }
    }

    /** A {@code schedule} (cron) run. */
    record Schedule() implements ActionEvent {
    }

    /** An event or action there is nothing to run for, and why (to log it). */
    record Ignored(String reason) implements ActionEvent {
        public Ignored {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
