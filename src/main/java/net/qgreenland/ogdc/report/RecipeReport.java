package net.qgreenland.ogdc.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import net.qgreenland.ogdc.recipe.RecipeProblem;

/**
 * What one recipe of a run came to, as every report (check run, pull-request comment, job summary) shows it.
 *
 * @param directory the recipe directory, relative to the repository root ({@code recipes/seal-tags}); it names the
 *     check run
 * @param recipeId the recipe id, when the recipe parsed
 * @param state where it stands
 * @param workflowName the main workflow's name ({@code seal-tags-shell-x7k2p}), once submitted or rendered
 * @param argoUrl the workflow's page in the Argo UI ({@code https://argo.example/workflows/qgnet/seal-tags-shell-x7k2p})
 * @param checkRunUrl the recipe's check run on GitHub, once it is published
 * @param progress Argo's finished pods over all pods ({@code 3/10})
 * @param startedAt when the workflow started
 * @param finishedAt when it ended
 * @param stages the workflow's stages, in the order they started
 * @param problems the recipe's problems (an invalid recipe's errors, a valid one's warnings)
 * @param logs the ends of the failed steps' logs
 * @param reason a few words on why it failed, for titles ({@code cmd-0: Error (exit code 1)})
 * @param detail one or two sentences for people: what happened and, for a failure, what to do
 */
public record RecipeReport(
        String directory, Optional<String> recipeId, RecipeState state, Optional<String> workflowName,
        Optional<String> argoUrl, Optional<String> checkRunUrl, Optional<String> progress,
        Optional<Instant> startedAt, Optional<Instant> finishedAt, List<StageSummary> stages,
        List<RecipeProblem> problems, List<LogExcerpt> logs, Optional<String> reason, String detail) {

    public RecipeReport {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(recipeId, "recipeId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(workflowName, "workflowName");
        Objects.requireNonNull(argoUrl, "argoUrl");
        Objects.requireNonNull(checkRunUrl, "checkRunUrl");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        stages = List.copyOf(stages);
        problems = List.copyOf(problems);
        logs = List.copyOf(logs);
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
        if (directory.isEmpty()) {
            throw new IllegalArgumentException("a recipe report needs the recipe directory");
        }
    }

    /** How long the workflow ran, when both ends are known. */
    public Optional<Duration> duration() {
        return startedAt.flatMap(start -> finishedAt.map(end -> Duration.between(start, end)));
    }

    /** This report with the URL of its published check run. */
    public RecipeReport withCheckRunUrl(String url) {
        return new RecipeReport(directory, recipeId, state, workflowName, argoUrl, Optional.of(url), progress,
                startedAt, finishedAt, stages, problems, logs, reason, detail);
    }

    /** Where a reader finds more: the check run, else the Argo UI. */
    public Optional<String> detailsLink() {
        return checkRunUrl.or(() -> argoUrl);
    }
}
