package net.qgreenland.ogdc.task;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A DataONE member node's search index as the pre-flight estimate (package {@code inputs}) reads it: how many data
 * objects of a package match a file-name pattern and how many bytes they hold, found exactly as {@code task fetch}
 * will resolve them, without downloading anything.
 */
public final class DataOneIndex {

    /**
     * The data objects of one package that match its pattern.
     *
     * @param objects how many
     * @param bytes their size, when the index gives every object's
     */
    public record Listing(int objects, OptionalLong bytes) {
        public Listing {
            Objects.requireNonNull(bytes, "bytes");
        }
    }

    private final DataOneResolver resolver;

    private DataOneIndex(DataOneResolver resolver) {
        this.resolver = resolver;
    }

    /** Member node {@code node}'s index ({@code DATAONE_NODE_URL}), each query timing out after {@code timeout}. */
    public static DataOneIndex http(HttpClient client, URI node, Duration timeout) {
        return new DataOneIndex(new HttpDataOneResolver(client, node, timeout));
    }

    /**
     * The objects of {@code dataset} whose file name matches {@code pattern} (all without one); none is a listing
     * of zero, not a failure.
     *
     * @throws TaskFailure when the index cannot be asked or answers nonsense
     */
    public Listing list(String dataset, Optional<String> pattern) {
        List<DataOneObject> objects = resolver.findObjects(dataset);
        Optional<FilenamePattern> filter = pattern.map(FilenamePattern::of);
        List<DataOneObject> matching = objects.stream()
                .filter(object -> filter.map(f -> f.matches(object.filename())).orElse(true)).toList();
        boolean sized = matching.stream().allMatch(object -> object.size().isPresent());
        return new Listing(matching.size(), sized
                ? OptionalLong.of(matching.stream().mapToLong(object -> object.size().getAsLong()).sum())
                : OptionalLong.empty());
    }
}
