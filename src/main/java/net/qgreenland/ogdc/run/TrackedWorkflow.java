package net.qgreenland.ogdc.run;

import java.util.Objects;
import net.qgreenland.ogdc.cluster.WorkflowState;

/**
 * A recipe's main workflow and the check run it reports to: the recipe directory (the check run's name) at a commit.
 *
 * @param commit the full head SHA the check run is on (label {@code ogdc/commit})
 * @param directory the recipe directory (annotation {@code ogdc/recipe-directory}), {@code recipes/seal-tags}
 * @param workflow the workflow as the cluster last reported it
 */
public record TrackedWorkflow(String commit, String directory, WorkflowState workflow) {

    public TrackedWorkflow {
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(workflow, "workflow");
    }

    /** The check run's external id: {@code recipes/seal-tags@<sha>}. */
    public String externalId() {
        return directory + "@" + commit;
    }

    /** {@code recipes/seal-tags@0a1b2c3}, for log lines. */
    public String shortName() {
        return directory + "@" + (commit.length() > 7 ? commit.substring(0, 7) : commit);
    }
}
