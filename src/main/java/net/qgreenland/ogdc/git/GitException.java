package net.qgreenland.ogdc.git;

import net.qgreenland.ogdc.secrets.SecretRedactor;

/** A Git operation that could not be done; the message names what was attempted on which repository or commit. */
public final class GitException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public GitException(String message) {
        super(message);
    }

    public GitException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The failure {@code message}, redacted, keeping {@code cause} only if it mentions no secret. */
    static GitException redacted(SecretRedactor redactor, String message, Throwable cause) {
        return redactor.isClean(cause)
                ? new GitException(redactor.redact(message), cause)
                : new GitException(redactor.redact(message));
    }
}
