package net.qgreenland.ogdc.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.qgreenland.ogdc.action.ActionEvent;
import net.qgreenland.ogdc.action.Command;
import net.qgreenland.ogdc.cluster.RunLabels;
import net.qgreenland.ogdc.cluster.WorkflowPhase;
import net.qgreenland.ogdc.cluster.WorkflowState;
import net.qgreenland.ogdc.git.ChangeScope;
import net.qgreenland.ogdc.git.ChangeScopeResolver;
import net.qgreenland.ogdc.git.JGitChanges;
import net.qgreenland.ogdc.report.GitHubException;
import net.qgreenland.ogdc.report.GitHubRepository;
import net.qgreenland.ogdc.testing.CommitWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What a {@code /ogdc} comment makes happen, by the commenter's permission, the command and the pull request. */
class PullRequestCommandsTest {

    @TempDir
    Path temp;

    final FakeGitHub github = new FakeGitHub();
    CommitWriter repository;
    JGitChanges git;
    String base;
    String head;

    @BeforeEach
    void pullRequestChangingAlpha() {
        repository = CommitWriter.init(temp.resolve("repo"))
                .write("recipes/alpha/meta.yml", "name: Alpha\n")
                .write("recipes/beta/meta.yml", "name: Beta\n");
        base = repository.commit("two recipes");
        head = repository.write("recipes/alpha/meta.yml", "name: Alpha 2\n").commit("change alpha");
        git = JGitChanges.open(repository.directory(), Optional.empty(), Optional.empty(), line -> {});
        github.pull = new GitHubRepository.PullRequestState(7, true, base, head, "main", "feature", false, false);
        github.permissions.put("maintainer", GitHubRepository.Permission.MAINTAIN);
    }

    @AfterEach
    void close() {
        git.close();
        repository.close();
    }

    @ParameterizedTest(name = "{0} may not command runs")
    @EnumSource(value = GitHubRepository.Permission.class, names = {"TRIAGE", "READ", "NONE"})
    void peopleWhoCannotPushAreAnsweredAndNothingElseHappens(GitHubRepository.Permission permission) {
        github.permissions.put("visitor", permission);

        PullRequestCommands.Reply reply = commands().decide(comment("visitor", new Command.Run(List.of(), true)));

        assertThat(reply).isInstanceOf(PullRequestCommands.Answer.class);
        assertThat(reply.answer()).contains("@visitor", "`/ogdc run all` needs write access",
                "yours is " + permission.apiName());
        assertThat(github.reactions).isEmpty();
        assertThat(github.pullReads).isZero();
    }

    @Test
    void theAuthorAssociationIsNotTrustedOnlyThePermission() {
        github.permissions.put("ex-owner", GitHubRepository.Permission.READ);

        PullRequestCommands.Reply reply = commands().decide(new ActionEvent.CommentCommand(7, 99L, "ex-owner",
                "OWNER", new Command.Run(List.of(), false)));

        assertThat(reply).isInstanceOf(PullRequestCommands.Answer.class);
    }

    @Test
    void runWithoutNamesRunsTheRecipesThePullRequestChangesAtItsHead() {
        PullRequestCommands.Reply reply = commands().decide(comment("maintainer", new Command.Run(List.of(), false)));

        assertThat(reply).isInstanceOfSatisfying(PullRequestCommands.Run.class, run -> {
            assertThat(run.scope()).isInstanceOfSatisfying(ChangeScope.Diff.class, diff -> {
                assertThat(diff.base()).isEqualTo(base);
                assertThat(diff.head()).isEqualTo(head);
            });
            assertThat(run.answer()).contains("@maintainer asked `/ogdc run`", "changes at " + head.substring(0, 7));
        });
        assertThat(github.reactions).containsExactly("99:eyes");
    }

    @Test
    void runWithNamesOrAllRunsThoseAtTheHead() {
        PullRequestCommands.Reply named = commands().decide(comment("maintainer",
                new Command.Run(List.of("beta"), false)));
        PullRequestCommands.Reply all = commands().decide(comment("maintainer", new Command.Run(List.of(), true)));

        assertThat(((PullRequestCommands.Run) named).scope())
                .isEqualTo(new ChangeScope.Named(head, List.of("beta"), "/ogdc run on pull request #7: the recipes named"));
        assertThat(((PullRequestCommands.Run) all).scope()).isInstanceOf(ChangeScope.All.class);
    }

    @Test
    void retryRunsOnlyOurCheckRunsThatFailedOrTimedOutAtTheHead() {
        github.checkRuns = List.of(
                run("recipes/alpha", "recipes/alpha@" + head, "failure"),
                run("recipes/beta", "recipes/beta@" + head, "success"),
                run("recipes/gamma", "recipes/gamma@" + head, "timed_out"),
                run("recipes/delta", "recipes/delta@" + base, "failure"),
                run("lint", "", "failure"),
                new GitHubRepository.CheckRunRecord(6, "recipes/epsilon", Optional.of("recipes/epsilon@" + head),
                        "in_progress", Optional.empty()));

        PullRequestCommands.Reply reply = commands().decide(comment("maintainer", new Command.Retry(List.of())));
        PullRequestCommands.Reply named = commands().decide(comment("maintainer",
                new Command.Retry(List.of("gamma", "beta"))));

        assertThat(((PullRequestCommands.Run) reply).scope()).isEqualTo(new ChangeScope.Named(head,
                List.of("recipes/alpha", "recipes/gamma"), "/ogdc retry on pull request #7: the recipes that failed"));
        assertThat(reply.answer()).contains("running again recipes/alpha, recipes/gamma");
        assertThat(((ChangeScope.Named) ((PullRequestCommands.Run) named).scope()).names())
                .containsExactly("recipes/gamma");
    }

    @Test
    void approveRunsTheRecipesNamedPastTheGateAtTheHeadAndNeedsNames() {
        PullRequestCommands.Reply approved = commands().decide(comment("maintainer",
                new Command.Approve(List.of("beta"))));
        PullRequestCommands.Reply nameless = commands().decide(comment("maintainer", new Command.Approve(List.of())));

        assertThat(approved).isInstanceOfSatisfying(PullRequestCommands.Run.class, run -> {
            assertThat(run.approved()).isTrue();
            assertThat(run.scope()).isEqualTo(new ChangeScope.Named(head, List.of("beta"),
                    "/ogdc approve on pull request #7"));
            assertThat(run.answer()).isEqualTo("@maintainer approved beta at " + head.substring(0, 7)
                    + ": running it.");
        });
        assertThat(nameless).isInstanceOf(PullRequestCommands.Answer.class);
        assertThat(nameless.answer()).contains("name the recipes to approve");
    }

    @Test
    void onlyApproveGetsPastTheGate() {
        assertThat(((PullRequestCommands.Run) commands().decide(comment("maintainer",
                new Command.Run(List.of("beta"), false)))).approved()).isFalse();
    }

    @Test
    void retryWithNothingFailedSaysSo() {
        github.checkRuns = List.of(run("recipes/alpha", "recipes/alpha@" + head, "success"));

        PullRequestCommands.Reply reply = commands().decide(comment("maintainer", new Command.Retry(List.of())));

        assertThat(reply).isInstanceOf(PullRequestCommands.Answer.class);
        assertThat(reply.answer()).contains("no recipe failed at " + head.substring(0, 7), "nothing to retry");
    }

    @Test
    void cancelPicksTheNamedRecipesByDirectoryFolderOrId() {
        PullRequestCommands.Reply reply = commands().decide(comment("maintainer",
                new Command.Cancel(List.of("alpha"))));

        assertThat(reply).isInstanceOfSatisfying(PullRequestCommands.Cancel.class, cancel -> {
            assertThat(cancel.pull().number()).isEqualTo(7);
            assertThat(cancel.recipes()).containsExactly("alpha");
            assertThat(cancel.which()).accepts(workflow("recipes/alpha", "x"), workflow("", "alpha"))
                    .rejects(workflow("recipes/beta", "beta"), workflow("recipes/alphabet", "alphabet"));
        });
    }

    private static WorkflowState workflow(String directory, String id) {
        return new WorkflowState("wf", "qgnet", "1", WorkflowPhase.RUNNING, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Map.of(RunLabels.RECIPE_ID, id),
                directory.isEmpty() ? Map.of() : Map.of(RunLabels.RECIPE_DIRECTORY_ANNOTATION, directory), List.of());
    }

    @Test
    void helpAndUnknownCommandsAreAnsweredWithTheCommandTable() {
        PullRequestCommands.Reply help = commands().decide(comment("maintainer", new Command.Help()));
        PullRequestCommands.Reply unknown = commands().decide(comment("maintainer",
                new Command.Unknown("deploy `rm -rf` @everyone")));

        assertThat(help.answer()).contains("| `/ogdc retry [<recipe> …]` |");
        assertThat(unknown.answer()).contains("`/ogdc deploy  rm -rf  @\u200beveryone` is not a command",
                "| `/ogdc help` |");
        assertThat(github.pullReads).isZero();
    }

    @Test
    void aClosedPullRequestRunsNothing() {
        github.pull = new GitHubRepository.PullRequestState(7, false, base, head, "main", "feature", false, false);

        PullRequestCommands.Reply reply = commands().decide(comment("maintainer", new Command.Run(List.of(), true)));

        assertThat(reply).isInstanceOf(PullRequestCommands.Answer.class);
        assertThat(reply.answer()).contains("pull request #7 is closed");
    }

    @Test
    void aPermissionThatCannotBeReadStopsTheCommand() {
        github.permissionFailure = new GitHubException("reading the permission of @maintainer failed: 502");

        assertThatThrownBy(() -> commands().decide(comment("maintainer", new Command.Run(List.of(), true))))
                .isInstanceOf(GitHubException.class).hasMessageContaining("502");
        assertThat(github.reactions).isEmpty();
    }

    @Test
    void aFailedReactionDoesNotStopTheCommand() {
        github.reactionFailure = new GitHubException("reacting failed: 500");

        assertThat(commands().decide(comment("maintainer", new Command.Run(List.of(), true))))
                .isInstanceOf(PullRequestCommands.Run.class);
    }

    private PullRequestCommands commands() {
        return new PullRequestCommands(github, new ChangeScopeResolver(git, line -> {}), line -> {});
    }

    private static ActionEvent.CommentCommand comment(String author, Command command) {
        return new ActionEvent.CommentCommand(7, 99L, author, "CONTRIBUTOR", command);
    }

    private static GitHubRepository.CheckRunRecord run(String name, String externalId, String conclusion) {
        return new GitHubRepository.CheckRunRecord(1, name, Optional.of(externalId).filter(id -> !id.isEmpty()),
                "completed", Optional.of(conclusion));
    }

    /** GitHub as the commands see it: permissions by login, one pull request, its head's check runs. */
    static final class FakeGitHub implements GitHubRepository {
        final Map<String, Permission> permissions = new HashMap<>();
        final List<String> reactions = new ArrayList<>();
        PullRequestState pull;
        List<CheckRunRecord> checkRuns = List.of();
        int pullReads;
        GitHubException permissionFailure;
        GitHubException reactionFailure;

        @Override
        public PullRequestState requirePullRequest(int number) {
            pullReads++;
            return pull;
        }

        @Override
        public Permission requirePermission(String login) {
            if (permissionFailure != null) {
                throw permissionFailure;
            }
            return permissions.getOrDefault(login, Permission.NONE);
        }

        @Override
        public void addReaction(long commentId, String content) {
            if (reactionFailure != null) {
                throw reactionFailure;
            }
            reactions.add(commentId + ":" + content);
        }

        @Override
        public List<CheckRunRecord> listCheckRuns(String headSha) {
            return checkRuns.stream().filter(run -> headSha.equals(pull.headSha())).toList();
        }
    }
}
