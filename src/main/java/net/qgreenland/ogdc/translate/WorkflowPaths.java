package net.qgreenland.ogdc.translate;

/** The layout of the workflow PVC as pods see it (spec §5.8, §6.5), mounted at {@value #WORKFLOW_MOUNT}. */
final class WorkflowPaths {

    static final String WORKFLOW_MOUNT = "/mnt/workflow";

    private WorkflowPaths() {}

    /** A recipe's own tree: {@code /mnt/workflow/<id>}. */
    static String recipeDirectory(String recipeId) {
        return WORKFLOW_MOUNT + "/" + recipeId;
    }

    /** Where a stage's retained partition manifests live. */
    static String manifestDirectory(String recipeId, String subdirectory) {
        return recipeDirectory(recipeId) + "/partition-manifests/" + subdirectory;
    }
}
