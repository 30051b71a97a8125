package net.qgreenland.ogdc.plan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import net.qgreenland.ogdc.estimate.RecipeEstimate;
import net.qgreenland.ogdc.recipe.RecipeProblem;
import net.qgreenland.ogdc.translate.WorkflowOutline;

/**
 * The plan for one recipe: its {@link PlanStatus}, why it was selected ({@code why}, e.g. "changed", and the
 * repository paths that caused it), its problems (warnings too), what would be submitted (only for
 * {@link PlanStatus#RUN}) and the translation's notes.
 *
 * @param directory the repository-relative recipe directory, e.g. {@code recipes/seal-tags}
 * @param recipeId the recipe id, when the recipe parsed
 * @param estimate pods, pod-hours and wall time of the run (only for {@link PlanStatus#RUN}, when estimated)
 */
public record RecipePlan(String directory, Optional<String> recipeId, PlanStatus status, String why,
        List<String> causes, List<RecipeProblem> problems, Optional<WorkflowOutline> submission,
        List<String> notes, Optional<RecipeEstimate> estimate) {

    public RecipePlan {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(recipeId, "recipeId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(why, "why");
        causes = List.copyOf(causes);
        problems = List.copyOf(problems);
        Objects.requireNonNull(submission, "submission");
        notes = List.copyOf(notes);
        Objects.requireNonNull(estimate, "estimate");
        if (estimate.isPresent() && status != PlanStatus.RUN) {
            throw new IllegalArgumentException("recipe " + directory + " is '" + status.label()
                    + "' and has nothing to estimate");
        }
        if (submission.isPresent() != (status == PlanStatus.RUN)) {
            throw new IllegalArgumentException("recipe " + directory + " is '" + status.label()
                    + "' and must " + (status == PlanStatus.RUN ? "" : "not ") + "have a submission");
        }
    }

    /** A plan not estimated (yet). */
    public RecipePlan(String directory, Optional<String> recipeId, PlanStatus status, String why,
            List<String> causes, List<RecipeProblem> problems, Optional<WorkflowOutline> submission,
            List<String> notes) {
        this(directory, recipeId, status, why, causes, problems, submission, notes, Optional.empty());
    }

    /** This plan with {@code estimate}. */
    public RecipePlan withEstimate(RecipeEstimate estimate) {
        return new RecipePlan(directory, recipeId, status, why, causes, problems, submission, notes,
                Optional.of(estimate));
    }
}
