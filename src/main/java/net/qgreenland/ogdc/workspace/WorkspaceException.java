package net.qgreenland.ogdc.workspace;

/** A path given by the user that holds no recipes to work on; the message says what is wrong with it. */
public final class WorkspaceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public WorkspaceException(String message) {
        super(message);
    }

    public WorkspaceException(String message, Throwable cause) {
        super(message, cause);
    }
}
