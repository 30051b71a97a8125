package net.qgreenland.ogdc.task;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ogdc-action task write-partition-manifests}: the static manifest writer of spec §5.7, run in the pod. */
@Command(
        name = "write-partition-manifests",
        description = {
            "Cuts a file list, or the URLs of url and dataone inputs (DataONE resolved here), into partitions.",
            "Writes DIR/all-files.json, DIR/partition-<i>.json and the fan-out parameter [{\"partition_id\":0},...]."
        })
final class WritePartitionManifestsCommand implements Runnable {

    /** Where the entries come from: exactly one of the two. */
    static final class Source {
        @Option(names = "--files-from", paramLabel = "FILE", required = true,
                description = "A JSON array of strings, e.g. an all-files.json.")
        Path filesFrom;

        @Option(names = "--inputs", paramLabel = "JSON", required = true,
                description = "A JSON array of url and dataone inputs.")
        String inputs;
    }

    @ParentCommand
    TaskCommand task;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Mixin
    PartitionOptions partitions;

    @Option(names = "--partitions-out", paramLabel = "FILE", defaultValue = "/tmp/partition_refs.json",
            description = "Where to write the fan-out parameter (default: ${DEFAULT-VALUE}).")
    Path partitionsOut;

    @Mixin
    DataOneNodeOption dataOneNode;

    @Override
    public void run() {
        partitions.requireValid();
        List<ManifestEntry> entries = source.filesFrom != null
                ? ManifestEntries.fromFile(source.filesFrom)
                : ManifestEntries.fromInputs(InputSpecParser.parse(source.inputs),
                        () -> dataOneNode.resolver(task.env(), task.httpClient()));
        if (entries.isEmpty()) {
            throw new TaskFailure("No files provided");
        }
        PrintWriter err = task.err();
        PartitionPlan plan = partitions.plan(entries.size(), err);
        PartitionManifestWriter<ManifestEntry> writer =
                new PartitionManifestWriter<>(partitions.manifestDir, (json, entry) -> entry.writeTo(json));
        writer.write(entries, plan);
        AtomicFileWriter.writeString(partitionsOut, PartitionManifestWriter.partitionRefs(plan.count()));
        err.println("Wrote " + plan.count() + " retained partition manifests to "
                + partitions.manifestDir.toAbsolutePath());
    }
}
