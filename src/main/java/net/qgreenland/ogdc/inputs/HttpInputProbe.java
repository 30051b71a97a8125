package net.qgreenland.ogdc.inputs;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import net.qgreenland.ogdc.estimate.InputSize;
import net.qgreenland.ogdc.recipe.RecipeInput;
import net.qgreenland.ogdc.task.DataOneIndex;
import net.qgreenland.ogdc.task.TaskFailure;

/**
 * {@link InputProbe} over the network: a {@code HEAD} request per http(s) URL ({@code Content-Length}, redirects
 * followed) and a query of the DataONE index per DataONE input (the matching objects and their sizes), at most
 * {@link Limits#parallel()} at once, each timing out after {@link Limits#timeout()}, none started once
 * {@link Limits#budget()} has passed, and at most {@link Limits#maxLookups()} in all. PVC inputs are never looked up:
 * their files are listed in the cluster.
 */
public final class HttpInputProbe implements InputProbe {

    /**
     * How much looking up one plan may do.
     *
     * @param parallel lookups at once
     * @param timeout the longest one request may take (connecting included)
     * @param budget no lookup starts once this much time has passed since the first
     * @param maxLookups inputs looked up at most; the rest are left unknown
     */
    public record Limits(int parallel, Duration timeout, Duration budget, int maxLookups) {

        /** 8 at once, 5 s each, none started after 30 s, at most 200. */
        public static final Limits DEFAULT = new Limits(8, Duration.ofSeconds(5), Duration.ofSeconds(30), 200);

        public Limits {
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(budget, "budget");
            if (parallel < 1 || maxLookups < 0) {
                throw new IllegalArgumentException("parallel must be >= 1 and maxLookups >= 0");
            }
        }
    }

    static final String USER_AGENT = "ogdc-action (pre-flight estimate)";

    private final Function<RecipeInput, InputSize> lookup;
    private final Limits limits;
    private final Clock clock;

    /** A probe that sizes each input with {@code lookup}, within {@code limits}. */
    HttpInputProbe(Function<RecipeInput, InputSize> lookup, Limits limits, Clock clock) {
        this.lookup = Objects.requireNonNull(lookup, "lookup");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A probe with HEAD requests through {@code client} and, when {@code dataoneNode} is given
     * ({@code DATAONE_NODE_URL}), the DataONE index of that member node.
     */
    public static HttpInputProbe create(HttpClient client, Optional<URI> dataoneNode, Limits limits, Clock clock) {
        Optional<DataOneIndex> index = dataoneNode.map(node -> DataOneIndex.http(client, node, limits.timeout()));
        return new HttpInputProbe(input -> sizeOf(client, index, limits.timeout(), input), limits, clock);
    }

    /** A client for {@link #create}: redirects followed (not from https to http), connecting within the timeout. */
    public static HttpClient client(Limits limits) {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(limits.timeout()).build();
    }

    @Override
    public Map<RecipeInput, InputSize> probe(Collection<RecipeInput> inputs) {
        Map<RecipeInput, InputSize> sizes = new LinkedHashMap<>();
        List<RecipeInput> toLookUp = new ArrayList<>();
        for (RecipeInput input : new LinkedHashSet<>(inputs)) {
            Optional<String> skipped = whyNotLookedUp(input);
            if (skipped.isPresent()) {
                sizes.put(input, InputSize.withoutLookup(input, skipped.get()));
            } else if (toLookUp.size() >= limits.maxLookups()) {
                sizes.put(input, InputSize.withoutLookup(input, "not looked up: more than " + limits.maxLookups()
                        + " inputs to look up"));
            } else {
                sizes.put(input, null);
                toLookUp.add(input);
            }
        }
        lookUp(toLookUp).forEach(sizes::put);
        return sizes;
    }

    private Map<RecipeInput, InputSize> lookUp(List<RecipeInput> inputs) {
        Map<RecipeInput, InputSize> sizes = new LinkedHashMap<>();
        if (inputs.isEmpty()) {
            return sizes;
        }
        Instant deadline = clock.instant().plus(limits.budget());
        String late = "not looked up: the " + seconds(limits.budget()) + " for lookups had passed";
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(limits.parallel(), inputs.size()), runnable -> {
            Thread thread = new Thread(runnable, "ogdc-input-probe");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Map<RecipeInput, Future<InputSize>> futures = new LinkedHashMap<>();
            for (RecipeInput input : inputs) {
                futures.put(input, pool.submit(() -> clock.instant().isBefore(deadline) ? lookup.apply(input)
                        : InputSize.withoutLookup(input, late)));
            }
            // a hard stop in real time too, in case a lookup runs on (a DataONE package of many pages)
            long stopAt = System.nanoTime() + limits.budget().plus(limits.timeout()).toNanos();
            for (Map.Entry<RecipeInput, Future<InputSize>> entry : futures.entrySet()) {
                sizes.put(entry.getKey(), await(entry.getKey(), entry.getValue(), stopAt));
            }
            return sizes;
        } finally {
            pool.shutdownNow();
        }
    }

    private InputSize await(RecipeInput input, Future<InputSize> future, long stopAt) {
        try {
            return future.get(Math.max(0, stopAt - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return InputSize.withoutLookup(input, "lookup did not finish within "
                    + seconds(limits.budget().plus(limits.timeout())));
        } catch (ExecutionException e) {
            return InputSize.withoutLookup(input, "lookup failed: " + e.getCause().getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            return InputSize.withoutLookup(input, "lookup interrupted");
        }
    }

    /** Why {@code input} is not looked up at all, if it is not. */
    private static Optional<String> whyNotLookedUp(RecipeInput input) {
        if (input instanceof RecipeInput.PvcMount) {
            return Optional.of(InputSize.UNTIL_RUN);
        }
        if (input instanceof RecipeInput.Url url && !url.url().startsWith("http://")
                && !url.url().startsWith("https://")) {
            return Optional.of("size not looked up for " + url.url().replaceFirst(":.*", "") + " URLs");
        }
        return Optional.empty();
    }

    private static InputSize sizeOf(HttpClient client, Optional<DataOneIndex> index, Duration timeout,
            RecipeInput input) {
        if (input instanceof RecipeInput.Url url) {
            return head(client, timeout, url);
        }
        RecipeInput.DataOne dataone = (RecipeInput.DataOne) input;
        if (index.isEmpty()) {
            return InputSize.unknown(input, "no DataONE node to ask (DATAONE_NODE_URL)");
        }
        try {
            DataOneIndex.Listing listing = index.get().list(dataone.datasetIdentifier(), dataone.filenamePattern());
            return listing.bytes().isPresent() ? InputSize.known(input, listing.objects(), listing.bytes().getAsLong())
                    : new InputSize(InputSize.describe(input), OptionalLong.of(listing.objects()), OptionalLong.empty(),
                            Optional.of("the DataONE index lacks the size of some objects"));
        } catch (TaskFailure e) {
            return InputSize.unknown(input, e.getMessage());
        }
    }

    /** One HEAD request: the URL's {@code Content-Length}, or why there is none. */
    static InputSize head(HttpClient client, Duration timeout, RecipeInput.Url url) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(new URI(url.url())).method("HEAD", HttpRequest.BodyPublishers.noBody())
                    .timeout(timeout).header("User-Agent", USER_AGENT).build();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return InputSize.urlOfUnknownSize(url, "not a URL a HEAD request can be sent to");
        }
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                return InputSize.urlOfUnknownSize(url, "HEAD answered HTTP " + response.statusCode());
            }
            OptionalLong length;
            try {
                length = response.headers().firstValueAsLong("Content-Length");
            } catch (NumberFormatException e) {
                return InputSize.urlOfUnknownSize(url, "HEAD gave an unreadable Content-Length");
            }
            return length.isPresent() && length.getAsLong() >= 0 ? InputSize.known(url, 1, length.getAsLong())
                    : InputSize.urlOfUnknownSize(url, "HEAD gave no Content-Length");
        } catch (HttpTimeoutException e) {
            return InputSize.urlOfUnknownSize(url, "HEAD timed out after " + seconds(timeout));
        } catch (IOException e) {
            return InputSize.urlOfUnknownSize(url, "HEAD failed: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return InputSize.urlOfUnknownSize(url, "HEAD interrupted");
        }
    }

    /** {@code 5 s}, or {@code 0.2 s} below a second. */
    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() / 1000.0 + " s";
    }
}
