package net.qgreenland.ogdc.cluster;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What became of one recipe's submission.
 *
 * @param directory the recipe directory ({@code recipes/seal-tags})
 * @param recipeId the recipe id
 * @param status how it ended
 * @param workflow the main workflow's last known state (absent if it was never submitted)
 * @param reattached whether the main workflow was an earlier submission of the same recipe, commit and content,
 *     found by its labels rather than submitted again
 * @param detail one or two sentences for the user: what happened and, for a failure, what to do
 * @param logs the tails of the failed nodes' logs, for a failed workflow
 */
public record RecipeSubmission(
        String directory, String recipeId, SubmissionStatus status, Optional<WorkflowState> workflow,
        boolean reattached, String detail, List<NodeLog> logs) {

    public RecipeSubmission {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(recipeId, "recipeId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(workflow, "workflow");
        Objects.requireNonNull(detail, "detail");
        logs = List.copyOf(logs);
    }

    /** The main workflow's name, when there is one. */
    public Optional<String> workflowName() {
        return workflow.map(WorkflowState::name);
    }
}
