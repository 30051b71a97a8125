package net.qgreenland.ogdc.cluster;

import java.util.Objects;

/**
 * A cluster operation that did not happen, after any retries: the message names what was attempted on which
 * workflow in which namespace of which server ({@code submitting Workflow 'seal-tags-shell-' to namespace 'qgnet'
 * of Argo Server https://argo:2746 failed: 403 Forbidden: ...}) and says what to check. Never carries the token.
 */
public final class ClusterException extends RuntimeException {

    /** What kind of failure, for callers that react differently (a missing workflow is not an outage). */
    public enum Reason {
        /** 401: no token, or the server does not accept it. */
        UNAUTHORIZED,
        /** 403: the token's account may not do this in this namespace. */
        FORBIDDEN,
        /** 404: no such workflow (or namespace, or endpoint). */
        NOT_FOUND,
        /** 409: the name is taken, or the workflow changed meanwhile. */
        CONFLICT,
        /** The server rejected the workflow itself (400, 422). */
        REJECTED,
        /** 5xx, 429 or no connection, still after retrying. */
        UNAVAILABLE,
        /** The server did not answer in time. */
        TIMEOUT,
        /** Anything else (an answer we cannot read). */
        OTHER
    }

    private final Reason reason;

    public ClusterException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public ClusterException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }

    /** The reason for an HTTP status that is a final answer (not retried). */
    public static Reason reasonFor(int status) {
        switch (status) {
            case 401:
                return Reason.UNAUTHORIZED;
            case 403:
                return Reason.FORBIDDEN;
            case 404:
                return Reason.NOT_FOUND;
            case 409:
                return Reason.CONFLICT;
            case 400:
            case 422:
                return Reason.REJECTED;
            case 408:
            case 504:
                return Reason.TIMEOUT;
            default:
                return status == 429 || status >= 500 ? Reason.UNAVAILABLE : Reason.OTHER;
        }
    }

    /** What the user should check for {@code reason}, one sentence; empty when there is nothing specific. */
    public static String adviceFor(Reason reason) {
        switch (reason) {
            case UNAUTHORIZED:
                return "Check the token (argo-token input, ARGO_TOKEN or the token file): it is missing, expired or"
                        + " not accepted by this server.";
            case FORBIDDEN:
                return "The token's service account lacks RBAC for workflows.argoproj.io in this namespace"
                        + " (see runner-image/rbac.yaml).";
            case NOT_FOUND:
                return "Check the namespace and the workflow name; finished workflows are deleted after their TTL.";
            case UNAVAILABLE:
                return "The server kept failing or could not be reached; check that it is up and reachable from"
                        + " the runner.";
            case TIMEOUT:
                return "The server did not answer in time.";
            default:
                return "";
        }
    }
}
