package net.qgreenland.ogdc.task;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.EnumSet;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Python's {@code Path(dir).rglob(glob)} restricted to regular files: {@code glob} is matched as {@code **}/glob, so
 * {@code *.tif} matches a file name at any depth and {@code sub/*.tif} the tail of the path below the directory.
 *
 * <p>Like Python, it follows a symbolic link to a file (a link to a regular file counts) but does not descend into a
 * linked directory, and {@code *} also matches names starting with a dot; unlike Java's glob, braces are literal.
 */
record RecursiveGlob(Path directory, String glob) {

    /** Calls {@code action} with the absolute path of every match, in directory-walk order. */
    void forEachMatch(Consumer<Path> action) {
        if (!Files.isDirectory(directory)) {
            throw new TaskFailure("PVC input path is not a directory: " + directory);
        }
        String escaped = escapeBraces(glob);
        PathMatcher whole = FileSystems.getDefault().getPathMatcher("glob:" + escaped);
        PathMatcher below = FileSystems.getDefault().getPathMatcher("glob:**/" + escaped);
        try {
            // FOLLOW_LINKS so that a linked start directory and links to files are followed; linked directories
            // below the start are skipped, as Python's rglob does.
            Files.walkFileTree(directory, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                            return dir.equals(directory) || !Files.isSymbolicLink(dir)
                                    ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                            Path relative = directory.relativize(file);
                            if (attributes.isRegularFile() && (whole.matches(relative) || below.matches(relative))) {
                                action.accept(file);
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                            throw e;
                        }
                    });
        } catch (IOException e) {
            throw new TaskFailure("listing " + directory + " failed: " + TaskFailure.reason(e), e);
        }
    }

    /** Every match, de-duplicated and sorted as strings. */
    TreeSet<String> matches() {
        TreeSet<String> files = new TreeSet<>();
        addMatchesTo(files);
        return files;
    }

    /** Adds the string of every match to {@code files}. */
    void addMatchesTo(Collection<String> files) {
        forEachMatch(file -> files.add(file.toString()));
    }

    /** Python's glob has no {@code {a,b}} groups, so braces outside brackets are escaped for Java's glob. */
    static String escapeBraces(String glob) {
        StringBuilder escaped = new StringBuilder(glob.length() + 4);
        boolean inBracket = false;
        for (char c : glob.toCharArray()) {
            if (c == '[') {
                inBracket = true;
            } else if (c == ']') {
                inBracket = false;
            } else if (!inBracket && (c == '{' || c == '}' || c == '\\')) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
