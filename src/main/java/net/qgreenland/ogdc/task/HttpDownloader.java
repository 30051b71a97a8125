package net.qgreenland.ogdc.task;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;

/**
 * Downloads one URL into a directory: to {@code <name>.part}, then renamed to {@code <name>}; IOExceptions and
 * HTTP 429/5xx are retried (3 attempts, exponential backoff), any other non-2xx status fails at once.
 */
final class HttpDownloader {

    /** Attempts per download, the first included. */
    static final int ATTEMPTS = 3;
    /** The backoff before the first retry; it doubles, up to ten times this. */
    static final Duration BACKOFF = Duration.ofSeconds(1);

    /** Decides the file name once the response's headers are in, and claims it (or throws {@link TaskFailure}). */
    @FunctionalInterface
    interface Namer {
        String name(Optional<String> contentDisposition);
    }

    /** A downloaded file and its size in bytes. */
    record Downloaded(Path path, long bytes) {}

    /** A status worth another attempt. */
    private static final class RetryableStatus extends IOException {
        private static final long serialVersionUID = 1L;

        RetryableStatus(int status) {
            super("HTTP " + status);
        }
    }

    private final HttpClient client;
    private final Path directory;
    private final Duration backoff;
    private final PrintWriter err;

    HttpDownloader(HttpClient client, Path directory, Duration backoff, PrintWriter err) {
        this.client = client;
        this.directory = directory;
        this.backoff = backoff;
        this.err = err;
    }

    /** Downloads {@code url} under the name {@code namer} gives; throws {@link TaskFailure} when it cannot. */
    Downloaded download(URI url, Namer namer) {
        RetryPolicy<Downloaded> retries = RetryPolicy.<Downloaded>builder()
                .handle(IOException.class)
                .withMaxAttempts(ATTEMPTS)
                .withBackoff(backoff, backoff.multipliedBy(10))
                .onRetry(event -> err.println("retrying " + url + " (attempt " + (event.getAttemptCount() + 1)
                        + " of " + ATTEMPTS + ") after " + TaskFailure.reason(event.getLastException())))
                .build();
        try {
            Downloaded file = Failsafe.with(retries).get(() -> attempt(url, namer));
            err.println("fetched " + file.path().getFileName() + " (" + file.bytes() + " bytes) from " + url);
            return file;
        } catch (FailsafeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new TaskFailure("downloading " + url + " failed: " + TaskFailure.reason(cause)
                    + (cause instanceof IOException ? " (after " + ATTEMPTS + " attempts)" : ""), cause);
        }
    }

    private Downloaded attempt(URI url, Namer namer) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url).GET().build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status == 429 || status >= 500) {
                throw new RetryableStatus(status);
            }
            if (status < 200 || status > 299) {
                throw new TaskFailure("downloading " + url + " failed: HTTP " + status);
            }
            Path target = directory.resolve(namer.name(response.headers().firstValue("Content-Disposition")));
            Path part = target.resolveSibling(target.getFileName() + ".part");
            try {
                long bytes = Files.copy(body, part, StandardCopyOption.REPLACE_EXISTING);
                AtomicFileWriter.moveReplacing(part, target);
                return new Downloaded(target, bytes);
            } finally {
                AtomicFileWriter.deleteQuietly(part);
            }
        }
    }
}
