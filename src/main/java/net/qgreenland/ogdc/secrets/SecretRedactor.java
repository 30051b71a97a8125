package net.qgreenland.ogdc.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Removes the token and any credentials embedded in URLs from text before it reaches a log line or a message. */
public final class SecretRedactor {

    public static final String MASK = "***";

    private static final Pattern URL_USERINFO = Pattern.compile("(?<=://)[^/@\\s]+@");

    private final Optional<String> secret;

    public SecretRedactor(Optional<String> secret) {
        this.secret = secret.filter(s -> !s.isEmpty());
    }

    public String redact(String text) {
        String redacted = secret.map(s -> text.replace(s, MASK)).orElse(text);
        return URL_USERINFO.matcher(redacted).replaceAll("");
    }

    /** The messages of {@code failure} and its causes, joined, without repeating a message its cause already says. */
    public String describe(Throwable failure) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = failure; t != null && messages.size() < 8; t = t.getCause()) {
            String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            if (messages.isEmpty() || !messages.get(messages.size() - 1).contains(message)) {
                messages.add(message);
            }
        }
        return redact(String.join(": ", messages));
    }

    /**
     * Whether {@code failure} may travel as an exception's cause: a cause is printed with its stack trace, unredacted,
     * so one that mentions a secret is left out.
     */
    public boolean isClean(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (!redact(message).equals(message)) {
                return false;
            }
        }
        return true;
    }
}
