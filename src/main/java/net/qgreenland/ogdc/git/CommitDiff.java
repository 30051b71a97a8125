package net.qgreenland.ogdc.git;

import java.util.List;
import java.util.Objects;
import net.qgreenland.ogdc.change.ChangedPath;

/**
 * The changes from commit {@code base} to commit {@code head} (full SHAs), sorted by path, and how they were
 * obtained.
 */
public record CommitDiff(String base, String head, List<ChangedPath> changes, DiffSource source) {

    public CommitDiff {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(source, "source");
        changes = List.copyOf(changes);
    }
}
