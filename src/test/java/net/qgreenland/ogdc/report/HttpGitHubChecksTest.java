package net.qgreenland.ogdc.report;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import net.qgreenland.ogdc.report.GitHubChecks.Publication;
import org.junit.jupiter.api.Test;

/** Check runs through the REST API against a WireMock GitHub: create, find again, update, annotations, faults. */
class HttpGitHubChecksTest extends GitHubWireMockTest {

    static final String SHA = "2222222222222222222222222222222222222222";
    static final String NAME = "recipes/seal-tags";
    static final String EXTERNAL_ID = NAME + "@" + SHA;
    static final String RUNS = "/repos/o/r/check-runs";
    static final String LIST = "/repos/o/r/commits/" + SHA + "/check-runs";
    static final String DETAILS = "https://argo.example.org/workflows/qgnet/seal-tags-shell-x7k2p";

    static CheckRunUpdate update(CheckStatus status, List<CheckAnnotation> annotations) {
        Optional<CheckConclusion> conclusion =
                status == CheckStatus.COMPLETED ? Optional.of(CheckConclusion.SUCCESS) : Optional.empty();
        Optional<Instant> completedAt = conclusion.map(c -> NOW.plusSeconds(90));
        return new CheckRunUpdate(NAME, SHA, EXTERNAL_ID, status, conclusion, Optional.of(DETAILS),
                Optional.of(NOW.plusMillis(250)), completedAt, "seal-tags: " + status.apiName(), "**summary**",
                Optional.of("text"), annotations);
    }

    static List<CheckAnnotation> annotations(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(line -> new CheckAnnotation("recipes/seal-tags/meta.yml", line,
                line, OptionalInt.of(1), OptionalInt.of(4), CheckAnnotation.Level.WARNING, "", "line " + line))
                .toList();
    }

    static String runList(String... idsAndExternalIds) {
        StringBuilder runs = new StringBuilder();
        for (int i = 0; i < idsAndExternalIds.length; i += 2) {
            runs.append(runs.length() == 0 ? "" : ",").append("{\"id\":").append(idsAndExternalIds[i])
                    .append(",\"name\":\"").append(NAME).append("\",\"head_sha\":\"").append(SHA)
                    .append("\",\"external_id\":\"").append(idsAndExternalIds[i + 1]).append("\",\"status\":\"completed\"}");
        }
        return "{\"total_count\":" + idsAndExternalIds.length / 2 + ",\"check_runs\":[" + runs + "]}";
    }

    void noRunYet(String prefix) {
        github.stubFor(get(urlPathEqualTo(prefix + LIST)).withQueryParam("filter", equalTo("all"))
                .withQueryParam("per_page", equalTo("100"))
                .willReturn(okJson(runList()).withHeaders(recordedHeaders())));
    }

    void writesSucceed(String prefix) {
        github.stubFor(post(urlPathEqualTo(prefix + RUNS)).willReturn(created()));
        github.stubFor(patch(urlPathEqualTo(prefix + RUNS + "/42")).willReturn(okJson("{\"id\":42}")));
    }

    static ResponseDefinitionBuilder created() {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"id\":42,\"name\":\"" + NAME + "\",\"external_id\":\"" + EXTERNAL_ID + "\"}");
    }

    static ResponseDefinitionBuilder error(int status, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"" + message + "\",\"documentation_url\":\"https://docs.github.com/rest\"}");
    }

    @Test
    void aCheckRunIsCreatedThenUpdatedThenCompletedWithOneLookup() {
        noRunYet("");
        writesSucceed("");
        GitHubChecks checks = checks(github.baseUrl());

        assertThat(checks.publish(update(CheckStatus.QUEUED, List.of()))).isEqualTo(Publication.PUBLISHED);
        assertThat(checks.publish(update(CheckStatus.IN_PROGRESS, List.of()))).isEqualTo(Publication.PUBLISHED);
        assertThat(checks.publish(update(CheckStatus.COMPLETED, List.of()))).isEqualTo(Publication.PUBLISHED);

        github.verify(1, getRequestedFor(urlPathEqualTo(LIST)));
        github.verify(1, postRequestedFor(urlPathEqualTo(RUNS)).withHeader("Authorization", equalTo("Bearer " + TOKEN)));
        github.verify(2, patchRequestedFor(urlPathEqualTo(RUNS + "/42")));
        assertThat(github.getAllServeEvents()).hasSize(4);
        JsonNode create = body(github.findAll(postRequestedFor(urlPathEqualTo(RUNS))).get(0));
        assertThat(create.get("head_sha").asText()).isEqualTo(SHA);
        assertThat(create.get("external_id").asText()).isEqualTo(EXTERNAL_ID);
        assertThat(create.get("details_url").asText()).isEqualTo(DETAILS);
        assertThat(create.get("status").asText()).isEqualTo("queued");
        assertThat(create.get("started_at").asText()).isEqualTo("2025-06-01T12:00:00Z");
        assertThat(create.has("conclusion")).isFalse();
        JsonNode complete = body(github.findAll(patchRequestedFor(urlPathEqualTo(RUNS + "/42"))).get(1));
        assertThat(complete.get("status").asText()).isEqualTo("completed");
        assertThat(complete.get("conclusion").asText()).isEqualTo("success");
        assertThat(complete.get("completed_at").asText()).isEqualTo("2025-06-01T12:01:30Z");
        assertThat(complete.at("/output/title").asText()).isEqualTo("seal-tags: completed");
        assertThat(logs).isEmpty();
    }

    @Test
    void aReRunFindsItsCheckRunByExternalIdOnTheSecondPageAndUpdatesIt() {
        String page2 = "/repositories/1000/commits/" + SHA + "/check-runs";
        github.stubFor(get(urlPathEqualTo(LIST)).willReturn(okJson(runList("7", "recipes/other@" + SHA))
                .withHeaders(recordedHeaders())
                .withHeader("Link", "<" + github.baseUrl() + page2 + "?filter=all&page=2>; rel=\"next\", <"
                        + github.baseUrl() + page2 + "?filter=all&page=2>; rel=\"last\"")));
        github.stubFor(get(urlPathEqualTo(page2)).willReturn(okJson(runList("41", "recipes/seal-tags@old", "42",
                EXTERNAL_ID))));
        writesSucceed("");

        Publication result = checks(github.baseUrl()).publish(update(CheckStatus.IN_PROGRESS, List.of()));

        assertThat(result).isEqualTo(Publication.PUBLISHED);
        github.verify(1, getRequestedFor(urlPathEqualTo(LIST)));
        github.verify(1, getRequestedFor(urlPathEqualTo(page2)));
        github.verify(0, postRequestedFor(urlPathEqualTo(RUNS)));
        github.verify(1, patchRequestedFor(urlPathEqualTo(RUNS + "/42")));
    }

    @Test
    void aHundredAndTwentyAnnotationsGoOutFiftyFiftyTwentyAndAreNotSentAgain() {
        noRunYet("");
        writesSucceed("");
        GitHubChecks checks = checks(github.baseUrl());

        checks.publish(update(CheckStatus.IN_PROGRESS, annotations(120)));
        checks.publish(update(CheckStatus.COMPLETED, annotations(120)));

        github.verify(1, postRequestedFor(urlPathEqualTo(RUNS)));
        github.verify(3, patchRequestedFor(urlPathEqualTo(RUNS + "/42")));
        List<JsonNode> patches = github.findAll(patchRequestedFor(urlPathEqualTo(RUNS + "/42"))).stream()
                .map(GitHubWireMockTest::body).toList();
        JsonNode create = body(github.findAll(postRequestedFor(urlPathEqualTo(RUNS))).get(0));
        assertThat(create.at("/output/annotations")).hasSize(50);
        assertThat(create.at("/output/annotations/0/message").asText()).isEqualTo("line 1");
        assertThat(patches.get(0).at("/output/annotations")).hasSize(50);
        assertThat(patches.get(0).at("/output/annotations/0/message").asText()).isEqualTo("line 51");
        assertThat(patches.get(0).at("/output/summary").asText()).isEqualTo("**summary**");
        assertThat(patches.get(1).at("/output/annotations")).hasSize(20);
        assertThat(patches.get(2).at("/output").has("annotations")).isFalse();
        assertThat(patches.get(2).get("conclusion").asText()).isEqualTo("success");
    }

    @Test
    void aBadGatewayIsRetriedOnce() {
        noRunYet("");
        github.stubFor(post(urlPathEqualTo(RUNS)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(502).withBody("<html>Bad Gateway</html>"))
                .willSetStateTo("recovered"));
        github.stubFor(post(urlPathEqualTo(RUNS)).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(created()));

        assertThat(checks(github.baseUrl()).publish(update(CheckStatus.QUEUED, List.of())))
                .isEqualTo(Publication.PUBLISHED);

        github.verify(2, postRequestedFor(urlPathEqualTo(RUNS)));
        assertThat(sleeps).containsExactly(Duration.ofSeconds(1));
        assertThat(logs).singleElement().asString().contains("502", "retrying in 1 s");
    }

    @Test
    void aResetConnectionIsRetried() {
        noRunYet("");
        github.stubFor(post(urlPathEqualTo(RUNS)).inScenario("reset").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("recovered"));
        github.stubFor(post(urlPathEqualTo(RUNS)).inScenario("reset").whenScenarioStateIs("recovered")
                .willReturn(created()));

        assertThat(checks(github.baseUrl()).publish(update(CheckStatus.QUEUED, List.of())))
                .isEqualTo(Publication.PUBLISHED);

        github.verify(2, postRequestedFor(urlPathEqualTo(RUNS)));
    }

    @Test
    void aServerThatStaysDownFailsAfterThreeRetriesWithGrowingWaits() {
        noRunYet("");
        github.stubFor(post(urlPathEqualTo(RUNS)).willReturn(error(503, "Service Unavailable")));

        assertThat(checks(github.baseUrl()).publish(update(CheckStatus.QUEUED, List.of())))
                .isEqualTo(Publication.FAILED);

        github.verify(4, postRequestedFor(urlPathEqualTo(RUNS)));
        assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(logs.get(logs.size() - 1)).startsWith("warning: publishing check run 'recipes/seal-tags'")
                .contains("503: Service Unavailable");
    }

    @Test
    void aSecondaryRateLimitIsWaitedOutAsGitHubSays() {
        noRunYet("");
        github.stubFor(post(urlPathEqualTo(RUNS)).inScenario("limited").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(error(403, "You have exceeded a secondary rate limit. Please wait a few minutes before you"
                        + " try again.").withHeader("Retry-After", "7").withHeader("x-ratelimit-remaining", "4990"))
                .willSetStateTo("waited"));
        github.stubFor(post(urlPathEqualTo(RUNS)).inScenario("limited").whenScenarioStateIs("waited")
                .willReturn(created()));

        assertThat(checks(github.baseUrl()).publish(update(CheckStatus.QUEUED, List.of())))
                .isEqualTo(Publication.PUBLISHED);

        assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
        github.verify(2, postRequestedFor(urlPathEqualTo(RUNS)));
    }

    @Test
    void anExhaustedPrimaryLimitWaitsUntilTheReset() {
        noRunYet("");
        github.stubFor(post(urlPathEqualTo(RUNS)).inScenario("primary").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(error(403, "API rate limit exceeded for installation ID 1.")
                        .withHeader("x-ratelimit-remaining", "0")
                        .withHeader("x-ratelimit-reset", String.valueOf(NOW.plusSeconds(30).getEpochSecond())))
                .willSetStateTo("reset"));
        github.stubFor(post(urlPathEqualTo(RUNS)).inScenario("primary").whenScenarioStateIs("reset")
                .willReturn(created()));

        assertThat(checks(github.baseUrl()).publish(update(CheckStatus.QUEUED, List.of())))
                .isEqualTo(Publication.PUBLISHED);

        assertThat(sleeps).containsExactly(Duration.ofSeconds(31));
    }

    @Test
    void aSecondaryLimitWithoutAWaitBacksOffFromAMinuteUntilTheBudgetIsSpent() {
        noRunYet("");
        github.stubFor(post(urlPathEqualTo(RUNS)).willReturn(error(403, "You have exceeded a secondary rate limit")));

        assertThat(checks(github.baseUrl()).publish(update(CheckStatus.QUEUED, List.of())))
                .isEqualTo(Publication.FAILED);

        // 60 s + 120 s fit in five minutes; the next 240 s would not, so the third retry is not made
        assertThat(sleeps).containsExactly(Duration.ofSeconds(60), Duration.ofSeconds(120));
        github.verify(3, postRequestedFor(urlPathEqualTo(RUNS)));
        assertThat(logs).anyMatch(line -> line.startsWith("warning:") && line.contains("is given up"));
    }

    @Test
    void aForkTokenIsRefusedOnceAndNothingIsAskedAgain() {
        noRunYet("");
        github.stubFor(post(urlPathEqualTo(RUNS)).willReturn(error(403, "Resource not accessible by integration")));
        GitHubChecks checks = checks(github.baseUrl());

        assertThat(checks.publish(update(CheckStatus.QUEUED, List.of()))).isEqualTo(Publication.REFUSED);
        assertThat(checks.publish(update(CheckStatus.COMPLETED, List.of()))).isEqualTo(Publication.REFUSED);
        assertThat(checks.upsertComment(5, "<!-- m -->", "<!-- m -->hi")).isEqualTo(Publication.REFUSED);

        assertThat(github.getAllServeEvents()).hasSize(2);
        github.verify(1, postRequestedFor(urlPathEqualTo(RUNS)));
        assertThat(sleeps).isEmpty();
        assertThat(logs).singleElement().asString().startsWith("warning:")
                .contains("Resource not accessible by integration", "job summary and annotations");
    }

    @Test
    void anUnprocessableUpdateFailsWithGitHubsMessageAndNoTokenInTheLog() {
        noRunYet("");
        github.stubFor(post(urlPathEqualTo(RUNS)).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":\"CheckRun\",\"code\":\"invalid\","
                        + "\"field\":\"head_sha\"}],\"echo\":\"" + TOKEN + "\"}")));
        github.stubFor(patch(urlPathEqualTo(RUNS + "/42")).willReturn(okJson("{}")));

        Publication result = checks(github.baseUrl()).publish(update(CheckStatus.QUEUED, List.of()));

        assertThat(result).isEqualTo(Publication.FAILED);
        github.verify(1, postRequestedFor(urlPathEqualTo(RUNS)));
        assertThat(sleeps).isEmpty();
        assertThat(logs).singleElement().asString()
                .contains("POST /repos/o/r/check-runs answered 422: Validation Failed (head_sha: invalid)");
    }

    @Test
    void aMessageCarryingTheTokenIsLoggedMasked() {
        noRunYet("");
        github.stubFor(post(urlPathEqualTo(RUNS)).willReturn(error(401, "Bad credentials: " + TOKEN)));

        assertThat(checks(github.baseUrl()).publish(update(CheckStatus.QUEUED, List.of())))
                .isEqualTo(Publication.FAILED);

        assertThat(logs).singleElement().asString().contains("401: Bad credentials: ***");
    }

    @Test
    void gitHubEnterpriseServerIsReachedUnderItsApiPath() {
        noRunYet("/api/v3");
        writesSucceed("/api/v3");
        GitHubChecks checks = checks(github.baseUrl() + "/api/v3/");

        assertThat(checks.publish(update(CheckStatus.QUEUED, List.of()))).isEqualTo(Publication.PUBLISHED);
        assertThat(checks.publish(update(CheckStatus.COMPLETED, List.of()))).isEqualTo(Publication.PUBLISHED);

        github.verify(1, getRequestedFor(urlPathEqualTo("/api/v3" + LIST)));
        github.verify(1, postRequestedFor(urlPathEqualTo("/api/v3" + RUNS)));
        github.verify(1, patchRequestedFor(urlPathEqualTo("/api/v3" + RUNS + "/42")));
        assertThat(github.getAllServeEvents()).hasSize(3);
    }

    @Test
    void throttledInProgressUpdatesCoalesceButTheCompletedOneIsSent() {
        noRunYet("");
        writesSucceed("");
        FakeClock clock = new FakeClock(NOW);
        GitHubChecks checks = new ThrottledGitHubChecks(checks(github.baseUrl()), Duration.ofSeconds(30),
                Duration.ofSeconds(5), clock, ThrottledGitHubChecks.Timer.NONE);

        checks.publish(update(CheckStatus.QUEUED, List.of()));
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(1));
            checks.publish(update(CheckStatus.IN_PROGRESS, List.of()));
        }
        checks.publish(update(CheckStatus.COMPLETED, List.of()));

        // the first in-progress update (within the queued grace) creates the check run in progress, the completed
        // one updates it; the queued state was never sent and four in-progress updates were dropped
        github.verify(1, postRequestedFor(urlPathEqualTo(RUNS)).withRequestBody(
                matchingJsonPath("$.status", equalTo("in_progress"))));
        github.verify(1, patchRequestedFor(urlPathEqualTo(RUNS + "/42")).withRequestBody(
                matchingJsonPath("$.status", equalTo("completed"))));
        github.verify(2, anyRequestedFor(urlPathMatching(RUNS + ".*")));
    }
}
