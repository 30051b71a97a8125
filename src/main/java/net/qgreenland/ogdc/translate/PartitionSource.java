package net.qgreenland.ogdc.translate;

import java.util.Objects;

/**
 * Where a fan-out stage's partitions come from: the task whose output lists them as {@code [{"partition_id": i}]}
 * and the retained manifest directory ({@code /mnt/workflow/<id>/partition-manifests/<subdir>/}) that holds each
 * partition's files. Only partition ids travel through the workflow; file lists stay on the PVC.
 *
 * @param taskName the task that wrote the manifests (the fan-out depends on it)
 * @param withParam the Argo expression that yields the partition list
 * @param manifestSubdirectory the manifest directory's name, e.g. {@code pvc-inputs}
 */
record PartitionSource(String taskName, String withParam, String manifestSubdirectory) {

    PartitionSource {
        Objects.requireNonNull(taskName, "taskName");
        Objects.requireNonNull(withParam, "withParam");
        Objects.requireNonNull(manifestSubdirectory, "manifestSubdirectory");
    }

    /** Partitions from the output parameter {@code partitions} of a listing or manifest-writing task. */
    static PartitionSource outputParameter(String taskName, String manifestSubdirectory) {
        return new PartitionSource(taskName, "{{tasks." + taskName + ".outputs.parameters.partitions}}",
                manifestSubdirectory);
    }

    /**
     * Whether a fan-out over {@code withParam} is one over partitions of the recipe's input files (a listing or a
     * manifest-writing task's {@code partitions}) rather than of files a discovery step finds during the run.
     */
    static boolean partitionsInputs(String withParam) {
        return withParam.endsWith(".outputs.parameters.partitions}}");
    }

    /** Partitions printed on standard output by a discovery script ({@code outputs.result}). */
    static PartitionSource outputResult(String taskName, String manifestSubdirectory) {
        return new PartitionSource(taskName, "{{tasks." + taskName + ".outputs.result}}", manifestSubdirectory);
    }

    /** The manifest path of the current item, e.g. {@code …/pvc-inputs/partition-{{item.partition_id}}.json}. */
    String itemManifestPath(String recipeId) {
        return WorkflowPaths.manifestDirectory(recipeId, manifestSubdirectory)
                + "/partition-{{item.partition_id}}.json";
    }
}
