package net.qgreenland.ogdc.recipe;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a visualization config (JSON): it must be an object; the keys the runner reads (spec §1.10) must have
 * the right types; every other key is passed to pdgworkflow untouched.
 */
final class VizConfigReader {

    /** The {@code dir_*} keys whose relative paths are created under the recipe's workflow directory. */
    static final List<String> DIRECTORY_KEYS =
            List.of("dir_input", "dir_staged", "dir_geotiff", "dir_web_tiles", "dir_3dtiles");

    /** Highest zoom level accepted in {@code z_range}: web map tile sets stop well below it. */
    static final int MAX_ZOOM = 30;

    private VizConfigReader() {}

    static Optional<VizConfig> read(String json, String file, Problems problems) {
        SourceTreeReader.Result tree = SourceTreeReader.read(json, file, SourceTreeReader.Format.JSON);
        problems.addAll(tree.problems());
        if (tree.root().isEmpty()) {
            return Optional.empty();
        }
        if (!(tree.root().get() instanceof SourceNode.Mapping mapping)) {
            problems.error(tree.root().get().location(), "",
                    "Failed to read json from " + file + ": the config must be a JSON object, got "
                            + MappingReader.describe(tree.root().get()));
            return Optional.empty();
        }
        MappingReader config = new MappingReader(mapping, "", problems);
        long errorsBefore = problems.errorCount();
        int[] zoom = readZoomRange(config, problems);
        boolean stager = config.optionalBoolean("enable_stager").orElse(true);
        boolean raster = config.optionalBoolean("enable_raster").orElse(true);
        boolean parents = config.optionalBoolean("enable_raster_parents").orElse(true);
        boolean webTiles = config.optionalBoolean("enable_web_tiles").orElse(true);
        boolean tiles3d = config.optionalBoolean("enable_3dtiles").orElse(true);
        Map<String, String> directories = new LinkedHashMap<>();
        for (String key : DIRECTORY_KEYS) {
            config.optionalString(key).ifPresent(dir -> {
                if (InputParamsReader.hasParentReference(dir)) {
                    problems.error(config.find(key).orElseThrow().location(), key,
                            "must not contain parent directory references ('..'), got '" + dir + "'");
                } else {
                    directories.put(key, dir);
                }
            });
        }
        if (problems.errorCount() > errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new VizConfig(json, zoom[0], zoom[1], stager, raster, parents, webTiles, tiles3d,
                directories));
    }

    private static int[] readZoomRange(MappingReader config, Problems problems) {
        int[] defaults = {VizConfig.DEFAULT_MIN_ZOOM, VizConfig.DEFAULT_MAX_ZOOM};
        Optional<SourceNode> node = config.findNonNull("z_range");
        if (node.isEmpty()) {
            return defaults;
        }
        if (node.get() instanceof SourceNode.Sequence seq && seq.items().size() == 2
                && seq.items().stream().allMatch(VizConfigReader::isWholeNumber)) {
            long min = (Long) ((SourceNode.Scalar) seq.items().get(0)).value().orElseThrow();
            long max = (Long) ((SourceNode.Scalar) seq.items().get(1)).value().orElseThrow();
            if (min < 0 || max < min || max > MAX_ZOOM) {
                problems.error(seq.location(), "z_range",
                        "must be [min, max] with 0 <= min <= max <= " + MAX_ZOOM + ", got [" + min + ", " + max + "]");
                return defaults;
            }
            return new int[] {(int) min, (int) max};
        }
        String got = node.get() instanceof SourceNode.Sequence seq
                ? "a list of " + seq.items().size() + " values" + (seq.items().stream().allMatch(VizConfigReader::isWholeNumber)
                        ? "" : " that are not all whole numbers")
                : MappingReader.describe(node.get());
        problems.error(node.get().location(), "z_range", "must be a list of two whole numbers [min, max], got " + got);
        return defaults;
    }

    private static boolean isWholeNumber(SourceNode node) {
        return node instanceof SourceNode.Scalar s && s.value().orElse(null) instanceof Long;
    }
}
