package net.qgreenland.ogdc.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Python's {@code rglob} semantics on a real directory tree. */
class RecursiveGlobTest {

    @TempDir
    Path root;

    @BeforeEach
    void tree() throws IOException {
        for (String file : List.of("a.tif", "b.txt", ".hidden.tif", "x/c.tif", "x/y/d.tif", "x/y/e.TIF",
                "x/sub/f.tif", "sub/g.tif", "x/{b}.tif", "z.tif/h.txt")) {
            Path path = root.resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, file);
        }
        Files.createDirectories(root.resolve("dir.tif"));
    }

    @ParameterizedTest(name = "{0} matches {1}")
    @CsvSource(delimiter = '|', value = {
        "*.tif       | .hidden.tif a.tif sub/g.tif x/c.tif x/sub/f.tif x/y/d.tif x/{b}.tif",
        "*           | .hidden.tif a.tif b.txt sub/g.tif x/c.tif x/sub/f.tif x/y/d.tif x/y/e.TIF x/{b}.tif z.tif/h.txt",
        "d.tif       | x/y/d.tif",
        "?.tif       | a.tif sub/g.tif x/c.tif x/sub/f.tif x/y/d.tif",
        "[ab].*      | a.tif b.txt",
        "sub/*.tif   | sub/g.tif x/sub/f.tif",
        "y/*         | x/y/d.tif x/y/e.TIF",
        "x/*/*.tif   | x/sub/f.tif x/y/d.tif",
        "{b}.tif     | x/{b}.tif",
        "*.TIF       | x/y/e.TIF",
        "*.nc        | ''",
    })
    void theGlobMatchesRegularFilesAtAnyDepth(String glob, String expected) {
        List<String> matches = new RecursiveGlob(root, glob).matches().stream()
                .map(p -> root.relativize(Path.of(p)).toString()).toList();

        assertThat(matches).containsExactlyElementsOf(
                expected.isEmpty() ? List.of() : Arrays.asList(expected.split(" ")));
    }

    @Test
    void matchesAreAbsoluteSortedStrings() {
        List<String> matches = List.copyOf(new RecursiveGlob(root, "*.tif").matches());

        assertThat(matches).allSatisfy(p -> assertThat(Path.of(p)).isAbsolute().startsWith(root)).isSorted();
    }

    @Test
    void linksToFilesCountButLinkedDirectoriesAreNotEntered(@TempDir Path elsewhere) throws IOException {
        Files.writeString(elsewhere.resolve("outside.tif"), "o");
        Files.createSymbolicLink(root.resolve("link.tif"), elsewhere.resolve("outside.tif"));
        Files.createSymbolicLink(root.resolve("linked-dir"), elsewhere);
        Files.createSymbolicLink(root.resolve("dangling.tif"), elsewhere.resolve("missing.tif"));

        assertThat(new RecursiveGlob(root, "*.tif").matches()).contains(root.resolve("link.tif").toString())
                .doesNotContain(root.resolve("linked-dir/outside.tif").toString(),
                        root.resolve("dangling.tif").toString());
    }

    @Test
    void aLinkedStartDirectoryIsListed(@TempDir Path elsewhere) throws IOException {
        Path link = elsewhere.resolve("mount");
        Files.createSymbolicLink(link, root);

        assertThat(new RecursiveGlob(link, "d.tif").matches()).containsExactly(link.resolve("x/y/d.tif").toString());
    }

    @Test
    void thePathMustBeADirectory() {
        Path file = root.resolve("a.tif");

        assertThatThrownBy(() -> new RecursiveGlob(file, "*").matches())
                .isInstanceOf(TaskFailure.class).hasMessage("PVC input path is not a directory: " + file);
        assertThatThrownBy(() -> new RecursiveGlob(root.resolve("missing"), "*").matches())
                .hasMessage("PVC input path is not a directory: " + root.resolve("missing"));
    }
}
