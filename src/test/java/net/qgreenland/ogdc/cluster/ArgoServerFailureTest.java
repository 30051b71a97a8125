package net.qgreenland.ogdc.cluster;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static net.qgreenland.ogdc.cluster.ArgoServerFixtures.NAME;
import static net.qgreenland.ogdc.cluster.ArgoServerFixtures.TOKEN;
import static net.qgreenland.ogdc.cluster.ArgoServerFixtures.WORKFLOWS;
import static net.qgreenland.ogdc.cluster.ArgoServerFixtures.settings;
import static net.qgreenland.ogdc.cluster.ArgoServerFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which failures are retried, how often, and what the final message says (never the token). */
class ArgoServerFailureTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String ONE = WORKFLOWS + "/" + NAME;

    final List<String> log = new CopyOnWriteArrayList<>();
    ArgoServerGateway gateway = ArgoServerGateway.connect(settings(server.baseUrl()), log::add);

    @AfterEach
    void noTokenInTheLog() {
        gateway.close();
        assertThat(String.join("\n", log)).doesNotContain(TOKEN);
    }

    /** Answers {@code first} to the first request of {@code url}, then the running workflow. */
    void firstThenOk(com.github.tomakehurst.wiremock.client.MappingBuilder first,
            com.github.tomakehurst.wiremock.client.MappingBuilder then) {
        server.stubFor(first.inScenario("flaky").whenScenarioStateIs(STARTED).willSetStateTo("recovered"));
        server.stubFor(then.inScenario("flaky").whenScenarioStateIs("recovered"));
    }

    ClusterException failure(Runnable call) {
        ClusterException e = catchThrowableOfType(ClusterException.class, call::run);
        assertThat(e).as("a ClusterException").isNotNull();
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(TOKEN);
        }
        return e;
    }

    @ParameterizedTest(name = "a GET answered {0} is retried")
    @ValueSource(ints = {500, 502, 503, 504, 429})
    void aGetAnsweredWithATransientStatusIsRetried(int status) {
        firstThenOk(get(urlEqualTo(ONE)).willReturn(aResponse().withStatus(status)),
                get(urlEqualTo(ONE)).willReturn(okJson(text("running.json"))));

        assertThat(gateway.findByName(NAME)).isPresent();

        server.verify(2, getRequestedFor(urlEqualTo(ONE)));
        assertThat(log).anySatisfy(line -> assertThat(line).startsWith("retrying reading Workflow '" + NAME
                + "' in namespace 'qgnet' of Argo Server " + server.baseUrl() + " (attempt 2 of 3) after " + status));
    }

    @Test
    void aResetConnectionIsRetried() {
        firstThenOk(put(urlEqualTo(ONE + "/stop")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)),
                put(urlEqualTo(ONE + "/stop")).willReturn(okJson(text("running.json"))));

        gateway.stop(NAME, "superseded");

        server.verify(2, putRequestedFor(urlEqualTo(ONE + "/stop")));
    }

    @Test
    void afterTheLastAttemptTheServerIsReportedUnavailable() {
        server.stubFor(get(urlEqualTo(ONE)).willReturn(aResponse().withStatus(503)
                .withBody("{\"code\":14,\"message\":\"the server is shutting down\"}")));

        ClusterException e = failure(() -> gateway.findByName(NAME));

        assertThat(e.reason()).isEqualTo(ClusterException.Reason.UNAVAILABLE);
        assertThat(e).hasMessage("reading Workflow '" + NAME + "' in namespace 'qgnet' of Argo Server "
                + server.baseUrl() + " failed after 3 attempts: 503 Service Unavailable: the server is shutting down. "
                + ClusterException.adviceFor(ClusterException.Reason.UNAVAILABLE));
        server.verify(3, getRequestedFor(urlEqualTo(ONE)));
    }

    @Test
    void aRefusedConnectionIsRetriedThenReportedUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        gateway = ArgoServerGateway.connect(settings("http://localhost:" + closedPort), log::add);

        ClusterException e = failure(() -> gateway.findByName(NAME));

        assertThat(e.reason()).isEqualTo(ClusterException.Reason.UNAVAILABLE);
        assertThat(e.getMessage()).contains("failed after 3 attempts: could not connect");
        assertThat(log).filteredOn(line -> line.startsWith("retrying ")).hasSize(2);
    }

    @Test
    void aCreateAnsweredWith500IsNotRetriedBecauseTheWorkflowMayExist() {
        server.stubFor(post(urlEqualTo(WORKFLOWS)).willReturn(aResponse().withStatus(500)
                .withBody("{\"code\":2,\"message\":\"etcdserver: request timed out\"}")));

        ClusterException e = failure(() -> gateway.submit(ArgoServerFixtures.submitWorkflow()));

        server.verify(1, postRequestedFor(urlEqualTo(WORKFLOWS)));
        assertThat(e.reason()).isEqualTo(ClusterException.Reason.UNAVAILABLE);
        assertThat(e.getMessage()).startsWith("submitting Workflow 'seal-tags-shell-' to namespace 'qgnet' of Argo"
                + " Server " + server.baseUrl() + " failed: 500 Internal Server Error: etcdserver: request timed out"
                + " (not retried: the server may have created the workflow; look for it by its labels)");
    }

    @Test
    void aCreateWhoseConnectionBrokeIsNotRetried() {
        server.stubFor(post(urlEqualTo(WORKFLOWS)).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

        ClusterException e = failure(() -> gateway.submit(ArgoServerFixtures.submitWorkflow()));

        server.verify(1, postRequestedFor(urlEqualTo(WORKFLOWS)));
        assertThat(e.reason()).isEqualTo(ClusterException.Reason.UNAVAILABLE);
        assertThat(e.getMessage()).contains("failed: the connection failed (").contains("(not retried: the server"
                + " may have created the workflow; look for it by its labels)");
    }

    @ParameterizedTest(name = "a create answered {0} is retried: the server surely did not create it")
    @ValueSource(ints = {429, 502, 503})
    void aCreateTurnedAwayIsRetried(int status) {
        firstThenOk(post(urlEqualTo(WORKFLOWS)).willReturn(aResponse().withStatus(status)),
                post(urlEqualTo(WORKFLOWS)).willReturn(okJson(text("created.json"))));

        assertThat(gateway.submit(ArgoServerFixtures.submitWorkflow()).name()).isEqualTo(NAME);

        server.verify(2, postRequestedFor(urlEqualTo(WORKFLOWS)));
    }

    @Test
    void forbiddenNamesOperationWorkflowNamespaceServerStatusTheServersReasonAndAdvice() {
        server.stubFor(post(urlEqualTo(WORKFLOWS)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withBody(text("forbidden.json"))));

        ClusterException e = failure(() -> gateway.submit(ArgoServerFixtures.submitWorkflow()));

        assertThat(e.reason()).isEqualTo(ClusterException.Reason.FORBIDDEN);
        assertThat(e).hasMessage("submitting Workflow 'seal-tags-shell-' to namespace 'qgnet' of Argo Server "
                + server.baseUrl() + " failed: 403 Forbidden: workflows.argoproj.io is forbidden: User"
                + " \"system:serviceaccount:qgnet:ogdc-runner\" cannot create resource \"workflows\" in API group"
                + " \"argoproj.io\" in the namespace \"qgnet\". "
                + ClusterException.adviceFor(ClusterException.Reason.FORBIDDEN));
        server.verify(1, postRequestedFor(urlEqualTo(WORKFLOWS)));
    }

    @Test
    void unauthorizedSaysToCheckTheTokenAndNeverShowsItEvenWhenTheServerEchoesIt() {
        server.stubFor(get(urlEqualTo(ONE)).willReturn(aResponse().withStatus(401).withBody(
                "{\"code\":16,\"message\":\"token not valid: Bearer " + TOKEN + " has expired\"}")));

        ClusterException e = failure(() -> gateway.findByName(NAME));

        assertThat(e.reason()).isEqualTo(ClusterException.Reason.UNAUTHORIZED);
        assertThat(e.getMessage())
                .contains("reading Workflow '" + NAME + "'", "namespace 'qgnet'", server.baseUrl(),
                        "401 Unauthorized: token not valid: Bearer *** has expired",
                        ClusterException.adviceFor(ClusterException.Reason.UNAUTHORIZED))
                .doesNotContain(TOKEN);
        server.verify(1, getRequestedFor(urlEqualTo(ONE)));
    }

    @ParameterizedTest(name = "{0} is final: {1}")
    @CsvSource({"400, REJECTED", "422, REJECTED", "409, CONFLICT", "404, NOT_FOUND"})
    void clientErrorsAreFinal(int status, ClusterException.Reason reason) {
        server.stubFor(put(urlEqualTo(ONE + "/terminate")).willReturn(aResponse().withStatus(status)
                .withBody("{\"code\":3,\"message\":\"cannot terminate\"}")));

        ClusterException e = failure(() -> gateway.terminate(NAME));

        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e.getMessage()).startsWith("terminating Workflow '" + NAME + "' in namespace 'qgnet' of Argo"
                + " Server " + server.baseUrl() + " failed: " + status + " ").contains(": cannot terminate");
        server.verify(1, putRequestedFor(urlEqualTo(ONE + "/terminate")));
    }

    @Test
    void aPlainTextErrorBodyIsQuotedAndAnHtmlPageIsNot() {
        server.stubFor(put(urlEqualTo(ONE + "/stop")).willReturn(aResponse().withStatus(404)
                .withBody("404 page not found")));
        server.stubFor(get(urlEqualTo(ONE)).willReturn(aResponse().withStatus(403)
                .withBody("<html><body><h1>403 Forbidden</h1>\n</body></html>")));

        assertThat(failure(() -> gateway.stop(NAME, "x")).getMessage())
                .contains("failed: 404 Not Found: 404 page not found. ");
        assertThat(failure(() -> gateway.findByName(NAME)).getMessage()).contains("failed: 403 Forbidden. ")
                .doesNotContain("<html>");
    }

    @Test
    void aServerThatDoesNotAnswerInTimeIsATimeout() {
        gateway = ArgoServerGateway.connect(settings(server.baseUrl()).withTiming(Duration.ofMillis(150),
                ArgoServerFixtures.QUICK_RETRY, Duration.ofMillis(20), Duration.ofMillis(10)), log::add);
        server.stubFor(get(urlEqualTo(ONE)).willReturn(okJson(text("running.json")).withFixedDelay(1_500)));

        ClusterException e = failure(() -> gateway.findByName(NAME));

        assertThat(e.reason()).isEqualTo(ClusterException.Reason.TIMEOUT);
        assertThat(e.getMessage()).contains("failed after 3 attempts: no answer within 150ms (the request timeout)",
                ClusterException.adviceFor(ClusterException.Reason.TIMEOUT));
        server.verify(3, getRequestedFor(urlEqualTo(ONE)));
    }

    @Test
    void aCreateThatTimesOutIsNotRepeated() {
        gateway = ArgoServerGateway.connect(settings(server.baseUrl()).withTiming(Duration.ofMillis(150),
                ArgoServerFixtures.QUICK_RETRY, Duration.ofMillis(20), Duration.ofMillis(10)), log::add);
        server.stubFor(post(urlEqualTo(WORKFLOWS)).willReturn(okJson(text("created.json")).withFixedDelay(1_500)));

        ClusterException e = failure(() -> gateway.submit(ArgoServerFixtures.submitWorkflow()));

        assertThat(e.reason()).isEqualTo(ClusterException.Reason.TIMEOUT);
        assertThat(e.getMessage()).contains("failed: no answer within 150ms (the request timeout) (not retried");
        server.verify(1, postRequestedFor(urlEqualTo(WORKFLOWS)));
    }
}
