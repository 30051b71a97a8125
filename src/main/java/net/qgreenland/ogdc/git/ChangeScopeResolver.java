package net.qgreenland.ogdc.git;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import net.qgreenland.ogdc.action.ActionEvent;
import net.qgreenland.ogdc.action.Command;

/**
 * Decides from a GitHub event which commits to compare (the README's "Which commits are compared" table): a push
 * compares {@code before..after}; a new branch compares its merge base with the default branch; a force push whose
 * old tip cannot be fetched does the same; a pull request compares the merge base of its base and head with its
 * head; dispatches, comment commands and check-run re-runs name recipes; a schedule re-syncs every recipe.
 */
public final class ChangeScopeResolver {

    private final GitChanges git;
    private final Consumer<String> log;

    public ChangeScopeResolver(GitChanges git, Consumer<String> log) {
        this.git = Objects.requireNonNull(git, "git");
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * The scope of {@code event}; {@code checkoutHead} is the commit checked out for the run (GITHUB_SHA, a full
     * SHA), used when the event names recipes without a commit.
     */
    public ChangeScope resolve(ActionEvent event, String checkoutHead) {
        if (event instanceof ActionEvent.Push push) {
            return push(push);
        }
        if (event instanceof ActionEvent.PullRequest pull) {
            return pullRequest(pull);
        }
        if (event instanceof ActionEvent.Dispatch dispatch) {
            String what = "workflow_dispatch";
            return dispatch.all() || dispatch.recipes().isEmpty()
                    ? new ChangeScope.All(checkoutHead, what + ": every recipe"
                            + (dispatch.all() ? "" : " (the recipes input was empty)"))
                    : new ChangeScope.Named(checkoutHead, dispatch.recipes(), what + ": the recipes named");
        }
        if (event instanceof ActionEvent.CommentCommand comment) {
            return comment(comment, checkoutHead);
        }
        if (event instanceof ActionEvent.CheckRunRerequested rerun) {
            return new ChangeScope.Named(git.requireCommit(rerun.headSha()), java.util.List.of(rerun.checkRunName()),
                    "check run '" + rerun.checkRunName() + "' re-requested on " + GitChanges.abbreviate(rerun.headSha()));
        }
        if (event instanceof ActionEvent.Schedule) {
            return new ChangeScope.All(checkoutHead, "schedule: re-sync every recipe");
        }
        return new ChangeScope.Nothing(((ActionEvent.Ignored) event).reason());
    }

    private ChangeScope push(ActionEvent.Push push) {
        String what = "push to " + push.ref();
        if (push.deleted()) {
            return new ChangeScope.Nothing(what + " deleted it: nothing to run");
        }
        if (push.tag()) {
            return new ChangeScope.Nothing(what + " is a tag: recipes run for branches and pull requests");
        }
        String after = git.requireCommit(push.after());
        if (push.created()) {
            return againstDefaultBranch(push, after, what + " created the branch");
        }
        if (push.forced()) {
            Optional<String> before = tryRequireCommit(push.before());
            if (before.isEmpty()) {
                return againstDefaultBranch(push, after, what + " was forced and its old tip "
                        + GitChanges.abbreviate(push.before()) + " cannot be fetched");
            }
            return new ChangeScope.Diff(before.get(), after, what + " (forced): " + range(before.get(), after));
        }
        return new ChangeScope.Diff(push.before(), after, what + ": " + range(push.before(), after));
    }

    /** A new or rewritten branch: from its merge base with the default branch, else every recipe. */
    private ChangeScope againstDefaultBranch(ActionEvent.Push push, String after, String what) {
        Optional<String> branch = push.defaultBranch();
        if (branch.isEmpty()) {
            return new ChangeScope.All(after, what + "; the payload names no default branch, so every recipe runs");
        }
        if (push.ref().equals("refs/heads/" + branch.get())) {
            return new ChangeScope.All(after, what + "; it is the default branch, so every recipe runs");
        }
        Optional<String> tip = tryBranchTip(branch.get());
        Optional<String> base = tip.flatMap(t -> git.findMergeBase(t, after));
        if (base.isEmpty()) {
            return new ChangeScope.All(after, what + "; it shares no history with " + branch.get()
                    + " that could be fetched, so every recipe runs");
        }
        return new ChangeScope.Diff(base.get(), after, what + ": merge base with " + branch.get() + ".."
                + GitChanges.abbreviate(after) + " (" + range(base.get(), after) + ")");
    }

    private ChangeScope pullRequest(ActionEvent.PullRequest pull) {
        String what = "pull request #" + pull.number();
        if (!pull.runnable()) {
            return new ChangeScope.Nothing(what + " was " + pull.action() + ": nothing to run");
        }
        String head = git.requireCommit(pull.headSha());
        Optional<String> base = tryRequireCommit(pull.baseSha()).flatMap(b -> git.findMergeBase(b, head));
        if (base.isPresent()) {
            return new ChangeScope.Diff(base.get(), head, what + ": merge base of " + pull.baseRef() + " and "
                    + pull.headRef() + " .. head (" + range(base.get(), head) + ")");
        }
        // The compare API (the diff's fallback) is three-dot too, so the base SHA still gives the merge base's diff.
        return new ChangeScope.Diff(pull.baseSha(), head, what + ": base..head (" + range(pull.baseSha(), head) + ")");
    }

    private ChangeScope comment(ActionEvent.CommentCommand comment, String checkoutHead) {
        String what = "/ogdc comment on pull request #" + comment.pullNumber();
        if (comment.command() instanceof Command.Run run) {
            if (run.all()) {
                return new ChangeScope.All(checkoutHead, what + ": run all");
            }
            if (!run.recipes().isEmpty()) {
                return new ChangeScope.Named(checkoutHead, run.recipes(), what + ": run the recipes named");
            }
            return new ChangeScope.Nothing(what + ": '/ogdc run' without names re-runs the pull request's changed "
                    + "recipes, whose commits the comment does not carry; plan them with --base and --head");
        }
        return new ChangeScope.Nothing(what + ": '" + comment.command().getClass().getSimpleName().toLowerCase()
                + "' runs no new recipes");
    }

    private Optional<String> tryRequireCommit(String sha) {
        try {
            return Optional.of(git.requireCommit(sha));
        } catch (GitException e) {
            log.accept("cannot use commit " + GitChanges.abbreviate(sha) + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<String> tryBranchTip(String branch) {
        try {
            return Optional.of(git.requireBranchTip(branch));
        } catch (GitException e) {
            log.accept("cannot find branch " + branch + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private static String range(String base, String head) {
        return GitChanges.abbreviate(base) + ".." + GitChanges.abbreviate(head);
    }

}
