package net.qgreenland.ogdc.task;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One element of a task's {@code --inputs} JSON array, e.g. {@code {"type":"url","url":"https://..."}},
 * {@code {"type":"dataone","dataset":"resource_map_doi:...","filename":"*.nc"}} or
 * {@code {"type":"pvc","path":"/mnt/data/claim/sub","glob":"*.tif"}}; {@link InputSpecParser} reads them.
 */
public sealed interface InputSpec {

    /** The {@code type} value that selects this kind of input. */
    String type();

    /** A file to download from {@code url} (any string; {@code fetch} accepts only http and https). */
    record Url(String url) implements InputSpec {
        public Url {
            requireText(url, "url");
        }

        @Override
        public String type() {
            return "url";
        }
    }

    /** The data objects of a DataONE dataset package, optionally only those whose file name matches a pattern. */
    record DataOne(String dataset, Optional<String> filename) implements InputSpec {
        public DataOne {
            requireText(dataset, "dataset");
            filename = Objects.requireNonNullElse(filename, Optional.<String>empty()).filter(p -> !p.isBlank());
        }

        @Override
        public String type() {
            return "dataone";
        }
    }

    /** The regular files under a mounted PVC directory matching {@code glob} at any depth (Python's rglob). */
    record Pvc(Path path, String glob) implements InputSpec {
        public Pvc {
            Objects.requireNonNull(path, "missing 'path'");
            if (path.toString().isBlank()) {
                throw new IllegalArgumentException("'path' must not be empty");
            }
            path = path.toAbsolutePath();
            glob = glob == null || glob.isBlank() ? "*" : glob;
        }

        @Override
        public String type() {
            return "pvc";
        }
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing '" + field + "'");
        }
    }
}
