package net.qgreenland.ogdc.git;

import net.qgreenland.ogdc.testing.CommitWriter;
import static net.qgreenland.ogdc.change.ChangedPath.added;
import static net.qgreenland.ogdc.change.ChangedPath.modified;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.qgreenland.ogdc.change.ChangedPath;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Branches, merge bases, rewritten history and the shallow clones CI checks out. */
class JGitChangesHistoryTest {

    @TempDir
    Path temp;

    CommitWriter origin;
    final List<String> log = new ArrayList<>();
    final List<JGitChanges> opened = new ArrayList<>();

    @BeforeEach
    void createOrigin() {
        origin = CommitWriter.init(temp.resolve("origin"));
    }

    @AfterEach
    void closeAll() {
        opened.forEach(JGitChanges::close);
        origin.close();
    }

    JGitChanges open(Path repository, List<Integer> deepenings) {
        JGitChanges git = JGitChanges.open(repository, Optional.empty(), Optional.empty(), log::add, deepenings);
        opened.add(git);
        return git;
    }

    JGitChanges open(Path repository) {
        return open(repository, JGitChanges.DEEPENINGS);
    }

    /** Main with {@code n} commits changing {@code main.txt}; returns their SHAs, oldest first. */
    List<String> mainCommits(int n) {
        List<String> shas = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            shas.add(origin.write("main.txt", "main " + i + "\n").commit("main " + i));
        }
        return shas;
    }

    static String abbrev(String sha) {
        return sha.substring(0, 7);
    }

    @Test
    void aNewBranchMeetsMainAtTheirMergeBase() {
        List<String> main = mainCommits(3);
        String feature = origin.branch("feature", main.get(1)).write("recipes/x/recipe.sh", "echo x\n").commit("x");
        JGitChanges git = open(origin.cloneInto(temp.resolve("clone"), 0));

        String mainTip = git.requireBranchTip("main");
        Optional<String> base = git.findMergeBase(feature, mainTip);

        assertThat(mainTip).isEqualTo(main.get(2));
        assertThat(base).contains(main.get(1));
        assertThat(git.diff(base.orElseThrow(), feature).changes()).containsExactly(added("recipes/x/recipe.sh"));
    }

    @Test
    void theBranchTipIsOriginsEvenWhenTheLocalBranchDiffers() throws IOException {
        List<String> main = mainCommits(2);
        Path clone = origin.cloneInto(temp.resolve("clone"), 0);
        try (Git local = Git.open(clone.toFile())) {
            RefUpdate update = local.getRepository().updateRef("refs/heads/main");
            update.setNewObjectId(ObjectId.fromString(main.get(0)));
            update.setForceUpdate(true);
            update.update();
        }

        assertThat(open(clone).requireBranchTip("main")).isEqualTo(main.get(1));
    }

    @Test
    void aBranchTheCloneLacksIsFetchedFromOrigin() {
        List<String> main = mainCommits(2);
        String feature = origin.branch("feature", main.get(0)).write("f.txt", "f\n").commit("f");
        JGitChanges git = open(origin.cloneInto(temp.resolve("clone"), 0, "main"));

        assertThat(git.requireBranchTip("feature")).isEqualTo(feature);
        assertThat(log).containsExactly("fetched branch 'feature' from origin");
    }

    @Test
    void aBranchNeitherTheCloneNorOriginHasIsAnError() {
        mainCommits(1);
        Path clone = origin.cloneInto(temp.resolve("clone"), 0);
        JGitChanges git = open(clone);

        assertThatThrownBy(() -> git.requireBranchTip("nope"))
                .isInstanceOf(GitException.class)
                .hasMessageStartingWith("branch 'nope' is not in repository '" + clone + "' and fetching branch 'nope'"
                        + " from origin (" + origin.directory().toUri() + ") failed: ")
                .hasMessageContaining("refs/heads/nope");
    }

    @Test
    void afterAForcePushTheOldTipIsNoAncestorAndTheNewTipMeetsMainBelowIt() {
        List<String> main = mainCommits(3);
        origin.branch("feature", main.get(0)).write("recipes/a/recipe.sh", "echo 1\n").commit("a");
        String oldTip = origin.write("recipes/b/recipe.sh", "echo 2\n").commit("b");
        String newTip = origin.branch("feature", main.get(0)).write("recipes/a/recipe.sh", "echo 1 amended\n")
                .commit("a, rewritten");
        JGitChanges git = open(origin.directory());

        assertThat(git.findMergeBase(oldTip, newTip)).contains(main.get(0));
        assertThat(git.findMergeBase(newTip, git.requireBranchTip("main"))).contains(main.get(0));
        assertThat(git.diff(oldTip, newTip).changes()).containsExactly(
                modified("recipes/a/recipe.sh"), ChangedPath.deleted("recipes/b/recipe.sh"));
    }

    @Test
    void aBaseMissingFromADepthOneCloneIsFetchedAtDepthOne() throws Exception {
        List<String> main = mainCommits(4);
        String head = origin.write("recipes/x/recipe.sh", "echo x\n").commit("x");
        Path clone = origin.cloneInto(temp.resolve("clone"), 1);
        JGitChanges git = open(clone);

        CommitDiff diff = git.diff(main.get(1), head);

        assertThat(diff).isEqualTo(new CommitDiff(main.get(1), head,
                List.of(modified("main.txt"), added("recipes/x/recipe.sh")), DiffSource.FETCHED));
        assertThat(log).containsExactly("fetched commit " + abbrev(main.get(1)) + " from origin (depth 1)",
                "changes from " + abbrev(main.get(1)) + " to " + abbrev(head)
                        + ": 2 paths; fetched the missing commit from origin");
        try (Git local = Git.open(clone.toFile())) {
            assertThat(local.branchList().call()).extracting(Ref::getName).containsExactly("refs/heads/main");
            assertThat(local.getRepository().exactRef(OriginFetcher.FETCHED_REFS + main.get(1))).isNotNull();
            assertThat(local.getRepository().getObjectDatabase().getShallowCommits()).isNotEmpty();
        }
    }

    @Test
    void aShallowCloneIsDeepenedUntilTheMergeBaseAppears() {
        List<String> main = mainCommits(8);
        String feature = origin.branch("feature", main.get(2)).write("f.txt", "1\n").commit("f1");
        feature = origin.write("f.txt", "2\n").commit("f2");
        JGitChanges git = open(origin.cloneInto(temp.resolve("clone"), 1));

        Optional<String> base = git.findMergeBase(git.requireBranchTip("feature"), git.requireBranchTip("main"));

        assertThat(base).contains(main.get(2));
        assertThat(log).containsExactly("no merge base of " + abbrev(feature) + " and " + abbrev(main.get(7))
                + " in the shallow clone; deepening their history by 50 commits from origin");
    }

    @Test
    void deepeningEndsWithTheWholeHistory() {
        List<String> main = mainCommits(10);
        String feature = origin.branch("feature", main.get(1)).write("f.txt", "1\n").commit("f1");
        JGitChanges git = open(origin.cloneInto(temp.resolve("clone"), 1), List.of(1, 2));

        Optional<String> base = git.findMergeBase(feature, main.get(9));

        assertThat(base).contains(main.get(1));
        String pair = "no merge base of " + abbrev(feature) + " and " + abbrev(main.get(9)) + " in the shallow clone; ";
        assertThat(log).containsExactly(pair + "deepening their history by 1 commits from origin",
                pair + "deepening their history by 2 commits from origin",
                pair + "fetching their whole history from origin");
    }

    @Test
    void unrelatedHistoriesHaveNoMergeBaseEvenAfterFetchingEverything() {
        String main = mainCommits(8).get(7);
        String other = origin.orphan("other").write("o.txt", "o\n").commit("unrelated root");
        JGitChanges git = open(origin.cloneInto(temp.resolve("clone"), 1), List.of(2));

        assertThat(git.findMergeBase(main, other)).isEmpty();
        String pair = abbrev(main) + " and " + abbrev(other);
        assertThat(log).containsExactly(
                "no merge base of " + pair + " in the shallow clone; deepening their history by 2 commits from origin",
                "no merge base of " + pair + " in the shallow clone; fetching their whole history from origin",
                "the histories of " + pair + " never meet: they have no merge base");
    }

    @Test
    void aFullCloneDoesNotFetchToLookForAMergeBase() {
        String main = mainCommits(1).get(0);
        String other = origin.orphan("other").write("o.txt", "o\n").commit("unrelated root");

        assertThat(open(origin.directory()).findMergeBase(main, other)).isEmpty();
        assertThat(log).containsExactly(
                "the histories of " + abbrev(main) + " and " + abbrev(other) + " never meet: they have no merge base");
    }

    @Test
    void whenOriginCannotDeepenTheCloneThereIsNoMergeBaseAndTheLogSaysWhy() {
        List<String> main = mainCommits(3);
        String feature = origin.branch("feature", main.get(0)).write("f.txt", "1\n").commit("f1");
        Path clone = origin.cloneInto(temp.resolve("clone"), 1);
        Path gone = temp.resolve("gone");
        try (CommitWriter local = CommitWriter.openExisting(clone)) {
            local.setOrigin(gone.toUri().toString());
        }
        JGitChanges git = open(clone);

        assertThat(git.findMergeBase(feature, main.get(2))).isEmpty();
        String pair = abbrev(feature) + " and " + abbrev(main.get(2));
        assertThat(log).hasSize(2);
        assertThat(log.get(0)).isEqualTo(
                "no merge base of " + pair + " in the shallow clone; deepening their history by 50 commits from origin");
        assertThat(log.get(1)).startsWith("no merge base of " + pair + ": deepening the history of " + pair
                + " from origin (" + gone.toUri() + ") failed: ");
    }
}
