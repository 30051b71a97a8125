package net.qgreenland.ogdc.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import net.qgreenland.ogdc.change.ChangedPath;
import net.qgreenland.ogdc.recipe.RecipeFiles;
import net.qgreenland.ogdc.secrets.SecretRedactor;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;

/**
 * {@link GitChanges} over a local clone with JGit, fetching from {@code origin} what a shallow clone lacks and falling
 * back to GitHub's compare API when a base commit cannot be fetched.
 */
public final class JGitChanges implements GitChanges {

    /** Commits fetched behind each tip per deepening before fetching all history; most branches meet within 50. */
    static final List<Integer> DEEPENINGS = List.of(50, 500);

    private static final Pattern FULL_SHA = Pattern.compile("[0-9a-fA-F]{40}");

    // The repository stays open so repeated calls reuse JGit's pack and object caches. Methods that may fetch are
    // synchronized, as two fetches into one clone would race; reads through recipeFiles() need no lock.
    private final Repository repository;
    private final String name;
    private final OriginFetcher origin;
    private final Optional<GitHubCompare> compare;
    private final SecretRedactor redactor;
    private final Consumer<String> log;
    private final List<Integer> deepenings;

    private JGitChanges(Repository repository, String name, Optional<String> token, Optional<GitHubCompare> compare,
            Consumer<String> log, List<Integer> deepenings) {
        this.repository = repository;
        this.name = name;
        this.redactor = new SecretRedactor(token);
        this.log = line -> log.accept(redactor.redact(line));
        this.origin = new OriginFetcher(repository, token, redactor, this.log);
        this.compare = compare;
        this.deepenings = List.copyOf(deepenings);
    }

    /**
     * Opens the Git repository whose work tree contains {@code repository}; fetches authenticate with {@code token}
     * (as GitHub's {@code x-access-token} user) and {@code log} receives one line per fetch or fallback.
     *
     * @throws GitException when {@code repository} is not inside a Git repository
     */
    public static JGitChanges open(Path repository, Optional<String> token, Optional<GitHubCompare> compare,
            Consumer<String> log) {
        return open(repository, token, compare, log, DEEPENINGS);
    }

    static JGitChanges open(Path repository, Optional<String> token, Optional<GitHubCompare> compare,
            Consumer<String> log, List<Integer> deepenings) {
        Path directory = repository.toAbsolutePath().normalize();
        FileRepositoryBuilder builder = new FileRepositoryBuilder();
        if (Files.isDirectory(directory)) {
            builder.findGitDir(directory.toFile());
        }
        if (builder.getGitDir() == null) {
            throw new GitException("'" + repository + "' is not inside a Git repository");
        }
        try {
            Repository opened = builder.setMustExist(true).build();
            String name = "'" + (opened.isBare() ? opened.getDirectory() : opened.getWorkTree()) + "'";
            return new JGitChanges(opened, name, token, compare, log, deepenings);
        } catch (IOException e) {
            throw new GitException("opening the Git repository at '" + builder.getGitDir() + "' failed: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public synchronized String requireCommit(String revision) {
        return requireCommitId(revision).name();
    }

    @Override
    public synchronized String requireBranchTip(String branch) {
        if (!Repository.isValidRefName(Constants.R_HEADS + branch)) {
            throw new GitException("'" + branch + "' is not a valid branch name");
        }
        String remote = Constants.R_REMOTES + "origin/" + branch;
        for (String ref : List.of(remote, Constants.R_HEADS + branch)) {
            Optional<ObjectId> tip = findLocalCommit(ref);
            if (tip.isPresent()) {
                return tip.get().name();
            }
        }
        try {
            origin.fetchBranch(branch);
        } catch (GitException e) {
            throw new GitException("branch '" + branch + "' is not in repository " + name + " and "
                    + e.getMessage(), e);
        }
        return findLocalCommit(remote).map(ObjectId::name).orElseThrow(() -> new GitException(
                "branch '" + branch + "' is in neither repository " + name + " nor origin (" + origin.originUrl() + ")"));
    }

    @Override
    public synchronized Optional<String> findMergeBase(String a, String b) {
        Optional<ObjectId> firstFound = findOrFetchCommit(a, b);
        Optional<ObjectId> secondFound = firstFound.isEmpty() ? Optional.empty() : findOrFetchCommit(b, a);
        if (secondFound.isEmpty()) {
            return Optional.empty();
        }
        ObjectId first = firstFound.get();
        ObjectId second = secondFound.get();
        String pair = OriginFetcher.abbreviate(first) + " and " + OriginFetcher.abbreviate(second);
        Optional<ObjectId> base = mergeBase(first, second);
        Iterator<Integer> depths = deepenings.iterator();
        while (base.isEmpty() && origin.isShallow()) {
            OptionalInt depth = depths.hasNext() ? OptionalInt.of(depths.next()) : OptionalInt.empty();
            log.accept("no merge base of " + pair + " in the shallow clone; " + (depth.isPresent()
                    ? "deepening their history by " + depth.getAsInt() + " commits from origin"
                    : "fetching their whole history from origin"));
            try {
                origin.deepen(List.of(first, second), depth);
            } catch (GitException e) {
                log.accept("no merge base of " + pair + ": " + e.getMessage());
                return Optional.empty();
            }
            base = mergeBase(first, second);
            if (depth.isEmpty()) {
                break;
            }
        }
        if (base.isEmpty()) {
            log.accept("the histories of " + pair + " never meet: they have no merge base");
        }
        return base.map(ObjectId::name);
    }

    @Override
    public synchronized CommitDiff diff(String base, String head) {
        boolean fetched = false;
        Optional<String> unfetchable = Optional.empty();
        Optional<ObjectId> headId = findLocalCommit(head);
        Optional<ObjectId> baseId = findLocalCommit(base);
        try {
            if (headId.isEmpty()) {
                headId = Optional.of(fetchCommit(head));
                fetched = true;
            }
            if (baseId.isEmpty()) {
                baseId = Optional.of(fetchCommit(base));
                fetched = true;
            }
        } catch (GitException e) {
            unfetchable = Optional.of(e.getMessage());
        }
        if (unfetchable.isEmpty()) {
            DiffSource source = fetched ? DiffSource.FETCHED : DiffSource.LOCAL;
            List<ChangedPath> changes = treeDiff(baseId.orElseThrow(), headId.orElseThrow());
            return logged(new CommitDiff(baseId.get().name(), headId.get().name(), changes, source));
        }
        String failure = unfetchable.get();
        if (compare.isEmpty()) {
            throw new GitException("diffing " + base + " to " + head + " in repository " + name
                    + " failed: a commit is missing and " + failure);
        }
        log.accept("cannot diff " + base + " to " + head + " in the clone (" + failure
                + "); asking GitHub's compare API instead");
        GitHubCompare.Comparison comparison = compare.get().compare(base, head);
        List<ChangedPath> changes = new ArrayList<>(comparison.changes());
        changes.sort(TreeDiff.BY_PATH);
        if (!comparison.mergeBase().equalsIgnoreCase(base)) {
            // Three-dot: after a force push the listed changes run from the merge base, not from the old tip.
            log.accept("GitHub's compare API listed the changes from " + comparison.mergeBase() + ", the merge base of "
                    + base + " and " + head);
        }
        return logged(new CommitDiff(base.toLowerCase(Locale.ROOT), head.toLowerCase(Locale.ROOT), changes,
                DiffSource.COMPARE_API));
    }

    @Override
    public synchronized List<String> listFiles(String commit, String directory) {
        ObjectId id = requireCommitId(commit);
        String prefix = trimSlashes(directory);
        List<String> files = new ArrayList<>();
        try (RevWalk commits = new RevWalk(repository); TreeWalk walk = new TreeWalk(repository)) {
            walk.addTree(commits.parseCommit(id).getTree());
            walk.setRecursive(true);
            if (!prefix.isEmpty()) {
                walk.setFilter(PathFilter.create(prefix));
            }
            while (walk.next()) {
                String path = walk.getPathString();
                if (prefix.isEmpty() || path.startsWith(prefix + "/")) {
                    files.add(path);
                }
            }
        } catch (IOException e) {
            throw readFailure("listing the files of '" + prefix + "' at commit " + id.name(), e);
        }
        files.sort(null);
        return List.copyOf(files);
    }

    @Override
    public synchronized Set<String> findFiles(String commit, Collection<String> paths) {
        ObjectId id = requireCommitId(commit);
        Set<String> wanted = new HashSet<>();
        paths.forEach(path -> wanted.add(trimSlashes(path)));
        wanted.remove("");
        if (wanted.isEmpty()) {
            return Set.of();
        }
        Set<String> found = new TreeSet<>();
        try (RevWalk commits = new RevWalk(repository); TreeWalk walk = new TreeWalk(repository)) {
            walk.addTree(commits.parseCommit(id).getTree());
            walk.setRecursive(true);
            // The group filter enters only the directories on the way to the paths asked for.
            walk.setFilter(PathFilterGroup.createFromStrings(wanted));
            while (walk.next()) {
                if (wanted.contains(walk.getPathString())) {
                    found.add(walk.getPathString());
                }
            }
        } catch (IOException e) {
            throw readFailure("looking up " + wanted.size() + " paths at commit " + id.name(), e);
        }
        return Collections.unmodifiableSet(found);
    }

    @Override
    public synchronized RecipeFiles recipeFiles(String commit, String directory) {
        ObjectId id = requireCommitId(commit);
        try (RevWalk commits = new RevWalk(repository)) {
            return new GitTreeRecipeFiles(repository, commits.parseCommit(id).getTree(), trimSlashes(directory));
        } catch (IOException e) {
            throw readFailure("reading commit " + id.name(), e);
        }
    }

    @Override
    public void close() {
        repository.close();
    }

    private ObjectId requireCommitId(String revision) {
        Optional<ObjectId> local = findLocalCommit(revision);
        if (local.isPresent()) {
            return local.get();
        }
        if (!FULL_SHA.matcher(revision).matches()) {
            throw new GitException("no commit '" + revision + "' in repository " + name);
        }
        try {
            return fetchCommit(revision);
        } catch (GitException e) {
            throw new GitException("no commit '" + revision + "' in repository " + name + ": " + e.getMessage(), e);
        }
    }

    /** Commit {@code revision}, fetched if need be; empty, with the reason logged, when it cannot be had. */
    private Optional<ObjectId> findOrFetchCommit(String revision, String other) {
        Optional<ObjectId> local = findLocalCommit(revision);
        if (local.isPresent()) {
            return local;
        }
        try {
            return Optional.of(fetchCommit(revision));
        } catch (GitException e) {
            log.accept("no merge base of " + revision + " and " + other + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Fetches commit {@code revision}, which must be a full SHA (nothing else can be asked for by name). */
    private ObjectId fetchCommit(String revision) {
        if (!FULL_SHA.matcher(revision).matches()) {
            throw new GitException("there is no commit '" + revision + "' in the clone, and only a full SHA can be fetched");
        }
        ObjectId id = ObjectId.fromString(revision.toLowerCase(Locale.ROOT));
        if (ObjectId.zeroId().equals(id)) {
            throw new GitException("the all-zero SHA names no commit (GitHub sends it for a created or deleted ref)");
        }
        origin.fetchCommit(id);
        return findLocalCommit(id.name()).orElseThrow(() -> new GitException(
                "origin (" + origin.originUrl() + ") sent " + OriginFetcher.abbreviate(id) + ", which is not a commit"));
    }

    /** The commit {@code revision} names in the clone as it is; empty when the clone lacks it. */
    private Optional<ObjectId> findLocalCommit(String revision) {
        try {
            return Optional.ofNullable(repository.resolve(revision + "^{commit}"));
        } catch (MissingObjectException e) {
            return Optional.empty();
        } catch (RevisionSyntaxException e) {
            throw new GitException("'" + revision + "' is not a revision Git understands", e);
        } catch (AmbiguousObjectException e) {
            throw new GitException("'" + revision + "' is ambiguous in repository " + name + ": it could name "
                    + e.getCandidates().size() + " objects", e);
        } catch (IncorrectObjectTypeException e) {
            throw new GitException("'" + revision + "' names something other than a commit in repository " + name, e);
        } catch (IOException e) {
            throw readFailure("resolving '" + revision + "'", e);
        }
    }

    private Optional<ObjectId> mergeBase(ObjectId a, ObjectId b) {
        try (RevWalk walk = new RevWalk(repository)) {
            walk.setRevFilter(RevFilter.MERGE_BASE);
            walk.markStart(walk.parseCommit(a));
            walk.markStart(walk.parseCommit(b));
            RevCommit base = walk.next();
            return Optional.ofNullable(base).map(RevCommit::copy);
        } catch (IOException e) {
            throw readFailure("finding the merge base of " + a.name() + " and " + b.name(), e);
        }
    }

    private List<ChangedPath> treeDiff(ObjectId base, ObjectId head) {
        try {
            return TreeDiff.between(repository, base, head, log);
        } catch (IOException e) {
            throw readFailure("diffing " + base.name() + " to " + head.name(), e);
        }
    }

    private CommitDiff logged(CommitDiff diff) {
        log.accept("changes from " + GitChanges.abbreviate(diff.base()) + " to "
                + GitChanges.abbreviate(diff.head()) + ": " + diff.changes().size()
                + " paths; " + diff.source().description());
        return diff;
    }

    private GitException readFailure(String what, Exception e) {
        return GitException.redacted(
                redactor, what + " in repository " + name + " failed: " + redactor.describe(e), e);
    }

    private static String trimSlashes(String directory) {
        String trimmed = directory;
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        return trimmed;
    }
}
