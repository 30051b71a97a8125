package net.qgreenland.ogdc.recipe;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * {@code workflow.parallel}: whether to fan the work out over partitions of the input files.
 *
 * @param enabled fan out when true; otherwise run once over all inputs
 * @param partitionStrategy how inputs are split; only {@code files} exists
 * @param partitionSize files per partition (>= 1); empty means the default of the path taken
 * @param maxParallelism most partitions processed at once (>= 1); empty means the cluster default
 */
public record ParallelConfig(
        boolean enabled, String partitionStrategy, OptionalInt partitionSize, OptionalInt maxParallelism) {

    /** The only partition strategy there is. */
    public static final String FILES = "files";

    /** What a recipe without {@code parallel} gets: not parallel. */
    public static final ParallelConfig DISABLED =
            new ParallelConfig(false, FILES, OptionalInt.empty(), OptionalInt.empty());

    public ParallelConfig {
        Objects.requireNonNull(partitionStrategy, "partitionStrategy");
        Objects.requireNonNull(partitionSize, "partitionSize");
        Objects.requireNonNull(maxParallelism, "maxParallelism");
        if (partitionSize.isPresent() && partitionSize.getAsInt() < 1) {
            throw new IllegalArgumentException("partitionSize must be >= 1");
        }
        if (maxParallelism.isPresent() && maxParallelism.getAsInt() < 1) {
            throw new IllegalArgumentException("maxParallelism must be >= 1");
        }
    }
}
