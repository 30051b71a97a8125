package net.qgreenland.ogdc.task;

import java.util.List;
import java.util.Optional;

/**
 * How {@code items} entries are cut into {@code count} consecutive partitions of {@code size} (the last may be
 * shorter), ids 0..count-1; the size is the {@code requestedSize} unless that would make more than
 * {@code maxPartitions} partitions (each one is a pod and a node in the workflow's status).
 */
record PartitionPlan(int items, int requestedSize, int maxPartitions, int size, int count) {

    /** The default cap on the number of partitions. */
    static final int DEFAULT_MAX_PARTITIONS = 10_000;

    PartitionPlan {
        if (items < 1 || requestedSize < 1 || maxPartitions < 1 || size < requestedSize || count < 1
                || count > maxPartitions) {
            throw new IllegalArgumentException("invalid partition plan: " + items + " items, size " + size
                    + ", " + count + " partitions");
        }
    }

    /** Cuts {@code items} entries into partitions of {@code size}, raised to make at most {@code maxPartitions}. */
    static PartitionPlan of(int items, int size, int maxPartitions) {
        if (size < 1 || maxPartitions < 1) {
            throw new IllegalArgumentException("partition size and maximum must be at least 1");
        }
        int effective = ceilDiv(items, size) > maxPartitions ? ceilDiv(items, maxPartitions) : size;
        return new PartitionPlan(items, size, maxPartitions, effective, ceilDiv(items, effective));
    }

    /** The log line saying that and why the size was raised, when it was. */
    Optional<String> raisedNote() {
        return size == requestedSize ? Optional.empty() : Optional.of("raising partition size from " + requestedSize
                + " to " + size + " so that " + items + " files make at most " + maxPartitions + " partitions");
    }

    /** Partition {@code id} of {@code all} (a list of {@link #items} entries). */
    <T> List<T> partition(List<T> all, int id) {
        return all.subList(id * size, Math.min(all.size(), (id + 1) * size));
    }

    private static int ceilDiv(int a, int b) {
        return (int) ((a + (long) b - 1) / b);
    }
}
