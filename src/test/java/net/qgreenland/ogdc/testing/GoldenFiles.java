package net.qgreenland.ogdc.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares rendered text with a golden file under {@code src/test/resources/golden/}. With
 * {@code -Dgolden.update=true} (never in CI) the golden file is written instead; a missing one fails the test.
 */
public final class GoldenFiles {

    public static final Path ROOT = Path.of("src/test/resources/golden");

    private GoldenFiles() {}

    public static void assertMatches(String relativePath, String actual) {
        Path golden = ROOT.resolve(relativePath);
        try {
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(golden.getParent());
                Files.writeString(golden, actual);
                return;
            }
            assertThat(golden).as("golden file %s (create it with -Dgolden.update=true)", golden).exists();
            assertThat(actual).as("rendered output vs %s (regenerate with -Dgolden.update=true)", golden)
                    .isEqualTo(Files.readString(golden));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
