package net.qgreenland.ogdc.git;

/** A Git operation that could not be done; the message names what was attempted on which repository or commit. */
public final class GitException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public GitException(String message) {
        super(message);
    }

    public GitException(String message, Throwable cause) {
        super(message, cause);
    }
}
