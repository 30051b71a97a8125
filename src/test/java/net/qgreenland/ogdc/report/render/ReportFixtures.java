package net.qgreenland.ogdc.report.render;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import net.qgreenland.ogdc.recipe.RecipeProblem;
import net.qgreenland.ogdc.recipe.SourceLocation;
import net.qgreenland.ogdc.report.LogExcerpt;
import net.qgreenland.ogdc.report.RecipeReport;
import net.qgreenland.ogdc.report.RecipeState;
import net.qgreenland.ogdc.report.RunReport;
import net.qgreenland.ogdc.report.StageSummary;

/** A three-recipe pull request (one invalid, one succeeded, one failed) at fixed times, for the golden files. */
public final class ReportFixtures {

    public static final Instant STARTED = Instant.parse("2026-11-21T10:00:00Z");
    public static final Instant UPDATED = Instant.parse("2026-11-21T10:05:00Z");
    public static final String SHA = "3f5e2a9c0d1b4e6f8a7b9c0d1e2f3a4b5c6d7e8f";
    public static final String TOKEN = "ghs_s3cr3tT0ken";

    private ReportFixtures() {}

    public static RecipeReport invalid() {
        return new RecipeReport("recipes/broken", Optional.empty(), RecipeState.INVALID, Optional.empty(),
                Optional.empty(), Optional.of("https://github.com/nsidc/recipes/runs/1001"), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(), List.of(
                        RecipeProblem.error(new SourceLocation("recipes/broken/meta.yml", 1, 1), "workflow",
                                "is required but missing"),
                        RecipeProblem.error(new SourceLocation("recipes/broken/meta.yml", 3, 11), "input.params",
                                "At least one input parameter is required | even with *globs*"),
                        RecipeProblem.warning(SourceLocation.ofFile("recipes/broken/meta.yml"), "",
                                "the file has no trailing newline")),
                List.of(), Optional.empty(), "The recipe has 2 errors; nothing was submitted. Fix them and push again.");
    }

    public static RecipeReport succeeded() {
        return new RecipeReport("recipes/seal-tags", Optional.of("seal-tags"), RecipeState.SUCCEEDED,
                Optional.of("seal-tags-shell-x7k2p"),
                Optional.of("https://argo.example/workflows/qgnet/seal-tags-shell-x7k2p"),
                Optional.of("https://github.com/nsidc/recipes/runs/1002"), Optional.of("4/4"), Optional.of(STARTED),
                Optional.of(STARTED.plusSeconds(252)), List.of(
                        stage("list-pvc-files", Map.of("Succeeded", 1L), 0, 12, List.of(12), 0),
                        stage("cmd-0", Map.of("Succeeded", 2L), 12, 192, List.of(170, 180), 0),
                        stage("publish-data", Map.of("Succeeded", 1L), 200, 240, List.of(40), 0)),
                List.of(), List.of(), Optional.empty(), "The workflow succeeded and its results are published.");
    }

    public static RecipeReport failed() {
        return new RecipeReport("recipes/arcticdem-tile-hillshades", Optional.of("arcticdem-mosaic-tile-hillshades"),
                RecipeState.FAILED, Optional.of("arcticdem-mosaic-tile-hillshades-shell-q9w8e"),
                Optional.of("https://argo.example/workflows/qgnet/arcticdem-mosaic-tile-hillshades-shell-q9w8e"),
                Optional.empty(), Optional.of("52/55"), Optional.of(STARTED), Optional.of(STARTED.plusSeconds(3725)),
                List.of(
                        stage("list-pvc-files", Map.of("Succeeded", 1L), 0, 9, List.of(9), 0),
                        stage("cmd-0", Map.of("Succeeded", 48L, "Failed", 2L), 9, 3609, tileDurations(), 2),
                        stage("cmd-1 \"hillshade\" <v2>", Map.of("Succeeded", 3L, "Omitted", 1L), 3610, 3610,
                                List.of(0, 0, 0), 0)),
                List.of(), List.of(
                        new LogExcerpt("cmd-0(12)", "arcticdem-mosaic-tile-hillshades-shell-q9w8e-cmd-0-3841",
                                List.of("+ gdaldem hillshade tile_012.tif out/tile_012.tif",
                                        "curl -H 'Authorization: Bearer " + TOKEN + "' https://example.org",
                                        "```not a fence end",
                                        "ERROR 4: tile_012.tif: No such file or directory"), Optional.empty()),
                        new LogExcerpt("cmd-0(31)", "arcticdem-mosaic-tile-hillshades-shell-q9w8e-cmd-0-1177",
                                List.of(), Optional.of("the pod was already deleted"))),
                Optional.of("cmd-0(12): Error (exit code 1)"),
                "The workflow failed: a step exited non-zero. Read its log below, fix the recipe and push again.");
    }

    public static RunReport pullRequest() {
        return new RunReport("nsidc/recipes", SHA, OptionalInt.of(42), "pull_request",
                Optional.of("https://github.com/nsidc/recipes/actions/runs/777"), UPDATED,
                List.of(failed(), invalid(), succeeded()), Optional.empty());
    }

    /** {@code done} as it was while its workflows ran: every recipe but an invalid one running. */
    public static RunReport running(RunReport done) {
        return new RunReport(done.repository(), done.headSha(), done.pullRequest(), done.trigger(),
                done.actionsRunUrl(), done.updatedAt(), done.recipes().stream()
                        .map(r -> r.state() == RecipeState.INVALID ? r : new RecipeReport(r.directory(), r.recipeId(),
                                RecipeState.RUNNING, r.workflowName(), r.argoUrl(), r.checkRunUrl(), r.progress(),
                                r.startedAt(), Optional.empty(), r.stages(), r.problems(), List.of(),
                                Optional.empty(), "running"))
                        .toList(), done.planMarkdown());
    }

    /**
     * A stage from {@code from} to {@code to} seconds after {@link #STARTED}, its pods taking {@code podSeconds},
     * {@code retries} of them retries.
     */
    public static StageSummary stage(String name, Map<String, Long> counts, int from, int to, List<Integer> podSeconds,
            int retries) {
        return new StageSummary(name, counts, Optional.of(STARTED.plusSeconds(from)),
                Optional.of(STARTED.plusSeconds(to)), podSeconds.stream().map(Duration::ofSeconds).toList(), retries);
    }

    /** The 50 tiles of the failed recipe's fan-out: 20s, 90s, ... 3450s (p50 1700s, p95 3310s). */
    private static List<Integer> tileDurations() {
        return IntStream.range(0, 50).map(i -> 20 + 70 * i).boxed().toList();
    }
}
