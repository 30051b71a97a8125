package net.qgreenland.ogdc.recipe;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns {@code recipe.sh} into commands by the Python runner's rule (spec §1.9): after CRLF and CR become LF,
 * every line that is non-empty and does not start with {@code #} in column 1 is one command.
 *
 * <p>Lines that rule turns into commands that cannot work are refused here, at their line, instead of failing on
 * the cluster: whitespace-only lines and indented comments (each would end up as {@code mkdir -p ... && <line>},
 * a shell syntax error) and lines continued with a backslash (every line runs on its own).
 */
final class ShellScriptReader {

    private ShellScriptReader() {}

    static List<ShellCommand> read(String text, String file, Problems problems) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<ShellCommand> commands = new ArrayList<>();
        long errorsBefore = problems.errorCount();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int number = i + 1;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.isBlank()) {
                problems.error(new SourceLocation(file, number, 1), "",
                        "this line holds only whitespace, which counts as a command and would fail; delete it");
                continue;
            }
            String stripped = line.stripLeading();
            if (stripped.startsWith("#")) {
                problems.error(new SourceLocation(file, number, line.length() - stripped.length() + 1), "",
                        "an indented comment counts as a command and would fail; put the '#' in column 1");
                continue;
            }
            if (line.stripTrailing().endsWith("\\")) {
                problems.error(new SourceLocation(file, number, line.stripTrailing().length()), "",
                        "a line ending in '\\' does not continue onto the next one: every line runs as its own "
                                + "command; join the lines");
                continue;
            }
            commands.add(new ShellCommand(number, line));
        }
        if (commands.isEmpty() && problems.errorCount() == errorsBefore) {
            problems.error(SourceLocation.ofFile(file), "",
                    "there are no commands: every line is empty or a comment (a command is any line that does "
                            + "not start with '#')");
        }
        return commands;
    }
}
