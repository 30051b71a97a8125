package net.qgreenland.ogdc.cluster;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static net.qgreenland.ogdc.cluster.ArgoServerFixtures.EVENTS;
import static net.qgreenland.ogdc.cluster.ArgoServerFixtures.TOKEN;
import static net.qgreenland.ogdc.cluster.ArgoServerFixtures.WORKFLOWS;
import static net.qgreenland.ogdc.cluster.ArgoServerFixtures.event;
import static net.qgreenland.ogdc.cluster.ArgoServerFixtures.json;
import static net.qgreenland.ogdc.cluster.ArgoServerFixtures.list;
import static net.qgreenland.ogdc.cluster.ArgoServerFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import net.qgreenland.ogdc.cluster.ArgoServerFixtures.RecordingListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The watch against a WireMock Argo Server: current states first, then the event stream; resuming after a drop
 * without losing or repeating a state; falling back to polling; closing.
 */
class ArgoServerWatchTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final LabelSelector SELECTOR = LabelSelector.of(Map.of("ogdc/recipe-id", "seal-tags"));
    static final Duration PATIENCE = Duration.ofSeconds(10);

    final List<String> log = new CopyOnWriteArrayList<>();
    final ArgoServerGateway gateway = ArgoServerGateway.connect(settings(server.baseUrl()), log::add);
    final RecordingListener listener = new RecordingListener();

    @AfterEach
    void closeEverything() {
        gateway.close();
        assertThat(gateway.openWatches()).isEmpty();
        assertThat(String.join("\n", listener.notices) + String.join("\n", log)).doesNotContain(TOKEN);
    }

    static MappingBuilder listRequest() {
        return get(urlPathEqualTo(WORKFLOWS)).withQueryParam("listOptions.labelSelector", equalTo("ogdc/recipe-id=seal-tags"));
    }

    static MappingBuilder streamRequest() {
        return get(urlPathEqualTo(EVENTS))
                .withQueryParam("listOptions.labelSelector", equalTo("ogdc/recipe-id=seal-tags"))
                .withHeader("Accept", equalTo("text/event-stream"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN));
    }

    static ResponseDefinitionBuilder stream(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(body);
    }

    WorkflowWatch watchUntil(WorkflowPhase phase) {
        WorkflowWatch watch = gateway.watch(SELECTOR, listener);
        await().atMost(PATIENCE).until(() -> listener.saw(phase));
        return watch;
    }

    long count(WorkflowPhase phase) {
        return listener.states.stream().filter(s -> s.phase() == phase).count();
    }

    @ParameterizedTest(name = "events framed as {0} arrive in order, the final one once")
    @ValueSource(strings = {"server-sent events", "newline-delimited JSON"})
    void streamedChangesArriveInOrder(String framing) {
        String events = ": connected\n\n" + event("ADDED", "created.json") + "event: message\n"
                + event("MODIFIED", "running.json") + event("MODIFIED", "succeeded.json");
        if (framing.startsWith("newline")) {
            events = events.lines().filter(l -> l.startsWith("data: ")).map(l -> l.substring(6) + "\n")
                    .reduce("", String::concat);
        }
        server.stubFor(listRequest().willReturn(okJson("{\"metadata\":{},\"items\":null}")));
        server.stubFor(streamRequest().willReturn(stream(events)));

        watchUntil(WorkflowPhase.SUCCEEDED).close();

        assertThat(listener.phases()).containsExactly(WorkflowPhase.PENDING, WorkflowPhase.RUNNING,
                WorkflowPhase.SUCCEEDED);
        assertThat(listener.states).extracting(WorkflowState::resourceVersion)
                .containsExactly("48210", "48231", "48260");
        assertThat(listener.states.get(2).progress()).contains("2/2");
    }

    @Test
    void theCurrentStatesComeFirstAndAStateAlreadySeenIsNotRepeated() {
        server.stubFor(listRequest().willReturn(okJson(list("running.json"))));
        server.stubFor(streamRequest().willReturn(stream(event("ADDED", "running.json")
                + event("MODIFIED", "succeeded.json"))));

        watchUntil(WorkflowPhase.SUCCEEDED).close();

        assertThat(listener.phases()).containsExactly(WorkflowPhase.RUNNING, WorkflowPhase.SUCCEEDED);
    }

    @Test
    void aDroppedStreamIsResumedByReListingSoTheFinalStateArrivesExactlyOnce() {
        server.stubFor(listRequest().inScenario("drop").whenScenarioStateIs(STARTED)
                .willReturn(okJson(list("created.json"))));
        server.stubFor(streamRequest().inScenario("drop").whenScenarioStateIs(STARTED).willSetStateTo("dropped")
                .willReturn(stream(event("ADDED", "created.json") + event("MODIFIED", "running.json"))));
        // meanwhile the workflow finished: the re-list shows it, and the new stream repeats it
        server.stubFor(listRequest().inScenario("drop").whenScenarioStateIs("dropped")
                .willReturn(okJson(list("succeeded.json"))));
        server.stubFor(streamRequest().inScenario("drop").whenScenarioStateIs("dropped")
                .willReturn(stream(event("MODIFIED", "succeeded.json"))));

        WorkflowWatch watch = watchUntil(WorkflowPhase.SUCCEEDED);
        await().atMost(PATIENCE).until(() -> server.findAll(getRequestedFor(urlPathEqualTo(EVENTS))).size() >= 3);
        watch.close();

        assertThat(listener.phases()).containsExactly(WorkflowPhase.PENDING, WorkflowPhase.RUNNING,
                WorkflowPhase.SUCCEEDED);
        assertThat(count(WorkflowPhase.SUCCEEDED)).isEqualTo(1);
        assertThat(listener.notices).anySatisfy(n -> assertThat(n)
                .startsWith("the workflow event stream ended; re-reading the workflows and reconnecting in "));
        assertThat(listener.notices).noneSatisfy(n -> assertThat(n).contains("polling"));
    }

    @Test
    void aChangeMadeWhileTheStreamWasDownIsFoundByTheReList() {
        server.stubFor(listRequest().inScenario("gap").whenScenarioStateIs(STARTED)
                .willReturn(okJson(list("running.json"))));
        server.stubFor(streamRequest().inScenario("gap").whenScenarioStateIs(STARTED).willSetStateTo("gap")
                .willReturn(stream(": connected\n\n")));
        // the new stream starts after the workflow finished, so only the re-list can tell
        server.stubFor(listRequest().inScenario("gap").whenScenarioStateIs("gap")
                .willReturn(okJson(list("succeeded.json"))));
        server.stubFor(streamRequest().inScenario("gap").whenScenarioStateIs("gap")
                .willReturn(stream(": connected\n\n")));

        watchUntil(WorkflowPhase.SUCCEEDED).close();

        assertThat(listener.phases()).containsExactly(WorkflowPhase.RUNNING, WorkflowPhase.SUCCEEDED);
    }

    @Test
    void anErrorInTheStreamIsANoticeAndTheStreamIsReopenedWithoutReadingPastIt() {
        server.stubFor(listRequest().willReturn(okJson("{\"items\":[]}")));
        server.stubFor(streamRequest().inScenario("error").whenScenarioStateIs(STARTED).willSetStateTo("reopened")
                .willReturn(stream(event("ADDED", "created.json")
                        + "data: {\"error\":{\"grpcCode\":10,\"httpCode\":409,\"message\":\"too old resource"
                        + " version: 48100 (48209)\",\"httpStatus\":\"Conflict\"}}\n\n"
                        + event("MODIFIED", "failed.json"))));
        server.stubFor(streamRequest().inScenario("error").whenScenarioStateIs("reopened")
                .willReturn(stream(event("MODIFIED", "running.json") + event("MODIFIED", "succeeded.json"))));

        watchUntil(WorkflowPhase.SUCCEEDED).close();

        assertThat(listener.phases()).containsExactly(WorkflowPhase.PENDING, WorkflowPhase.RUNNING,
                WorkflowPhase.SUCCEEDED);
        assertThat(listener.notices).anySatisfy(n -> assertThat(n).startsWith("the workflow event stream broke"
                + " (the server reported: too old resource version: 48100 (48209)); re-reading"));
    }

    @Test
    void aStreamThatFailsToOpenOnceIsRetriedNotGivenUp() {
        server.stubFor(listRequest().willReturn(okJson("{\"items\":[]}")));
        server.stubFor(streamRequest().inScenario("busy").whenScenarioStateIs(STARTED).willSetStateTo("up")
                .willReturn(aResponse().withStatus(503).withBody("{\"code\":14,\"message\":\"draining\"}")));
        server.stubFor(streamRequest().inScenario("busy").whenScenarioStateIs("up")
                .willReturn(stream(event("MODIFIED", "succeeded.json"))));

        watchUntil(WorkflowPhase.SUCCEEDED).close();

        assertThat(listener.notices).anySatisfy(n -> assertThat(n).startsWith("could not open the workflow event"
                + " stream (503 Service Unavailable: draining); re-reading the workflows and trying again in "));
        assertThat(listener.notices).noneSatisfy(n -> assertThat(n).contains("polling"));
    }

    @ParameterizedTest(name = "an events endpoint answering {0} makes the watch poll the list")
    @ValueSource(ints = {404, 405, 501})
    void aServerThatCannotStreamIsPolled(int status) {
        server.stubFor(get(urlPathEqualTo(EVENTS)).willReturn(aResponse().withStatus(status)
                .withBody("{\"code\":12,\"message\":\"method WatchWorkflows not implemented\"}")));
        stubListSequence();

        WorkflowWatch watch = watchUntil(WorkflowPhase.SUCCEEDED);
        watch.close();

        assertThat(listener.phases()).containsExactly(WorkflowPhase.PENDING, WorkflowPhase.RUNNING,
                WorkflowPhase.SUCCEEDED);
        server.verify(1, getRequestedFor(urlPathEqualTo(EVENTS)));
        assertThat(listener.notices).filteredOn(n -> n.contains("polling")).singleElement().asString()
                .startsWith("the Argo Server cannot stream workflow events (" + status + " ")
                .contains("method WatchWorkflows not implemented");
    }

    @Test
    void aStreamThatKeepsFailingToOpenIsReplacedByPolling() {
        // Connection: close, so that the JDK client never reuses a connection the server has since dropped: it
        // would silently send the GET again, and the count below would be one too many
        server.stubFor(get(urlPathEqualTo(EVENTS)).willReturn(aResponse().withStatus(503)
                .withHeader("Connection", "close")));
        stubListSequence();

        WorkflowWatch watch = watchUntil(WorkflowPhase.SUCCEEDED);
        await().atMost(PATIENCE).until(() -> listener.notices.stream().anyMatch(n -> n.contains("polling")));
        watch.close();

        server.verify(ArgoEventStream.OPEN_FAILURES_BEFORE_POLLING, getRequestedFor(urlPathEqualTo(EVENTS)));
        assertThat(listener.phases()).containsExactly(WorkflowPhase.PENDING, WorkflowPhase.RUNNING,
                WorkflowPhase.SUCCEEDED);
        assertThat(listener.notices).filteredOn(n -> n.contains("polling")).singleElement().asString()
                .startsWith("the workflow event stream could not be opened 3 times in a row (503 Service"
                        + " Unavailable); polling the workflow list instead");
    }

    /** The list shows the workflow created, then running, then succeeded (and stays there). */
    void stubListSequence() {
        server.stubFor(listRequest().inScenario("poll").whenScenarioStateIs(STARTED).willSetStateTo("running")
                .willReturn(okJson(list("created.json"))));
        server.stubFor(listRequest().inScenario("poll").whenScenarioStateIs("running").willSetStateTo("done")
                .willReturn(okJson(list("running.json"))));
        server.stubFor(listRequest().inScenario("poll").whenScenarioStateIs("done")
                .willReturn(okJson(list("succeeded.json"))));
    }

    @Test
    void aDeletedWorkflowIsANoticeAndADeletionNotAChange() {
        server.stubFor(listRequest().willReturn(okJson("{\"items\":[]}")));
        server.stubFor(streamRequest().willReturn(stream(event("ADDED", "running.json")
                + event("DELETED", "running.json").replace("48231", "48299"))));

        WorkflowWatch watch = watchUntil(WorkflowPhase.RUNNING);
        await().atMost(PATIENCE).until(() -> listener.notices.contains("Workflow 'seal-tags-shell-x7k2p' was deleted"));
        watch.close();

        assertThat(listener.states).extracting(WorkflowState::resourceVersion).containsExactly("48231");
        assertThat(listener.deleted).containsExactly("seal-tags-shell-x7k2p");
    }

    @Test
    void aListenerThatThrowsDoesNotStopTheWatch() {
        server.stubFor(listRequest().willReturn(okJson("{\"items\":[]}")));
        server.stubFor(streamRequest().willReturn(stream(event("ADDED", "created.json")
                + event("MODIFIED", "succeeded.json"))));
        List<WorkflowState> seen = new CopyOnWriteArrayList<>();

        try (WorkflowWatch watch = gateway.watch(SELECTOR, state -> {
            seen.add(state);
            if (state.phase() == WorkflowPhase.PENDING) {
                throw new IllegalStateException("listener bug");
            }
        })) {
            await().atMost(PATIENCE).until(() -> seen.size() == 2);
        }

        assertThat(log).anySatisfy(l -> assertThat(l).contains("listener failed", "listener bug"));
    }

    @Test
    void closingWhileWaitingForTheStreamsAnswerEndsTheWatchThread() {
        server.stubFor(listRequest().willReturn(okJson(list("running.json"))));
        server.stubFor(streamRequest().willReturn(stream(event("MODIFIED", "succeeded.json"))
                .withFixedDelay(8_000)));
        // a request timeout longer than close() waits for the thread: only closing can end the wait in time
        ArgoServerGateway patient = ArgoServerGateway.connect(settings(server.baseUrl()).withTiming(
                Duration.ofSeconds(60), ArgoServerFixtures.QUICK_RETRY, Duration.ofMillis(20), Duration.ofMillis(10)),
                log::add);

        ArgoEventStream watch = (ArgoEventStream) patient.watch(SELECTOR, listener);
        await().atMost(PATIENCE).until(() -> listener.saw(WorkflowPhase.RUNNING));
        await().atMost(PATIENCE).until(() -> !server.findAll(getRequestedFor(urlPathEqualTo(EVENTS))).isEmpty());
        watch.close();

        assertThat(watch.isRunning()).isFalse();
        assertThat(patient.openWatches()).isEmpty();
        assertThat(listener.phases()).containsExactly(WorkflowPhase.RUNNING);
    }

    @Test
    void closingTheGatewayWhileAStreamIsOpenEndsEveryWatchThread() {
        StringBuilder slow = new StringBuilder(event("ADDED", "running.json"));
        for (int i = 0; i < 200; i++) {
            slow.append(": heartbeat ").append(i).append("\n\n");
        }
        server.stubFor(listRequest().willReturn(okJson("{\"items\":[]}")));
        server.stubFor(streamRequest().willReturn(stream(slow.toString()).withChunkedDribbleDelay(400, 10_000)));

        ArgoEventStream first = (ArgoEventStream) gateway.watch(SELECTOR, listener);
        ArgoEventStream second = (ArgoEventStream) gateway.watch(SELECTOR, new RecordingListener());
        await().atMost(PATIENCE).until(() -> server.findAll(getRequestedFor(urlPathEqualTo(EVENTS))).size() == 2);
        gateway.close();

        assertThat(first.isRunning()).isFalse();
        assertThat(second.isRunning()).isFalse();
        assertThat(gateway.openWatches()).isEmpty();
    }

    @Test
    void workflowsTheSelectorDoesNotMatchAreIgnored() {
        String other = json("running.json").toString().replace("\"ogdc/recipe-id\":\"seal-tags\"",
                "\"ogdc/recipe-id\":\"sea-ice\"");
        server.stubFor(listRequest().willReturn(okJson("{\"items\":[" + other + "]}")));
        server.stubFor(streamRequest().willReturn(stream("data: {\"result\":{\"type\":\"MODIFIED\",\"object\":"
                + other + "}}\n\n" + event("MODIFIED", "succeeded.json"))));

        watchUntil(WorkflowPhase.SUCCEEDED).close();

        assertThat(listener.states).extracting(s -> s.labels().get("ogdc/recipe-id")).containsOnly("seal-tags");
    }
}
