package net.qgreenland.ogdc.bench;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;

/** The server-sent event stream of the benchmarks' stub Argo Servers (the JDK's {@code HttpServer}). */
final class EventStreams {

    /** Put on a stream's queue, it ends the stream. */
    static final String STOP = "";

    private EventStreams() {}

    /**
     * Answers {@code exchange} with an event stream that sends each text taken from {@code events} until
     * {@link #STOP} or the client goes away; {@code subscribe} runs once the stream is open (so events offered from
     * then on arrive), {@code unsubscribe} when it ends.
     */
    static void serve(HttpExchange exchange, BlockingQueue<String> events, Runnable subscribe, Runnable unsubscribe)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            subscribe.run();
            out.write(": connected\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            for (String event = events.take(); !event.equals(STOP); event = events.take()) {
                out.write(event.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException closedByTheClient) {
            // the watch was closed: nothing more to send
        } finally {
            unsubscribe.run();
            exchange.close();
        }
    }
}
