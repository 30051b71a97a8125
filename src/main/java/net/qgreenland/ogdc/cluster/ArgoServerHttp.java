package net.qgreenland.ogdc.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;
import net.qgreenland.ogdc.secrets.SecretRedactor;

/**
 * Sends requests to one Argo Server: bearer token, timeouts, retries of passing failures through
 * {@link TransientRetry}, and one {@link ClusterException} with a redacted, self-explaining message for the rest.
 */
final class ArgoServerHttp {

    static final String JSON = "application/json";
    static final String EVENT_STREAM = "text/event-stream";
    static final ObjectMapper MAPPER = JsonMapper.builder().build();

    /** How safe it is to send a request again after it may have reached the server. */
    enum Kind {
        /** GET: repeatable after any passing failure, timeouts included. */
        READ,
        /** PUT and DELETE of one named workflow: repeatable after 5xx, 429 and broken connections. */
        UPDATE,
        /** POST of a new workflow: repeated only when the server surely did not create it. */
        CREATE
    }

    /**
     * One request.
     *
     * @param attempt what it tries, for messages: {@code submitting Workflow 'x-' to namespace 'qgnet' of Argo Server
     *     https://argo:2746}
     * @param method the HTTP method
     * @param path the path and query below the server's base URL, already encoded
     * @param body the JSON body, if any
     * @param kind how safe a repeat is
     */
    record Call(String attempt, String method, String path, Optional<JsonNode> body, Kind kind) {}

    /** A status worth another attempt (429, 5xx), with the server's answer for the final message. */
    private static final class TransientStatus extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;
        private final transient byte[] body;

        TransientStatus(int status, byte[] body) {
            super("HTTP " + status, null, false, false);
            this.status = status;
            this.body = body;
        }
    }

    private static final int ERROR_BODY_LIMIT = 64 * 1024;
    private static final Map<Integer, String> REASON_PHRASES = Map.ofEntries(
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(408, "Request Timeout"),
            Map.entry(409, "Conflict"), Map.entry(410, "Gone"), Map.entry(422, "Unprocessable Entity"),
            Map.entry(429, "Too Many Requests"), Map.entry(500, "Internal Server Error"),
            Map.entry(501, "Not Implemented"), Map.entry(502, "Bad Gateway"), Map.entry(503, "Service Unavailable"),
            Map.entry(504, "Gateway Timeout"));
    private static final String NOT_RETRIED_ON_CREATE =
            " (not retried: the server may have created the workflow; look for it by its labels)";

    private final ArgoServerSettings settings;
    private final HttpClient client;
    private final Consumer<String> log;
    private final SecretRedactor redactor;

    ArgoServerHttp(ArgoServerSettings settings, HttpClient client, Consumer<String> log) {
        this.settings = settings;
        this.client = client;
        this.redactor = new SecretRedactor(settings.token());
        this.log = line -> log.accept(redactor.redact(line));
    }

    /**
     * An HTTP/1.1 client with the TLS trust {@code settings} ask for. Redirects are not followed: the token would
     * travel with them.
     */
    static HttpClient newClient(ArgoServerSettings settings, Consumer<String> log) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        TlsContexts.forSettings(settings, log).ifPresent(builder::sslContext);
        return builder.build();
    }

    /** {@code namespace 'qgnet' of Argo Server https://argo:2746}: the end of every attempt's description. */
    String where() {
        return "namespace '" + settings.namespace() + "' of Argo Server " + settings.server();
    }

    SecretRedactor redactor() {
        return redactor;
    }

    void log(String line) {
        log.accept(line);
    }

    /** {@code value} encoded for a query string (spaces as {@code %20}, which every server reads the same way). */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Sends {@code call} (retrying passing failures) and returns its JSON answer; a non-2xx answer is thrown. */
    JsonNode json(Call call) {
        return read(call, send(call, JSON, false));
    }

    /** As {@link #json}, but a 404 answer is empty. */
    Optional<JsonNode> jsonIfFound(Call call) {
        HttpResponse<InputStream> response = send(call, JSON, true);
        if (response.statusCode() == 404) {
            closeQuietly(response.body());
            return Optional.empty();
        }
        return Optional.of(read(call, response));
    }

    /** Sends {@code call} (retrying passing failures) and returns the open 2xx answer for the caller to read. */
    HttpResponse<InputStream> stream(Call call) {
        return send(call, JSON, false);
    }

    /**
     * Sends {@code call} once and returns whatever status came back, its body open; only a request that got no
     * answer at all is thrown. For the event stream, which has its own reconnect schedule.
     */
    HttpResponse<InputStream> openOnce(Call call, String accept) throws InterruptedException {
        try {
            return client.send(request(call, accept), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw failure(call, e, 1);
        }
    }

    /** The exception for a final answer {@code status} with {@code body}. */
    ClusterException failure(Call call, int status, byte[] body, int attempts) {
        String detail = statusText(status) + serverMessage(body).map(m -> ": " + m).orElse("");
        if (call.kind() == Kind.CREATE && isTransientStatus(status) && !isRetriedOnCreate(status)) {
            detail += NOT_RETRIED_ON_CREATE;
        }
        return exception(call, ClusterException.reasonFor(status), detail, attempts, null);
    }

    /** The server's own explanation in an error body: grpc-gateway's {@code message}, or a short plain text. */
    static Optional<String> serverMessage(byte[] body) {
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        try {
            JsonNode tree = MAPPER.readTree(body);
            if (tree != null && tree.isObject()) {
                JsonNode message = tree.path("message").isTextual() ? tree.path("message") : tree.path("error")
                        .path("message");
                return message.isTextual() && !message.asText().isBlank()
                        ? Optional.of(shorten(message.asText().strip()))
                        : Optional.empty();
            }
        } catch (IOException notJson) {
            // Go's plain "404 page not found", a proxy's text: read below
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return text.isEmpty() || text.contains("\n") || text.contains("<") || text.length() > 300
                ? Optional.empty()
                : Optional.of(text);
    }

    /** {@code 403 Forbidden}: the status and its reason phrase (the JDK's client does not expose the server's). */
    static String statusText(int status) {
        String phrase = REASON_PHRASES.get(status);
        return phrase == null ? "HTTP " + status : status + " " + phrase;
    }

    private HttpResponse<InputStream> send(Call call, String accept, boolean notFoundIsAnswer) {
        AtomicInteger attempts = new AtomicInteger();
        try {
            return Failsafe.with(settings.retry().<HttpResponse<InputStream>>policy(f -> isTransient(call.kind(), f)))
                    .get(context -> {
                        int attempt = attempts.incrementAndGet();
                        if (attempt > 1) {
                            log.accept("retrying " + call.attempt() + " (attempt " + attempt + " of "
                                    + settings.retry().attempts() + ") after " + describe(context.getLastException()));
                        }
                        return attemptOnce(call, accept, notFoundIsAnswer, attempt);
                    });
        } catch (TransientStatus e) {
            throw failure(call, e.status, e.body, attempts.get());
        } catch (FailsafeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                throw new ClusterException(ClusterException.Reason.OTHER, call.attempt() + " was interrupted");
            }
            throw failure(call, cause, attempts.get());
        }
    }

    private HttpResponse<InputStream> attemptOnce(Call call, String accept, boolean notFoundIsAnswer, int attempt)
            throws IOException, InterruptedException {
        HttpResponse<InputStream> response = client.send(request(call, accept),
                HttpResponse.BodyHandlers.ofInputStream());
        int status = response.statusCode();
        if (status / 100 == 2 || (status == 404 && notFoundIsAnswer)) {
            return response;
        }
        byte[] body = readErrorBody(response.body());
        if (isTransientStatus(status)) {
            throw new TransientStatus(status, body);
        }
        throw failure(call, status, body, attempt);
    }

    private HttpRequest request(Call call, String accept) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(settings.server() + call.path()))
                .timeout(settings.requestTimeout())
                .header("Accept", accept);
        try {
            settings.token().ifPresent(token -> builder.header("Authorization", "Bearer " + token));
        } catch (IllegalArgumentException e) {
            // the JDK's message quotes the header value, so it is not passed on
            throw new ClusterException(ClusterException.Reason.UNAUTHORIZED, call.attempt()
                    + " failed: the token cannot be sent in an HTTP header (it has characters headers cannot hold)");
        }
        if (call.body().isPresent()) {
            builder.header("Content-Type", JSON).method(call.method(),
                    HttpRequest.BodyPublishers.ofString(call.body().get().toString(), StandardCharsets.UTF_8));
        } else {
            builder.method(call.method(), HttpRequest.BodyPublishers.noBody());
        }
        return builder.build();
    }

    private JsonNode read(Call call, HttpResponse<InputStream> response) {
        try (InputStream body = response.body()) {
            byte[] bytes = body.readAllBytes();
            return bytes.length == 0 ? MissingNode.getInstance() : MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw exception(call, ClusterException.Reason.OTHER,
                    "the answer is not JSON (" + e.getOriginalMessage() + ")", 1, null);
        } catch (IOException e) {
            throw failure(call, e, 1);
        }
    }

    private ClusterException failure(Call call, Throwable failure, int attempts) {
        if (failure instanceof ClusterException) {
            return (ClusterException) failure;
        }
        if (failure instanceof HttpConnectTimeoutException) {
            return exception(call, ClusterException.Reason.TIMEOUT,
                    "could not connect within " + seconds(), attempts, failure);
        }
        String mayExist = call.kind() == Kind.CREATE && !(failure instanceof ConnectException)
                && !(failure instanceof SSLException) ? NOT_RETRIED_ON_CREATE : "";
        if (failure instanceof HttpTimeoutException) {
            return exception(call, ClusterException.Reason.TIMEOUT, "no answer within " + seconds()
                    + " (the request timeout)" + mayExist, attempts, failure);
        }
        if (failure instanceof SSLException) {
            return exception(call, ClusterException.Reason.OTHER, "the TLS handshake failed: "
                    + redactor.describe(failure) + "; check the server's certificate: pass the authority that"
                    + " signed it as a CA bundle (or, for a test cluster only, skip TLS verification)", attempts,
                    failure);
        }
        if (failure instanceof ConnectException) {
            return exception(call, ClusterException.Reason.UNAVAILABLE, "could not connect ("
                    + redactor.describe(failure) + ")", attempts, failure);
        }
        if (failure instanceof IOException) {
            return exception(call, ClusterException.Reason.UNAVAILABLE, "the connection failed ("
                    + redactor.describe(failure) + ")" + mayExist, attempts, failure);
        }
        return exception(call, ClusterException.Reason.OTHER, redactor.describe(failure), attempts, failure);
    }

    private ClusterException exception(Call call, ClusterException.Reason reason, String detail, int attempts,
            Throwable cause) {
        String advice = ClusterException.adviceFor(reason);
        String trimmed = detail.endsWith(".") ? detail.substring(0, detail.length() - 1) : detail;
        String message = redactor.redact(call.attempt() + " failed" + (attempts > 1 ? " after " + attempts
                + " attempts" : "") + ": " + trimmed + (advice.isEmpty() ? "" : ". " + advice));
        return cause != null && redactor.isClean(cause)
                ? new ClusterException(reason, message, cause)
                : new ClusterException(reason, message);
    }

    private String describe(Throwable failure) {
        if (failure instanceof TransientStatus) {
            return statusText(((TransientStatus) failure).status);
        }
        return failure == null ? "a failure" : redactor.describe(failure);
    }

    private String seconds() {
        long millis = settings.requestTimeout().toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    static boolean isTransientStatus(int status) {
        return status == 429 || status >= 500;
    }

    /** A status after which the server surely did not create the workflow. */
    private static boolean isRetriedOnCreate(int status) {
        // not 504: a gateway timeout means the server got the request and may have created the workflow
        return status == 429 || status == 502 || status == 503;
    }

    static boolean isTransient(Kind kind, Throwable failure) {
        if (failure instanceof TransientStatus) {
            return kind != Kind.CREATE || isRetriedOnCreate(((TransientStatus) failure).status);
        }
        if (failure instanceof HttpConnectTimeoutException || failure instanceof ConnectException) {
            return true;
        }
        if (failure instanceof HttpTimeoutException) {
            return kind == Kind.READ;
        }
        if (failure instanceof SSLException) {
            return false;
        }
        // a reset or a connection closed mid-answer: the request may have arrived
        return failure instanceof IOException && kind != Kind.CREATE;
    }

    private static byte[] readErrorBody(InputStream body) {
        try (InputStream in = body) {
            return in.readNBytes(ERROR_BODY_LIMIT);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    static void closeQuietly(InputStream stream) {
        try {
            stream.close();
        } catch (IOException ignored) {
            // nothing more to read from it either way
        }
    }

    private static String shorten(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500) + "...";
    }
}
