package net.qgreenland.ogdc.cluster;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where {@link RecipeSubmitter} looks for a workflow submitted earlier with the same labels (to re-attach to it
 * instead of submitting it twice). {@link #asking} asks the gateway once per recipe; {@link #atCommit} lists the
 * commit's main workflows once, at the first question, and answers every recipe of a run from that list, which
 * saves a request per recipe.
 */
public interface SubmittedWorkflows {

    /** The workflows carrying the labels {@code selector} asks for. */
    List<WorkflowState> find(LabelSelector selector);

    /** Asks {@code gateway} each time. */
    static SubmittedWorkflows asking(ArgoGateway gateway) {
        return gateway::find;
    }

    /**
     * The main workflows this program submitted at {@code labels}' commit, listed from {@code gateway} at the
     * first question and kept; a listing that fails is not kept, so the next question asks again (and fails the
     * same way, recipe by recipe, as {@link #asking} would). Without a commit, the same as {@link #asking}.
     */
    static SubmittedWorkflows atCommit(ArgoGateway gateway, RunLabels labels) {
        if (labels.commit().isEmpty()) {
            return asking(gateway);
        }
        LabelSelector commit = LabelSelector.of(Map.of(RunLabels.MANAGED_BY, RunLabels.MANAGER,
                RunLabels.COMMIT, labels.commit().get(), RunLabels.ROLE, RunLabels.Role.MAIN.label()));
        return new SubmittedWorkflows() {
            private Optional<List<WorkflowState>> listed = Optional.empty();

            @Override
            public List<WorkflowState> find(LabelSelector selector) {
                if (!selector.equal().entrySet().containsAll(commit.equal().entrySet())) {
                    return gateway.find(selector); // not a question about this commit's main workflows
                }
                return workflows().stream().filter(workflow -> selector.matches(workflow.labels())).toList();
            }

            private synchronized List<WorkflowState> workflows() {
                if (listed.isEmpty()) {
                    listed = Optional.of(List.copyOf(gateway.find(commit)));
                }
                return listed.get();
            }
        };
    }
}
