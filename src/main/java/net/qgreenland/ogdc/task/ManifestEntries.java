package net.qgreenland.ogdc.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** The entries of a static partition manifest, from a file list or from url and dataone inputs. */
final class ManifestEntries {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ManifestEntries() {}

    /**
     * The entries of {@code inputs} in order: a url input is its URL, each object of a dataone input a URL with its
     * file name; pvc inputs are refused. {@code resolver} is asked for only when there is a dataone input.
     */
    static List<ManifestEntry> fromInputs(List<InputSpec> inputs, Supplier<DataOneResolver> resolver) {
        InputSpecParser.requireTypes(inputs, Set.of("url", "dataone"),
                " (use list-pvc-files to partition pvc inputs)");
        List<ManifestEntry> entries = new ArrayList<>();
        DataOneResolver dataOne = null;
        for (InputSpec input : inputs) {
            if (input instanceof InputSpec.Url url) {
                entries.add(ManifestEntry.of(url.url()));
            } else if (input instanceof InputSpec.DataOne d) {
                dataOne = dataOne == null ? resolver.get() : dataOne;
                for (DataOneObject object : dataOne.requireObjects(d.dataset(), d.filename())) {
                    entries.add(ManifestEntry.named(object.url(), object.filename()));
                }
            }
        }
        return List.copyOf(entries);
    }

    /** The entries of {@code file}: a JSON array of strings (or {@code {"url","filename"}} objects). */
    static List<ManifestEntry> fromFile(Path file) {
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = JSON.readTree(in);
        } catch (NoSuchFileException e) {
            throw new TaskFailure("--files-from " + file + " does not exist");
        } catch (IOException e) {
            throw new TaskFailure("--files-from " + file + " is not a readable JSON file: " + TaskFailure.reason(e));
        }
        if (root == null || !root.isArray()) {
            throw new TaskFailure("--files-from " + file + " must hold a JSON array of file names or URLs");
        }
        List<ManifestEntry> entries = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) {
            int index = i;
            entries.add(ManifestEntry.parse(root.get(i)).orElseThrow(() -> new TaskFailure("--files-from " + file
                    + "[" + index + "]: expected a string or an object with a string \"url\"")));
        }
        return entries;
    }
}
