package net.qgreenland.ogdc.git;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import net.qgreenland.ogdc.change.ChangedPath;
import org.kohsuke.github.GHCommit;
import org.kohsuke.github.GHCompare;
import org.kohsuke.github.GHFileNotFoundException;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.GitHubRateLimitHandler;
import org.kohsuke.github.HttpException;

/** {@link GitHubCompare} through hub4j's {@code GHRepository.getCompare}. */
public final class Hub4jGitHubCompare implements GitHubCompare {

    /**
     * GitHub lists at most this many files of a comparison and does not say how many there are, so a list this long
     * may have been cut short ("Compare two commits", "Working with large comparisons").
     */
    static final int MAX_LISTED_FILES = 300;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final GitHub github;
    private final String repository;
    private GHRepository repo;

    private Hub4jGitHubCompare(GitHub github, String repository) {
        this.github = github;
        this.repository = repository;
    }

    /**
     * Compares commits of {@code repository} ({@code owner/name}) through the REST API at {@code apiUrl} (e.g.
     * {@code https://api.github.com}) with {@code token}; nothing is requested until the first comparison.
     */
    public static GitHubCompare connect(String apiUrl, String repository, String token) {
        Objects.requireNonNull(token, "token");
        try {
            GitHub github = new GitHubBuilder()
                    .withEndpoint(apiUrl)
                    // The same "Authorization: token ..." header as withOAuthToken, without first asking /user for
                    // a login (which GITHUB_TOKEN is refused).
                    .withAppInstallationToken(token)
                    // Waiting out a rate limit could stall the job for an hour; failing lets the caller say why.
                    .withRateLimitHandler(GitHubRateLimitHandler.FAIL)
                    .withAbuseLimitHandler(GitHubAbuseLimitHandler.FAIL)
                    .build();
            return new Hub4jGitHubCompare(github, repository);
        } catch (IOException e) {
            throw new GitException("connecting to the GitHub API at " + apiUrl + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized Comparison compare(String base, String head) {
        String what = "GitHub compare " + repository + " " + base + "..." + head;
        GHCompare comparison;
        try {
            comparison = repository().getCompare(base, head);
        } catch (IOException | UncheckedIOException e) {
            throw new GitException(what + " failed: " + describe(e), e);
        }
        if (comparison.getMergeBaseCommit() == null || comparison.getMergeBaseCommit().getSHA1() == null) {
            throw new GitException(what + " failed: the answer names no merge base commit");
        }
        GHCommit.File[] files = comparison.getFiles();
        if (files != null && files.length >= MAX_LISTED_FILES) {
            throw new GitException(what + " is too large: GitHub lists at most " + MAX_LISTED_FILES
                    + " changed files of a comparison and listed " + files.length + ", so some may be missing");
        }
        List<ChangedPath> changes = new ArrayList<>();
        for (GHCommit.File file : files == null ? new GHCommit.File[0] : files) {
            toChange(what, file).ifPresent(changes::add);
        }
        return new Comparison(comparison.getMergeBaseCommit().getSHA1(), changes);
    }

    private GHRepository repository() throws IOException {
        if (repo == null) {
            repo = github.getRepository(repository);
        }
        return repo;
    }

    private static Optional<ChangedPath> toChange(String what, GHCommit.File file) {
        String path = file.getFileName();
        String previous = file.getPreviousFilename();
        switch (String.valueOf(file.getStatus())) {
            case "unchanged":
                return Optional.empty();
            case "added":
                return Optional.of(ChangedPath.added(path));
            case "removed":
                return Optional.of(ChangedPath.deleted(path));
            case "renamed":
            case "copied":
                if (previous == null) {
                    throw new GitException(what + " failed: '" + path + "' is listed as " + file.getStatus()
                            + " without its previous name");
                }
                return Optional.of(file.getStatus().equals("renamed")
                        ? ChangedPath.renamed(previous, path) : ChangedPath.copied(previous, path));
            default:
                // "modified", "changed" (a change of mode or kind) and any status GitHub adds later: the path was
                // touched, and treating it as modified never hides a recipe that must run.
                return Optional.of(ChangedPath.modified(path));
        }
    }

    /** The status and GitHub's own "message" from hub4j's exception, whose text is the URL and the whole body. */
    private static String describe(Exception e) {
        String message = String.valueOf(e.getMessage());
        int body = message.indexOf('{');
        if (body >= 0) {
            try {
                JsonNode json = JSON.readTree(message.substring(body));
                if (json.hasNonNull("message")) {
                    message = json.get("message").asText();
                }
            } catch (JsonProcessingException notJson) {
                // keep hub4j's text as it is
            }
        }
        message = message.lines().findFirst().orElse("").strip();
        if (e instanceof HttpException) {
            return ((HttpException) e).getResponseCode() + " " + message;
        }
        if (e instanceof GHFileNotFoundException) {
            return "404 " + message;
        }
        return e.getClass().getSimpleName() + ": " + message;
    }
}
