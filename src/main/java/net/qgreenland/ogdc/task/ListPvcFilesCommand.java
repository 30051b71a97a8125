package net.qgreenland.ogdc.task;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ogdc-action task list-pvc-files}: lists PVC input files into retained partition manifests (spec §5.6). */
@Command(
        name = "list-pvc-files",
        description = {
            "Lists the regular files of pvc inputs (each glob matched at any depth, like Python's rglob), sorted and "
                    + "de-duplicated, and cuts them into partitions.",
            "Writes DIR/all-files.json and DIR/partition-<i>.json, the fan-out parameter "
                    + "[{\"partition_id\":0},...] and the path of all-files.json."
        })
final class ListPvcFilesCommand implements Runnable {

    @ParentCommand
    TaskCommand task;

    @Option(names = "--inputs", paramLabel = "JSON", required = true,
            description = "A JSON array of {\"type\":\"pvc\",\"path\":\"/mnt/data/<claim>/<sub>\",\"glob\":\"*.tif\"}.")
    String inputs;

    @Mixin
    PartitionOptions partitions;

    @Option(names = "--partitions-out", paramLabel = "FILE", defaultValue = "/tmp/partitions.json",
            description = "Where to write the fan-out parameter (default: ${DEFAULT-VALUE}).")
    Path partitionsOut;

    @Option(names = "--files-manifest-path-out", paramLabel = "FILE", defaultValue = "/tmp/files_manifest_path.txt",
            description = "Where to write the path of all-files.json (default: ${DEFAULT-VALUE}).")
    Path filesManifestPathOut;

    @Override
    public void run() {
        partitions.requireValid();
        List<InputSpec> specs = InputSpecParser.parse(inputs);
        InputSpecParser.requireTypes(specs, Set.of("pvc"), " (list-pvc-files lists pvc inputs only)");
        TreeSet<String> matches = new TreeSet<>();
        for (InputSpec spec : specs) {
            InputSpec.Pvc pvc = (InputSpec.Pvc) spec;
            new RecursiveGlob(pvc.path(), pvc.glob()).addMatchesTo(matches);
        }
        if (matches.isEmpty()) {
            throw new TaskFailure("No files found for PVC inputs");
        }
        List<String> files = new ArrayList<>(matches);
        matches.clear();
        PrintWriter err = task.err();
        err.println("Found " + files.size() + " files in " + specs.size() + " PVC inputs");
        PartitionPlan plan = partitions.plan(files.size(), err);
        PartitionManifestWriter<String> writer =
                new PartitionManifestWriter<>(partitions.manifestDir, JsonGenerator::writeString);
        writer.write(files, plan);
        AtomicFileWriter.writeString(partitionsOut, PartitionManifestWriter.partitionRefs(plan.count()));
        AtomicFileWriter.writeString(filesManifestPathOut, writer.allFilesPath().toString());
        err.println("Generated " + plan.count() + " partitions");
    }
}
