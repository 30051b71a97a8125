package net.qgreenland.ogdc.cluster;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static net.qgreenland.ogdc.cluster.ArgoServerFixtures.NAME;
import static net.qgreenland.ogdc.cluster.ArgoServerFixtures.TOKEN;
import static net.qgreenland.ogdc.cluster.ArgoServerFixtures.WORKFLOWS;
import static net.qgreenland.ogdc.cluster.ArgoServerFixtures.json;
import static net.qgreenland.ogdc.cluster.ArgoServerFixtures.settings;
import static net.qgreenland.ogdc.cluster.ArgoServerFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import net.qgreenland.ogdc.argo.model.ArgoDocuments;
import net.qgreenland.ogdc.argo.model.Workflow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What each gateway operation sends to the Argo Server, and what it makes of the answer. */
class ArgoServerGatewayTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    final List<String> log = new CopyOnWriteArrayList<>();
    ArgoServerGateway gateway = ArgoServerGateway.connect(settings(server.baseUrl()), log::add);

    @AfterEach
    void closeGateway() {
        gateway.close();
        assertThat(String.join("\n", log)).doesNotContain(TOKEN);
    }

    @Test
    void submitPostsTheWorkflowWrappedWithItsLabelsInTheGatewaysNamespaceAndReturnsTheNamedState() {
        server.stubFor(post(urlEqualTo(WORKFLOWS)).willReturn(okJson(text("created.json"))));
        Workflow workflow = ArgoServerFixtures.submitWorkflow()
                .withLabels(Map.of("ogdc/recipe-id", "seal-tags", "ogdc/commit", "8f3c2a1"));

        WorkflowState created = gateway.submit(workflow);

        assertThat(created.name()).isEqualTo(NAME);
        assertThat(created.phase()).isEqualTo(WorkflowPhase.PENDING);
        assertThat(created.resourceVersion()).isEqualTo("48210");
        ObjectNode expected = (ObjectNode) ArgoDocuments.toTree(workflow);
        ((ObjectNode) expected.get("metadata")).put("namespace", "qgnet");
        server.verify(1, postRequestedFor(urlEqualTo(WORKFLOWS))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"workflow\":" + expected + "}"))
                .withRequestBody(matchingJsonPath("$.workflow.metadata.labels['ogdc/recipe-id']", equalTo("seal-tags")))
                .withRequestBody(matchingJsonPath("$.workflow.metadata.namespace", equalTo("qgnet"))));
        assertThat(log).contains("submitted Workflow '" + NAME + "' to namespace 'qgnet' of Argo Server "
                + server.baseUrl());
    }

    @Test
    void aTokenGivenWithItsBearerPrefixIsSentWithOnePrefix() {
        gateway = ArgoServerGateway.connect(new ArgoServerSettings(settings(server.baseUrl()).server(), "qgnet",
                Optional.of("Bearer " + TOKEN), Optional.empty(), false, java.time.Duration.ofSeconds(5),
                ArgoServerFixtures.QUICK_RETRY, java.time.Duration.ofMillis(20), java.time.Duration.ofMillis(10)),
                log::add);
        server.stubFor(get(urlEqualTo(WORKFLOWS + "/" + NAME)).willReturn(okJson(text("running.json"))));

        gateway.findByName(NAME);

        server.verify(getRequestedFor(urlEqualTo(WORKFLOWS + "/" + NAME))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void withoutATokenNoAuthorizationHeaderIsSent() {
        gateway = ArgoServerGateway.connect(ArgoServerSettings.defaults(
                java.net.URI.create(server.baseUrl()), "qgnet", Optional.empty()), log::add);
        server.stubFor(get(urlEqualTo(WORKFLOWS + "/" + NAME)).willReturn(okJson(text("running.json"))));

        gateway.findByName(NAME);

        server.verify(getRequestedFor(urlEqualTo(WORKFLOWS + "/" + NAME)).withoutHeader("Authorization"));
    }

    @Test
    void anAnswerWithoutANameIsAClearError() {
        server.stubFor(post(urlEqualTo(WORKFLOWS)).willReturn(okJson("{\"metadata\":{},\"status\":{}}")));

        assertThatThrownBy(() -> gateway.submit(ArgoServerFixtures.submitWorkflow()))
                .isInstanceOfSatisfying(ClusterException.class,
                        e -> assertThat(e.reason()).isEqualTo(ClusterException.Reason.OTHER))
                .hasMessageStartingWith("submitting Workflow 'seal-tags-shell-' to namespace 'qgnet' of Argo Server "
                        + server.baseUrl() + " failed: the server's answer names no workflow");
    }

    @Test
    void findByNameReadsPhaseProgressNodesAndOutputs() {
        server.stubFor(get(urlEqualTo(WORKFLOWS + "/" + NAME)).willReturn(okJson(text("running.json"))));

        WorkflowState state = gateway.findByName(NAME).orElseThrow();

        assertThat(state.phase()).isEqualTo(WorkflowPhase.RUNNING);
        assertThat(state.progress()).contains("1/2");
        assertThat(state.namespace()).isEqualTo("qgnet");
        assertThat(state.resourceVersion()).isEqualTo("48231");
        assertThat(state.createdAt()).contains(Instant.parse("2026-03-02T10:15:04Z"));
        assertThat(state.podCounts()).isEqualTo(Map.of("Succeeded", 1L, "Running", 1L));
        assertThat(state.findOutput("cmd", "feature-count")).contains("1482");
        assertThat(state.labels()).containsEntry("ogdc/recipe-id", "seal-tags");
    }

    @Test
    void findByNameOfAMissingWorkflowIsEmpty() {
        server.stubFor(get(urlEqualTo(WORKFLOWS + "/gone-wf")).willReturn(notFound()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":5,\"message\":\"workflows.argoproj.io \\\"gone-wf\\\" not found\"}")));

        assertThat(gateway.findByName("gone-wf")).isEmpty();
        server.verify(1, getRequestedFor(urlEqualTo(WORKFLOWS + "/gone-wf")));
    }

    @Test
    void findSendsTheSelectorEncodedAndReturnsTheNewestFirst() {
        LabelSelector selector = new LabelSelector(new java.util.TreeMap<>(Map.of("ogdc/commit", "8f3c2a1")),
                new java.util.TreeMap<>(Map.of("ogdc/recipe-id", Set.of("seal-tags", "sea-ice"))));
        String encoded = "ogdc%2Fcommit%3D8f3c2a1%2Cogdc%2Frecipe-id%20in%20%28sea-ice%2Cseal-tags%29";
        server.stubFor(get(urlEqualTo(WORKFLOWS + "?listOptions.labelSelector=" + encoded))
                .willReturn(okJson(text("list.json"))));

        List<WorkflowState> found = gateway.find(selector);

        assertThat(found).extracting(WorkflowState::name).containsExactly(NAME, "seal-tags-shell-b4m9q");
        assertThat(found).extracting(WorkflowState::phase)
                .containsExactly(WorkflowPhase.RUNNING, WorkflowPhase.SUCCEEDED);
        server.verify(getRequestedFor(urlPathEqualTo(WORKFLOWS)).withQueryParam("listOptions.labelSelector",
                equalTo("ogdc/commit=8f3c2a1,ogdc/recipe-id in (sea-ice,seal-tags)")));
    }

    @ParameterizedTest(name = "a list answer {0} finds nothing")
    @ValueSource(strings = {"{\"metadata\":{},\"items\":null}", "{\"metadata\":{}}", "{}"})
    void aListWithoutItemsFindsNothing(String answer) {
        server.stubFor(get(urlPathEqualTo(WORKFLOWS)).willReturn(okJson(answer)));

        assertThat(gateway.find(LabelSelector.of(Map.of("ogdc/recipe-id", "seal-tags")))).isEmpty();
    }

    @Test
    void stopPutsNamespaceNameAndMessage() {
        server.stubFor(put(urlEqualTo(WORKFLOWS + "/" + NAME + "/stop")).willReturn(okJson(text("running.json"))));

        gateway.stop(NAME, "superseded by 9a0b1c2");

        server.verify(1, putRequestedFor(urlEqualTo(WORKFLOWS + "/" + NAME + "/stop"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withRequestBody(equalToJson("{\"namespace\":\"qgnet\",\"name\":\"" + NAME
                        + "\",\"message\":\"superseded by 9a0b1c2\"}")));
    }

    @Test
    void terminatePutsNamespaceAndName() {
        server.stubFor(put(urlEqualTo(WORKFLOWS + "/" + NAME + "/terminate"))
                .willReturn(okJson(text("running.json"))));

        gateway.terminate(NAME);

        server.verify(1, putRequestedFor(urlEqualTo(WORKFLOWS + "/" + NAME + "/terminate"))
                .withRequestBody(equalToJson("{\"namespace\":\"qgnet\",\"name\":\"" + NAME + "\"}")));
    }

    @Test
    void deleteSendsOneDeleteAndAWorkflowAlreadyGoneCountsAsDeleted() {
        server.stubFor(delete(urlEqualTo(WORKFLOWS + "/" + NAME)).willReturn(okJson("{}")));
        server.stubFor(delete(urlEqualTo(WORKFLOWS + "/gone-wf")).willReturn(notFound()));

        gateway.delete(NAME);
        gateway.delete("gone-wf");

        server.verify(1, deleteRequestedFor(urlEqualTo(WORKFLOWS + "/" + NAME))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
        server.verify(1, deleteRequestedFor(urlEqualTo(WORKFLOWS + "/gone-wf")));
        assertThat(log).contains("deleted Workflow '" + NAME + "'", "Workflow 'gone-wf' was already gone");
    }

    @Test
    void aServerBehindAPathPrefixIsAddressedBelowIt() {
        gateway = ArgoServerGateway.connect(settings(server.baseUrl() + "/argo/"), log::add);
        server.stubFor(get(urlEqualTo("/argo" + WORKFLOWS + "/" + NAME)).willReturn(okJson(text("running.json"))));

        assertThat(gateway.findByName(NAME)).isPresent();
        assertThat(gateway.describe()).isEqualTo("Argo Server " + server.baseUrl() + "/argo, namespace qgnet");
    }

    @Test
    void describeNamesServerAndNamespace() {
        assertThat(gateway.describe()).isEqualTo("Argo Server " + server.baseUrl() + ", namespace qgnet");
        assertThat(gateway.namespace()).isEqualTo("qgnet");
    }

    @Test
    void aNameThatCannotBeAWorkflowNameIsRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> gateway.findByName("../secrets"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void failedNodeLogsReadTheTailOfEachFailedPodsMainContainer() {
        WorkflowState failed = WorkflowStates.fromJson(json("failed.json"));
        String failedPod = "seal-tags-shell-x7k2p-cmd-1725455379";
        String erroredPod = "seal-tags-shell-x7k2p-cmd-1742232998";
        server.stubFor(get(urlPathEqualTo(WORKFLOWS + "/" + NAME + "/log"))
                .withQueryParam("podName", equalTo(failedPod))
                .withQueryParam("logOptions.container", equalTo("main"))
                .withQueryParam("logOptions.tailLines", equalTo("3"))
                .willReturn(okJson(text("log-cmd-1.ndjson"))));
        server.stubFor(get(urlPathEqualTo(WORKFLOWS + "/" + NAME + "/log"))
                .withQueryParam("podName", equalTo(erroredPod))
                .willReturn(notFound().withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":5,\"message\":\"pods \\\"" + erroredPod + "\\\" not found\"}")));

        List<NodeLog> logs = gateway.failedNodeLogs(failed, 3);

        assertThat(logs).extracting(NodeLog::node).containsExactlyInAnyOrder("cmd-1", "cmd-2");
        NodeLog cmd1 = logs.stream().filter(l -> l.node().equals("cmd-1")).findFirst().orElseThrow();
        assertThat(cmd1.podName()).isEqualTo(failedPod);
        // the fixture answers four lines although three were asked for: the gateway keeps the last three
        assertThat(cmd1.lines()).containsExactly("ERROR 1: Layer seal_tags not found", "ogr2ogr: 0 features written",
                "exit status 1");
        assertThat(cmd1.problem()).isEmpty();
        NodeLog cmd2 = logs.stream().filter(l -> l.node().equals("cmd-2")).findFirst().orElseThrow();
        assertThat(cmd2.lines()).isEmpty();
        assertThat(cmd2.problem()).hasValueSatisfying(p -> assertThat(p)
                .contains("reading the log of pod '" + erroredPod + "'", "404 Not Found", "not found"));
    }

    @Test
    void aLogAnsweredAsServerSentEventsIsReadToo() {
        WorkflowState failed = WorkflowStates.fromJson(json("failed.json"));
        StringBuilder events = new StringBuilder(": heartbeat\n\n");
        text("log-cmd-1.ndjson").lines().forEach(line -> events.append("data: ").append(line).append("\n\n"));
        server.stubFor(get(urlPathEqualTo(WORKFLOWS + "/" + NAME + "/log")).willReturn(aResponse()
                .withHeader("Content-Type", "text/event-stream").withBody(events.toString())));

        List<NodeLog> logs = gateway.failedNodeLogs(failed, 2);

        assertThat(logs).hasSize(2).allSatisfy(l -> assertThat(l.lines())
                .containsExactly("ogr2ogr: 0 features written", "exit status 1"));
    }

    @Test
    void aLogStreamThatReportsAnErrorBecomesAProblem() {
        WorkflowState failed = WorkflowStates.fromJson(json("failed.json"));
        server.stubFor(get(urlPathEqualTo(WORKFLOWS + "/" + NAME + "/log")).willReturn(okJson(
                "{\"error\":{\"grpcCode\":2,\"httpCode\":500,\"message\":\"container main is not valid\"}}\n")));

        assertThat(gateway.failedNodeLogs(failed, 5)).hasSize(2).allSatisfy(l -> assertThat(l.problem())
                .hasValueSatisfying(p -> assertThat(p).contains("container main is not valid")));
    }

    @Test
    void aWorkflowWithoutFailedPodsNeedsNoLogRequest() {
        assertThat(gateway.failedNodeLogs(WorkflowStates.fromJson(json("succeeded.json")), 10)).isEmpty();
        assertThat(server.getAllServeEvents()).isEmpty();
    }
}
