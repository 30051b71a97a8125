package net.qgreenland.ogdc.report;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import net.qgreenland.ogdc.estimate.RecipeEstimate;

/**
 * One run of the action as the reports show it: which commit, why, and every recipe's report.
 *
 * @param repository {@code owner/name}
 * @param headSha the commit reported on: a pull request's head, not the test-merge commit
 * @param pullRequest the pull request's number, when the run is for one
 * @param trigger the event that started the run ({@code pull_request}, {@code push}, ...)
 * @param actionsRunUrl the GitHub Actions run ({@code https://github.com/o/r/actions/runs/42})
 * @param updatedAt when this report was made (from the injected clock)
 * @param recipes one report per recipe, in directory order
 * @param planMarkdown the run's plan as Markdown ({@code PlanRenderer.markdown}), for the job summary
 * @param estimateMarkdown the plan's pre-flight estimate as Markdown ({@code PlanRenderer.estimateMarkdown}), for
 *     the pull-request comment (the job summary has it in the plan)
 * @param estimates each recipe's pre-flight estimate, by directory, to set against what it took
 */
public record RunReport(
        String repository, String headSha, OptionalInt pullRequest, String trigger, Optional<String> actionsRunUrl,
        Instant updatedAt, List<RecipeReport> recipes, Optional<String> planMarkdown,
        Optional<String> estimateMarkdown, Map<String, RecipeEstimate> estimates) {

    public RunReport {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(headSha, "headSha");
        Objects.requireNonNull(pullRequest, "pullRequest");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(actionsRunUrl, "actionsRunUrl");
        Objects.requireNonNull(updatedAt, "updatedAt");
        recipes = List.copyOf(recipes);
        Objects.requireNonNull(planMarkdown, "planMarkdown");
        Objects.requireNonNull(estimateMarkdown, "estimateMarkdown");
        estimates = Map.copyOf(estimates);
    }

    /** A report with the estimate's Markdown and no estimates by recipe. */
    public RunReport(String repository, String headSha, OptionalInt pullRequest, String trigger,
            Optional<String> actionsRunUrl, Instant updatedAt, List<RecipeReport> recipes,
            Optional<String> planMarkdown, Optional<String> estimateMarkdown) {
        this(repository, headSha, pullRequest, trigger, actionsRunUrl, updatedAt, recipes, planMarkdown,
                estimateMarkdown, Map.of());
    }

    /** A report without an estimate. */
    public RunReport(String repository, String headSha, OptionalInt pullRequest, String trigger,
            Optional<String> actionsRunUrl, Instant updatedAt, List<RecipeReport> recipes,
            Optional<String> planMarkdown) {
        this(repository, headSha, pullRequest, trigger, actionsRunUrl, updatedAt, recipes, planMarkdown,
                Optional.empty(), Map.of());
    }

    /** This report as if made at {@code instant}. */
    public RunReport at(Instant instant) {
        return new RunReport(repository, headSha, pullRequest, trigger, actionsRunUrl, instant, recipes, planMarkdown,
                estimateMarkdown, estimates);
    }

    /** How many recipes are in each state, in the enum's order, states with none left out. */
    public Map<RecipeState, Long> counts() {
        Map<RecipeState, Long> counts = new EnumMap<>(RecipeState.class);
        recipes.forEach(recipe -> counts.merge(recipe.state(), 1L, Long::sum));
        return counts;
    }

    /** The head commit's first seven characters, as GitHub shows it. */
    public String shortSha() {
        return headSha.length() > 7 ? headSha.substring(0, 7) : headSha;
    }
}
