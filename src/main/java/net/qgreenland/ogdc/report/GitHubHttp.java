package net.qgreenland.ogdc.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One GitHub REST call at a time: JSON in and out, passing failures retried within a bound, the rest as a value. */
final class GitHubHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"next\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** A 2xx answer: its JSON (missing when empty) and the next page's URL from the {@code Link} header. */
    record Answer(int status, JsonNode body, Optional<String> next) {}

    /** Why a call failed, which decides whether it is tried again. */
    enum Kind {
        /** A 5xx or a broken connection: retried after a growing delay. */
        PASSING,
        /** A rate limit: retried after the wait GitHub names, else after a minute and more. */
        RATE_LIMITED,
        /** "Resource not accessible by integration": this token will never be allowed. */
        REFUSED,
        /** Any other answer (422, 404, ...): sending it again would not help. */
        REJECTED
    }

    /** A call that failed, with a message fit for the log (never the token) and, for rate limits, GitHub's wait. */
    static final class CallFailure extends RuntimeException {
        private final Kind kind;
        private final Optional<Duration> wait;

        CallFailure(String message, Kind kind, Optional<Duration> wait) {
            super(message, null, false, false);
            this.kind = kind;
            this.wait = wait;
        }

        Kind kind() {
            return kind;
        }

        boolean retried() {
            return kind == Kind.PASSING || kind == Kind.RATE_LIMITED;
        }
    }

    private final HttpClient client;
    private final String api;
    private final String token;
    private final PublishRetry retry;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Consumer<String> log;
    private final WritePace pace;
    /** When a pause for the write pace was last logged. */
    private Instant pauseLogged = Instant.MIN;

    /**
     * {@code log} must already redact the token: messages here carry GitHub's own words; {@code pace} spaces the
     * writes.
     */
    GitHubHttp(String apiUrl, String token, PublishRetry retry, Sleeper sleeper, Clock clock, WritePace pace,
            Consumer<String> log) {
        this.pace = pace;
        this.api = apiUrl.replaceAll("/+$", "");
        this.token = token;
        this.retry = retry;
        this.sleeper = sleeper;
        this.clock = clock;
        this.log = log;
        this.client = HttpClient.newBuilder()
                // GitHub.com speaks HTTP/2 over TLS either way; plain-http test servers and proxies need no h2c upgrade
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /**
     * Sends {@code body} (or nothing when null) to {@code target}: a path under the API ({@code /repos/o/r/...}) or a
     * {@code Link} URL GitHub gave.
     */
    Answer send(String method, String target, JsonNode body) {
        URI uri = URI.create(target.startsWith("/") ? api + target : target);
        String what = method + " " + uri.getRawPath();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            keepPace(what);
        }
        Waits waits = new Waits(what);
        RetryPolicy<Answer> policy = RetryPolicy.<Answer>builder()
                .handleIf(failure -> failure instanceof CallFailure && ((CallFailure) failure).retried())
                .withMaxRetries(retry.maxRetries())
                .abortIf((answer, failure) -> failure instanceof CallFailure && ((CallFailure) failure).retried()
                        && !waits.plan((CallFailure) failure))
                // Failsafe itself waits no time: the planned wait goes through the injected sleeper instead
                .onRetry(event -> waits.sleep())
                .build();
        return Failsafe.with(policy).get(() -> attempt(what, method, uri, body, waits));
    }

    /** Waits as long as the write pace asks; says so at most once a minute. */
    private void keepPace(String what) {
        Instant now = clock.instant();
        Duration wait = pace.reserve(now);
        if (wait.isZero()) {
            return;
        }
        synchronized (this) {
            if (!now.isBefore(pauseLogged.plus(Duration.ofMinutes(1)))) {
                pauseLogged = now;
                log.accept("GitHub: waiting " + Math.max(1, wait.toSeconds()) + " s before " + what + " to stay under "
                        + pace.perMinute() + " writes a minute (GitHub's limit on content-generating requests)");
            }
        }
        try {
            pace.waitTurn(wait, sleeper);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallFailure(what + " was interrupted while waiting for its turn", Kind.REJECTED,
                    Optional.empty());
        }
    }

    /** {@code text} as one path segment or query value ({@code a b/c} → {@code a%20b%2Fc}). */
    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Whether {@code link} is on this API, so following it never sends the token to another host. */
    boolean isOnApi(String link) {
        return link.startsWith(api + "/");
    }

    private Answer attempt(String what, String method, URI uri, JsonNode body, Waits waits) {
        if (waits.interrupted) {
            throw new CallFailure(what + " was interrupted while waiting to retry", Kind.REJECTED, Optional.empty());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Accept", "application/vnd.github+json")
                .header("Authorization", "Bearer " + token)
                .header("X-GitHub-Api-Version", "2022-11-28")
                .header("User-Agent", "ogdc-action");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json; charset=utf-8")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        }
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CallFailure(what + " failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), Kind.PASSING, Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallFailure(what + " was interrupted", Kind.REJECTED, Optional.empty());
        }
        if (response.statusCode() / 100 == 2) {
            return new Answer(response.statusCode(), parse(response.body()), nextLink(response.headers()));
        }
        throw classify(what, response.statusCode(), response.headers(), response.body());
    }

    CallFailure classify(String what, int status, HttpHeaders headers, String body) {
        String message = githubMessage(body);
        String said = what + " answered " + status + ": " + message;
        if (status == 403 && message.contains("Resource not accessible by integration")) {
            return new CallFailure(said, Kind.REFUSED, Optional.empty());
        }
        if (status == 403 || status == 429) {
            Optional<Duration> told = toldWait(headers);
            boolean exhausted = headers.firstValue("x-ratelimit-remaining").map(String::strip).orElse("").equals("0");
            if (status == 429 || told.isPresent() || exhausted
                    || message.toLowerCase(Locale.ROOT).contains("rate limit")) {
                return new CallFailure(said, Kind.RATE_LIMITED, told);
            }
        }
        return new CallFailure(said, status >= 500 ? Kind.PASSING : Kind.REJECTED, Optional.empty());
    }

    /** {@code Retry-After} seconds, else the time until {@code x-ratelimit-reset} when nothing remains. */
    private Optional<Duration> toldWait(HttpHeaders headers) {
        Optional<Long> retryAfter = headers.firstValue("retry-after").flatMap(GitHubHttp::number);
        if (retryAfter.isPresent()) {
            return Optional.of(Duration.ofSeconds(Math.max(0, retryAfter.get())));
        }
        boolean exhausted = headers.firstValue("x-ratelimit-remaining").flatMap(GitHubHttp::number)
                .filter(remaining -> remaining == 0).isPresent();
        Optional<Long> reset = headers.firstValue("x-ratelimit-reset").flatMap(GitHubHttp::number);
        if (exhausted && reset.isPresent()) {
            Duration untilReset = Duration.between(clock.instant(), Instant.ofEpochSecond(reset.get()));
            // a second more, because the reset second itself may still be limited
            return Optional.of(untilReset.isNegative() ? Duration.ofSeconds(1) : untilReset.plusSeconds(1));
        }
        return Optional.empty();
    }

    static Optional<String> nextLink(HttpHeaders headers) {
        return headers.firstValue("link").flatMap(GitHubHttp::nextLink);
    }

    static Optional<String> nextLink(String link) {
        Matcher matcher = NEXT_LINK.matcher(link);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static Optional<Long> number(String text) {
        try {
            return Optional.of(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new CallFailure("GitHub's answer is not JSON: " + firstLine(body), Kind.REJECTED, Optional.empty());
        }
    }

    /** GitHub's own {@code message}, else the first line of the body, kept short. */
    private static String githubMessage(String body) {
        try {
            JsonNode json = JSON.readTree(body == null ? "" : body);
            if (json != null && json.hasNonNull("message")) {
                StringBuilder message = new StringBuilder(firstLine(json.get("message").asText()));
                // a 422's "Validation Failed" says little; its errors name the field and what is wrong
                for (JsonNode error : json.path("errors")) {
                    message.append(error.isTextual() ? " (" + error.asText() + ")" : error.hasNonNull("message")
                            ? " (" + error.get("message").asText() + ")"
                            : " (" + error.path("field").asText("?") + ": " + error.path("code").asText("?") + ")");
                }
                return firstLine(message.toString());
            }
        } catch (JsonProcessingException notJson) {
            // an HTML error page from a proxy: its first line says enough
        }
        return firstLine(String.valueOf(body));
    }

    private static String firstLine(String text) {
        String line = text.lines().findFirst().orElse("").strip();
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    /** The waits of one call: planned after a failure, then taken before the next attempt. */
    private final class Waits {
        private final String what;
        private Duration waited = Duration.ZERO;
        private Duration next = Duration.ZERO;
        private String reason = "";
        private int passingRetries;
        private int rateLimitRetries;
        private boolean interrupted;

        Waits(String what) {
            this.what = what;
        }

        /** Plans the wait before retrying after {@code failure}; false when it would exceed the budget. */
        boolean plan(CallFailure failure) {
            Duration wait = failure.kind == Kind.RATE_LIMITED
                    ? failure.wait.orElse(retry.rateLimitDelay().multipliedBy(1L << Math.min(rateLimitRetries, 10)))
                    : retry.firstDelay().multipliedBy(1L << Math.min(passingRetries, 10));
            if (waited.plus(wait).compareTo(retry.maxTotalWait()) > 0) {
                log.accept("warning: " + failure.getMessage() + "; waiting " + wait.toSeconds()
                        + " s more would pass the " + retry.maxTotalWait().toSeconds() + " s allowed, so " + what
                        + " is given up");
                return false;
            }
            next = wait;
            reason = failure.getMessage();
            if (failure.kind == Kind.RATE_LIMITED) {
                rateLimitRetries++;
            } else {
                passingRetries++;
            }
            return true;
        }

        void sleep() {
            log.accept(reason + "; retrying in " + next.toSeconds() + " s");
            try {
                sleeper.sleep(next);
                waited = waited.plus(next);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                interrupted = true;
            }
        }
    }
}
