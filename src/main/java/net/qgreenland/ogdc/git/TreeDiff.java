package net.qgreenland.ogdc.git;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import net.qgreenland.ogdc.change.ChangedPath;
import org.eclipse.jgit.api.errors.CanceledException;
import org.eclipse.jgit.diff.DiffConfig;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.RenameDetector;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/** The two-tree diff between commits, with rename detection, as {@link ChangedPath} entries sorted by path. */
final class TreeDiff {

    /** By the path an entry leaves behind (its new path, else its old one), then by type for a stable order. */
    static final Comparator<ChangedPath> BY_PATH = Comparator
            .comparing((ChangedPath change) -> change.newPath().or(change::oldPath).orElseThrow())
            .thenComparing(ChangedPath::type);

    /**
     * JGit's defaults rather than the clone's {@code diff.*} settings, so a user's config cannot switch rename
     * detection off or make it unboundedly slow; the default rename limit caps content comparison on huge diffs.
     */
    private static final DiffConfig RENAMES = new Config().get(DiffConfig.KEY);

    /**
     * The most added × deleted files (as its square root, like Git's {@code diff.renameLimit}) for which files are
     * also paired by content similarity; identical files are always paired. JGit's similarity pass costs about
     * 14 ms for 181 × 90 candidates, more than the whole diff, and never changes which recipes a change selects:
     * both paths of a rename select their recipes whether or not they are paired.
     */
    static final int CONTENT_RENAME_LIMIT = 100;

    private TreeDiff() {}

    /**
     * The changes from {@code base} to {@code head}; {@code log} hears when content-similarity pairing was skipped
     * because the diff has more candidates than {@link #CONTENT_RENAME_LIMIT} allows.
     */
    static List<ChangedPath> between(Repository repository, ObjectId base, ObjectId head, Consumer<String> log)
            throws IOException {
        try (ObjectReader reader = repository.newObjectReader();
                RevWalk commits = new RevWalk(reader);
                TreeWalk trees = new TreeWalk(repository, reader)) {
            trees.setRecursive(true);
            trees.setFilter(TreeFilter.ANY_DIFF);
            trees.addTree(commits.parseCommit(base).getTree());
            trees.addTree(commits.parseCommit(head).getTree());
            RenameDetector renames = new RenameDetector(reader, RENAMES);
            renames.setRenameLimit(CONTENT_RENAME_LIMIT);
            renames.addAll(DiffEntry.scan(trees));
            List<ChangedPath> changes = toChanges(renames.compute(reader, NullProgressMonitor.INSTANCE));
            if (renames.isOverRenameLimit()) {
                log.accept("renames were detected among identical files only: the diff has more added and deleted"
                        + " files than the " + CONTENT_RENAME_LIMIT + " x " + CONTENT_RENAME_LIMIT
                        + " limit for pairing similar ones (it does not change which recipes are selected)");
            }
            return changes;
        } catch (CanceledException e) {
            throw new IOException("rename detection was cancelled", e);
        }
    }

    private static List<ChangedPath> toChanges(List<DiffEntry> entries) {
        List<ChangedPath> changes = new ArrayList<>(entries.size());
        Map<String, Integer> addedAt = new HashMap<>();
        List<String> deleted = new ArrayList<>();
        for (DiffEntry entry : entries) {
            switch (entry.getChangeType()) {
                case ADD:
                    addedAt.put(entry.getNewPath(), changes.size());
                    changes.add(ChangedPath.added(entry.getNewPath()));
                    break;
                case DELETE:
                    deleted.add(entry.getOldPath());
                    break;
                case MODIFY:
                    changes.add(ChangedPath.modified(entry.getNewPath()));
                    break;
                case RENAME:
                    changes.add(ChangedPath.renamed(entry.getOldPath(), entry.getNewPath()));
                    break;
                case COPY:
                    changes.add(ChangedPath.copied(entry.getOldPath(), entry.getNewPath()));
                    break;
                default:
                    throw new IllegalStateException("unknown change type " + entry.getChangeType());
            }
        }
        // JGit splits a change of kind (file to symbolic link, file to submodule) into a delete and an add of the
        // same path; for us the path was modified.
        for (String path : deleted) {
            Integer at = addedAt.get(path);
            if (at == null) {
                changes.add(ChangedPath.deleted(path));
            } else {
                changes.set(at, ChangedPath.modified(path));
            }
        }
        changes.sort(BY_PATH);
        return changes;
    }
}
