package net.qgreenland.ogdc.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.qgreenland.ogdc.action.ActionEvent;
import net.qgreenland.ogdc.action.Command;
import net.qgreenland.ogdc.recipe.RecipeFiles;
import org.junit.jupiter.api.Test;

/** Which commits each event compares (the README's table), against a fake history. */
class ChangeScopeResolverTest {

    static final String BEFORE = sha('b');
    static final String AFTER = sha('a');
    static final String MAIN = sha('m');
    static final String FORK_POINT = sha('f');
    static final String CHECKOUT = sha('c');
    static final String PR_BASE = sha('1');
    static final String PR_HEAD = sha('2');

    final List<String> log = new ArrayList<>();

    @Test
    void anOrdinaryPushComparesBeforeWithAfter() {
        ChangeScope scope = resolve(history(), push(false, false, false));

        assertThat(scope).isEqualTo(new ChangeScope.Diff(BEFORE, AFTER,
                "push to refs/heads/feature: bbbbbbb..aaaaaaa"));
    }

    @Test
    void aNewBranchComparesItsMergeBaseWithTheDefaultBranch() {
        ChangeScope scope = resolve(history(), push(true, false, false));

        assertThat(scope).isInstanceOf(ChangeScope.Diff.class);
        assertThat(((ChangeScope.Diff) scope).base()).isEqualTo(FORK_POINT);
        assertThat(((ChangeScope.Diff) scope).head()).isEqualTo(AFTER);
        assertThat(scope.description()).contains("created the branch", "merge base with main");
    }

    @Test
    void aNewBranchWithNoCommonHistoryRunsEveryRecipe() {
        FakeHistory history = history();
        history.mergeBases.clear();

        ChangeScope scope = resolve(history, push(true, false, false));

        assertThat(scope).isEqualTo(new ChangeScope.All(AFTER, "push to refs/heads/feature created the branch; it "
                + "shares no history with main that could be fetched, so every recipe runs"));
    }

    @Test
    void aNewDefaultBranchRunsEveryRecipe() {
        ActionEvent.Push push = new ActionEvent.Push(ActionEvent.NULL_SHA, AFTER, "refs/heads/main", true, false,
                false, false, Optional.of("main"));

        assertThat(resolve(history(), push)).isInstanceOf(ChangeScope.All.class);
    }

    @Test
    void aForcePushWhoseOldTipCanBeFetchedComparesIt() {
        ChangeScope scope = resolve(history(), push(false, true, false));

        assertThat(scope).isEqualTo(new ChangeScope.Diff(BEFORE, AFTER,
                "push to refs/heads/feature (forced): bbbbbbb..aaaaaaa"));
    }

    @Test
    void aForcePushOverAnUnreachableTipComparesFromTheMergeBaseWithTheDefaultBranch() {
        FakeHistory history = history();
        history.commits.remove(BEFORE);

        ChangeScope scope = resolve(history, push(false, true, false));

        assertThat(scope).isInstanceOf(ChangeScope.Diff.class);
        assertThat(((ChangeScope.Diff) scope).base()).isEqualTo(FORK_POINT);
        assertThat(scope.description()).contains("was forced and its old tip bbbbbbb cannot be fetched");
        assertThat(log).anySatisfy(line -> assertThat(line).contains("cannot use commit bbbbbbb"));
    }

    @Test
    void aDeletedBranchOrATagRunsNothing() {
        assertThat(resolve(history(), push(false, false, true))).isInstanceOf(ChangeScope.Nothing.class);
        ActionEvent.Push tag = new ActionEvent.Push(BEFORE, AFTER, "refs/tags/v1", false, false, false, true,
                Optional.of("main"));
        assertThat(resolve(history(), tag).description()).contains("is a tag");
    }

    @Test
    void aPullRequestComparesTheMergeBaseOfBaseAndHeadWithHead() {
        FakeHistory history = history();
        history.mergeBases.put(PR_BASE + PR_HEAD, FORK_POINT);

        ChangeScope scope = resolve(history, pull("synchronize"));

        assertThat(scope).isEqualTo(new ChangeScope.Diff(FORK_POINT, PR_HEAD,
                "pull request #7: merge base of main and feature .. head (fffffff..2222222)"));
    }

    @Test
    void aPullRequestWhoseBaseCannotBeFetchedComparesTheBaseShaForTheCompareApi() {
        FakeHistory history = history();
        history.commits.remove(PR_BASE);

        ChangeScope scope = resolve(history, pull("opened"));

        assertThat(scope).isEqualTo(new ChangeScope.Diff(PR_BASE, PR_HEAD,
                "pull request #7: base..head (1111111..2222222)"));
    }

    @Test
    void aClosedPullRequestRunsNothing() {
        assertThat(resolve(history(), pull("closed"))).isEqualTo(
                new ChangeScope.Nothing("pull request #7 was closed: nothing to run"));
    }

    @Test
    void dispatchesNameRecipesOrRunAllAtTheCheckout() {
        assertThat(resolve(history(), new ActionEvent.Dispatch(List.of("a", "b"), false, false)))
                .isEqualTo(new ChangeScope.Named(CHECKOUT, List.of("a", "b"), "workflow_dispatch: the recipes named"));
        assertThat(resolve(history(), new ActionEvent.Dispatch(List.of(), true, false)))
                .isEqualTo(new ChangeScope.All(CHECKOUT, "workflow_dispatch: every recipe"));
    }

    @Test
    void commentCommandsNameRecipesAndOtherCommandsRunNothing() {
        assertThat(resolve(history(), comment(new Command.Run(List.of("seal-tags"), false))))
                .isEqualTo(new ChangeScope.Named(CHECKOUT, List.of("seal-tags"),
                        "/ogdc comment on pull request #7: run the recipes named"));
        assertThat(resolve(history(), comment(new Command.Run(List.of(), true))))
                .isInstanceOf(ChangeScope.All.class);
        assertThat(resolve(history(), comment(new Command.Run(List.of(), false))).description())
                .contains("plan them with --base and --head");
        assertThat(resolve(history(), comment(new Command.Cancel(List.of())))).isEqualTo(
                new ChangeScope.Nothing("/ogdc comment on pull request #7: 'cancel' runs no new recipes"));
    }

    @Test
    void aCheckRunReRequestNamesItsRecipeAtItsCommit() {
        ChangeScope scope = resolve(history(), new ActionEvent.CheckRunRerequested("recipes/seal-tags", PR_HEAD,
                Optional.empty()));

        assertThat(scope).isEqualTo(new ChangeScope.Named(PR_HEAD, List.of("recipes/seal-tags"),
                "check run 'recipes/seal-tags' re-requested on 2222222"));
    }

    @Test
    void aScheduleReSyncsEveryRecipeAndIgnoredEventsRunNothing() {
        assertThat(resolve(history(), new ActionEvent.Schedule())).isEqualTo(
                new ChangeScope.All(CHECKOUT, "schedule: re-sync every recipe"));
        assertThat(resolve(history(), new ActionEvent.Ignored("event 'star' starts no run"))).isEqualTo(
                new ChangeScope.Nothing("event 'star' starts no run"));
    }

    private ChangeScope resolve(FakeHistory history, ActionEvent event) {
        return new ChangeScopeResolver(history, log::add).resolve(event, CHECKOUT);
    }

    static ActionEvent.Push push(boolean created, boolean forced, boolean deleted) {
        return new ActionEvent.Push(created ? ActionEvent.NULL_SHA : BEFORE, deleted ? ActionEvent.NULL_SHA : AFTER,
                "refs/heads/feature", created, deleted, forced, false, Optional.of("main"));
    }

    static ActionEvent.PullRequest pull(String action) {
        return new ActionEvent.PullRequest(action, 7, PR_BASE, PR_HEAD, "main", "feature", false, false);
    }

    static ActionEvent.CommentCommand comment(Command command) {
        return new ActionEvent.CommentCommand(7, 70L, "octocat", "OWNER", command);
    }

    static FakeHistory history() {
        FakeHistory history = new FakeHistory();
        history.commits.addAll(List.of(BEFORE, AFTER, MAIN, FORK_POINT, CHECKOUT, PR_BASE, PR_HEAD));
        history.branches.put("main", MAIN);
        history.mergeBases.put(MAIN + AFTER, FORK_POINT);
        return history;
    }

    static String sha(char c) {
        return String.valueOf(c).repeat(40);
    }

    /** Commits, branches and merge bases held in collections; diffs and files are not needed here. */
    static final class FakeHistory implements GitChanges {
        final Set<String> commits = new java.util.HashSet<>();
        final Map<String, String> branches = new java.util.HashMap<>();
        final Map<String, String> mergeBases = new java.util.HashMap<>();

        @Override
        public String requireCommit(String revision) {
            if (!commits.contains(revision)) {
                throw new GitException("no commit " + revision);
            }
            return revision;
        }

        @Override
        public String requireBranchTip(String branch) {
            return Optional.ofNullable(branches.get(branch)).orElseThrow(() -> new GitException("no " + branch));
        }

        @Override
        public Optional<String> findMergeBase(String a, String b) {
            return Optional.ofNullable(mergeBases.get(a + b));
        }

        @Override
        public CommitDiff diff(String base, String head) {
            throw new UnsupportedOperationException("not needed to resolve a scope");
        }

        @Override
        public List<String> listFiles(String commit, String directory) {
            throw new UnsupportedOperationException("not needed to resolve a scope");
        }

        @Override
        public Set<String> findFiles(String commit, java.util.Collection<String> paths) {
            throw new UnsupportedOperationException("not needed to resolve a scope");
        }

        @Override
        public RecipeFiles recipeFiles(String commit, String directory) {
            throw new UnsupportedOperationException("not needed to resolve a scope");
        }

        @Override
        public void close() {
        }
    }
}
