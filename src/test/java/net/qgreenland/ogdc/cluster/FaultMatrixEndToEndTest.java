package net.qgreenland.ogdc.cluster;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.qgreenland.ogdc.cluster.ActionHarness.ActionProcess;
import net.qgreenland.ogdc.cluster.ActionHarness.Change;
import net.qgreenland.ogdc.cluster.ActionHarness.Result;
import net.qgreenland.ogdc.cluster.FaultInjectingDispatcher.Gone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault matrix of the reliability suite: one full {@code run} ({@link ActionHarness}) per fault in GitHub, in
 * Argo or in the runner, each asserting the same four things: the run completes with the expected exit code, every
 * check run it created ends {@code completed}, no recipe's workflow is submitted twice, and each recipe's outcome is
 * the right one. Each row also asserts that its fault was actually met, so a row cannot pass by missing it.
 */
class FaultMatrixEndToEndTest {

    static final Duration PATIENCE = JobCancelledEndToEndTest.PATIENCE;
    static final String FAULT = "fault";
    static final String MET = "met";
    /** The outcome of the change without faults: alpha and beta succeed, broken is invalid. */
    static final Map<String, String> CLEAN = Map.of("recipes/alpha", "succeeded", "recipes/beta", "succeeded",
            "recipes/broken", "invalid");
    /**
     * A creation answered 500 may have created the workflow, and one answered 409 names a conflict the program cannot
     * settle: neither is sent again (that could submit twice), so the recipe is errored, saying why.
     */
    static final Map<String, String> BETA_ERRORED = Map.of("recipes/alpha", "succeeded", "recipes/beta", "errored",
            "recipes/broken", "invalid");
    static final String BETA = "beta-contours";
    /** What the job summary must say for the rows whose recipes do not all succeed (else "succeeded"). */
    static final Map<String, String> REASONS = Map.of(
            "Argo Server answers 500 to a workflow creation", "failed: 500 Internal Server Error",
            "Kubernetes answers 500 to a workflow creation", "failed: 500 Internal Server Error",
            "Kubernetes answers 409 to a workflow creation", "failed: 409 Conflict",
            "Argo Server answers 409 to a workflow creation", "failed: 409",
            "the workflows are deleted while watched", "disappeared while being waited for",
            "the running workflows are deleted while watched", "disappeared while being waited for",
            "SIGTERM mid-run", "2 cancelled");
    static final String EVENTS = "/api/v1/workflow-events/" + FakeArgoServer.NAMESPACE;
    static final String CHECK_RUNS = "/repos/o/r/check-runs";
    static final String CHECK_RUN = "/repos/o/r/check-runs/\\d+";

    @TempDir
    Path temp;

    ActionHarness action;
    Change change;
    FakeArgoServer argo;
    ActionProcess job;

    /** Where the workflows go. */
    enum Mode { KUBERNETES, ARGO_SERVER }

    /**
     * One row: {@code inject} sets the fault up, {@code run} runs the action through it, {@code met} says whether
     * the fault was met; the run must exit {@code code} with recipe states {@code states}.
     */
    record Row(String fault, Mode mode, Consumer<FaultMatrixEndToEndTest> inject,
            Function<FaultMatrixEndToEndTest, Result> run, Function<FaultMatrixEndToEndTest, Boolean> met, int code,
            Map<String, String> states) {

        @Override
        public String toString() {
            return fault;
        }
    }

    static Stream<Row> faults() {
        return Stream.of(
                push("GitHub answers 500 to a check run update", t -> t.githubOnce(
                        patch(urlPathMatching(CHECK_RUN)), status(500, "Server Error")), 1, CLEAN),
                push("GitHub answers 502 to a check run creation", t -> t.githubOnce(
                        post(urlPathEqualTo(CHECK_RUNS)), status(502, "Bad Gateway")), 1, CLEAN),
                push("GitHub resets the connection of a check run update", t -> t.githubOnce(
                        patch(urlPathMatching(CHECK_RUN)), aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)),
                        1, CLEAN),
                push("GitHub's secondary rate limit with Retry-After", t -> t.githubOnce(
                        post(urlPathEqualTo(CHECK_RUNS)), status(403, "You have exceeded a secondary rate limit. "
                                + "Please wait a few minutes before you try again.").withHeader("Retry-After", "1")
                        .withHeader("x-ratelimit-remaining", "4990")), 1, CLEAN),
                new Row("GitHub refuses the sticky comment with 422, body too long", Mode.KUBERNETES,
                        t -> t.githubOnce(post(urlPathMatching("/repos/o/r/issues/2/comments")), status(422,
                                "Validation Failed").withBody("{\"message\":\"Validation Failed\",\"errors\":[{"
                                + "\"resource\":\"IssueComment\",\"code\":\"unprocessable\",\"field\":\"data\","
                                + "\"message\":\"Body is too long (maximum is 65536 characters)\"}]}")),
                        FaultMatrixEndToEndTest::pullRequest, FaultMatrixEndToEndTest::githubFaultMet, 1, CLEAN),
                argo("Argo Server answers 500 to a workflow list", t -> t.argoOnce(
                        get(urlPathEqualTo(FakeArgoServer.WORKFLOWS)), status(500, "etcdserver: leader changed")),
                        1, CLEAN),
                argo("Argo Server answers 500 to a workflow creation", t -> t.argoOnce(
                        post(urlPathEqualTo(FakeArgoServer.WORKFLOWS)).withRequestBody(containing(BETA)),
                        status(500, "internal error")), 1, BETA_ERRORED),
                kubernetes("Kubernetes answers 500 to a workflow creation", t -> t.action.cluster.dispatcher
                        .failCreationOf(BETA, 1, 500, "InternalError", "etcdserver: request timed out"), 1,
                        BETA_ERRORED),
                kubernetes("Kubernetes answers 409 to a workflow creation", t -> t.action.cluster.dispatcher
                        .failCreationOf(BETA, 1, 409, "AlreadyExists", "workflows.argoproj.io already exists"), 1,
                        BETA_ERRORED),
                argo("Argo Server answers 409 to a workflow creation", t -> t.argoOnce(
                        post(urlPathEqualTo(FakeArgoServer.WORKFLOWS)).withRequestBody(containing(BETA)),
                        status(409, "already exists")), 1, BETA_ERRORED),
                kubernetes("the workflow event stream is dropped",
                        t -> t.action.cluster.dispatcher.dropNextWatch(), 1, CLEAN),
                kubernetes("the watch is answered 410 Gone",
                        t -> t.action.cluster.dispatcher.goneOnNextWatch(Gone.HTTP_STATUS), 1, CLEAN),
                kubernetes("the watch sends a 410 Gone error event",
                        t -> t.action.cluster.dispatcher.goneOnNextWatch(Gone.ERROR_EVENT), 1, CLEAN),
                argo("the Argo Server event stream is dropped", t -> t.argoOnce(get(urlPathEqualTo(EVENTS)),
                        aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("")),
                        1, CLEAN),
                argo("the Argo Server answers 410 Gone to the event stream", t -> t.argoOnce(
                        get(urlPathEqualTo(EVENTS)), status(410, "too old resource version")), 1, CLEAN),
                new Row("the workflows are deleted while watched", Mode.ARGO_SERVER,
                        FaultMatrixEndToEndTest::deleteEveryWorkflowOnceSubmitted, FaultMatrixEndToEndTest::push,
                        t -> t.argo.submitted().size() == 2, 1, Map.of("recipes/alpha", "errored",
                                "recipes/beta", "errored", "recipes/broken", "invalid")),
                new Row("the running workflows are deleted while watched", Mode.KUBERNETES, t -> { },
                        FaultMatrixEndToEndTest::deleteWhileRunning, t -> true, 1, Map.of("recipes/alpha", "errored",
                                "recipes/beta", "errored", "recipes/broken", "invalid")),
                new Row("SIGTERM mid-run", Mode.KUBERNETES, t -> { }, FaultMatrixEndToEndTest::sigtermMidRun,
                        t -> true, 143, Map.of("recipes/alpha", "cancelled", "recipes/beta", "cancelled",
                                "recipes/broken", "invalid")),
                new Row("the runner restarts mid-run and the same event is delivered again", Mode.KUBERNETES,
                        t -> { }, FaultMatrixEndToEndTest::restartAndRedeliver, t -> true, 1, CLEAN));
    }

    @BeforeEach
    void repositoryWithAChange() {
        action = ActionHarness.start(temp);
        change = action.commitTwoChangedRecipesAndAnInvalidOne();
    }

    @AfterEach
    void stop() {
        if (job != null && job.process().isAlive()) {
            job.process().destroyForcibly();
        }
        if (argo != null) {
            argo.close();
        }
        action.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void theRunCompletesEndsEveryCheckRunSubmitsNothingTwiceAndReportsEachRecipeRightly(Row row) {
        if (row.mode() == Mode.ARGO_SERVER) {
            argo = FakeArgoServer.start();
        }
        row.inject().accept(this);

        Result result = row.run().apply(this);

        assertThat(row.met().apply(this)).as("the fault was met").isTrue();
        assertThat(result.code()).as(result.err()).isEqualTo(row.code());
        Map<String, JsonNode> checkRuns = action.finalCheckRuns();
        assertThat(checkRuns.keySet()).as("a check run for each recipe")
                .containsExactlyInAnyOrderElementsOf(row.states().keySet());
        checkRuns.forEach((name, body) -> assertThat(body.path("status").asText()).as(name).isEqualTo("completed"));
        assertThat(submittedRecipeIds()).as("recipes submitted, each once").doesNotHaveDuplicates();
        assertThat(action.recipeStates()).as(result.err()).containsExactlyInAnyOrderEntriesOf(row.states());
        assertThat(action.summary()).as("the job summary says why").contains(row.states().keySet())
                .contains(REASONS.getOrDefault(row.fault(), "succeeded"));
        assertThat(result.printedUnmasked()).doesNotContain(ActionHarness.TOKEN);
    }

    // ---- rows

    private static Row push(String fault, Consumer<FaultMatrixEndToEndTest> inject, int code,
            Map<String, String> states) {
        return new Row(fault, Mode.KUBERNETES, inject, FaultMatrixEndToEndTest::push,
                FaultMatrixEndToEndTest::githubFaultMet, code, states);
    }

    private static Row argo(String fault, Consumer<FaultMatrixEndToEndTest> inject, int code,
            Map<String, String> states) {
        return new Row(fault, Mode.ARGO_SERVER, inject, FaultMatrixEndToEndTest::push,
                t -> MET.equals(scenarioState(t.argo.server)), code, states);
    }

    private static Row kubernetes(String fault, Consumer<FaultMatrixEndToEndTest> inject, int code,
            Map<String, String> states) {
        return new Row(fault, Mode.KUBERNETES, inject, FaultMatrixEndToEndTest::push,
                t -> t.action.cluster.dispatcher.faultsPending() == 0, code, states);
    }

    // ---- faults

    private static ResponseDefinitionBuilder status(int code, String message) {
        return aResponse().withStatus(code).withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"" + message + "\"}");
    }

    /** The first request matching {@code request} is answered {@code answer}; later ones as usual. */
    private void githubOnce(MappingBuilder request, ResponseDefinitionBuilder answer) {
        action.github.stubFor(request.inScenario(FAULT).whenScenarioStateIs(STARTED).willReturn(answer)
                .willSetStateTo(MET));
    }

    private void argoOnce(MappingBuilder request, ResponseDefinitionBuilder answer) {
        argo.server.stubFor(request.inScenario(FAULT).whenScenarioStateIs(STARTED).willReturn(answer)
                .willSetStateTo(MET));
    }

    private static boolean githubFaultMet(FaultMatrixEndToEndTest test) {
        return MET.equals(scenarioState(test.action.github));
    }

    private static String scenarioState(WireMockServer server) {
        return server.getAllScenarios().getScenarios().stream().filter(s -> s.getName().equals(FAULT)).findFirst()
                .map(s -> s.getState()).orElse("no fault set up");
    }

    /** Once POSTed, a workflow is gone: reading it by name is 404 and lists leave it out. */
    private static void deleteEveryWorkflowOnceSubmitted(FaultMatrixEndToEndTest test) {
        test.argo.server.stubFor(get(urlPathEqualTo(FakeArgoServer.WORKFLOWS))
                .willReturn(okJson("{\"metadata\":{\"resourceVersion\":\"2000\"},\"items\":[]}")));
        test.argo.server.stubFor(get(urlPathMatching(FakeArgoServer.WORKFLOWS + "/.+")).willReturn(aResponse()
                .withStatus(404).withHeader("Content-Type", "application/json")
                .withBody("{\"code\":5,\"message\":\"workflows.argoproj.io not found\"}")));
    }

    // ---- runs

    private ObjectNode pushEvent() {
        return ActionHarness.webhook("push.branch-updated.probot.json").put("before", change.before())
                .put("after", change.after()).put("ref", "refs/heads/main");
    }

    private Map<String, String> modeInputs() {
        return argo == null ? Map.of() : Map.of("INPUT_MODE", "argo-server", "INPUT_ARGO-SERVER", argo.baseUrl(),
                "INPUT_ARGO-TOKEN", "argo-tok-fault-matrix");
    }

    private static Result push(FaultMatrixEndToEndTest test) {
        return test.action.runAction("push", test.pushEvent(), test.modeInputs());
    }

    private static Result pullRequest(FaultMatrixEndToEndTest test) {
        String merge = test.action.repository.branch("pull/2/merge", test.change.after()).commit("Merge into main");
        ObjectNode payload = ActionHarness.webhook("pull_request.opened.json");
        ObjectNode pull = (ObjectNode) payload.path("pull_request");
        payload.put("number", 2);
        pull.put("number", 2);
        ((ObjectNode) pull.path("head")).put("sha", test.change.after()).put("ref", "changes");
        ((ObjectNode) pull.path("base")).put("sha", test.change.before()).put("ref", "main");
        ((ObjectNode) pull.path("head").path("repo")).put("full_name", "o/r");
        ((ObjectNode) pull.path("base").path("repo")).put("full_name", "o/r");
        return test.action.runAction("pull_request", payload, Map.of("GITHUB_SHA", merge,
                "GITHUB_REF", "refs/pull/2/merge"));
    }

    /** Starts the program in a JVM of its own, lets both workflows and check runs get going, then ends it. */
    private ActionProcess startUntilBothRun() {
        job = action.startAction("push", pushEvent(), Map.of());
        await().atMost(PATIENCE).alias("both workflows submitted; the program said:\n" + job.errSoFar())
                .until(() -> action.cluster.workflows().size() == 2 || !job.process().isAlive());
        assertThat(job.process().isAlive()).as(job.errSoFar()).isTrue();
        for (String name : workflowNames()) {
            action.cluster.controller.advance(name);
            action.cluster.controller.advance(name);
        }
        // created in progress (the recipe started within the queued grace) or updated to it
        await().atMost(PATIENCE).alias("both check runs in progress").until(() ->
                action.checkRunsSentInProgress().size() == 2);
        return job;
    }

    /**
     * Both workflows are deleted while they run: the watch's DELETED events end the waits at once (the periodic
     * check would come only after a minute), and both recipes end errored.
     */
    private static Result deleteWhileRunning(FaultMatrixEndToEndTest test) {
        ActionProcess process = test.startUntilBothRun();
        test.workflowNames().forEach(test.action.cluster.controller::delete);
        await().atMost(Duration.ofSeconds(30)).alias("the program ends before its periodic check; it said:\n"
                + process.errSoFar()).until(() -> !process.process().isAlive());
        return process.result();
    }

    private static Result sigtermMidRun(FaultMatrixEndToEndTest test) {
        ActionProcess process = test.startUntilBothRun();
        process.process().destroy();
        await().atMost(PATIENCE).alias("the program exits").until(() -> !process.process().isAlive());
        return process.result();
    }

    /**
     * The runner dies without a word (SIGKILL) while the workflows run, they finish meanwhile, and GitHub delivers
     * the same event to a new runner, which sees the check runs the first one created.
     */
    private static Result restartAndRedeliver(FaultMatrixEndToEndTest test) {
        ActionProcess process = test.startUntilBothRun();
        process.process().destroyForcibly();
        await().atMost(PATIENCE).alias("the runner is gone").until(() -> !process.process().isAlive());
        test.workflowNames().forEach(test.action.cluster.controller::finish);
        int created = test.action.createdBodies().size();
        test.action.listCheckRunsCreatedSoFar();

        Result again = test.action.runAction("push", test.pushEvent());

        assertThat(test.action.createdBodies()).as("check runs created again").hasSize(created);
        return again;
    }

    // ---- what was submitted

    private List<String> workflowNames() {
        return action.cluster.workflows().stream().map(w -> w.path("metadata").path("name").asText()).toList();
    }

    /** The recipe id of every main workflow submitted, once per submission. */
    private List<String> submittedRecipeIds() {
        List<JsonNode> submitted = argo != null ? argo.submitted() : List.copyOf(action.cluster.workflows());
        return submitted.stream().filter(w -> "main".equals(w.path("metadata").path("labels")
                .path(RunLabels.ROLE).asText())).map(w -> w.path("metadata").path("labels")
                .path(RunLabels.RECIPE_ID).asText()).collect(Collectors.toList());
    }
}
