package net.qgreenland.ogdc.recipe;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A visualization recipe's config: the JSON text passed untouched to pdgworkflow's {@code WorkflowManager}, and
 * the keys the runner itself reads to shape the pipeline (spec §1.10), with their defaults applied.
 *
 * @param json the config file's JSON text ({@code {}} when the recipe names no config file)
 * @param minZoom first value of {@code z_range} (default 0)
 * @param maxZoom second value of {@code z_range} (default 12)
 * @param directories the {@code dir_*} keys that are given, e.g. {@code dir_input → input}
 */
public record VizConfig(
        String json, int minZoom, int maxZoom, boolean stager, boolean raster, boolean rasterParents,
        boolean webTiles, boolean tiles3d, Map<String, String> directories) {

    /** {@code z_range} when the config does not give one. */
    public static final int DEFAULT_MIN_ZOOM = 0;

    public static final int DEFAULT_MAX_ZOOM = 12;

    /** Where 3D tiles go when {@code dir_3dtiles} is not given. */
    public static final String DEFAULT_3DTILES_DIR = "output/3dtiles";

    /** The config of a visualization recipe that names no config file. */
    public static final VizConfig EMPTY =
            new VizConfig("{}", DEFAULT_MIN_ZOOM, DEFAULT_MAX_ZOOM, true, true, true, true, true, Map.of());

    public VizConfig {
        Objects.requireNonNull(json, "json");
        directories = Map.copyOf(directories);
        if (minZoom < 0 || maxZoom < minZoom) {
            throw new IllegalArgumentException("z_range must satisfy 0 <= min <= max: " + minZoom + ", " + maxZoom);
        }
    }

    /** The {@code dir_*} value for {@code key}, if the config gives one. */
    public Optional<String> directory(String key) {
        return Optional.ofNullable(directories.get(key));
    }
}
