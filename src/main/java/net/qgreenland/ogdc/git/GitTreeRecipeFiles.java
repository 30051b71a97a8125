package net.qgreenland.ogdc.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import net.qgreenland.ogdc.recipe.FileRead;
import net.qgreenland.ogdc.recipe.RecipeFiles;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * A recipe directory's files as one commit's tree has them, following symbolic links only while they stay inside
 * the directory and checking sizes before reading.
 */
final class GitTreeRecipeFiles implements RecipeFiles {

    /** As in Linux's {@code ELOOP}: a chain this long is a loop or an attack, not a layout. */
    static final int MAX_LINKS = 8;

    /** A link target longer than the longest path Linux accepts is not a path. */
    static final int MAX_LINK_BYTES = 4096;

    private final Repository repository;
    private final ObjectId tree;
    private final String directory;

    /** Reads directory {@code directory} ("" = the whole tree, no trailing slash) of tree {@code tree}. */
    GitTreeRecipeFiles(Repository repository, ObjectId tree, String directory) {
        this.repository = repository;
        this.tree = tree.copy();
        this.directory = directory;
    }

    @Override
    public FileRead read(String relativePath, long maxBytes) {
        // A reader per call: callers read from several threads and RecipeFiles has no close.
        try (ObjectReader reader = repository.newObjectReader()) {
            return read(reader, directory.isEmpty() ? relativePath : directory + "/" + relativePath, maxBytes);
        } catch (IOException | LargeObjectException e) {
            return new FileRead.Unreadable(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private FileRead read(ObjectReader reader, String path, long maxBytes) throws IOException {
        Optional<String> followed = Optional.empty();
        for (int links = 0; links <= MAX_LINKS; links++) {
            Optional<Entry> found = find(reader, path);
            if (found.isEmpty()) {
                return followed.<FileRead>map(target -> new FileRead.Unreadable(
                        "it is a symbolic link to '" + target + "', which does not exist")).orElseGet(FileRead.Missing::new);
            }
            Entry entry = found.get();
            if (!entry.is(FileMode.TYPE_SYMLINK)) {
                return readFile(reader, entry, maxBytes);
            }
            if (reader.getObjectSize(entry.id(), Constants.OBJ_BLOB) > MAX_LINK_BYTES) {
                return new FileRead.Unreadable("it is a symbolic link whose target is longer than " + MAX_LINK_BYTES
                        + " bytes");
            }
            String target = new String(reader.open(entry.id(), Constants.OBJ_BLOB).getCachedBytes(MAX_LINK_BYTES),
                    StandardCharsets.UTF_8);
            Optional<String> next = resolve(parent(entry.path()), target, entry.rest()).filter(this::isInside);
            if (next.isEmpty()) {
                return new FileRead.OutsideRecipe(target);
            }
            path = next.get();
            followed = Optional.of(target);
        }
        return new FileRead.Unreadable("too many levels of symbolic links");
    }

    private FileRead readFile(ObjectReader reader, Entry entry, long maxBytes) throws IOException {
        if (!entry.is(FileMode.TYPE_FILE)) {
            return new FileRead.NotAFile();
        }
        // The size is in the object's header: a large file is refused without inflating it.
        long size = reader.getObjectSize(entry.id(), Constants.OBJ_BLOB);
        if (size > maxBytes) {
            return new FileRead.TooLarge(size);
        }
        if (size > Integer.MAX_VALUE - 8) {
            return new FileRead.Unreadable("a file of " + size + " bytes does not fit in memory");
        }
        return new FileRead.Found(reader.open(entry.id(), Constants.OBJ_BLOB).getCachedBytes((int) size));
    }

    /**
     * The entry at {@code path}, or the first symbolic link below the recipe directory that the path passes through
     * (with the rest of the path after it); empty when nothing is there.
     */
    private Optional<Entry> find(ObjectReader reader, String path) throws IOException {
        if (path.equals(directory)) {
            return Optional.of(new Entry(path, FileMode.TREE, tree, ""));
        }
        Optional<Entry> whole = lookUp(reader, path, "");
        if (whole.isPresent()) {
            return whole;
        }
        int from = directory.isEmpty() ? 0 : directory.length() + 1;
        for (int slash = path.indexOf('/', from); slash > 0; slash = path.indexOf('/', slash + 1)) {
            Optional<Entry> prefix = lookUp(reader, path.substring(0, slash), path.substring(slash + 1));
            if (prefix.isEmpty() || !prefix.get().is(FileMode.TYPE_TREE)) {
                return prefix.filter(entry -> entry.is(FileMode.TYPE_SYMLINK));
            }
        }
        return Optional.empty();
    }

    private Optional<Entry> lookUp(ObjectReader reader, String path, String rest) throws IOException {
        try (TreeWalk walk = TreeWalk.forPath(reader, path, tree)) {
            return walk == null ? Optional.empty()
                    : Optional.of(new Entry(path, walk.getFileMode(0), walk.getObjectId(0), rest));
        }
    }

    /** {@code target} read from a link in directory {@code base}, then {@code rest}, normalized; empty if absolute
     * or climbing above the repository's root. */
    static Optional<String> resolve(String base, String target, String rest) {
        if (target.startsWith("/")) {
            return Optional.empty();
        }
        Deque<String> segments = new ArrayDeque<>();
        for (String part : (base + "/" + target + "/" + rest).split("/")) {
            if (part.equals("..")) {
                if (segments.isEmpty()) {
                    return Optional.empty();
                }
                segments.removeLast();
            } else if (!part.isEmpty() && !part.equals(".")) {
                segments.addLast(part);
            }
        }
        return Optional.of(String.join("/", segments));
    }

    private boolean isInside(String path) {
        return directory.isEmpty() || path.equals(directory) || path.startsWith(directory + "/");
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** A tree entry, and what remains of the path being resolved when the entry is a link part-way along it. */
    private record Entry(String path, FileMode mode, ObjectId id, String rest) {
        boolean is(int type) {
            return (mode.getBits() & FileMode.TYPE_MASK) == type;
        }
    }
}
