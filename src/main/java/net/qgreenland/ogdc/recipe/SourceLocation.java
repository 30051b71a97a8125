package net.qgreenland.ogdc.recipe;

import java.util.Objects;

/**
 * A position in a recipe file: the file's path as the user sees it, and a 1-based line and column.
 *
 * <p>Example: {@code recipes/seal-tags/meta.yml:12:7}. A location that names only a file (for a problem
 * with the file as a whole, such as its size) has line and column 0 and renders as {@code path}.
 */
public record SourceLocation(String file, int line, int column) {

    public SourceLocation {
        Objects.requireNonNull(file, "file");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column must be >= 0: " + line + ":" + column);
        }
    }

    /** The location of a file as a whole. */
    public static SourceLocation ofFile(String file) {
        return new SourceLocation(file, 0, 0);
    }

    /** Whether this location points into the file rather than at the file as a whole. */
    public boolean hasPosition() {
        return line > 0;
    }

    /** {@code file:line:col}, or {@code file} when there is no position. */
    @Override
    public String toString() {
        return hasPosition() ? file + ":" + line + ":" + Math.max(column, 1) : file;
    }
}
