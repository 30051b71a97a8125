package net.qgreenland.ogdc.task;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the retained manifests of one fan-out stage into a directory: {@code all-files.json} (every entry) and
 * {@code partition-<i>.json} (the entries of partition i), each a JSON array written atomically; partition files
 * left by an earlier run with more partitions are deleted, so the directory always describes one run.
 *
 * @param <T> the type of an entry
 */
final class PartitionManifestWriter<T> {

    /** The name of the manifest of every entry. */
    static final String ALL_FILES = "all-files.json";

    private static final JsonFactory JSON = new JsonFactory();
    private static final Pattern PARTITION_FILE = Pattern.compile("partition-(\\d+)\\.json");

    /** Writes one entry as JSON. */
    @FunctionalInterface
    interface EntryWriter<T> {
        void write(JsonGenerator json, T entry) throws IOException;
    }

    private final Path directory;
    private final EntryWriter<T> entryWriter;

    PartitionManifestWriter(Path directory, EntryWriter<T> entryWriter) {
        this.directory = directory.toAbsolutePath();
        this.entryWriter = entryWriter;
    }

    /** The path of {@code all-files.json}. */
    Path allFilesPath() {
        return directory.resolve(ALL_FILES);
    }

    /** Writes the manifests of {@code entries} cut as {@code plan} says, and removes stale partition files. */
    void write(List<T> entries, PartitionPlan plan) {
        for (int id = 0; id < plan.count(); id++) {
            writeArray(directory.resolve("partition-" + id + ".json"), plan.partition(entries, id));
        }
        writeArray(allFilesPath(), entries);
        deleteStalePartitions(plan.count());
    }

    private void writeArray(Path target, List<T> entries) {
        AtomicFileWriter.write(target, out -> {
            try (JsonGenerator json = JSON.createGenerator(out)) {
                json.writeStartArray();
                for (T entry : entries) {
                    entryWriter.write(json, entry);
                }
                json.writeEndArray();
            }
        });
    }

    private void deleteStalePartitions(int count) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "partition-*.json")) {
            for (Path file : files) {
                Matcher m = PARTITION_FILE.matcher(file.getFileName().toString());
                if (m.matches() && (m.group(1).length() > 9 || Integer.parseInt(m.group(1)) >= count)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            throw new TaskFailure("removing stale partition manifests from " + directory + " failed: "
                    + TaskFailure.reason(e), e);
        }
    }

    /** The fan-out parameter for {@code count} partitions: {@code [{"partition_id":0},{"partition_id":1}]}. */
    static String partitionRefs(int count) {
        StringBuilder refs = new StringBuilder(count * 20 + 2).append('[');
        for (int id = 0; id < count; id++) {
            refs.append(id == 0 ? "" : ",").append("{\"partition_id\":").append(id).append('}');
        }
        return refs.append(']').toString();
    }
}
