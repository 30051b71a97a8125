package net.qgreenland.ogdc.recipe;

import java.util.Objects;
import java.util.Optional;

/** One entry of {@code input.params}: a URL, a DataONE dataset, or files on a mounted PVC. */
public sealed interface RecipeInput {

    /** {@code type: url} — a file downloaded from {@code url} (http, https or ftp). */
    record Url(String url) implements RecipeInput {
        public Url {
            Objects.requireNonNull(url, "url");
        }
    }

    /**
     * {@code type: dataone} — the data objects of a DataONE package, resolved later (never during validation).
     *
     * @param datasetIdentifier the package (resource map) identifier, e.g. {@code resource_map_doi:10.18739/A2NS0M06B}
     * @param filenamePattern an optional case-insensitive pattern with {@code *} and {@code ?} choosing files
     */
    record DataOne(String datasetIdentifier, Optional<String> filenamePattern) implements RecipeInput {
        public DataOne {
            Objects.requireNonNull(datasetIdentifier, "datasetIdentifier");
            Objects.requireNonNull(filenamePattern, "filenamePattern");
        }
    }

    /**
     * {@code type: pvc_mount} — files under {@code path} on an existing PVC, chosen by a recursive {@code glob}.
     *
     * @param claimName the PersistentVolumeClaim, a DNS label of at most 63 characters
     * @param path the directory on the claim; leading and trailing slashes are ignored
     * @param glob files to use below {@code path}, relative, default {@code *}
     */
    record PvcMount(String claimName, String path, String glob) implements RecipeInput {
        public PvcMount {
            Objects.requireNonNull(claimName, "claimName");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(glob, "glob");
        }

        /** Where the claim is mounted (read-only) in workflow pods: {@code /mnt/data/<claim_name>}. */
        public String mountPath() {
            return "/mnt/data/" + claimName;
        }

        /** The directory the glob is applied under, e.g. {@code /mnt/data/arctic-dem-pvc/tiles/v3}. */
        public String fullPath() {
            String stripped = Edges.strip(path, '/');
            return stripped.isEmpty() ? mountPath() : mountPath() + "/" + stripped;
        }
    }
}
