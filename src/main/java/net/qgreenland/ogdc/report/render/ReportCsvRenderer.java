package net.qgreenland.ogdc.report.render;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import net.qgreenland.ogdc.report.RecipeReport;
import net.qgreenland.ogdc.report.RecipeState;
import net.qgreenland.ogdc.report.RunReport;
import net.qgreenland.ogdc.report.StageSummary;

/**
 * Writes the run's CSV files (RFC 4180: comma-separated, CRLF line ends, a field quoted with {@code "} when it holds
 * a comma, a quote or a line break, its quotes doubled): {@code recipes.csv} with a header and a row per recipe, and
 * {@code failed.csv}, the recipes to retry in the form the {@code workflow_dispatch} input {@code recipes} takes.
 */
public final class ReportCsvRenderer {

    /** {@code recipes.csv}'s columns, in order. */
    public static final List<String> RECIPE_COLUMNS = List.of("directory", "id", "state", "workflow", "started_at",
            "finished_at", "duration_seconds", "pods", "pods_succeeded", "pods_failed", "retries", "reason",
            "argo_url", "check_run_url");

    /** The states {@code failed.csv} lists: those a second run at the same commit may fix. */
    public static final List<RecipeState> RETRIED_STATES = List.of(RecipeState.FAILED, RecipeState.ERRORED,
            RecipeState.TIMED_OUT);

    /** What the dispatch input splits names on ({@code [\s,]+}): a name holding one cannot travel through it. */
    private static final Pattern SEPARATOR = Pattern.compile("[\\s,]");
    private static final String CRLF = "\r\n";

    private ReportCsvRenderer() {}

    /** {@code recipes.csv}: the header, then a row per recipe in the run's order. */
    public static String recipes(RunReport run) {
        StringBuilder out = new StringBuilder(row(RECIPE_COLUMNS));
        for (RecipeReport recipe : run.recipes()) {
            List<String> fields = new ArrayList<>();
            fields.add(recipe.directory());
            fields.add(recipe.recipeId().orElse(""));
            fields.add(ReportJsonRenderer.key(recipe.state()));
            fields.add(recipe.workflowName().orElse(""));
            fields.add(recipe.startedAt().map(Instant::toString).orElse(""));
            fields.add(recipe.finishedAt().map(Instant::toString).orElse(""));
            fields.add(recipe.duration().map(Duration::getSeconds).map(String::valueOf).orElse(""));
            fields.add(String.valueOf(recipe.stages().stream().mapToLong(StageSummary::pods).sum()));
            fields.add(String.valueOf(recipe.stages().stream().mapToLong(StageSummary::succeeded).sum()));
            fields.add(String.valueOf(recipe.stages().stream().mapToLong(StageSummary::failed).sum()));
            fields.add(String.valueOf(recipe.stages().stream().mapToLong(StageSummary::retries).sum()));
            fields.add(recipe.reason().orElse(""));
            fields.add(recipe.argoUrl().orElse(""));
            fields.add(recipe.checkRunUrl().orElse(""));
            out.append(row(fields));
        }
        return out.toString();
    }

    /**
     * {@code failed.csv}: one record without a header and without a line end, the failed, errored and timed-out
     * recipes' directories separated by commas ({@code recipes/a,recipes/b}), exactly what the dispatch input
     * {@code recipes} takes to run those recipes again. A directory the input could not carry (it holds a comma,
     * a space or a quote) is named by its recipe id instead. Empty when nothing is to be retried: do not dispatch
     * with it then, as an empty {@code recipes} input runs every recipe.
     */
    public static String failed(RunReport run) {
        List<String> names = new ArrayList<>();
        for (RecipeReport recipe : run.recipes()) {
            if (RETRIED_STATES.contains(recipe.state())) {
                names.add(dispatchName(recipe));
            }
        }
        return String.join(",", names);
    }

    /** The recipe's directory, or its id when the directory holds a character the dispatch input splits on. */
    static String dispatchName(RecipeReport recipe) {
        String directory = recipe.directory();
        Optional<String> id = recipe.recipeId();
        return (SEPARATOR.matcher(directory).find() || directory.contains("\"")) && id.isPresent() ? id.get()
                : directory;
    }

    /** One record: the fields, quoted where they need it, and CRLF. */
    static String row(List<String> fields) {
        List<String> quoted = new ArrayList<>();
        for (String field : fields) {
            quoted.add(field.contains(",") || field.contains("\"") || field.contains("\r") || field.contains("\n")
                    ? "\"" + field.replace("\"", "\"\"") + "\"" : field);
        }
        return String.join(",", quoted) + CRLF;
    }
}
