package net.qgreenland.ogdc.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import net.qgreenland.ogdc.report.GitHubHttp.Answer;
import net.qgreenland.ogdc.report.GitHubHttp.CallFailure;
import net.qgreenland.ogdc.secrets.SecretRedactor;

/** {@link GitHubRepository} over GitHub's REST API with the same client, retries and redaction as the check runs. */
public final class HttpGitHubRepository implements GitHubRepository {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final GitHubHttp http;
    private final String repo;
    private final String repository;

    HttpGitHubRepository(String apiUrl, String repository, String token, PublishRetry retry, Sleeper sleeper,
            Clock clock, WritePace pace, Consumer<String> log) {
        Objects.requireNonNull(token, "token");
        if (!repository.matches("[^/\\s]+/[^/\\s]+")) {
            throw new IllegalArgumentException("repository must be owner/name, not '" + repository + "'");
        }
        SecretRedactor redactor = new SecretRedactor(Optional.of(token));
        this.http = new GitHubHttp(apiUrl, token, retry, sleeper, clock, pace,
                line -> log.accept(redactor.redact(line)));
        this.repo = "/repos/" + repository;
        this.repository = repository;
    }

    /** Reads {@code repository} ({@code owner/name}) through the REST API at {@code apiUrl} with {@code token}. */
    public static GitHubRepository connect(String apiUrl, String repository, String token, Consumer<String> log) {
        return connect(apiUrl, repository, token, new WritePace(WritePace.GITHUB_LIMIT), log);
    }

    /** As {@link #connect(String, String, String, Consumer)}, its writes spaced by {@code pace}. */
    public static GitHubRepository connect(String apiUrl, String repository, String token, WritePace pace,
            Consumer<String> log) {
        return new HttpGitHubRepository(apiUrl, repository, token, PublishRetry.DEFAULT, Sleeper.REAL,
                Clock.systemUTC(), pace, log);
    }

    @Override
    public PullRequestState requirePullRequest(int number) {
        JsonNode pull = call("reading pull request #" + number + " of " + repository,
                () -> http.send("GET", repo + "/pulls/" + number, null)).body();
        JsonNode base = pull.path("base");
        JsonNode head = pull.path("head");
        String headSha = head.path("sha").asText("");
        if (headSha.isEmpty()) {
            throw new GitHubException("pull request #" + number + " of " + repository + ": GitHub's answer has no "
                    + "head commit");
        }
        Optional<String> headRepo = text(head.path("repo"), "full_name");
        // a deleted fork has no head repository: when in doubt, a fork
        boolean fork = headRepo.isEmpty() || !headRepo.equals(text(base.path("repo"), "full_name"));
        return new PullRequestState(number, "open".equals(pull.path("state").asText()),
                base.path("sha").asText(""), headSha, base.path("ref").asText(""), head.path("ref").asText(""),
                fork, pull.path("draft").asBoolean(false));
    }

    @Override
    public Permission requirePermission(String login) {
        String what = "reading the permission of @" + login + " on " + repository;
        Answer answer;
        try {
            answer = http.send("GET", repo + "/collaborators/" + GitHubHttp.encode(login) + "/permission", null);
        } catch (CallFailure e) {
            if (e.getMessage().contains(" answered 404")) {
                return Permission.NONE; // no such user, or not one GitHub will say anything about
            }
            throw new GitHubException(what + " failed: " + e.getMessage());
        }
        // role_name tells maintain from write and triage from read; a custom role falls back to its base permission
        Optional<Permission> role = permission(answer.body().path("role_name").asText(""));
        return role.or(() -> permission(answer.body().path("permission").asText("")))
                .orElseThrow(() -> new GitHubException(what + ": GitHub's answer names no permission"));
    }

    @Override
    public void addReaction(long commentId, String content) {
        call("reacting to comment " + commentId + " with " + content, () -> http.send("POST", repo
                + "/issues/comments/" + commentId + "/reactions", JSON.createObjectNode().put("content", content)));
    }

    @Override
    public List<CheckRunRecord> listCheckRuns(String headSha) {
        List<CheckRunRecord> runs = new ArrayList<>();
        String page = repo + "/commits/" + GitHubHttp.encode(headSha) + "/check-runs?filter=latest&per_page=100";
        while (page != null) {
            String target = page;
            Answer answer = call("listing the check runs of " + headSha, () -> http.send("GET", target, null));
            for (JsonNode run : answer.body().path("check_runs")) {
                runs.add(new CheckRunRecord(run.path("id").asLong(), run.path("name").asText(""),
                        text(run, "external_id"), run.path("status").asText(""), text(run, "conclusion")));
            }
            page = answer.next().filter(http::isOnApi).orElse(null);
        }
        return runs;
    }

    private static Answer call(String what, java.util.function.Supplier<Answer> call) {
        try {
            return call.get();
        } catch (CallFailure e) {
            throw new GitHubException(what + " failed: " + e.getMessage());
        }
    }

    private static Optional<Permission> permission(String name) {
        for (Permission permission : Permission.values()) {
            if (permission.apiName().equals(name.toLowerCase(Locale.ROOT))) {
                return Optional.of(permission);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
    }
}
