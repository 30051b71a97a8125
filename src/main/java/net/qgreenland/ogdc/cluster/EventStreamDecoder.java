package net.qgreenland.ogdc.cluster;

import java.util.Optional;

/**
 * Turns the lines of an Argo Server stream into its JSON messages, whichever framing the server chose: server-sent
 * events ({@code data: {...}} lines, a blank line ending each event, {@code :} comments as heartbeats) or
 * newline-delimited JSON (one {@code {...}} per line), as grpc-gateway writes them for {@code text/event-stream} and
 * {@code application/json} answers.
 *
 * @see <a href="https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation">event
 *     stream interpretation</a>
 */
final class EventStreamDecoder {

    private final StringBuilder data = new StringBuilder();
    private boolean pending;

    /** Reads one line (without its line break); returns the message it completes, if any. */
    Optional<String> accept(String line) {
        if (line.isEmpty()) {
            return finish();
        }
        if (line.startsWith(":")) {
            return Optional.empty();
        }
        if (line.startsWith("data:")) {
            String value = line.substring("data:".length());
            if (pending) {
                data.append('\n');
            }
            data.append(value.startsWith(" ") ? value.substring(1) : value);
            pending = true;
            return Optional.empty();
        }
        if (!pending && line.stripLeading().startsWith("{")) {
            return Optional.of(line.strip());
        }
        // event:, id:, retry: and unknown fields carry nothing this program reads
        return Optional.empty();
    }

    /**
     * The message collected so far, at a blank line or the end of the stream. The SSE rules drop an unterminated
     * last event; a message cut off mid-JSON fails to parse anyway, so passing it on loses nothing.
     */
    Optional<String> finish() {
        if (!pending) {
            return Optional.empty();
        }
        String message = data.toString();
        data.setLength(0);
        pending = false;
        return message.isBlank() ? Optional.empty() : Optional.of(message);
    }
}
