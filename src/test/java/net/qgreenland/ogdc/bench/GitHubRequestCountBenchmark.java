package net.qgreenland.ogdc.bench;

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
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import net.qgreenland.ogdc.action.WorkflowCommands;
import net.qgreenland.ogdc.report.HttpGitHubChecks;
import net.qgreenland.ogdc.report.RecipeReport;
import net.qgreenland.ogdc.report.RunReport;
import net.qgreenland.ogdc.report.RunReporter;
import net.qgreenland.ogdc.report.render.PullRequestCommentRenderer;
import net.qgreenland.ogdc.report.render.ReportFixtures;

/**
 * How many GitHub requests reporting a pull request's run costs, and how it grows with the number of recipes: each
 * run is reported once while its workflows run and once at the end (check runs and the sticky comment), against a
 * WireMock GitHub that starts with no check runs and no comment. Counts, not timings.
 *
 * <pre>
 * ./mvnw -B -o -q test-compile
 * ./mvnw -B -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
 * java -cp target/classes:target/test-classes:$(cat target/test-classpath.txt) \
 *     net.qgreenland.ogdc.bench.GitHubRequestCountBenchmark
 * </pre>
 */
public final class GitHubRequestCountBenchmark {

    private GitHubRequestCountBenchmark() {}

    public static void main(String[] args) {
        WireMockServer github = new WireMockServer(wireMockConfig().dynamicPort());
        github.start();
        try {
            List<String> rows = new ArrayList<>();
            rows.add(row("the three-recipe PR (1 invalid, 1 succeeded, 1 failed)", github,
                    ReportFixtures.pullRequest()));
            for (int recipes : new int[] {1, 10, 30, 100, 250}) {
                rows.add(row(recipes + " recipes, all run", github, run(recipes)));
            }
            System.out.println("GitHub requests per reported run: one update while running, one at the end; "
                    + "check runs listed once per commit (100 per page); unchanged check runs and comments not sent");
            System.out.println();
            System.out.println("| run | recipes | list check runs | create | update | comment (list, create, edit) "
                    + "| total | per recipe |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
            rows.forEach(System.out::println);
        } finally {
            github.stop();
        }
    }

    private static String row(String name, WireMockServer github, RunReport finished) {
        github.resetAll();
        String sha = finished.headSha();
        String list = "/repos/o/r/commits/" + sha + "/check-runs";
        github.stubFor(get(urlPathEqualTo(list)).willReturn(okJson("{\"total_count\":0,\"check_runs\":[]}")));
        github.stubFor(post(urlPathEqualTo("/repos/o/r/check-runs")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":42}")));
        github.stubFor(patch(urlPathMatching("/repos/o/r/check-runs/\\d+")).willReturn(okJson("{\"id\":42}")));
        String comments = "/repos/o/r/issues/42/comments";
        String bot = "{\"id\":7,\"user\":{\"login\":\"github-actions[bot]\",\"type\":\"Bot\"}}";
        github.stubFor(get(urlPathEqualTo(comments)).willReturn(okJson("[]")));
        github.stubFor(post(urlPathEqualTo(comments)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(bot)));
        github.stubFor(patch(urlPathEqualTo("/repos/o/r/issues/comments/7")).willReturn(okJson(bot)));

        List<String> log = new ArrayList<>();
        RunReporter reporter = new RunReporter(
                Optional.of(HttpGitHubChecks.connect(github.baseUrl(), "o/r", "token", log::add)),
                new WorkflowCommands(new PrintWriter(new StringWriter()), Optional.empty(), Optional.empty()),
                List.of(), Optional.of(PullRequestCommentRenderer.MARKER), log::add);
        reporter.update(ReportFixtures.running(finished));
        reporter.finish(finished);

        int listing = github.findAll(getRequestedFor(urlPathEqualTo(list))).size();
        int created = github.findAll(postRequestedFor(urlPathEqualTo("/repos/o/r/check-runs"))).size();
        int updated = github.findAll(patchRequestedFor(urlPathMatching("/repos/o/r/check-runs/\\d+"))).size();
        int comment = github.findAll(getRequestedFor(urlPathEqualTo(comments))).size()
                + github.findAll(postRequestedFor(urlPathEqualTo(comments))).size()
                + github.findAll(patchRequestedFor(urlPathEqualTo("/repos/o/r/issues/comments/7"))).size();
        int total = github.findAll(anyRequestedFor(anyUrl())).size();
        int recipes = finished.recipes().size();
        return String.format("| %s | %d | %d | %d | %d | %d | %d | %.2f |", name, recipes, listing, created, updated,
                comment, total, total / (double) recipes);
    }

    private static RunReport run(int count) {
        RunReport template = ReportFixtures.pullRequest();
        RecipeReport succeeded = ReportFixtures.succeeded();
        List<RecipeReport> recipes = IntStream.range(0, count).mapToObj(i -> new RecipeReport(
                "recipes/r" + i, succeeded.recipeId(), succeeded.state(), succeeded.workflowName(),
                succeeded.argoUrl(), Optional.empty(), succeeded.progress(), succeeded.startedAt(),
                succeeded.finishedAt(), succeeded.stages(), List.of(), List.of(), Optional.empty(),
                succeeded.detail())).toList();
        return new RunReport(template.repository(), template.headSha(), template.pullRequest(), template.trigger(),
                template.actionsRunUrl(), template.updatedAt(), recipes, Optional.empty());
    }
}
