package net.qgreenland.ogdc.report;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * One annotation of a check run: a message on lines of a file in the repository.
 *
 * @param path the file, relative to the repository root ({@code recipes/seal-tags/meta.yml})
 * @param startLine first line, from 1
 * @param endLine last line
 * @param startColumn first column, from 1; only when {@code startLine == endLine}
 * @param endColumn last column
 * @param level {@code notice}, {@code warning} or {@code failure}
 * @param title a short title, at most 255 characters
 * @param message the message, at most 64 KB
 * @see <a href="https://docs.github.com/en/rest/checks/runs#update-a-check-run">annotations</a>
 */
public record CheckAnnotation(
        String path, int startLine, int endLine, OptionalInt startColumn, OptionalInt endColumn, Level level,
        String title, String message) {

    /** An annotation's {@code annotation_level}. */
    public enum Level {
        NOTICE("notice"),
        WARNING("warning"),
        FAILURE("failure");

        private final String apiName;

        Level(String apiName) {
            this.apiName = apiName;
        }

        public String apiName() {
            return apiName;
        }
    }

    public CheckAnnotation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(startColumn, "startColumn");
        Objects.requireNonNull(endColumn, "endColumn");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(message, "message");
        if (startLine < 1 || endLine < startLine) {
            throw new IllegalArgumentException("lines must satisfy 1 <= startLine <= endLine");
        }
        if (startLine != endLine) {
            startColumn = OptionalInt.empty();
            endColumn = OptionalInt.empty();
        }
    }
}
