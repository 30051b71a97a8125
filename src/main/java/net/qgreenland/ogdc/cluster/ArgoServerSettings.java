package net.qgreenland.ogdc.cluster;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How to reach one namespace of an Argo Server (v3.5 or later) over its REST API.
 *
 * <p>{@code toString()} masks the token, so a settings object may be logged.
 *
 * @param server the server's base URL, {@code http} or {@code https}, maybe with a path prefix
 *     ({@code https://argo.example:2746}, {@code https://ops.example/argo}); no credentials, query or fragment
 * @param namespace the Kubernetes namespace workflows are created in ({@code qgnet})
 * @param token the bearer token sent as {@code Authorization: Bearer ...}; a leading {@code Bearer } is removed, and
 *     a blank token counts as none
 * @param caBundle a PEM file of one or more certificates: the only authorities trusted for the server's certificate
 * @param insecureSkipTlsVerify accept any certificate for any host name (wins over {@code caBundle}; logged as a
 *     warning)
 * @param requestTimeout how long one request may wait for the server's answer (its headers, for streams)
 * @param retry how requests that failed for a passing reason are retried
 * @param pollInterval the first wait between list requests when the server cannot stream events; it doubles while
 *     nothing changes, up to {@link #backoffCeiling}, and starts over after a change
 * @param reconnectDelay the first wait before a dropped event stream is reopened; it doubles (with jitter) up to
 *     {@link #backoffCeiling} while the stream keeps dropping
 * @see <a href="https://argo-workflows.readthedocs.io/en/latest/rest-api/">Argo Server REST API</a>
 */
public record ArgoServerSettings(
        URI server, String namespace, Optional<String> token, Optional<Path> caBundle, boolean insecureSkipTlsVerify,
        Duration requestTimeout, TransientRetry retry, Duration pollInterval, Duration reconnectDelay) {

    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(2);
    public static final Duration DEFAULT_RECONNECT_DELAY = Duration.ofSeconds(1);
    /** The longest wait between polls or reconnects. */
    public static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    /** A Kubernetes namespace name (RFC 1123 label). */
    private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern BEARER = Pattern.compile("(?i)^bearer(?:\\s+|$)");

    public ArgoServerSettings {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(caBundle, "caBundle");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(reconnectDelay, "reconnectDelay");
        server = normalize(server);
        if (!NAMESPACE.matcher(namespace).matches()) {
            throw new IllegalArgumentException("the namespace '" + namespace + "' is not a Kubernetes namespace name"
                    + " (lower-case letters, digits and '-', at most 63 characters)");
        }
        token = token.map(t -> BEARER.matcher(t.strip()).replaceFirst("").strip()).filter(t -> !t.isEmpty());
        if (token.filter(t -> t.chars().anyMatch(c -> c < 0x20 || c == 0x7f)).isPresent()) {
            // never echo the token: this message may be printed
            throw new IllegalArgumentException("the Argo Server token contains a line break or control character");
        }
        requirePositive(requestTimeout, "requestTimeout");
        requirePositive(pollInterval, "pollInterval");
        requirePositive(reconnectDelay, "reconnectDelay");
    }

    /**
     * Settings with the defaults: the system's trusted authorities, a 30 s request timeout,
     * {@link TransientRetry#DEFAULT}, polling from 2 s and reconnecting from 1 s.
     */
    public static ArgoServerSettings defaults(URI server, String namespace, Optional<String> token) {
        return new ArgoServerSettings(server, namespace, token, Optional.empty(), false, DEFAULT_REQUEST_TIMEOUT,
                TransientRetry.DEFAULT, DEFAULT_POLL_INTERVAL, DEFAULT_RECONNECT_DELAY);
    }

    /** These settings trusting only the certificates in {@code pemFile}. */
    public ArgoServerSettings withCaBundle(Path pemFile) {
        return new ArgoServerSettings(server, namespace, token, Optional.of(pemFile), insecureSkipTlsVerify,
                requestTimeout, retry, pollInterval, reconnectDelay);
    }

    /** These settings with certificate and host name checks switched off or on. */
    public ArgoServerSettings withInsecureSkipTlsVerify(boolean insecure) {
        return new ArgoServerSettings(server, namespace, token, caBundle, insecure, requestTimeout, retry,
                pollInterval, reconnectDelay);
    }

    /** These settings with other timing: per-request timeout, retries, first poll interval, first reconnect delay. */
    public ArgoServerSettings withTiming(Duration timeout, TransientRetry retries, Duration poll, Duration reconnect) {
        return new ArgoServerSettings(server, namespace, token, caBundle, insecureSkipTlsVerify, timeout, retries,
                poll, reconnect);
    }

    /**
     * The longest wait a backoff that starts at {@code first} grows to: {@link #MAX_BACKOFF}, or 30 times
     * {@code first} when that is shorter (so short test intervals stay short), never less than {@code first}.
     */
    static Duration backoffCeiling(Duration first) {
        Duration scaled = first.multipliedBy(30);
        Duration ceiling = scaled.compareTo(MAX_BACKOFF) < 0 ? scaled : MAX_BACKOFF;
        return ceiling.compareTo(first) < 0 ? first : ceiling;
    }

    /** The token masked, so the record can be printed. */
    @Override
    public String toString() {
        return "ArgoServerSettings[server=" + server + ", namespace=" + namespace + ", token="
                + token.map(t -> "***").orElse("none") + ", caBundle=" + caBundle.map(Path::toString).orElse("none")
                + ", insecureSkipTlsVerify=" + insecureSkipTlsVerify + ", requestTimeout=" + requestTimeout
                + ", retry=" + retry + ", pollInterval=" + pollInterval + ", reconnectDelay=" + reconnectDelay + "]";
    }

    private static URI normalize(URI server) {
        String scheme = server.getScheme() == null ? "" : server.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("the Argo Server URL must start with https:// or http://: " + server);
        }
        if (server.getRawUserInfo() != null) {
            // not echoed: the user-info part is a credential
            throw new IllegalArgumentException("the Argo Server URL must not contain credentials; pass a token");
        }
        if (server.getHost() == null || server.getHost().isEmpty()) {
            throw new IllegalArgumentException("the Argo Server URL has no host: " + server);
        }
        if (server.getRawQuery() != null || server.getRawFragment() != null) {
            throw new IllegalArgumentException("the Argo Server URL must not have a query or fragment: " + server);
        }
        String path = server.getRawPath() == null ? "" : server.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return URI.create(scheme + "://" + server.getRawAuthority() + path);
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, not " + duration);
        }
    }
}
