package net.qgreenland.ogdc.report.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.qgreenland.ogdc.estimate.RecipeEstimate;
import net.qgreenland.ogdc.report.DurationStatistics;
import net.qgreenland.ogdc.report.LogExcerpt;
import net.qgreenland.ogdc.report.RecipeReport;
import net.qgreenland.ogdc.report.RecipeState;
import net.qgreenland.ogdc.report.RunReport;
import net.qgreenland.ogdc.report.StageSummary;

/**
 * Writes {@code report.json}: everything the run knows, with stable keys (the README's "Run reports" section lists
 * them). Times are ISO-8601 UTC, durations whole seconds (Argo's times have one-second resolution), absent values
 * {@code null}; a reader should ignore keys it does not know, as later versions may add some. Each recipe has its
 * pre-flight {@code estimate} and what it {@code actual}ly took, side by side.
 */
public final class ReportJsonRenderer {

    /** The format's version: raised only when a key changes meaning or goes away. */
    public static final int VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJsonRenderer() {}

    /** The report as JSON, every value in {@code secrets} masked in the failed steps' logs. */
    public static String render(RunReport run, List<String> secrets) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", VERSION);
        root.put("repository", run.repository());
        root.put("headSha", run.headSha());
        if (run.pullRequest().isPresent()) {
            root.put("pullRequest", run.pullRequest().getAsInt());
        } else {
            root.putNull("pullRequest");
        }
        root.put("trigger", run.trigger());
        root.put("actionsRunUrl", run.actionsRunUrl().orElse(null));
        root.put("updatedAt", run.updatedAt().toString());
        root.put("result", run.recipes().stream().anyMatch(r -> r.state().isFailure()) ? "failure" : "success");
        ObjectNode counts = root.putObject("counts");
        run.counts().forEach((state, count) -> counts.put(key(state), count));
        ArrayNode recipes = root.putArray("recipes");
        run.recipes().forEach(recipe -> {
            ObjectNode node = recipes.addObject();
            recipe(node, recipe, secrets);
            estimateAgainstActual(node, Optional.ofNullable(run.estimates().get(recipe.directory())), recipe);
        });
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report tree always serializes", e);
        }
    }

    /**
     * The pre-flight estimate ({@code null} when there was none) and what the recipe took: pod-hours summed over the
     * pods that have both times, and the workflow's wall time.
     */
    private static void estimateAgainstActual(ObjectNode node, Optional<RecipeEstimate> estimate,
            RecipeReport recipe) {
        if (estimate.isPresent()) {
            ObjectNode planned = node.putObject("estimate");
            planned.put("podHours", round(estimate.get().podHours().hours()));
            planned.put("lowerBound", estimate.get().podHours().lowerBound());
            planned.put("pods", estimate.get().pods());
            planned.put("wallTimeSeconds", estimate.get().wallTime().toSeconds());
            planned.put("basis", estimate.get().basis());
        } else {
            node.putNull("estimate");
        }
        ObjectNode actual = node.putObject("actual");
        long podSeconds = recipe.stages().stream().flatMap(stage -> stage.podDurations().stream())
                .mapToLong(Duration::toSeconds).sum();
        boolean timed = recipe.stages().stream().anyMatch(stage -> !stage.podDurations().isEmpty());
        if (timed) {
            actual.put("podHours", round(podSeconds / 3600.0));
        } else {
            actual.putNull("podHours");
        }
        seconds(actual, "wallTimeSeconds", recipe.duration());
    }

    private static double round(double hours) {
        return Math.round(hours * 1000) / 1000.0;
    }

    /** A state as the {@code recipes} output spells it: {@code succeeded}, {@code timed_out}. */
    public static String key(RecipeState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    private static void recipe(ObjectNode node, RecipeReport recipe, List<String> secrets) {
        node.put("directory", recipe.directory());
        node.put("id", recipe.recipeId().orElse(null));
        node.put("state", key(recipe.state()));
        node.put("workflow", recipe.workflowName().orElse(null));
        node.put("argoUrl", recipe.argoUrl().orElse(null));
        node.put("checkRunUrl", recipe.checkRunUrl().orElse(null));
        node.put("progress", recipe.progress().orElse(null));
        time(node, "startedAt", recipe.startedAt());
        time(node, "finishedAt", recipe.finishedAt());
        seconds(node, "durationSeconds", recipe.duration());
        Map<String, Long> pods = new TreeMap<>();
        recipe.stages().forEach(stage -> stage.podsByPhase().forEach((phase, n) -> pods.merge(phase, n, Long::sum)));
        node.set("podsByPhase", JSON.valueToTree(pods));
        node.put("retries", recipe.stages().stream().mapToLong(StageSummary::retries).sum());
        node.put("reason", recipe.reason().orElse(null));
        node.put("detail", recipe.detail());
        ArrayNode stages = node.putArray("stages");
        recipe.stages().forEach(stage -> stage(stages.addObject(), stage));
        ArrayNode problems = node.putArray("problems");
        recipe.problems().forEach(problem -> problems.add(JSON.<ObjectNode>valueToTree(problem.fields())));
        ArrayNode logs = node.putArray("failedSteps");
        for (LogExcerpt log : recipe.logs()) {
            ObjectNode entry = logs.addObject().put("node", log.node()).put("pod", log.pod());
            ArrayNode lines = entry.putArray("log");
            if (!log.lines().isEmpty()) {
                Markdown.redact(log.lines(), secrets).forEach(lines::add);
            }
            entry.put("problem", log.problem().map(p -> String.join(" ", Markdown.redact(List.of(p), secrets)))
                    .orElse(null));
        }
    }

    private static void stage(ObjectNode node, StageSummary stage) {
        node.put("name", stage.name());
        time(node, "startedAt", stage.startedAt());
        time(node, "finishedAt", stage.finishedAt());
        seconds(node, "durationSeconds", stage.duration());
        node.put("pods", stage.pods());
        node.set("podsByPhase", JSON.valueToTree(stage.podsByPhase()));
        node.put("retries", stage.retries());
        node.put("fanOut", stage.isFanOut());
        Optional<DurationStatistics> statistics = stage.statistics();
        if (statistics.isEmpty()) {
            node.putNull("podDurations");
            return;
        }
        ObjectNode durations = node.putObject("podDurations").put("count", statistics.get().count());
        seconds(durations, "p50Seconds", Optional.of(statistics.get().p50()));
        seconds(durations, "p95Seconds", Optional.of(statistics.get().p95()));
        seconds(durations, "maxSeconds", Optional.of(statistics.get().max()));
    }

    private static void time(ObjectNode node, String key, Optional<Instant> time) {
        node.put(key, time.map(Instant::toString).orElse(null));
    }

    private static void seconds(ObjectNode node, String key, Optional<Duration> duration) {
        if (duration.isPresent()) {
            node.put(key, duration.get().getSeconds());
        } else {
            node.putNull(key);
        }
    }
}
