package net.qgreenland.ogdc.cluster;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.qgreenland.ogdc.cluster.ActionHarness.Change;
import net.qgreenland.ogdc.cluster.ActionHarness.Result;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The canary secret of the reliability suite: the whole pipeline runs with distinctive tokens for GitHub and for
 * Argo, and neither may appear anywhere it leaves a trace (the {@code ::add-mask::} lines excepted): standard output
 * and error, the job summary, the outputs, every body sent to GitHub (check runs, comments), every workflow
 * submitted, the report directory, rendered dry-run files, or any other file the run wrote.
 */
class CanarySecretEndToEndTest {

    static final String GITHUB_CANARY = "ghs_CANARY_d3adb33f_7c1e";
    static final String ARGO_CANARY = "argo-CANARY-5a17e0c2b9";

    @TempDir
    Path temp;

    ActionHarness action;
    Change change;
    FakeArgoServer argo;

    /** How the pipeline runs: where its workflows go, or that it only renders them. */
    enum Way { KUBERNETES, ARGO_SERVER, FORK_DRY_RUN }

    @BeforeEach
    void repositoryWithAChange() {
        action = ActionHarness.start(temp);
        change = action.commitTwoChangedRecipesAndAnInvalidOne();
    }

    @AfterEach
    void stop() {
        if (argo != null) {
            argo.close();
        }
        action.close();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Way.class)
    void theTokensAppearNowhere(Way way) {
        Result run = switch (way) {
            case KUBERNETES -> action.runAction("push", push(), Map.of("INPUT_TOKEN", GITHUB_CANARY));
            case ARGO_SERVER -> {
                argo = FakeArgoServer.start();
                // a server that echoes the credentials it was sent in an error, once
                argo.server.stubFor(get(urlPathEqualTo(FakeArgoServer.WORKFLOWS)).inScenario("echo")
                        .whenScenarioStateIs(STARTED).willSetStateTo("echoed").willReturn(aResponse()
                                .withStatus(500).withHeader("Content-Type", "application/json")
                                .withBody("{\"code\":2,\"message\":\"token Bearer " + ARGO_CANARY
                                        + " is not valid here\"}")));
                yield action.runAction("push", push(), Map.of("INPUT_TOKEN", GITHUB_CANARY, "INPUT_MODE",
                        "argo-server", "INPUT_ARGO-SERVER", argo.baseUrl(), "INPUT_ARGO-TOKEN", ARGO_CANARY));
            }
            case FORK_DRY_RUN -> {
                String merge = action.repository.branch("pull/2/merge", change.after()).commit("Merge into main");
                yield action.runAction("pull_request", forkPullRequest(), Map.of("INPUT_TOKEN", GITHUB_CANARY,
                        "GITHUB_SHA", merge, "GITHUB_REF", "refs/pull/2/merge", "INPUT_ARGO-TOKEN", ARGO_CANARY));
            }
        };

        assertThat(run.code()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).as("the token is masked first").contains("::add-mask::" + GITHUB_CANARY);
        assertThat(action.github.getAllServeEvents()).as("GitHub was called with the canary").isNotEmpty()
                .allSatisfy(e -> assertThat(e.getRequest().getHeader("Authorization")).contains(GITHUB_CANARY));
        Map<String, String> traces = new LinkedHashMap<>();
        traces.put("standard output and error", run.printedUnmasked());
        traces.put("the job summary", action.summary());
        traces.put("the outputs", ActionHarness.read(action.outputFile()));
        traces.putAll(bodies("GitHub", action.github));
        traces.putAll(files(temp));
        if (argo != null) {
            assertThat(argo.server.getAllServeEvents()).as("Argo was called with the canary").isNotEmpty()
                    .allSatisfy(e -> assertThat(e.getRequest().getHeader("Authorization"))
                            .isEqualTo("Bearer " + ARGO_CANARY));
            assertThat(argo.submitted()).hasSize(2);
            assertThat(argo.server.getAllScenarios().getScenarios()).as("the server echoed the token")
                    .anySatisfy(s -> assertThat(s.getState()).isEqualTo("echoed"));
            traces.putAll(bodies("Argo Server", argo.server));
            traces.put("the workflows submitted", argo.submitted().toString());
            assertThat(run.err()).contains("::add-mask::" + ARGO_CANARY);
        } else if (way == Way.KUBERNETES) {
            assertThat(action.cluster.workflows()).hasSize(2);
            traces.put("the workflows submitted", action.cluster.workflows().toString());
        } else {
            assertThat(action.cluster.workflows()).isEmpty();
        }
        assertThat(action.outputs().get("report-dir")).as("the report directory is among the files searched")
                .startsWith(temp.toString());
        if (way == Way.FORK_DRY_RUN) {
            assertThat(traces).as("the rendered workflows are among the files searched")
                    .containsKey("file " + temp.resolve("ogdc-dry-run/alpha-contours-shell.yaml"));
        }

        traces.forEach((where, text) -> assertThat(text).as(where)
                .doesNotContain(GITHUB_CANARY, ARGO_CANARY, MockCluster.TOKEN));
    }

    private ObjectNode push() {
        return ActionHarness.webhook("push.branch-updated.probot.json").put("before", change.before())
                .put("after", change.after()).put("ref", "refs/heads/main");
    }

    private ObjectNode forkPullRequest() {
        ObjectNode payload = ActionHarness.webhook("pull_request.opened.json");
        ObjectNode pull = (ObjectNode) payload.path("pull_request");
        ((ObjectNode) pull.path("base")).put("sha", change.before()).put("ref", "main");
        ObjectNode head = ((ObjectNode) pull.path("head")).put("sha", change.after()).put("ref", "changes");
        ((ObjectNode) head.path("repo")).put("full_name", "someone/fork");
        return payload;
    }

    /** Every request {@code server} got: its URL and body, by request. */
    private static Map<String, String> bodies(String name, WireMockServer server) {
        Map<String, String> bodies = new LinkedHashMap<>();
        server.getAllServeEvents().forEach(e -> bodies.put(name + " " + e.getRequest().getMethod() + " "
                + e.getRequest().getUrl() + " #" + e.getId(), e.getRequest().getUrl() + "\n"
                + e.getRequest().getBodyAsString()));
        return bodies;
    }

    /**
     * Every file under {@code temp} but the kubeconfig (which holds the cluster's token by design) and the
     * repository's Git database: the report directory, rendered files, the step's files and anything else.
     */
    private static Map<String, String> files(Path temp) {
        Map<String, String> files = new LinkedHashMap<>();
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(temp)) {
            walk.filter(Files::isRegularFile).filter(p -> !p.equals(temp.resolve("kubeconfig")))
                    .filter(p -> !p.startsWith(temp.resolve("repo/.git"))).forEach(paths::add);
            for (Path path : paths) {
                files.put("file " + path, new String(Files.readAllBytes(path), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
