package net.qgreenland.ogdc.git;

import net.qgreenland.ogdc.testing.CommitWriter;
import static net.qgreenland.ogdc.change.ChangedPath.added;
import static net.qgreenland.ogdc.change.ChangedPath.deleted;
import static net.qgreenland.ogdc.change.ChangedPath.modified;
import static net.qgreenland.ogdc.change.ChangedPath.renamed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two-tree diffs between commits that are both in the clone. */
class JGitChangesDiffTest {

    static final String SCRIPT = "#!/bin/sh\nset -eu\n" + IntStream.range(0, 40)
            .mapToObj(i -> "echo step " + i + "\n").collect(Collectors.joining());

    @TempDir
    Path temp;

    CommitWriter repo;
    JGitChanges git;
    final List<String> log = new ArrayList<>();

    @BeforeEach
    void createRepository() {
        repo = CommitWriter.init(temp.resolve("repo"));
        git = JGitChanges.open(repo.directory(), Optional.empty(), Optional.empty(), log::add);
    }

    @AfterEach
    void closeRepository() {
        git.close();
        repo.close();
    }

    @Test
    void anOrdinaryPushModifiesAddsAndDeletes() {
        String base = repo.write("recipes/a/recipe.sh", "echo a\n").write("recipes/b/recipe.sh", "echo b\n")
                .write("README.md", "hi\n").commit("base");
        String head = repo.write("recipes/a/recipe.sh", "echo a2\n").write("recipes/c/recipe.sh", "echo c\n")
                .delete("recipes/b").commit("head");

        CommitDiff diff = git.diff(base, head);

        assertThat(diff).isEqualTo(new CommitDiff(base, head, List.of(
                modified("recipes/a/recipe.sh"), deleted("recipes/b/recipe.sh"), added("recipes/c/recipe.sh")),
                DiffSource.LOCAL));
        assertThat(log).containsExactly("changes from " + base.substring(0, 7) + " to " + head.substring(0, 7)
                + ": 3 paths; both commits were in the clone");
    }

    @Test
    void aRenamedRecipeDirectoryIsASetOfRenames() {
        String base = repo.write("recipes/a/recipe.sh", SCRIPT).write("recipes/a/meta.yml", "id: a\nname: A\n")
                .commit("base");
        String head = repo.move("recipes/a", "recipes/b").commit("rename");

        assertThat(git.diff(base, head).changes()).containsExactly(
                renamed("recipes/a/meta.yml", "recipes/b/meta.yml"),
                renamed("recipes/a/recipe.sh", "recipes/b/recipe.sh"));
    }

    @Test
    void aRenamedFileWithASmallEditIsStillARename() {
        String base = repo.write("recipes/a/recipe.sh", SCRIPT).commit("base");
        String head = repo.delete("recipes/a/recipe.sh").write("recipes/a/run.sh", SCRIPT + "echo one more\n")
                .commit("rename and edit");

        assertThat(git.diff(base, head).changes()).containsExactly(
                renamed("recipes/a/recipe.sh", "recipes/a/run.sh"));
    }

    @Test
    void nestedFilesAreListedByTheirFullPath() {
        String base = repo.write("recipes/x/meta.yml", "id: x\n").commit("base");
        String head = repo.write("recipes/x/sub/dir/file.sh", "echo deep\n").commit("nested");

        assertThat(git.diff(base, head).changes()).containsExactly(added("recipes/x/sub/dir/file.sh"));
    }

    @Test
    void symbolicLinksSubmodulesAndModeChangesAreFileChanges() {
        String base = repo.write("recipes/x/run.sh", "echo\n").write("recipes/x/notes.txt", "n\n")
                .write("recipes/x/kind.txt", "file\n").commit("base");
        String head = repo.executable("recipes/x/run.sh", "echo\n").symlink("recipes/x/link", "run.sh")
                .submodule("vendor/lib", "0123456789012345678901234567890123456789")
                .symlink("recipes/x/kind.txt", "notes.txt").commit("links");

        assertThat(git.diff(base, head).changes()).containsExactly(
                modified("recipes/x/kind.txt"), added("recipes/x/link"), modified("recipes/x/run.sh"),
                added("vendor/lib"));
    }

    @Test
    void identicalCommitsHaveNoChanges() {
        String base = repo.write("a.txt", "a\n").commit("base");
        String head = repo.commit("empty");

        assertThat(git.diff(base, head).changes()).isEmpty();
    }

    @Test
    void revisionsOtherThanShasAreResolved() {
        String first = repo.write("a.txt", "a\n").commit("first");
        String second = repo.write("a.txt", "b\n").commit("second");

        assertThat(git.requireCommit("HEAD")).isEqualTo(second);
        assertThat(git.requireCommit("main~1")).isEqualTo(first);
        assertThat(git.requireCommit(first.substring(0, 10))).isEqualTo(first);
        assertThat(git.diff("HEAD~1", "HEAD")).isEqualTo(
                new CommitDiff(first, second, List.of(modified("a.txt")), DiffSource.LOCAL));
    }

    @Test
    void anUnknownRevisionIsNamedInTheError() {
        repo.write("a.txt", "a\n").commit("first");

        assertThatThrownBy(() -> git.requireCommit("no-such-branch"))
                .isInstanceOf(GitException.class)
                .hasMessage("no commit 'no-such-branch' in repository '" + repo.directory() + "'");
        String missing = "0123456789abcdef0123456789abcdef01234567";
        assertThatThrownBy(() -> git.requireCommit(missing))
                .isInstanceOf(GitException.class)
                .hasMessage("no commit '" + missing + "' in repository '" + repo.directory()
                        + "': fetching commit 0123456 from origin (no URL configured) failed: "
                        + "the repository has no remote 'origin'");
    }

    @Test
    void theAllZeroShaOfACreatedRefIsRefused() {
        repo.write("a.txt", "a\n").commit("first");

        assertThatThrownBy(() -> git.requireCommit("0".repeat(40)))
                .hasMessageEndingWith("the all-zero SHA names no commit (GitHub sends it for a created or deleted ref)");
    }

    @Test
    void aDirectoryOutsideAnyRepositoryIsRefused() throws Exception {
        Path plain = Files.createDirectories(temp.resolve("plain"));

        assertThatThrownBy(() -> JGitChanges.open(plain, Optional.empty(), Optional.empty(), log::add))
                .isInstanceOf(GitException.class)
                .hasMessage("'" + plain + "' is not inside a Git repository");
    }

    @Test
    void aDirectoryInsideTheWorkTreeOpensTheRepository() throws Exception {
        String commit = repo.write("a.txt", "a\n").commit("first");
        Path inside = Files.createDirectories(repo.directory().resolve("recipes/x"));

        try (JGitChanges nested = JGitChanges.open(inside, Optional.empty(), Optional.empty(), log::add)) {
            assertThat(nested.requireCommit("HEAD")).isEqualTo(commit);
        }
    }

    @Test
    void oneChangedFileAmongTenThousandIsTheOnlyChange() {
        for (int i = 0; i < 10_000; i++) {
            repo.write(String.format("recipes/r%04d/recipe.sh", i), "echo " + i + "\n");
        }
        String base = repo.commit("ten thousand files");
        String head = repo.write("recipes/r4321/recipe.sh", "echo changed\n").commit("one change");

        assertThat(git.diff(base, head).changes()).containsExactly(modified("recipes/r4321/recipe.sh"));
        assertThat(git.listFiles(head, "")).hasSize(10_000);
    }
}
