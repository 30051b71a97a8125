package net.qgreenland.ogdc.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import net.qgreenland.ogdc.recipe.FileRead;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading recipe files from disk: caps, links that leave the recipe, things that are not files. */
class FileSystemRecipeFilesTest {

    @TempDir
    Path temp;

    Path recipe;
    FileSystemRecipeFiles files;

    @BeforeEach
    void createRecipe() throws IOException {
        recipe = Files.createDirectories(temp.resolve("repo/recipes/x"));
        files = new FileSystemRecipeFiles(recipe);
    }

    @Test
    void aFileIsReadWhole() throws IOException {
        Files.writeString(recipe.resolve("recipe.sh"), "echo hi\n");

        assertThat(files.read("recipe.sh", 100)).isInstanceOfSatisfying(FileRead.Found.class,
                f -> assertThat(new String(f.bytes(), StandardCharsets.UTF_8)).isEqualTo("echo hi\n"));
    }

    @Test
    void aMissingFileIsMissing() {
        assertThat(files.read("recipe.sh", 100)).isInstanceOf(FileRead.Missing.class);
    }

    @Test
    void aFileOverTheCapIsTooLargeAndNotRead() throws IOException {
        Files.write(recipe.resolve("recipe.sh"), new byte[101]);

        assertThat(files.read("recipe.sh", 100)).isEqualTo(new FileRead.TooLarge(101));
        assertThat(files.read("recipe.sh", 101)).isInstanceOf(FileRead.Found.class);
    }

    @Test
    void aLinkToAFileOutsideTheRecipeIsRefused() throws IOException {
        Path secret = Files.writeString(temp.resolve("secret.txt"), "token");
        Files.createSymbolicLink(recipe.resolve("recipe.sh"), secret);

        assertThat(files.read("recipe.sh", 100)).isEqualTo(new FileRead.OutsideRecipe(secret.toString()));
    }

    @Test
    void aRelativeLinkClimbingOutIsRefused() throws IOException {
        Files.writeString(temp.resolve("repo/recipes/other.sh"), "echo\n");
        Files.createSymbolicLink(recipe.resolve("recipe.sh"), Path.of("../other.sh"));

        assertThat(files.read("recipe.sh", 100)).isEqualTo(new FileRead.OutsideRecipe("../other.sh"));
    }

    @Test
    void aLinkedDirectoryLeadingOutIsRefused() throws IOException {
        Path outside = Files.createDirectories(temp.resolve("elsewhere"));
        Files.writeString(outside.resolve("config.json"), "{}");
        Files.createSymbolicLink(recipe.resolve("conf"), outside);

        assertThat(files.read("conf/config.json", 100)).isInstanceOf(FileRead.OutsideRecipe.class);
    }

    @Test
    void aLinkInsideTheRecipeIsFollowed() throws IOException {
        Files.writeString(recipe.resolve("real.sh"), "echo\n");
        Files.createSymbolicLink(recipe.resolve("recipe.sh"), Path.of("real.sh"));

        assertThat(files.read("recipe.sh", 100)).isInstanceOf(FileRead.Found.class);
    }

    @Test
    void aDanglingLinkIsUnreadableWithItsTarget() throws IOException {
        Files.createSymbolicLink(recipe.resolve("recipe.sh"), Path.of("gone.sh"));

        assertThat(files.read("recipe.sh", 100)).isEqualTo(
                new FileRead.Unreadable("it is a symbolic link to 'gone.sh', which does not exist"));
    }

    @Test
    void aDirectoryIsNotAFile() throws IOException {
        Files.createDirectories(recipe.resolve("recipe.sh"));

        assertThat(files.read("recipe.sh", 100)).isInstanceOf(FileRead.NotAFile.class);
    }
}
