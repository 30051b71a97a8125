package net.qgreenland.ogdc.run;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import net.qgreenland.ogdc.cluster.RunLabels;
import net.qgreenland.ogdc.cluster.WorkflowState;
import net.qgreenland.ogdc.git.GitChanges;

/**
 * Which older runs a new run supersedes: the still-running workflows of the same recipes for the same pull request
 * (or, for a push, the same branch) at another commit. Built from the event; applied once the recipes are known.
 *
 * @param labels the labels the older workflows share with the new run ({@code ogdc/pull-request=7})
 * @param older which of those are older runs (another commit; for a branch, exactly the same branch)
 * @param reason the sentence the stopped workflows and their cancelled check runs carry
 */
public record Supersession(WorkflowCanceller canceller, Map<String, String> labels, Predicate<WorkflowState> older,
                           String reason) {

    public Supersession {
        Objects.requireNonNull(canceller, "canceller");
        labels = Map.copyOf(labels);
        Objects.requireNonNull(older, "older");
        Objects.requireNonNull(reason, "reason");
    }

    /** Runs of pull request {@code number} at a commit other than {@code head}. */
    public static Supersession ofPullRequest(WorkflowCanceller canceller, int number, String head) {
        return new Supersession(canceller, Map.of(RunLabels.PULL_REQUEST, Integer.toString(number)),
                workflow -> !head.equals(workflow.labels().get(RunLabels.COMMIT)),
                "Superseded by commit " + GitChanges.abbreviate(head) + " of pull request #" + number + ".");
    }

    /** Runs of pushes to {@code branch} ({@code main}) at a commit other than {@code head}. */
    public static Supersession ofBranch(WorkflowCanceller canceller, String branch, String head) {
        return new Supersession(canceller, Map.of(RunLabels.REF, RunLabels.labelValue(branch)),
                workflow -> branch.equals(workflow.annotations().get(RunLabels.REF_ANNOTATION))
                        && !workflow.labels().containsKey(RunLabels.PULL_REQUEST)
                        && !head.equals(workflow.labels().get(RunLabels.COMMIT)),
                "Superseded by a newer push to " + branch + " (" + GitChanges.abbreviate(head) + ").");
    }

    /** Stops the older runs of the recipes with ids {@code recipeIds}. */
    public List<WorkflowCanceller.CancelledRun> stopOlder(Set<String> recipeIds) {
        Set<String> values = recipeIds.stream().map(RunLabels::labelValue).collect(java.util.stream.Collectors.toSet());
        return canceller.cancel(labels, older.and(workflow ->
                values.contains(workflow.labels().get(RunLabels.RECIPE_ID))), reason);
    }
}
