package net.qgreenland.ogdc.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import net.qgreenland.ogdc.action.ActionEvent;
import net.qgreenland.ogdc.action.Command;
import net.qgreenland.ogdc.cluster.RunLabels;
import net.qgreenland.ogdc.cluster.WorkflowState;
import net.qgreenland.ogdc.git.ChangeScope;
import net.qgreenland.ogdc.git.ChangeScopeResolver;
import net.qgreenland.ogdc.git.GitChanges;
import net.qgreenland.ogdc.report.CheckConclusion;
import net.qgreenland.ogdc.report.GitHubRepository;
import net.qgreenland.ogdc.report.GitHubRepository.CheckRunRecord;
import net.qgreenland.ogdc.report.GitHubRepository.Permission;
import net.qgreenland.ogdc.report.GitHubRepository.PullRequestState;

/**
 * Decides what a {@code /ogdc} comment on a pull request asks for: only people who may push to the repository (their
 * collaborator permission, not the comment's author association) are obeyed; an obeyed comment gets a 👀 reaction;
 * every command gets an answer for the sticky comment.
 */
public final class PullRequestCommands {

    /** The reaction that says "seen, on it". */
    static final String ACKNOWLEDGED = "eyes";
    /** Conclusions of a check run whose recipe {@code /ogdc retry} runs again. */
    static final List<String> FAILED_CONCLUSIONS = List.of(CheckConclusion.FAILURE.apiName(),
            CheckConclusion.TIMED_OUT.apiName());

    static final String HELP = String.join("\n",
            "| Command | What it does |",
            "|---|---|",
            "| `/ogdc run` | Runs the recipes this pull request changes again, at its head commit. |",
            "| `/ogdc run <recipe> …` | Runs the recipes named. `/ogdc run all` runs every recipe. |",
            "| `/ogdc retry [<recipe> …]` | Runs again the recipes whose last run at the head commit failed or "
                    + "timed out (of those named, if any). |",
            "| `/ogdc cancel [<recipe> …]` | Stops this pull request's running workflows (of those recipes, if "
                    + "named). |",
            "| `/ogdc approve <recipe> …` | Runs the recipes named although their estimate is over the approval "
                    + "threshold, at the head commit only: a new push needs a new approval. |",
            "| `/ogdc help` | Shows this table. |",
            "",
            "Name a recipe by its directory (`recipes/seal-tags`), its folder name (`seal-tags`) or its id. Commands "
                    + "need write access to the repository.");

    private final GitHubRepository github;
    private final ChangeScopeResolver resolver;
    private final Consumer<String> log;

    public PullRequestCommands(GitHubRepository github, ChangeScopeResolver resolver, Consumer<String> log) {
        this.github = Objects.requireNonNull(github, "github");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.log = Objects.requireNonNull(log, "log");
    }

    /** What to do for a comment: only answer, stop runs, or run recipes. */
    public sealed interface Reply {
        /** Markdown for the sticky comment. */
        String answer();
    }

    /** Nothing to run or stop: help, a refusal, or why nothing applies. */
    public record Answer(String answer) implements Reply {}

    /** Stop the pull request's unfinished workflows (of {@code recipes}, when any are named). */
    public record Cancel(PullRequestState pull, List<String> recipes, String answer) implements Reply {

        /** Whether {@code workflow} is one of the recipes named (all when none are). */
        public Predicate<WorkflowState> which() {
            return workflow -> recipes.isEmpty() || recipes.stream().anyMatch(name -> names(name,
                    workflow.annotations().getOrDefault(RunLabels.RECIPE_DIRECTORY_ANNOTATION, ""))
                    || name.equals(workflow.labels().get(RunLabels.RECIPE_ID)));
        }

        /** The answer once {@code stopped} were stopped: which, or that nothing was running. */
        public String answerFor(List<WorkflowCanceller.CancelledRun> stopped) {
            if (stopped.isEmpty()) {
                return answer + " Nothing of this pull request" + (recipes.isEmpty() ? "" : " for those recipes")
                        + " was running.";
            }
            List<String> lines = new ArrayList<>();
            stopped.forEach(run -> lines.add("- `" + run.directory() + "`: stopped `" + run.workflow() + "`"));
            return answer + " Stopped " + stopped.size() + (stopped.size() == 1 ? " run" : " runs") + ":\n\n"
                    + String.join("\n", lines);
        }
    }

    /**
     * Run the recipes {@code scope} selects at the pull request's head, submitting again what ran before;
     * {@code approved}: past the approval gate (at this head only).
     */
    public record Run(PullRequestState pull, ChangeScope scope, String answer, boolean approved) implements Reply {}

    /**
     * The reply to {@code comment}.
     *
     * @throws net.qgreenland.ogdc.report.GitHubException when the author's permission or the pull request cannot
     *     be read (nothing is done on a guess)
     */
    public Reply decide(ActionEvent.CommentCommand comment) {
        String who = "@" + comment.author();
        String asked = "`" + said(comment.command()) + "`";
        Permission permission = github.requirePermission(comment.author());
        if (!permission.canWrite()) {
            log.accept("ignoring " + said(comment.command()) + " from " + comment.author() + ": their permission is "
                    + permission.apiName() + ", and commands need write access");
            return new Answer(who + ": " + asked + " needs write access to this repository (yours is "
                    + permission.apiName() + "); nothing was done.");
        }
        acknowledge(comment);
        Command command = comment.command();
        if (command instanceof Command.Help) {
            return new Answer(who + " asked for help.\n\n" + HELP);
        }
        if (command instanceof Command.Unknown unknown) {
            return new Answer(who + ": `/ogdc " + untrusted(unknown.text()) + "` is not a command.\n\n" + HELP);
        }
        PullRequestState pull = github.requirePullRequest(comment.pullNumber());
        if (!pull.open()) {
            return new Answer(who + ": pull request #" + pull.number() + " is closed; " + asked + " did nothing.");
        }
        if (command instanceof Command.Cancel cancel) {
            return new Cancel(pull, cancel.recipes(), who + " asked " + asked + ".");
        }
        if (command instanceof Command.Retry retry) {
            return retry(pull, retry.recipes(), who, asked);
        }
        String at = " at " + GitChanges.abbreviate(pull.headSha());
        if (command instanceof Command.Approve approve) {
            if (approve.recipes().isEmpty()) {
                return new Answer(who + ": name the recipes to approve: `/ogdc approve <recipe> …`.");
            }
            return new Run(pull, new ChangeScope.Named(pull.headSha(), approve.recipes(), "/ogdc approve on pull "
                    + "request #" + pull.number()), who + " approved " + String.join(", ", approve.recipes()) + at
                    + ": running " + (approve.recipes().size() == 1 ? "it" : "them") + ".", true);
        }
        Command.Run run = (Command.Run) command;
        if (run.all()) {
            return new Run(pull, new ChangeScope.All(pull.headSha(), "/ogdc run all on pull request #"
                    + pull.number()), who + " asked " + asked + ": running every recipe" + at + ".", false);
        }
        if (!run.recipes().isEmpty()) {
            return new Run(pull, new ChangeScope.Named(pull.headSha(), run.recipes(), "/ogdc run on pull request #"
                    + pull.number() + ": the recipes named"), who + " asked " + asked + ": running "
                    + String.join(", ", run.recipes()) + at + ".", false);
        }
        ChangeScope changed = resolver.resolve(new ActionEvent.PullRequest("synchronize", pull.number(),
                pull.baseSha(), pull.headSha(), pull.baseRef(), pull.headRef(), pull.fork(), pull.draft()),
                pull.headSha());
        return new Run(pull, changed, who + " asked " + asked + ": running the recipes this pull request changes"
                + at + ".", false);
    }

    /** The recipes whose check run at the head ended failed or timed out (of those named, if any). */
    private Reply retry(PullRequestState pull, List<String> names, String who, String asked) {
        String suffix = "@" + pull.headSha();
        List<String> failed = new ArrayList<>();
        for (CheckRunRecord run : github.listCheckRuns(pull.headSha())) {
            boolean ours = run.externalId().filter(id -> id.equals(run.name() + suffix)).isPresent();
            if (ours && run.isCompleted() && run.conclusion().filter(FAILED_CONCLUSIONS::contains).isPresent()
                    && (names.isEmpty() || names.stream().anyMatch(name -> names(name, run.name())))
                    && !failed.contains(run.name())) {
                failed.add(run.name());
            }
        }
        if (failed.isEmpty()) {
            return new Answer(who + ": " + asked + ": no recipe" + (names.isEmpty() ? "" : " of those named")
                    + " failed at " + GitChanges.abbreviate(pull.headSha()) + ", so there is nothing to retry.");
        }
        return new Run(pull, new ChangeScope.Named(pull.headSha(), failed, "/ogdc retry on pull request #"
                + pull.number() + ": the recipes that failed"), who + " asked " + asked + ": running again "
                + String.join(", ", failed) + " (failed at " + GitChanges.abbreviate(pull.headSha()) + ").", false);
    }

    private void acknowledge(ActionEvent.CommentCommand comment) {
        if (comment.commentId() <= 0) {
            return;
        }
        try {
            github.addReaction(comment.commentId(), ACKNOWLEDGED);
        } catch (RuntimeException e) {
            // the reaction is a courtesy: the command still runs and is answered in the sticky comment
            log.accept("warning: could not react to the comment: " + e.getMessage());
        }
    }

    /** Whether {@code name} (a directory, a folder name) names the recipe in {@code directory}. */
    private static boolean names(String name, String directory) {
        String trimmed = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        return !trimmed.isEmpty() && (directory.equals(trimmed) || directory.endsWith("/" + trimmed));
    }

    private static String said(Command command) {
        if (command instanceof Command.Run run) {
            return "/ogdc run" + (run.all() ? " all" : "") + words(run.recipes());
        }
        if (command instanceof Command.Retry retry) {
            return "/ogdc retry" + words(retry.recipes());
        }
        if (command instanceof Command.Cancel cancel) {
            return "/ogdc cancel" + words(cancel.recipes());
        }
        if (command instanceof Command.Approve approve) {
            return "/ogdc approve" + words(approve.recipes());
        }
        return command instanceof Command.Help ? "/ogdc help" : "/ogdc " + ((Command.Unknown) command).text();
    }

    private static String words(List<String> recipes) {
        return recipes.isEmpty() ? "" : " " + untrusted(String.join(" ", recipes));
    }

    /** Comment text is untrusted: it must not close a code span, ping anyone or run long. */
    static String untrusted(String text) {
        String flat = text.replaceAll("[`\\r\\n]", " ").replace("@", "@\u200b").strip();
        return flat.length() > 80 ? flat.substring(0, 80) + "…" : flat;
    }

    /** The pull request a reply is about, or empty for an answer that read none. */
    public static Optional<PullRequestState> pullRequestOf(Reply reply) {
        if (reply instanceof Cancel cancel) {
            return Optional.of(cancel.pull());
        }
        return reply instanceof Run run ? Optional.of(run.pull()) : Optional.empty();
    }
}
