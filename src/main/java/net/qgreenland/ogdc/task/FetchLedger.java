package net.qgreenland.ogdc.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The record, in {@code DEST/.ogdc-fetch.json} ({@code {"<file name>": "<source URL>"}}), of which URL each
 * downloaded file came from, kept across runs: a download may replace a file only when the ledger says it was
 * fetched from the same URL (a retried pod, a re-run), never a file that came from elsewhere or from no download.
 *
 * <p>A name is recorded before its download starts, so a pod killed half-way leaves a record its retry accepts.
 */
final class FetchLedger {

    /** The ledger's file name in the destination directory (hidden, so shell globs skip it). */
    static final String FILE_NAME = ".ogdc-fetch.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;
    private final Map<String, String> sources;

    private FetchLedger(Path directory, Map<String, String> sources) {
        this.directory = directory;
        this.sources = sources;
    }

    /** The ledger of {@code directory}, empty when there is none yet. */
    static FetchLedger load(Path directory) {
        Path file = directory.resolve(FILE_NAME);
        Map<String, String> sources = new TreeMap<>();
        if (Files.exists(file)) {
            try {
                JsonNode root = JSON.readTree(file.toFile());
                if (root == null || !root.isObject()) {
                    throw new IOException("not a JSON object");
                }
                root.fields().forEachRemaining(e -> sources.put(e.getKey(), e.getValue().asText()));
            } catch (IOException e) {
                throw new TaskFailure("reading the fetch ledger " + file + " failed: " + TaskFailure.reason(e)
                        + "; delete it (and the files it describes) to start over", e);
            }
        }
        return new FetchLedger(directory, sources);
    }

    /** Records that {@code name} is fetched from {@code source}; fails if that would replace another file. */
    synchronized void record(String name, String source) {
        if (check(name, source)) {
            save();
        }
    }

    /** Records every name-to-source pair of {@code names} at once (one write of the ledger). */
    synchronized void recordAll(Map<String, String> names) {
        boolean changed = false;
        for (Map.Entry<String, String> name : names.entrySet()) {
            changed |= check(name.getKey(), name.getValue());
        }
        if (changed) {
            save();
        }
    }

    /** Whether recording {@code name} changes the ledger; throws if its file exists and came from elsewhere. */
    private boolean check(String name, String source) {
        String previous = sources.get(name);
        if (source.equals(previous)) {
            return false;
        }
        Path target = directory.resolve(name);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new TaskFailure(target + " already exists and was not fetched from " + source
                    + (previous == null ? "" : " (but from " + previous + ")") + "; refusing to overwrite it");
        }
        sources.put(name, source);
        return true;
    }

    private void save() {
        ObjectNode root = JSON.createObjectNode();
        sources.forEach(root::put);
        AtomicFileWriter.write(directory.resolve(FILE_NAME), out -> JSON.writeValue(out, root));
    }
}
