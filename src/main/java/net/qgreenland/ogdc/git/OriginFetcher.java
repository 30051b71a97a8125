package net.qgreenland.ogdc.git;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import net.qgreenland.ogdc.secrets.SecretRedactor;
import org.eclipse.jgit.api.FetchCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * Fetches commits and branches from a repository's {@code origin} into the clone, authenticating with the token and
 * never showing it.
 */
final class OriginFetcher {

    /** Where fetched commits are kept, so no user branch changes and nothing prunes them while we work. */
    static final String FETCHED_REFS = "refs/ogdc/fetched/";

    /** Seconds without progress after which a fetch gives up, so a stalled network cannot hang the job. */
    static final int TIMEOUT_SECONDS = 120;

    private final Repository repository;
    private final Optional<String> token;
    private final SecretRedactor redactor;
    private final Consumer<String> log;

    OriginFetcher(Repository repository, Optional<String> token, SecretRedactor redactor, Consumer<String> log) {
        this.repository = repository;
        this.token = token.filter(t -> !t.isEmpty());
        this.redactor = redactor;
        this.log = log;
    }

    /**
     * Fetches commit {@code id}: at depth 1 in a shallow clone (its history is not needed for a two-tree diff), and
     * whatever history is missing in a full one (a depth there would make the clone shallow).
     */
    void fetchCommit(ObjectId id) {
        OptionalInt depth = isShallow() ? OptionalInt.of(1) : OptionalInt.empty();
        String what = "fetching commit " + abbreviate(id) + " from origin (" + originUrl() + ")";
        fetch(what, depth, List.of(new RefSpec("+" + id.name() + ":" + FETCHED_REFS + id.name())));
        if (!has(id)) {
            throw new GitException(what + " failed: origin did not send it");
        }
        keep(id);
        log.accept("fetched commit " + abbreviate(id) + " from origin" + depthNote(depth));
    }

    /** Fetches branch {@code branch} into {@code refs/remotes/origin/<branch>}. */
    void fetchBranch(String branch) {
        OptionalInt depth = isShallow() ? OptionalInt.of(1) : OptionalInt.empty();
        String what = "fetching branch '" + branch + "' from origin (" + originUrl() + ")";
        fetch(what, depth, List.of(new RefSpec("+refs/heads/" + branch + ":refs/remotes/origin/" + branch)));
        log.accept("fetched branch '" + branch + "' from origin" + depthNote(depth));
    }

    /** Fetches {@code depth} more commits of history behind each of {@code tips}; all of it when empty. */
    void deepen(List<ObjectId> tips, OptionalInt depth) {
        String what = "deepening the history of " + tips.stream().map(OriginFetcher::abbreviate)
                .collect(Collectors.joining(" and ")) + " from origin (" + originUrl() + ")";
        List<RefSpec> specs = tips.stream().map(id -> new RefSpec("+" + id.name() + ":" + FETCHED_REFS + id.name()))
                .toList();
        fetch(what, depth, specs, depth.isEmpty());
    }

    boolean isShallow() {
        try {
            return !repository.getObjectDatabase().getShallowCommits().isEmpty();
        } catch (IOException e) {
            throw GitException.redacted(redactor, "reading the shallow commits of " + repository.getDirectory() + " failed: "
                    + redactor.describe(e), e);
        }
    }

    /** Origin's URL without credentials, for messages; says so when there is no origin. */
    String originUrl() {
        String url = repository.getConfig().getString("remote", "origin", "url");
        return url == null ? "no URL configured" : redactor.redact(url);
    }

    static String abbreviate(ObjectId id) {
        return GitChanges.abbreviate(id.name());
    }

    private void fetch(String what, OptionalInt depth, List<RefSpec> specs) {
        fetch(what, depth, specs, false);
    }

    private void fetch(String what, OptionalInt depth, List<RefSpec> specs, boolean unshallow) {
        if (repository.getConfig().getString("remote", "origin", "url") == null) {
            throw new GitException(what + " failed: the repository has no remote 'origin'");
        }
        try {
            FetchCommand fetch = Git.wrap(repository).fetch()
                    .setRemote("origin")
                    .setRefSpecs(specs)
                    .setTagOpt(TagOpt.NO_TAGS)
                    .setRemoveDeletedRefs(false)
                    .setTimeout(TIMEOUT_SECONDS);
            if (unshallow) {
                fetch.setUnshallow(true);
            } else {
                depth.ifPresent(fetch::setDepth);
            }
            token.ifPresent(t -> fetch.setCredentialsProvider(new UsernamePasswordCredentialsProvider("x-access-token", t)));
            fetch.call();
        } catch (GitAPIException | JGitInternalException e) {
            throw GitException.redacted(redactor, what + " failed: " + redactor.describe(e), e);
        }
    }

    private boolean has(ObjectId id) {
        try {
            return repository.getObjectDatabase().has(id);
        } catch (IOException e) {
            return false;
        }
    }

    /** JGit fetches an object named by SHA without writing the ref the refspec names; we write it ourselves. */
    private void keep(ObjectId id) {
        try {
            RefUpdate update = repository.updateRef(FETCHED_REFS + id.name());
            update.setNewObjectId(id);
            update.setForceUpdate(true);
            update.update();
        } catch (IOException e) {
            log.accept("could not record fetched commit " + abbreviate(id) + " under " + FETCHED_REFS + ": "
                    + redactor.describe(e));
        }
    }

    private static String depthNote(OptionalInt depth) {
        return depth.isPresent() ? " (depth " + depth.getAsInt() + ")" : "";
    }
}
