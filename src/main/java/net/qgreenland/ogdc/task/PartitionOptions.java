package net.qgreenland.ogdc.task;

import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options of the tasks that write partition manifests: size, cap on the count, and the manifest directory. */
final class PartitionOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--partition-size", paramLabel = "N", required = true,
            description = "Entries per partition (at least 1).")
    int partitionSize;

    @Option(names = "--max-partitions", paramLabel = "N", defaultValue = "" + PartitionPlan.DEFAULT_MAX_PARTITIONS,
            description = "At most this many partitions: the size is raised when needed (default: ${DEFAULT-VALUE}).")
    int maxPartitions;

    @Option(names = "--manifest-dir", paramLabel = "DIR", required = true,
            description = "Where to write all-files.json and partition-<i>.json.")
    Path manifestDir;

    /** Throws a usage error when a number is out of range; called before any work is done. */
    void requireValid() {
        if (partitionSize < 1) {
            throw new ParameterException(spec.commandLine(), "--partition-size must be at least 1, got "
                    + partitionSize);
        }
        if (maxPartitions < 1) {
            throw new ParameterException(spec.commandLine(), "--max-partitions must be at least 1, got "
                    + maxPartitions);
        }
    }

    /** The plan for {@code items} entries, logging on {@code err} when the size had to be raised. */
    PartitionPlan plan(int items, PrintWriter err) {
        PartitionPlan plan = PartitionPlan.of(items, partitionSize, maxPartitions);
        plan.raisedNote().ifPresent(err::println);
        return plan;
    }
}
