package net.qgreenland.ogdc.cluster;

import dev.failsafe.Failsafe;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import net.qgreenland.ogdc.secrets.SecretRedactor;

/**
 * Runs the gateway's Kubernetes API calls: retries passing failures through {@link TransientRetry} and turns what
 * still fails into a {@link ClusterException} naming the operation, the namespace and the API server.
 */
final class KubernetesApiCalls {

    /** What the API server answers for a path it does not serve, such as the workflows of a missing CRD. */
    static final String UNSERVED_PATH_MESSAGE = "the server could not find the requested resource";

    /** Whether a call may be repeated after a failure that may have happened after the server acted. */
    enum Repeatable {
        /** Reads, patches and deletes: doing them twice is doing them once. */
        YES,
        /** Creates: a second POST after a lost answer would start a second workflow. */
        ONLY_IF_NOT_RECEIVED
    }

    private final TransientRetry retry;
    private final String api;
    private final SecretRedactor redactor;
    private final Consumer<String> log;

    KubernetesApiCalls(TransientRetry retry, String api, SecretRedactor redactor, Consumer<String> log) {
        this.retry = retry;
        this.api = api;
        this.redactor = redactor;
        this.log = log;
    }

    /**
     * The result of {@code call}, retried while it fails transiently.
     *
     * @param attempted what is being done, for messages: {@code submitting Workflow 'x-' to namespace 'qgnet'}
     * @throws ClusterException if it still fails
     */
    <T> T call(String attempted, Repeatable repeatable, Supplier<T> call) {
        try {
            return retried(attempted, repeatable, call);
        } catch (RuntimeException e) {
            throw translate(attempted, e);
        }
    }

    /** As {@link #call}, but a 404 for the object itself (not for its kind or namespace) is an empty result. */
    <T> Optional<T> callUnlessAbsent(String attempted, Supplier<T> call) {
        try {
            return Optional.of(retried(attempted, Repeatable.YES, call));
        } catch (RuntimeException e) {
            Optional<KubernetesClientException> client = clientException(e);
            if (client.isPresent() && client.get().getCode() == 404 && !isUnservedPath(client.get())
                    && !isMissingNamespace(client.get())) {
                return Optional.empty();
            }
            throw translate(attempted, e);
        }
    }

    private <T> T retried(String attempted, Repeatable repeatable, Supplier<T> call) {
        return Failsafe.with(retry.<T>policy(failure -> isTransient(failure, repeatable))).get(context -> {
            if (context.getAttemptCount() > 0) {
                log.accept(redactor.redact(attempted + " failed (" + detail(context.getLastException())
                        + "); attempt " + (context.getAttemptCount() + 1) + " of " + retry.attempts()));
            }
            return call.get();
        });
    }

    /** {@code failure} as a {@link ClusterException} about {@code attempted}; other exceptions pass unchanged. */
    RuntimeException translate(String attempted, RuntimeException failure) {
        if (failure instanceof ClusterException) {
            return failure;
        }
        Optional<KubernetesClientException> client = clientException(failure);
        if (client.isEmpty()) {
            return failure;
        }
        int code = client.get().getCode();
        ClusterException.Reason reason = code > 0 ? ClusterException.reasonFor(code)
                : hasCause(failure, HttpTimeoutException.class) || hasCause(failure, SocketTimeoutException.class)
                        ? ClusterException.Reason.TIMEOUT : ClusterException.Reason.UNAVAILABLE;
        String message = redactor.redact(attempted + " of " + api + " failed: " + sentence(detail(failure)) + " "
                + advice(reason, client.get())).strip();
        return redactor.isClean(failure)
                ? new ClusterException(reason, message, failure)
                : new ClusterException(reason, message);
    }

    /** Whether {@code failure} is worth another attempt: 5xx, 429 and lost connections, fewer for creates. */
    static boolean isTransient(Throwable failure, Repeatable repeatable) {
        Optional<KubernetesClientException> client = clientException(failure);
        if (client.isEmpty() || hasCause(failure, InterruptedIOException.class)
                || hasCause(failure, InterruptedException.class)) {
            return false;
        }
        int code = client.get().getCode();
        if (repeatable == Repeatable.ONLY_IF_NOT_RECEIVED) {
            // 429 and 503 are answered before the request is acted on; these connection failures never sent it
            return code == 429 || code == 503 || code <= 0 && (hasCause(failure, ConnectException.class)
                    || hasCause(failure, HttpConnectTimeoutException.class)
                    || hasCause(failure, UnknownHostException.class));
        }
        return code == 429 || code >= 500 || code <= 0 && hasCause(failure, IOException.class);
    }

    /** The HTTP status of {@code failure}, 0 when there was no answer or it is not an API failure. */
    static int codeOf(Throwable failure) {
        return clientException(failure).map(KubernetesClientException::getCode).filter(c -> c > 0).orElse(0);
    }

    /** The most telling Fabric8 failure in the chain: the first with an HTTP status, else the first. */
    static Optional<KubernetesClientException> clientException(Throwable failure) {
        KubernetesClientException first = null;
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 20; depth++, t = t.getCause()) {
            if (t instanceof KubernetesClientException) {
                KubernetesClientException client = (KubernetesClientException) t;
                if (client.getCode() > 0) {
                    return Optional.of(client);
                }
                first = first == null ? client : first;
            }
        }
        return Optional.ofNullable(first);
    }

    private String advice(ClusterException.Reason reason, KubernetesClientException failure) {
        if (isUnservedPath(failure)) {
            return "Argo Workflows is not installed in this cluster (it serves no workflows.argoproj.io/v1alpha1"
                    + " resource); install Argo Workflows or point the action at the cluster that runs it.";
        }
        if (isMissingNamespace(failure)) {
            return "The namespace does not exist in this cluster; check the namespace setting.";
        }
        return ClusterException.adviceFor(reason);
    }

    private static boolean isUnservedPath(KubernetesClientException failure) {
        return failure.getCode() == 404 && statusMessage(failure).map(m -> m.contains(UNSERVED_PATH_MESSAGE))
                .orElse(false);
    }

    private static boolean isMissingNamespace(KubernetesClientException failure) {
        return failure.getCode() == 404 && Optional.ofNullable(failure.getStatus()).map(Status::getDetails)
                .map(d -> "namespaces".equals(d.getKind())).orElse(false);
    }

    private static Optional<String> statusMessage(KubernetesClientException failure) {
        return Optional.ofNullable(failure.getStatus()).map(Status::getMessage).filter(m -> !m.isBlank());
    }

    /** {@code 403 Forbidden: <the API's message>}, or for no answer the cause: {@code no answer: timed out}. */
    static String detail(Throwable failure) {
        Optional<KubernetesClientException> client = clientException(failure);
        if (client.isPresent() && client.get().getCode() > 0) {
            int code = client.get().getCode();
            String phrase = reasonPhrase(code);
            String message = statusMessage(client.get()).orElse(phrase);
            return code + " " + phrase + (message.equals(phrase) ? "" : ": " + message);
        }
        if (hasCause(failure, ConnectException.class)) {
            return "no answer: could not connect (refused or unreachable)";
        }
        if (hasCause(failure, HttpTimeoutException.class) || hasCause(failure, SocketTimeoutException.class)) {
            return "no answer: timed out";
        }
        Throwable root = failure;
        for (int depth = 0; root.getCause() != null && depth < 20; depth++) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return "no answer: " + message;
    }

    private static String sentence(String text) {
        return text.endsWith(".") || text.endsWith("!") || text.endsWith("?") ? text : text + ".";
    }

    private static String reasonPhrase(int code) {
        switch (code) {
            case 400:
                return "Bad Request";
            case 401:
                return "Unauthorized";
            case 403:
                return "Forbidden";
            case 404:
                return "Not Found";
            case 409:
                return "Conflict";
            case 410:
                return "Gone";
            case 422:
                return "Unprocessable Entity";
            case 429:
                return "Too Many Requests";
            case 500:
                return "Internal Server Error";
            case 502:
                return "Bad Gateway";
            case 503:
                return "Service Unavailable";
            case 504:
                return "Gateway Timeout";
            default:
                return "HTTP error";
        }
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 20; depth++, t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
