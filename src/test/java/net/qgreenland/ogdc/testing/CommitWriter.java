package net.qgreenland.ogdc.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.api.CloneCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Writes commits straight into a test repository's object database (no work tree), with a fixed author and
 * one-minute steps of time, so every run makes the same SHAs.
 */
public final class CommitWriter implements AutoCloseable {

    public static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");

    private final Repository repository;
    private final ObjectInserter inserter;
    private final Map<String, Entry> files = new TreeMap<>();
    private String branch = "main";
    private int commits;

    private CommitWriter(Repository repository) {
        this.repository = repository;
        // One pack per commit instead of a loose file per object: ten thousand files are written in well under a second.
        this.inserter = ((ObjectDirectory) repository.getObjectDatabase()).newPackInserter();
    }

    /** A new non-bare repository at {@code directory} whose HEAD is branch {@code main}. */
    public static CommitWriter init(Path directory) {
        try {
            Git git = Git.init().setDirectory(directory.toFile()).setInitialBranch("main").call();
            return new CommitWriter(git.getRepository());
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    public CommitWriter write(String path, String content) {
        return put(path, FileMode.REGULAR_FILE, content.getBytes(StandardCharsets.UTF_8));
    }

    public CommitWriter write(String path, byte[] content) {
        return put(path, FileMode.REGULAR_FILE, content);
    }

    public CommitWriter executable(String path, String content) {
        return put(path, FileMode.EXECUTABLE_FILE, content.getBytes(StandardCharsets.UTF_8));
    }

    public CommitWriter symlink(String path, String target) {
        return put(path, FileMode.SYMLINK, target.getBytes(StandardCharsets.UTF_8));
    }

    public CommitWriter submodule(String path, String commit) {
        return entry(path, FileMode.GITLINK, commit);
    }

    /** Removes file {@code path}, or every file under directory {@code path}. */
    public CommitWriter delete(String path) {
        files.keySet().removeIf(p -> p.equals(path) || p.startsWith(path + "/"));
        return this;
    }

    /** Moves file or directory {@code from} to {@code to}. */
    public CommitWriter move(String from, String to) {
        List<String> moving = new ArrayList<>();
        for (String p : files.keySet()) {
            if (p.equals(from) || p.startsWith(from + "/")) {
                moving.add(p);
            }
        }
        for (String p : moving) {
            files.put(to + p.substring(from.length()), files.remove(p));
        }
        return this;
    }

    /** Commits the files on the current branch (after its tip, if any) and returns the new commit's SHA. */
    public String commit(String message) {
        try {
            DirCache index = DirCache.newInCore();
            DirCacheBuilder builder = index.builder();
            files.forEach((path, entry) -> {
                DirCacheEntry e = new DirCacheEntry(path);
                e.setFileMode(entry.mode());
                e.setObjectId(entry.id());
                builder.add(e);
            });
            builder.finish();
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(index.writeTree(inserter));
            ObjectId parent = repository.resolve(Constants.R_HEADS + branch);
            if (parent != null) {
                commit.setParentId(parent);
            }
            PersonIdent author = new PersonIdent("OGDC Test", "test@example.org",
                    EPOCH.plusSeconds(60L * commits++), ZoneOffset.UTC);
            commit.setAuthor(author);
            commit.setCommitter(author);
            commit.setMessage(message);
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            RefUpdate update = repository.updateRef(Constants.R_HEADS + branch);
            update.setNewObjectId(id);
            update.setForceUpdate(true);
            update.update();
            return id.name();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Continues on branch {@code name}, created (or moved) at commit {@code start} with that commit's files. */
    public CommitWriter branch(String name, String start) {
        try {
            RefUpdate update = repository.updateRef(Constants.R_HEADS + name);
            update.setNewObjectId(ObjectId.fromString(start));
            update.setForceUpdate(true);
            update.update();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return checkout(name);
    }

    /** The existing repository at {@code directory}, e.g. a clone, to change its settings. */
    public static CommitWriter openExisting(Path directory) {
        try {
            return new CommitWriter(Git.open(directory.toFile()).getRepository());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Clones this repository into {@code into} as CI would: {@code depth} commits deep (0 = all), the given branches. */
    public Path cloneInto(Path into, int depth, String... branches) {
        try {
            CloneCommand clone = Git.cloneRepository()
                    .setURI(directory().toUri().toString()).setDirectory(into.toFile()).setBranch("main");
            if (depth > 0) {
                clone.setDepth(depth);
            }
            if (branches.length > 0) {
                clone.setBranchesToClone(Arrays.stream(branches).map(b -> Constants.R_HEADS + b).toList());
            }
            clone.call().close();
            return into;
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Continues on new branch {@code name} with no files and no parent: a history of its own. */
    public CommitWriter orphan(String name) {
        branch = name;
        files.clear();
        return this;
    }

    /** Points {@code path} at object {@code id} without writing it, for objects a test writes itself. */
    public CommitWriter entry(String path, FileMode mode, String id) {
        files.put(path, new Entry(mode, ObjectId.fromString(id)));
        return this;
    }

    /** Continues on existing branch {@code name} with the files of its tip. */
    public CommitWriter checkout(String name) {
        branch = name;
        files.clear();
        try (RevWalk walk = new RevWalk(repository); TreeWalk tree = new TreeWalk(repository)) {
            tree.addTree(walk.parseCommit(repository.resolve(Constants.R_HEADS + name)).getTree());
            tree.setRecursive(true);
            while (tree.next()) {
                files.put(tree.getPathString(), new Entry(tree.getFileMode(0), tree.getObjectId(0)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public Repository repository() {
        return repository;
    }

    public Path directory() {
        return repository.getWorkTree().toPath();
    }

    public void setOrigin(String url) {
        StoredConfig config = repository.getConfig();
        config.setString("remote", "origin", "url", url);
        config.setString("remote", "origin", "fetch", "+refs/heads/*:refs/remotes/origin/*");
        save(config);
    }

    @Override
    public void close() {
        inserter.close();
        repository.close();
    }

    private CommitWriter put(String path, FileMode mode, byte[] content) {
        try {
            files.put(path, new Entry(mode, inserter.insert(Constants.OBJ_BLOB, content)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private CommitWriter save(StoredConfig config) {
        try {
            config.save();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private record Entry(FileMode mode, ObjectId id) {}
}
