package net.qgreenland.ogdc.recipe;

import java.util.Objects;

/** One command of a shell recipe: a line of {@code recipe.sh} and the 1-based line number it came from. */
public record ShellCommand(int line, String text) {

    public ShellCommand {
        Objects.requireNonNull(text, "text");
        if (line < 1) {
            throw new IllegalArgumentException("line must be >= 1");
        }
    }
}
