package net.qgreenland.ogdc.recipe;

import java.util.Optional;

/**
 * Loads the text of one recipe file through the {@link RecipeFiles} port, turning every way that can fail
 * (missing, too large, a link out of the recipe, not UTF-8...) into a problem.
 */
final class RecipeFileLoader {

    private final String directory;
    private final RecipeFiles files;
    private final Problems problems;

    RecipeFileLoader(String directory, RecipeFiles files, Problems problems) {
        this.directory = directory;
        this.files = files;
        this.problems = problems;
    }

    /** The path of {@code relativePath} as the user sees it, e.g. {@code recipes/seal-tags/recipe.sh}. */
    String displayPath(String relativePath) {
        return directory.isEmpty() || directory.equals(".") ? relativePath : directory + "/" + relativePath;
    }

    /**
     * The text of {@code relativePath}, or empty with a problem. A missing file is reported at {@code missingAt}
     * (the place in {@code meta.yml} that names the file) with property {@code property}.
     */
    Optional<String> loadText(String relativePath, long maxBytes, SourceLocation missingAt, String property) {
        String shown = displayPath(relativePath);
        FileRead read = files.read(relativePath, maxBytes);
        if (read instanceof FileRead.Found found) {
            return RecipeText.decode(found.bytes(), shown, problems);
        }
        if (read instanceof FileRead.Missing) {
            problems.error(missingAt, property, "The file " + relativePath + " is not present in the recipe directory");
        } else if (read instanceof FileRead.TooLarge tooLarge) {
            problems.error(SourceLocation.ofFile(shown), "", "the file is " + tooLarge.size()
                    + " bytes; the limit for " + relativePath + " is " + describeSize(maxBytes));
        } else if (read instanceof FileRead.OutsideRecipe outside) {
            problems.error(SourceLocation.ofFile(shown), "", "the file is a symbolic link to '" + outside.target()
                    + "', outside the recipe directory; recipe files must stay inside it");
        } else if (read instanceof FileRead.NotAFile) {
            problems.error(SourceLocation.ofFile(shown), "", "this is not a regular file");
        } else if (read instanceof FileRead.Unreadable unreadable) {
            problems.error(SourceLocation.ofFile(shown), "", "cannot read the file: " + unreadable.reason());
        }
        return Optional.empty();
    }

    /** "1 MiB (1048576 bytes)". */
    static String describeSize(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB (" + bytes + " bytes)" : bytes + " bytes";
    }

    /**
     * Checks a file name given in {@code meta.yml} ({@code sh_file}, {@code config_file}): it must be a relative
     * path inside the recipe directory. Returns the path with any {@code ./} segments removed.
     */
    Optional<String> checkRelativePath(String value, SourceLocation at, String property) {
        if (value.isBlank()) {
            problems.error(at, property, "must name a file in the recipe directory, got an empty string");
        } else if (value.indexOf('\0') >= 0) {
            problems.error(at, property, "must not contain null bytes");
        } else if (value.startsWith("/") || value.startsWith("\\") || value.matches("^[A-Za-z]:.*")) {
            problems.error(at, property, "must be a path relative to the recipe directory, got '" + value + "'");
        } else if (value.contains("\\")) {
            problems.error(at, property, "must use '/' to separate directories, got '" + value + "'");
        } else if (InputParamsReader.hasParentReference(value)) {
            problems.error(at, property, "must stay inside the recipe directory (no '..'), got '" + value + "'");
        } else {
            String normalized = String.join("/", java.util.Arrays.stream(value.split("/"))
                    .filter(part -> !part.isEmpty() && !part.equals("."))
                    .toList());
            if (normalized.isEmpty()) {
                problems.error(at, property, "must name a file in the recipe directory, got '" + value + "'");
                return Optional.empty();
            }
            return Optional.of(normalized);
        }
        return Optional.empty();
    }
}
