package net.qgreenland.ogdc.recipe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** recipe.sh to commands, spec §1.9. */
class ShellScriptReaderTest {

    @Test
    void commandsAreTheNonEmptyLinesNotStartingWithHash() {
        String script = "#!/bin/sh\n# shellcheck disable=SC2148\n\ngdalinfo a.tif\n#gdalwarp\nogr2ogr  b c\n";

        assertThat(read(script)).containsExactly(
                new ShellCommand(4, "gdalinfo a.tif"), new ShellCommand(6, "ogr2ogr  b c"));
    }

    @ParameterizedTest(name = "line ending {0}")
    @CsvSource({"'\r\n'", "'\r'", "'\n'"})
    void everyLineEndingSplitsLines(String newline) {
        String script = "# header" + newline + "one" + newline + newline + "two" + newline;

        assertThat(read(script)).extracting(ShellCommand::text).containsExactly("one", "two");
        assertThat(read(script)).extracting(ShellCommand::line).containsExactly(2, 4);
    }

    @Test
    void theLastLineNeedsNoNewline() {
        assertThat(read("a\nb")).extracting(ShellCommand::text).containsExactly("a", "b");
    }

    @Test
    void leadingWhitespaceOfACommandIsKept() {
        assertThat(read("  gdalinfo x\n")).containsExactly(new ShellCommand(1, "  gdalinfo x"));
    }

    @Test
    void quotesAndShellSyntaxPassThroughUntouched() {
        String line = "bash -c 'for f in /input_dir/*.nc; do gdal_translate \"$f\" \"/output_dir/$(basename \"$f\" .nc).tif\"; done'";

        assertThat(read(line + "\n")).extracting(ShellCommand::text).containsExactly(line);
    }

    private static List<ShellCommand> read(String script) {
        Problems problems = new Problems();
        List<ShellCommand> commands = ShellScriptReader.read(script, "recipe.sh", problems);
        assertThat(problems.toList()).isEmpty();
        return commands;
    }
}
