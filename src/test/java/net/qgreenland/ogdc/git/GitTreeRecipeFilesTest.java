package net.qgreenland.ogdc.git;

import net.qgreenland.ogdc.testing.CommitWriter;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.DeflaterOutputStream;
import net.qgreenland.ogdc.recipe.FileRead;
import net.qgreenland.ogdc.recipe.RecipeFiles;
import org.eclipse.jgit.lib.FileMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Listing and reading a recipe directory as a commit has it: caps, symbolic links, things that are not files. */
class GitTreeRecipeFilesTest {

    /** A blob whose header claims a megabyte but whose content is cut short: reading it fails, sizing it does not. */
    static final String TRUNCATED_BLOB = "1111111111111111111111111111111111111111";

    @TempDir
    Path temp;

    CommitWriter repo;
    JGitChanges git;
    String commit;
    RecipeFiles files;

    @BeforeEach
    void createRecipe() throws IOException {
        repo = CommitWriter.init(temp.resolve("repo"));
        writeTruncatedBlob(repo.directory().resolve(".git/objects"));
        commit = repo.write("recipes/x/recipe.sh", "echo hi\n")
                .write("recipes/x/scripts/real.sh", "echo real\n")
                .symlink("recipes/x/run.sh", "scripts/real.sh")
                .symlink("recipes/x/chain.sh", "run.sh")
                .symlink("recipes/x/lib", "scripts")
                .symlink("recipes/x/back.sh", "../x/recipe.sh")
                .symlink("recipes/x/secret.sh", "../../secret.txt")
                .symlink("recipes/x/absolute.sh", "/etc/passwd")
                .symlink("recipes/x/sibling", "../y")
                .symlink("recipes/x/dangling.sh", "nothing.sh")
                .symlink("recipes/x/loop-a", "loop-b")
                .symlink("recipes/x/loop-b", "loop-a")
                .symlink("recipes/x/self", ".")
                .submodule("recipes/x/vendor", "0123456789012345678901234567890123456789")
                .entry("recipes/x/big.bin", FileMode.REGULAR_FILE, TRUNCATED_BLOB)
                .write("recipes/y/file.sh", "echo y\n")
                .write("recipes/xy/other.sh", "echo xy\n")
                .write("secret.txt", "token\n")
                .commit("recipes");
        git = JGitChanges.open(repo.directory(), Optional.empty(), Optional.empty(), line -> { });
        files = git.recipeFiles(commit, "recipes/x");
    }

    @AfterEach
    void close() {
        git.close();
        repo.close();
    }

    static void writeTruncatedBlob(Path objects) throws IOException {
        Path loose = Files.createDirectories(objects.resolve(TRUNCATED_BLOB.substring(0, 2)))
                .resolve(TRUNCATED_BLOB.substring(2));
        try (OutputStream out = new DeflaterOutputStream(Files.newOutputStream(loose))) {
            out.write("blob 1000000\0only a few bytes".getBytes(StandardCharsets.US_ASCII));
        }
    }

    static String text(FileRead read) {
        assertThat(read).isInstanceOf(FileRead.Found.class);
        return new String(((FileRead.Found) read).bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void everyFileUnderTheDirectoryIsListedSortedWithLinksAndSubmodules() {
        assertThat(git.listFiles(commit, "recipes/x/")).containsExactly(
                "recipes/x/absolute.sh", "recipes/x/back.sh", "recipes/x/big.bin", "recipes/x/chain.sh",
                "recipes/x/dangling.sh", "recipes/x/lib", "recipes/x/loop-a", "recipes/x/loop-b", "recipes/x/recipe.sh",
                "recipes/x/run.sh", "recipes/x/scripts/real.sh", "recipes/x/secret.sh", "recipes/x/self",
                "recipes/x/sibling", "recipes/x/vendor");
        assertThat(git.listFiles(commit, "recipes/y")).containsExactly("recipes/y/file.sh");
        assertThat(git.listFiles(commit, "recipes/x/recipe.sh")).isEmpty();
        assertThat(git.listFiles(commit, "")).hasSize(18);
    }

    @Test
    void findFilesAnswersExactlyWhichOfTheGivenPathsAreFiles() {
        assertThat(git.findFiles(commit, java.util.List.of("recipes/x/recipe.sh", "recipes/y/file.sh",
                "recipes/x/scripts", "recipes/x/nope.sh", "recipes/z/meta.yml", "recipes/x/lib", "/recipes/y/file.sh/")))
                .containsExactly("recipes/x/lib", "recipes/x/recipe.sh", "recipes/y/file.sh");
        assertThat(git.findFiles(commit, java.util.List.of())).isEmpty();
    }

    @Test
    void aFileIsReadWhole() {
        assertThat(text(files.read("recipe.sh", 100))).isEqualTo("echo hi\n");
        assertThat(text(files.read("scripts/real.sh", 100))).isEqualTo("echo real\n");
    }

    @Test
    void aMissingFileIsMissing() {
        assertThat(files.read("nope.sh", 100)).isEqualTo(new FileRead.Missing());
        assertThat(files.read("recipe.sh/below", 100)).isEqualTo(new FileRead.Missing());
        assertThat(git.recipeFiles(commit, "recipes/none").read("recipe.sh", 100)).isEqualTo(new FileRead.Missing());
    }

    @Test
    void aFileOverTheCapIsTooLargeAndNotRead() {
        assertThat(files.read("recipe.sh", 7)).isEqualTo(new FileRead.TooLarge(8));
        assertThat(text(files.read("recipe.sh", 8))).isEqualTo("echo hi\n");
        assertThat(files.read("big.bin", 100)).isEqualTo(new FileRead.TooLarge(1_000_000));
        assertThat(files.read("big.bin", 2_000_000)).isInstanceOf(FileRead.Unreadable.class);
    }

    @ParameterizedTest(name = "{0} is followed")
    @CsvSource({"run.sh", "chain.sh", "lib/real.sh"})
    void linksThatStayInsideAreFollowed(String path) {
        assertThat(text(files.read(path, 100))).isEqualTo("echo real\n");
    }

    @Test
    void aLinkThatLeavesAndComesBackIsFollowed() {
        assertThat(text(files.read("back.sh", 100))).isEqualTo("echo hi\n");
    }

    @ParameterizedTest(name = "{0} is refused")
    @CsvSource({"secret.sh, ../../secret.txt", "absolute.sh, /etc/passwd", "sibling/file.sh, ../y"})
    void linksThatLeaveTheRecipeAreRefused(String path, String target) {
        assertThat(files.read(path, 100)).isEqualTo(new FileRead.OutsideRecipe(target));
    }

    @Test
    void aDanglingLinkIsUnreadableAndNamesItsTarget() {
        assertThat(files.read("dangling.sh", 100))
                .isEqualTo(new FileRead.Unreadable("it is a symbolic link to 'nothing.sh', which does not exist"));
    }

    @Test
    void aLoopOfLinksIsUnreadable() {
        assertThat(files.read("loop-a", 100)).isEqualTo(new FileRead.Unreadable("too many levels of symbolic links"));
    }

    @Test
    void directoriesAndSubmodulesAreNotFiles() {
        assertThat(files.read("scripts", 100)).isEqualTo(new FileRead.NotAFile());
        assertThat(files.read("lib", 100)).isEqualTo(new FileRead.NotAFile());
        assertThat(files.read("self", 100)).isEqualTo(new FileRead.NotAFile());
        assertThat(files.read("vendor", 100)).isEqualTo(new FileRead.NotAFile());
    }

    @Test
    void theWholeTreeCanBeTheRecipeDirectory() {
        RecipeFiles root = git.recipeFiles(commit, "");

        assertThat(text(root.read("recipes/x/run.sh", 100))).isEqualTo("echo real\n");
        assertThat(root.read("recipes/x/secret.sh", 100)).isInstanceOf(FileRead.Found.class);
        assertThat(root.read("recipes/x/absolute.sh", 100)).isEqualTo(new FileRead.OutsideRecipe("/etc/passwd"));
    }

    @Test
    void filesAreReadAtTheCommitAskedFor() {
        String later = repo.write("recipes/x/recipe.sh", "echo later\n").commit("later");
        List<String> texts = new ArrayList<>();

        texts.add(text(files.read("recipe.sh", 100)));
        texts.add(text(git.recipeFiles(later, "recipes/x").read("recipe.sh", 100)));

        assertThat(texts).containsExactly("echo hi\n", "echo later\n");
    }
}
