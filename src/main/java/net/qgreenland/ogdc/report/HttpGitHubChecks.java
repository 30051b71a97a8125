package net.qgreenland.ogdc.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import net.qgreenland.ogdc.report.GitHubHttp.Answer;
import net.qgreenland.ogdc.report.GitHubHttp.CallFailure;
import net.qgreenland.ogdc.secrets.SecretRedactor;

/**
 * {@link GitHubChecks} over GitHub's REST API: check runs through the Checks API and the sticky comment through the
 * issue comments API, one request at a time.
 *
 * <p>The requests are plain {@code java.net.http} with Jackson bodies, not hub4j's builders: hub4j's raw requester
 * is package-private, its handlers wait out rate limits with a real {@code Thread.sleep} and retry on their own (so
 * the bound and the wait could not be ours), and reading a pull request's comments through {@code GHIssue} costs an
 * extra request for the issue.
 */
public final class HttpGitHubChecks implements GitHubChecks {

    /** The Checks API takes at most this many annotations per request; more go in further updates. */
    static final int MAX_ANNOTATIONS_PER_REQUEST = 50;
    /** GitHub rejects a longer comment body with 422 "Body is too long". */
    static final int MAX_COMMENT_CHARACTERS = 65_536;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final GitHubHttp http;
    private final String repo;
    private final Consumer<String> log;
    // Found or created once per process, so later updates need no lookup.
    private final Map<String, Long> checkRunIds = new HashMap<>();
    /** Head commits whose check runs were listed: an external id not found then has no check run. */
    private final Set<String> listedCommits = new HashSet<>();
    // Annotations are appended by every update that carries them, so each is sent once per check run.
    private final Map<Long, Set<CheckAnnotation>> sentAnnotations = new HashMap<>();
    private final Map<String, Comment> comments = new HashMap<>();
    /** Pull requests known to carry no comment of ours yet: the first write creates it without a lookup. */
    private final Set<Integer> withoutComment = new HashSet<>();
    private Optional<String> ownLogin = Optional.empty();
    private boolean refused;

    private record Comment(long id, String body) {}

    HttpGitHubChecks(String apiUrl, String repository, String token, PublishRetry retry, Sleeper sleeper, Clock clock,
            WritePace pace, Consumer<String> log) {
        Objects.requireNonNull(token, "token");
        if (!repository.matches("[^/\\s]+/[^/\\s]+")) {
            throw new IllegalArgumentException("repository must be owner/name, not '" + repository + "'");
        }
        SecretRedactor redactor = new SecretRedactor(Optional.of(token));
        this.log = line -> log.accept(redactor.redact(line));
        this.http = new GitHubHttp(apiUrl, token, retry, sleeper, clock, pace, this.log);
        this.repo = "/repos/" + repository;
    }

    /**
     * Publishes to {@code repository} ({@code owner/name}) through the REST API at {@code apiUrl} ({@code
     * GITHUB_API_URL}: {@code https://api.github.com}, or {@code https://HOST/api/v3} on GitHub Enterprise Server)
     * with {@code token}; warnings go to {@code log} without the token. Nothing is requested until the first call.
     */
    public static HttpGitHubChecks connect(String apiUrl, String repository, String token, Consumer<String> log) {
        return connect(apiUrl, repository, token, new WritePace(WritePace.GITHUB_LIMIT), log);
    }

    /** As {@link #connect(String, String, String, Consumer)}, its writes spaced by {@code pace}. */
    public static HttpGitHubChecks connect(String apiUrl, String repository, String token, WritePace pace,
            Consumer<String> log) {
        return new HttpGitHubChecks(apiUrl, repository, token, PublishRetry.DEFAULT, Sleeper.REAL, Clock.systemUTC(),
                pace, log);
    }

    // Synchronized: GitHub asks integrations to send their writes one after another, and a rate-limit wait
    // should hold back every recipe's report, not just one.
    @Override
    public synchronized Publication publish(CheckRunUpdate update) {
        return attempt("check run '" + update.name() + "' (" + update.externalId() + ")", () -> {
            Long id = checkRunIds.get(update.externalId());
            if (id == null) {
                id = findCheckRun(update).orElse(null);
            }
            Set<CheckAnnotation> sent = id == null ? new LinkedHashSet<>()
                    : sentAnnotations.computeIfAbsent(id, known -> new LinkedHashSet<>());
            List<CheckAnnotation> fresh = new ArrayList<>(new LinkedHashSet<>(update.annotations()));
            fresh.removeAll(sent);
            List<CheckAnnotation> first = fresh.subList(0, Math.min(MAX_ANNOTATIONS_PER_REQUEST, fresh.size()));
            ObjectNode body = runBody(update, first);
            if (id == null) {
                body.put("head_sha", update.headSha());
                id = requireId(http.send("POST", repo + "/check-runs", body), "the created check run");
                checkRunIds.put(update.externalId(), id);
                sentAnnotations.put(id, sent);
            } else {
                http.send("PATCH", repo + "/check-runs/" + id, body);
            }
            sent.addAll(first);
            for (int from = MAX_ANNOTATIONS_PER_REQUEST; from < fresh.size(); from += MAX_ANNOTATIONS_PER_REQUEST) {
                List<CheckAnnotation> batch =
                        fresh.subList(from, Math.min(from + MAX_ANNOTATIONS_PER_REQUEST, fresh.size()));
                ObjectNode more = JSON.createObjectNode();
                // an update carrying annotations must carry the output's title and summary too
                more.set("output", output(update, batch));
                http.send("PATCH", repo + "/check-runs/" + id, more);
                sent.addAll(batch);
            }
        });
    }

    /**
     * Tells this adapter that pull request {@code pullRequest} has no comment of ours yet (the run is the first one
     * of a pull request just opened), so its first comment is created without listing the pull request's comments.
     * Only the first write trusts it: if that fails, the next one looks (the comment may have been created after
     * all).
     *
     * @return this adapter
     */
    public synchronized HttpGitHubChecks assumingNoCommentOn(int pullRequest) {
        withoutComment.add(pullRequest);
        return this;
    }

    @Override
    public synchronized Publication upsertComment(int pullRequest, String marker, String body) {
        requireMarker(marker, body);
        if (body.length() > MAX_COMMENT_CHARACTERS) {
            log.accept("warning: the sticky comment on pull request #" + pullRequest + " has " + body.length()
                    + " characters, more than GitHub's " + MAX_COMMENT_CHARACTERS + "; it is not sent");
            return refused ? Publication.REFUSED : Publication.FAILED;
        }
        return editComment(pullRequest, marker, existing -> body);
    }

    @Override
    public synchronized Publication editComment(int pullRequest, String marker,
            Function<Optional<String>, String> edit) {
        requireMarker(marker, marker);
        String what = "the sticky comment on pull request #" + pullRequest;
        return attempt(what, () -> {
            String key = pullRequest + "\n" + marker;
            Comment known = comments.get(key);
            if (known == null && !withoutComment.remove(pullRequest)) {
                known = findComment(pullRequest, marker).orElse(null);
            }
            String body = edit.apply(Optional.ofNullable(known).map(Comment::body));
            requireMarker(marker, body);
            if (body.length() > MAX_COMMENT_CHARACTERS) {
                throw new CallFailure(what + " has " + body.length() + " characters, more than GitHub's "
                        + MAX_COMMENT_CHARACTERS + "; it is not sent", GitHubHttp.Kind.REJECTED, Optional.empty());
            }
            if (known == null) {
                Answer created = http.send("POST", repo + "/issues/" + pullRequest + "/comments", commentBody(body));
                learnLogin(created.body());
                comments.put(key, new Comment(requireId(created, "the created comment"), body));
            } else if (!known.body().equals(body)) {
                learnLogin(http.send("PATCH", repo + "/issues/comments/" + known.id(), commentBody(body)).body());
                comments.put(key, new Comment(known.id(), body));
            } else {
                // unchanged: sending it again would spend rate limit and notify nobody of anything new
                comments.put(key, known);
            }
        });
    }

    private static void requireMarker(String marker, String body) {
        if (marker.isBlank() || !body.contains(marker)) {
            throw new IllegalArgumentException("the comment body must contain its marker, or the next run cannot "
                    + "find it");
        }
    }

    private Publication attempt(String what, Runnable call) {
        if (refused) {
            return Publication.REFUSED;
        }
        try {
            call.run();
            return Publication.PUBLISHED;
        } catch (CallFailure e) {
            if (e.kind() == GitHubHttp.Kind.REFUSED) {
                refused = true;
                log.accept("warning: GitHub refused " + what + " (" + e.getMessage() + "): the token may not write"
                        + " here (a pull request from a fork?); no more check runs or comments are sent, and"
                        + " reporting falls back to the job summary and annotations");
                return Publication.REFUSED;
            }
            log.accept("warning: publishing " + what + " failed: " + e.getMessage() + "; the run goes on");
            return Publication.FAILED;
        } catch (IllegalArgumentException e) {
            throw e; // a caller's mistake, not GitHub's
        } catch (RuntimeException e) {
            // an answer that is not what GitHub documents is still only a reporting failure
            log.accept("warning: publishing " + what + " failed: " + e + "; the run goes on");
            return Publication.FAILED;
        }
    }

    /**
     * The newest check run on the head commit with this external id. The first lookup for a commit lists all of its
     * check runs once (paginated) and remembers every external id, so a run of N recipes costs about N / 100 lookups,
     * not N; a recipe not among them has no check run yet.
     */
    private Optional<Long> findCheckRun(CheckRunUpdate update) {
        if (!listedCommits.contains(update.headSha())) {
            String page = repo + "/commits/" + GitHubHttp.encode(update.headSha())
                    + "/check-runs?filter=all&per_page=100";
            while (page != null) {
                Answer answer = http.send("GET", page, null);
                for (JsonNode run : answer.body().path("check_runs")) {
                    String externalId = run.path("external_id").asText("");
                    if (!externalId.isEmpty()) {
                        checkRunIds.merge(externalId, run.path("id").asLong(), Math::max);
                    }
                }
                page = followable(answer.next());
            }
            // only a complete listing may say that a check run does not exist
            listedCommits.add(update.headSha());
        }
        return Optional.ofNullable(checkRunIds.get(update.externalId()));
    }

    /** Our comment with {@code marker}, paging through every comment of the pull request (oldest first). */
    private Optional<Comment> findComment(int pullRequest, String marker) {
        String page = repo + "/issues/" + pullRequest + "/comments?per_page=100";
        while (page != null) {
            Answer answer = http.send("GET", page, null);
            for (JsonNode comment : answer.body()) {
                String text = comment.path("body").asText("");
                if (text.contains(marker) && isOwn(comment.path("user"))) {
                    return Optional.of(new Comment(comment.path("id").asLong(), text));
                }
            }
            page = followable(answer.next());
        }
        return Optional.empty();
    }

    /**
     * Whether a comment's author is this token's identity. An installation token ({@code GITHUB_TOKEN} is one) may
     * not ask {@code GET /user} who it is, but it always writes as a bot ({@code github-actions[bot]}, or
     * {@code <app>[bot]} for an app's token), and people's accounts are never of type {@code Bot}; once a write of
     * ours has told us our login, only that login counts.
     */
    private boolean isOwn(JsonNode user) {
        return "Bot".equals(user.path("type").asText())
                && ownLogin.map(login -> login.equals(user.path("login").asText())).orElse(true);
    }

    private void learnLogin(JsonNode comment) {
        String login = comment.path("user").path("login").asText("");
        if (!login.isEmpty() && "Bot".equals(comment.path("user").path("type").asText())) {
            ownLogin = Optional.of(login);
        }
    }

    private String followable(Optional<String> next) {
        if (next.isPresent() && !http.isOnApi(next.get())) {
            log.accept("warning: GitHub's next page " + next.get() + " is not on the API; the list stops here");
            return null;
        }
        return next.orElse(null);
    }

    private static ObjectNode runBody(CheckRunUpdate update, List<CheckAnnotation> annotations) {
        ObjectNode body = JSON.createObjectNode()
                .put("name", update.name())
                .put("external_id", update.externalId())
                .put("status", update.status().apiName());
        update.detailsUrl().ifPresent(url -> body.put("details_url", url));
        update.startedAt().ifPresent(at -> body.put("started_at", timestamp(at)));
        update.conclusion().ifPresent(conclusion -> body.put("conclusion", conclusion.apiName()));
        // completed_at without a conclusion is a 422, so it only goes with one
        update.completedAt().filter(at -> update.conclusion().isPresent())
                .ifPresent(at -> body.put("completed_at", timestamp(at)));
        body.set("output", output(update, annotations));
        return body;
    }

    private static ObjectNode output(CheckRunUpdate update, List<CheckAnnotation> annotations) {
        ObjectNode output = JSON.createObjectNode().put("title", update.title()).put("summary", update.summary());
        // text goes with every output, so an annotations-only update cannot leave it out of the output it replaces
        update.text().ifPresent(text -> output.put("text", text));
        if (!annotations.isEmpty()) {
            ArrayNode array = output.putArray("annotations");
            annotations.forEach(annotation -> array.add(annotation(annotation)));
        }
        return output;
    }

    private static ObjectNode annotation(CheckAnnotation annotation) {
        ObjectNode node = JSON.createObjectNode()
                .put("path", annotation.path())
                .put("start_line", annotation.startLine())
                .put("end_line", annotation.endLine())
                .put("annotation_level", annotation.level().apiName())
                .put("message", annotation.message());
        annotation.startColumn().ifPresent(column -> node.put("start_column", column));
        annotation.endColumn().ifPresent(column -> node.put("end_column", column));
        if (!annotation.title().isEmpty()) {
            node.put("title", annotation.title());
        }
        return node;
    }

    private static ObjectNode commentBody(String body) {
        return JSON.createObjectNode().put("body", body);
    }

    private static long requireId(Answer answer, String what) {
        long id = answer.body().path("id").asLong();
        if (id <= 0) {
            throw new CallFailure("GitHub's answer names no id for " + what, GitHubHttp.Kind.REJECTED,
                    Optional.empty());
        }
        return id;
    }

    /** As the Checks API documents it: {@code YYYY-MM-DDTHH:MM:SSZ}. */
    private static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
