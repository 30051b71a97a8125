package net.qgreenland.ogdc.git;

import net.qgreenland.ogdc.testing.CommitWriter;
import static net.qgreenland.ogdc.change.ChangedPath.added;
import static net.qgreenland.ogdc.change.ChangedPath.modified;
import static net.qgreenland.ogdc.change.ChangedPath.renamed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A base commit that cannot be fetched: GitHub's compare API, or a clear error; and the token stays secret. */
class JGitChangesFallbackTest {

    /** Rewritten away: in neither the clone nor origin. */
    static final String LOST = "c0ffee0000000000000000000000000000c0ffee";
    static final String MERGE_BASE = "ba5eba5eba5eba5eba5eba5eba5eba5eba5eba5e";
    static final String TOKEN = "ghs_FAKEtoken4Tests0123456789abcdef";

    @TempDir
    Path temp;

    CommitWriter origin;
    Path clone;
    String head;
    final List<String> log = new ArrayList<>();
    final List<JGitChanges> opened = new ArrayList<>();

    @BeforeEach
    void createShallowClone() {
        origin = CommitWriter.init(temp.resolve("origin"));
        origin.write("recipes/a/recipe.sh", "echo a\n").commit("a");
        head = origin.write("recipes/b/recipe.sh", "echo b\n").commit("b");
        clone = origin.cloneInto(temp.resolve("clone"), 1);
    }

    @AfterEach
    void closeAll() {
        opened.forEach(JGitChanges::close);
        origin.close();
    }

    JGitChanges open(Optional<String> token, Optional<GitHubCompare> compare) {
        JGitChanges git = JGitChanges.open(clone, token, compare, log::add);
        opened.add(git);
        return git;
    }

    @Test
    void anUnfetchableBaseIsDiffedByTheCompareApi() {
        FakeCompare compare = new FakeCompare(new GitHubCompare.Comparison(MERGE_BASE,
                List.of(modified("recipes/z/recipe.sh"), renamed("recipes/a/x.sh", "recipes/a/y.sh"),
                        added("recipes/b/recipe.sh"))));

        CommitDiff diff = open(Optional.empty(), Optional.of(compare)).diff(LOST, head);

        assertThat(diff).isEqualTo(new CommitDiff(LOST, head, List.of(renamed("recipes/a/x.sh", "recipes/a/y.sh"),
                added("recipes/b/recipe.sh"), modified("recipes/z/recipe.sh")), DiffSource.COMPARE_API));
        assertThat(compare.calls).containsExactly(LOST + "..." + head);
        assertThat(log).hasSize(3);
        assertThat(log.get(0)).startsWith("cannot diff " + LOST + " to " + head + " in the clone (fetching commit c0ffee0"
                + " from origin (" + origin.directory().toUri() + ") failed: ").endsWith("); asking GitHub's compare API instead");
        assertThat(log.get(1)).isEqualTo("GitHub's compare API listed the changes from " + MERGE_BASE
                + ", the merge base of " + LOST + " and " + head);
        assertThat(log.get(2)).isEqualTo("changes from c0ffee0 to " + head.substring(0, 7)
                + ": 3 paths; GitHub's compare API (the base could not be fetched)");
    }

    @Test
    void anUnfetchableBaseWithoutTheCompareApiIsAnErrorNamingBaseRepositoryAndCause() {
        JGitChanges git = open(Optional.empty(), Optional.empty());

        assertThatThrownBy(() -> git.diff(LOST, head))
                .isInstanceOf(GitException.class)
                .hasMessageStartingWith("diffing " + LOST + " to " + head + " in repository '" + clone
                        + "' failed: a commit is missing and fetching commit c0ffee0 from origin ("
                        + origin.directory().toUri() + ") failed: ")
                .hasMessageContaining(LOST);
    }

    @Test
    void aCommitThatCannotBeFetchedHasNoMergeBaseAndTheLogSaysWhy() {
        assertThat(open(Optional.empty(), Optional.empty()).findMergeBase(head, LOST)).isEmpty();

        assertThat(log).hasSize(1);
        assertThat(log.get(0)).startsWith("no merge base of " + LOST + " and " + head + ": fetching commit c0ffee0 from"
                + " origin (" + origin.directory().toUri() + ") failed: ");
    }

    @Test
    void aFailingCompareApiIsTheError() {
        GitHubCompare failing = (base, head) -> {
            throw new GitException("GitHub compare o/r " + base + "..." + head + " failed: 404 Not Found");
        };

        assertThatThrownBy(() -> open(Optional.empty(), Optional.of(failing)).diff(LOST, head))
                .hasMessage("GitHub compare o/r " + LOST + "..." + head + " failed: 404 Not Found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1:1/o/r.git", "https://x-access-token:" + TOKEN + "@127.0.0.1:1/o/r.git"})
    void theTokenNeverAppearsInALogLineOrAMessage(String originUrl) {
        try (CommitWriter local = CommitWriter.openExisting(clone)) {
            local.setOrigin(originUrl);
        }
        String main = head;
        JGitChanges git = open(Optional.of(TOKEN), Optional.of(new FakeCompare(
                new GitHubCompare.Comparison(LOST, List.of(modified("x"))))));
        List<Throwable> failures = new ArrayList<>();

        failures.add(catchThrowableOfType(GitException.class, () -> git.requireCommit(LOST)));
        failures.add(catchThrowableOfType(GitException.class, () -> git.requireBranchTip("elsewhere")));
        assertThat(git.diff(LOST, main).source()).isEqualTo(DiffSource.COMPARE_API);

        assertThat(failures).doesNotContainNull();
        assertThat(failures.get(0)).hasMessageStartingWith("no commit '" + LOST + "' in repository '" + clone
                + "': fetching commit c0ffee0 from origin (https://127.0.0.1:1/o/r.git) failed: ");
        List<String> texts = new ArrayList<>(log);
        for (Throwable failure : failures) {
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            texts.add(trace.toString());
        }
        assertThat(texts).hasSize(4).noneMatch(text -> text.contains(TOKEN)).noneMatch(text -> text.contains("x-access-token"));
        assertThat(log.get(0)).contains("(https://127.0.0.1:1/o/r.git)");
    }

    /** Answers every comparison with the same files, and records what it was asked. */
    static final class FakeCompare implements GitHubCompare {
        final Comparison answer;
        final List<String> calls = new ArrayList<>();

        FakeCompare(Comparison answer) {
            this.answer = answer;
        }

        @Override
        public Comparison compare(String base, String head) {
            calls.add(base + "..." + head);
            return answer;
        }
    }
}
