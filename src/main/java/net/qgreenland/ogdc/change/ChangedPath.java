package net.qgreenland.ogdc.change;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a diff between two commits, with repository-relative, {@code /}-separated paths: an
 * {@link ChangeType#ADD} has only a new path, a {@link ChangeType#DELETE} only an old one, the other types both
 * (e.g. {@code RENAME recipes/a/run.sh -> recipes/b/run.sh}).
 */
public record ChangedPath(ChangeType type, Optional<String> oldPath, Optional<String> newPath) {

    public ChangedPath {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(oldPath, "oldPath");
        Objects.requireNonNull(newPath, "newPath");
        oldPath.ifPresent(path -> requireRelative(path, "old path"));
        newPath.ifPresent(path -> requireRelative(path, "new path"));
        boolean wantsOld = type != ChangeType.ADD;
        boolean wantsNew = type != ChangeType.DELETE;
        if (oldPath.isPresent() != wantsOld || newPath.isPresent() != wantsNew) {
            throw new IllegalArgumentException("a " + type + " change needs " + (wantsOld ? "an old path" : "no old path")
                    + " and " + (wantsNew ? "a new path" : "no new path") + ", got " + oldPath + " -> " + newPath);
        }
    }

    public static ChangedPath added(String path) {
        return new ChangedPath(ChangeType.ADD, Optional.empty(), Optional.of(path));
    }

    public static ChangedPath modified(String path) {
        return new ChangedPath(ChangeType.MODIFY, Optional.of(path), Optional.of(path));
    }

    public static ChangedPath deleted(String path) {
        return new ChangedPath(ChangeType.DELETE, Optional.of(path), Optional.empty());
    }

    public static ChangedPath renamed(String from, String to) {
        return new ChangedPath(ChangeType.RENAME, Optional.of(from), Optional.of(to));
    }

    public static ChangedPath copied(String from, String to) {
        return new ChangedPath(ChangeType.COPY, Optional.of(from), Optional.of(to));
    }

    /** The old path, then the new one if it differs: every path this entry mentions. */
    public List<String> paths() {
        List<String> paths = new ArrayList<>(2);
        oldPath.ifPresent(paths::add);
        newPath.filter(path -> !paths.contains(path)).ifPresent(paths::add);
        return List.copyOf(paths);
    }

    /** The paths whose content changed: {@link #paths()}, except that the source of a copy is left as it was. */
    public List<String> affectedPaths() {
        return type == ChangeType.COPY ? List.of(newPath.orElseThrow()) : paths();
    }

    private static void requireRelative(String path, String what) {
        if (path.isEmpty() || path.startsWith("/") || path.endsWith("/") || path.contains("//")
                || path.indexOf('\\') >= 0) {
            throw new IllegalArgumentException("the " + what
                    + " must be a repository-relative file path with '/' separators, got '" + path + "'");
        }
    }

    @Override
    public String toString() {
        return type + " " + String.join(" -> ", paths());
    }
}
