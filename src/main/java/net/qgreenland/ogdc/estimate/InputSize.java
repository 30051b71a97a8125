package net.qgreenland.ogdc.estimate;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import net.qgreenland.ogdc.recipe.RecipeInput;

/**
 * What is known before a run about one recipe input: how many files it brings and how many bytes, and why what is
 * missing is unknown. E.g. a URL answered a HEAD request with {@code Content-Length: 52428800} (1 file, 50 MiB), a
 * DataONE package lists 120 matching objects of 3 GiB in its index, and a PVC input is only listed in the cluster.
 *
 * @param input the input as a person knows it: the URL, {@code DataONE <dataset>}, {@code PVC <claim> <path/glob>}
 * @param files how many files it brings, when known
 * @param bytes how many bytes they hold, when known
 * @param unknown why the files or bytes are not known ({@code unknown until run}, {@code HEAD answered HTTP 405})
 */
public record InputSize(String input, OptionalLong files, OptionalLong bytes, Optional<String> unknown) {

    /** Why a PVC input's files are unknown. */
    public static final String UNTIL_RUN = "unknown until run: the files are listed in the cluster";
    /** Why nothing was looked up. */
    public static final String OFFLINE = "not looked up (offline)";

    public InputSize {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(unknown, "unknown");
        if (files.orElse(0) < 0 || bytes.orElse(0) < 0) {
            throw new IllegalArgumentException("files and bytes must be >= 0: " + input);
        }
        if (unknown.isPresent() == (files.isPresent() && bytes.isPresent())) {
            throw new IllegalArgumentException("say why exactly when files or bytes are unknown: " + input);
        }
    }

    /** Files and bytes both known. */
    public static InputSize known(RecipeInput input, long files, long bytes) {
        return new InputSize(describe(input), OptionalLong.of(files), OptionalLong.of(bytes), Optional.empty());
    }

    /** A URL (always one file) whose size is unknown for {@code why}. */
    public static InputSize urlOfUnknownSize(RecipeInput.Url url, String why) {
        return new InputSize(describe(url), OptionalLong.of(1), OptionalLong.empty(), Optional.of(why));
    }

    /** Neither files nor bytes known, for {@code why}. */
    public static InputSize unknown(RecipeInput input, String why) {
        return new InputSize(describe(input), OptionalLong.empty(), OptionalLong.empty(), Optional.of(why));
    }

    /** What is known without looking anything up: a URL is one file, a PVC is listed in the cluster. */
    public static InputSize withoutLookup(RecipeInput input, String why) {
        if (input instanceof RecipeInput.Url url) {
            return urlOfUnknownSize(url, why);
        }
        return unknown(input, input instanceof RecipeInput.PvcMount ? UNTIL_RUN : why);
    }

    /** {@code https://…}, {@code DataONE resource_map_doi:… (*.tif)}, {@code PVC arctic-dem-pvc /mnt/…/**}. */
    public static String describe(RecipeInput input) {
        if (input instanceof RecipeInput.Url url) {
            return url.url();
        }
        if (input instanceof RecipeInput.DataOne dataone) {
            return "DataONE " + dataone.datasetIdentifier() + dataone.filenamePattern().map(p -> " (" + p + ")")
                    .orElse("");
        }
        RecipeInput.PvcMount pvc = (RecipeInput.PvcMount) input;
        return "PVC " + pvc.claimName() + " " + pvc.fullPath() + "/" + pvc.glob();
    }
}
