package net.qgreenland.ogdc.report;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import net.qgreenland.ogdc.action.WorkflowCommands;
import net.qgreenland.ogdc.report.render.CheckRunSummaryRenderer;
import net.qgreenland.ogdc.report.render.PullRequestCommentRenderer;
import net.qgreenland.ogdc.report.render.ReportFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole run reported: the three-recipe pull request (one invalid, one succeeded, one failed) makes exactly the
 * expected GitHub calls, every body valid by GitHub's schemas, and writes the summary, outputs and annotations.
 */
class RunReporterTest extends GitHubWireMockTest {

    static final String SHA = ReportFixtures.SHA;
    static final String LIST = "/repos/o/r/commits/" + SHA + "/check-runs";
    static final String RUNS = "/repos/o/r/check-runs";
    static final String COMMENTS = "/repos/o/r/issues/42/comments";

    @TempDir
    Path step;

    final StringWriter stdout = new StringWriter();

    @Test
    void aThreeRecipePullRequestMakesTwoCallsPerRecipeAndTwoForTheComment() throws Exception {
        githubWithoutCheckRunsOrComment();

        boolean delivered = reporter(Optional.of(checks(github.baseUrl()))).finish(ReportFixtures.pullRequest());

        assertThat(delivered).isTrue();
        github.verify(1, getRequestedFor(urlPathEqualTo(LIST)));
        github.verify(3, postRequestedFor(urlPathEqualTo(RUNS)));
        github.verify(1, getRequestedFor(urlPathEqualTo(COMMENTS)));
        github.verify(1, postRequestedFor(urlPathEqualTo(COMMENTS)));
        github.verify(6, anyRequestedFor(anyUrl()));
        Map<String, JsonNode> created = github.findAll(postRequestedFor(urlPathEqualTo(RUNS))).stream()
                .map(GitHubWireMockTest::body).collect(Collectors.toMap(b -> b.path("name").asText(), b -> b));
        assertThat(created.get("recipes/broken").path("conclusion").asText()).isEqualTo("failure");
        assertThat(created.get("recipes/broken").path("output").path("annotations")).hasSize(3);
        assertThat(created.get("recipes/seal-tags").path("conclusion").asText()).isEqualTo("success");
        assertThat(created.get("recipes/arcticdem-tile-hillshades").path("conclusion").asText()).isEqualTo("failure");
        assertThat(created.get("recipes/arcticdem-tile-hillshades").path("external_id").asText())
                .isEqualTo("recipes/arcticdem-tile-hillshades@" + SHA);
        String comment = body(github.findAll(postRequestedFor(urlPathEqualTo(COMMENTS))).get(0)).path("body").asText();
        assertThat(comment).contains(PullRequestCommentRenderer.MARKER).doesNotContain(ReportFixtures.TOKEN);
        assertThat(created.values().toString()).doesNotContain(ReportFixtures.TOKEN);

        assertThat(Files.readString(step.resolve("summary.md"))).contains("recipes/seal-tags", "recipes/broken");
        String outputs = Files.readString(step.resolve("output"));
        assertThat(outputs).contains("result<<", "\nfailure\n", "\"workflow\":\"seal-tags-shell-x7k2p\"",
                "\"recipes/seal-tags\":\"seal-tags-shell-x7k2p\"");
        assertThat(stdout.toString()).contains("::error file=recipes/broken/meta.yml,line=1,col=1,")
                .doesNotContain("::error title=");
    }

    @Test
    void updatesWhileRunningThenTheFinalStateCostAboutTwoCallsPerRecipe() {
        githubWithoutCheckRunsOrComment();
        commentSevenCanBeEdited();
        RunReporter reporter = reporter(Optional.of(checks(github.baseUrl())));
        RunReport running = ReportFixtures.running(ReportFixtures.pullRequest());

        reporter.update(running);
        reporter.finish(ReportFixtures.pullRequest());

        github.verify(1, getRequestedFor(urlPathEqualTo(LIST)));
        github.verify(3, postRequestedFor(urlPathEqualTo(RUNS)));
        github.verify(2, patchRequestedFor(urlPathMatching(RUNS + "/\\d+")));
        github.verify(1, patchRequestedFor(urlPathEqualTo("/repos/o/r/issues/comments/7")));
        github.verify(9, anyRequestedFor(anyUrl()));
    }

    @Test
    void aRunningRecipesUpdateIsNotSentAgainOnlyBecauseTimePassedButIsWhenItsProgressChanges() {
        githubWithoutCheckRunsOrComment();
        commentSevenCanBeEdited();
        RunReporter reporter = reporter(Optional.of(checks(github.baseUrl())));
        RunReport started = withRunningStage(ReportFixtures.running(ReportFixtures.pullRequest()), "1/4");
        reporter.update(started);
        int requests = github.getAllServeEvents().size();
        // the running stage's timeline bar ends "now": the rendered body differs, the news does not
        assertThat(CheckRunSummaryRenderer.render(started.recipes().get(2), started.at(started.updatedAt()
                .plusSeconds(60)), List.of())).isNotEqualTo(CheckRunSummaryRenderer.render(started.recipes().get(2),
                started, List.of()));

        reporter.update(started.at(started.updatedAt().plusSeconds(60)));
        assertThat(github.getAllServeEvents()).hasSize(requests);

        reporter.update(withRunningStage(started, "2/4").at(started.updatedAt().plusSeconds(90)));
        github.verify(1, patchRequestedFor(urlPathMatching(RUNS + "/\\d+")));
    }

    /** {@code run} with its last recipe running one stage, {@code progress} pods done. */
    private static RunReport withRunningStage(RunReport run, String progress) {
        List<RecipeReport> recipes = new java.util.ArrayList<>(run.recipes());
        RecipeReport last = recipes.get(recipes.size() - 1);
        StageSummary stage = new StageSummary("cmd-0", Map.of("Running", 3L, "Succeeded", 1L),
                Optional.of(run.updatedAt().minusSeconds(120)), Optional.empty(), List.of(), 0);
        recipes.set(recipes.size() - 1, new RecipeReport(last.directory(), last.recipeId(), last.state(),
                last.workflowName(), last.argoUrl(), last.checkRunUrl(), Optional.of(progress), last.startedAt(),
                last.finishedAt(), List.of(stage), last.problems(), last.logs(), last.reason(), last.detail()));
        return new RunReport(run.repository(), run.headSha(), run.pullRequest(), run.trigger(), run.actionsRunUrl(),
                run.updatedAt(), recipes, run.planMarkdown());
    }

    @Test
    void theCommentIsWrittenWhenTheRunStartsAndWithTheFinalReportNotOnEveryPhaseChange() {
        githubWithoutCheckRunsOrComment();
        commentSevenCanBeEdited();
        RunReporter reporter = reporter(Optional.of(checks(github.baseUrl())));
        RunReport running = ReportFixtures.running(ReportFixtures.pullRequest());

        reporter.update(running);
        reporter.update(ReportFixtures.pullRequest());
        reporter.update(running);
        reporter.finish(ReportFixtures.pullRequest());

        github.verify(1, postRequestedFor(urlPathEqualTo(COMMENTS)));
        github.verify(1, patchRequestedFor(urlPathEqualTo("/repos/o/r/issues/comments/7")));
    }

    @Test
    void aProgressUpdateThatComesAfterTheFinalReportSendsNothing() {
        githubWithoutCheckRunsOrComment();
        RunReporter reporter = reporter(Optional.of(checks(github.baseUrl())));
        reporter.finish(ReportFixtures.pullRequest());
        int requests = github.getAllServeEvents().size();

        reporter.update(ReportFixtures.running(ReportFixtures.pullRequest()));

        assertThat(github.getAllServeEvents()).hasSize(requests);
    }

    @Test
    void aForksReadOnlyTokenDegradesToTheSummaryAndAnnotationsWithoutFailing() throws Exception {
        github.stubFor(get(urlPathEqualTo(LIST)).willReturn(okJson("{\"total_count\":0,\"check_runs\":[]}")));
        github.stubFor(post(urlPathEqualTo(RUNS)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"Resource not accessible by integration\"}")));
        RunReporter reporter = reporter(Optional.of(checks(github.baseUrl())));

        boolean delivered = reporter.finish(ReportFixtures.pullRequest());

        assertThat(delivered).isFalse();
        github.verify(2, anyRequestedFor(anyUrl()));
        assertThat(stdout.toString())
                .contains("::error file=recipes/broken/meta.yml,line=1,col=1,")
                .contains("::error title=recipes/arcticdem-tile-hillshades%3A failed::");
        assertThat(Files.readString(step.resolve("summary.md"))).contains("recipes/arcticdem-tile-hillshades");
        assertThat(logs).anyMatch(line -> line.contains("job summary and these annotations hold the report"));
    }

    @Test
    void withoutATokenOnlyTheStepIsWritten() throws Exception {
        boolean delivered = reporter(Optional.empty()).finish(ReportFixtures.pullRequest());

        assertThat(delivered).isFalse();
        github.verify(0, anyRequestedFor(anyUrl()));
        assertThat(step.resolve("summary.md")).exists();
        assertThat(Files.readString(step.resolve("output"))).contains("result<<");
    }

    /** A GitHub where the commit has no check runs and the pull request no comment yet, and writes succeed. */
    private static void commentSevenCanBeEdited() {
        github.stubFor(patch(urlPathEqualTo("/repos/o/r/issues/comments/7")).willReturn(okJson(
                "{\"id\":7,\"user\":{\"login\":\"github-actions[bot]\",\"type\":\"Bot\"}}")));
    }

    private static void githubWithoutCheckRunsOrComment() {
        github.stubFor(get(urlPathEqualTo(LIST)).willReturn(okJson("{\"total_count\":0,\"check_runs\":[]}")));
        github.stubFor(post(urlPathEqualTo(RUNS)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":42}")));
        github.stubFor(patch(urlPathMatching(RUNS + "/\\d+")).willReturn(okJson("{\"id\":42}")));
        github.stubFor(get(urlPathEqualTo(COMMENTS)).willReturn(okJson("[]")));
        github.stubFor(post(urlPathEqualTo(COMMENTS)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":7,\"user\":{\"login\":\"github-actions[bot]\",\"type\":\"Bot\"}}")));
    }

    private RunReporter reporter(Optional<GitHubChecks> checks) {
        WorkflowCommands commands = new WorkflowCommands(new PrintWriter(stdout), Optional.of(step.resolve("output")),
                Optional.of(step.resolve("summary.md")));
        return new RunReporter(checks, commands, List.of(ReportFixtures.TOKEN), Optional.of(PullRequestCommentRenderer.MARKER),
                logs::add);
    }
}
