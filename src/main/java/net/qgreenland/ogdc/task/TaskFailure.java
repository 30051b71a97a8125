package net.qgreenland.ogdc.task;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

/** A problem with a task's data (inputs, files, a remote service): the message is the one line the user sees. */
public final class TaskFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TaskFailure(String message) {
        super(message);
    }

    public TaskFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The reason of {@code e} for a one-line message: its message (else its type and its cause's message, else its
     * type); for a JSON syntax error, Jackson's message without the source excerpt, and where the error is.
     */
    static String reason(Throwable e) {
        if (e instanceof JsonProcessingException json && json.getOriginalMessage() != null) {
            String message = json.getOriginalMessage().replaceFirst("\\s*\\(start marker at .*", "").strip();
            JsonLocation at = json.getLocation();
            return at == null || at.getLineNr() < 1 ? message
                    : message + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        }
        String message = e.getMessage();
        for (Throwable cause = e.getCause(); (message == null || message.isBlank()) && cause != null;
                cause = cause.getCause()) {
            message = cause.getMessage() == null ? null : e.getClass().getSimpleName() + ": " + cause.getMessage();
        }
        return message == null || message.isBlank() ? e.getClass().getSimpleName()
                : message.replaceAll("\\s*\\R\\s*", " ");
    }
}
