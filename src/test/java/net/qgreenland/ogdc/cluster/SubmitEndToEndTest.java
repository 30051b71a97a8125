package net.qgreenland.ogdc.cluster;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.qgreenland.ogdc.cli.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ogdc-action submit}, {@code status} and {@code logs} end to end: the command line, the translation, the
 * labels and the gateways, against the Fabric8 mock server (state kept, as in a cluster), a WireMock Argo Server, and
 * as a dry run.
 */
class SubmitEndToEndTest {

    static final String RECIPE = RecipeSubmitterTest.TEMPORARY_RECIPE;
    static final String SHA = "0123456789abcdef0123456789abcdef01234567";
    static final ResourceDefinitionContext WORKFLOWS = new ResourceDefinitionContext.Builder()
            .withGroup("argoproj.io").withVersion("v1alpha1").withKind("Workflow").withPlural("workflows")
            .withNamespaced(true).build();

    @TempDir
    Path home;

    MockCluster cluster;
    WireMockServer argoServer;

    @AfterEach
    void stopServers() {
        if (cluster != null) {
            cluster.close();
        }
        if (argoServer != null) {
            argoServer.stop();
        }
    }

    @Test
    void submittingTheSameRecipeTwiceCreatesOneWorkflowAndForceASecond() throws Exception {
        cluster = new MockCluster();
        Map<String, String> env = kubeEnv();

        Run first = run(env, "submit", "--kubeconfig", kubeconfig().toString(), "--commit", SHA, RECIPE);
        Run second = run(env, "submit", "--kubeconfig", kubeconfig().toString(), "--commit", SHA, RECIPE);

        assertThat(first.code).as(first.err).isZero();
        assertThat(first.err).contains("workflows go to Kubernetes API " + cluster.apiUrl() + ", namespace qgnet",
                "a Kubernetes configuration was found");
        assertThat(first.out).contains("- " + RECIPE + ": submitted - arcticdem-v4-1-greenland-contours-shell-");
        assertThat(second.code).isZero();
        assertThat(second.err).contains("already submitted at this commit with this content");
        assertThat(second.out).contains("(submitted earlier)");
        List<GenericKubernetesResource> stored = storedWorkflows();
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).getMetadata().getLabels())
                .containsEntry(RunLabels.COMMIT, SHA)
                .containsEntry(RunLabels.TRIGGER, "cli")
                .containsEntry(RunLabels.ROLE, "main");

        Run forced = run(env, "submit", "--kubeconfig", kubeconfig().toString(), "--commit", SHA, "--force", RECIPE);

        assertThat(forced.code).isZero();
        assertThat(storedWorkflows()).hasSize(2);
    }

    @Test
    void waitFollowsTheWorkflowToItsEndAndStatusShowsIt() throws Exception {
        cluster = new MockCluster();
        Map<String, String> env = kubeEnv();
        Run submitted;
        try (AutoCloseable argo = cluster.finishingEverySubmittedWorkflow()) {
            submitted = run(env, "submit", "--kubeconfig", kubeconfig().toString(), "--wait", RECIPE);
        }

        assertThat(submitted.code).as(submitted.err).isZero();
        assertThat(submitted.out).contains("✓ " + RECIPE + ": succeeded - ", "Succeeded in 4m10s",
                "1 recipe: 1 succeeded");
        String name = storedWorkflows().get(0).getMetadata().getName();

        Run status = run(env, "status", "--kubeconfig", kubeconfig().toString(), name, "no-such-workflow");
        Run logs = run(env, "logs", "--kubeconfig", kubeconfig().toString(), name);

        assertThat(status.code).isEqualTo(1);
        assertThat(status.out).contains(name + ": Succeeded 3/3, started 2026-03-01T12:00:00Z, finished "
                + "2026-03-01T12:04:10Z (pods: 3 Succeeded)", "no-such-workflow: not found in namespace qgnet");
        assertThat(logs.code).isZero();
        assertThat(logs.out).contains("No step of " + name + " failed.");
    }

    @Test
    void anArgoServerGetsTheTokenWhichIsMaskedAndNeverPrinted() throws Exception {
        argoServer = new WireMockServer(wireMockConfig().dynamicPort());
        argoServer.start();
        argoServer.stubFor(get(urlPathEqualTo(ArgoServerFixtures.WORKFLOWS)).willReturn(okJson("{\"items\": null}")));
        argoServer.stubFor(get(urlPathEqualTo(ArgoServerFixtures.EVENTS)).willReturn(aResponse().withStatus(501)));
        JsonNode created = ArgoServerFixtures.json("created.json");
        argoServer.stubFor(post(urlPathEqualTo(ArgoServerFixtures.WORKFLOWS)).willReturn(okJson(created.toString())));
        Map<String, String> env = new HashMap<>(Map.of("HOME", home.toString(), "GITHUB_ACTIONS", "true",
                "INPUT_ARGO-TOKEN", ArgoServerFixtures.TOKEN, "GITHUB_SHA", SHA, "GITHUB_EVENT_NAME", "push"));

        Run run = run(env, "submit", "--argo-server", argoServer.baseUrl(), RECIPE);

        assertThat(run.code).as(run.err).isZero();
        assertThat(run.err).startsWith("::add-mask::" + ArgoServerFixtures.TOKEN);
        assertThat(run.err.replace("::add-mask::" + ArgoServerFixtures.TOKEN, "") + run.out)
                .doesNotContain(ArgoServerFixtures.TOKEN);
        assertThat(run.err).contains("workflows go to Argo Server " + argoServer.baseUrl());
        argoServer.verify(1, postRequestedFor(urlPathEqualTo(ArgoServerFixtures.WORKFLOWS))
                .withHeader("Authorization", equalTo("Bearer " + ArgoServerFixtures.TOKEN)));
        argoServer.verify(getRequestedFor(urlPathEqualTo(ArgoServerFixtures.WORKFLOWS))
                .withQueryParam("listOptions.labelSelector", matching(".*ogdc/commit=" + SHA + ".*")));
        JsonNode body = new ObjectMapper().readTree(argoServer.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getMethod().getName().equals("POST")).findFirst().orElseThrow()
                .getRequest().getBodyAsString());
        assertThat(body.path("workflow").path("metadata").path("labels").path(RunLabels.TRIGGER).asText())
                .isEqualTo("push");
    }

    @Test
    void withoutAClusterAutoIsADryRunThatWritesTheWorkflows() throws Exception {
        Path output = home.resolve("out");

        Run run = run(Map.of("HOME", home.toString()), "submit", "--dry-run-dir", output.toString(),
                "example-recipe-repo/recipes/natural-earth-arctic-coast-rivers");

        assertThat(run.code).as(run.err).isZero();
        assertThat(run.err).contains("no Argo Server URL and no Kubernetes configuration were found");
        assertThat(run.out).contains("not submitted (dry run)", "1 recipe: 1 not submitted (dry run)");
        try (var files = Files.list(output)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("natural-earth-arctic-coastlines-and-river-check-published.yaml",
                            "natural-earth-arctic-coastlines-and-rivers-shell.yaml");
        }
    }

    @Test
    void statusNeedsACluster() {
        Run run = run(Map.of("HOME", home.toString()), "status", "x-shell-abcde");

        assertThat(run.code).isEqualTo(2);
        assertThat(run.err).contains("status needs a cluster: give --argo-server URL");
    }

    @Test
    void anUnknownModeIsAUsageError() {
        Run run = run(Map.of("HOME", home.toString()), "submit", "--mode", "kubectl", RECIPE);

        assertThat(run.code).isEqualTo(2);
        assertThat(run.err).contains("unknown mode 'kubectl'; use argo-server, kubernetes, dry-run or auto");
    }

    @Test
    void aClusterThatRefusesIsReportedPerRecipeWithExitCode1() throws Exception {
        cluster = new MockCluster();
        cluster.dispatcher.fail("POST", "/workflows", 1, 403, "Forbidden", "workflows.argoproj.io is forbidden");

        Run run = run(kubeEnv(), "submit", "--kubeconfig", kubeconfig().toString(), RECIPE);

        assertThat(run.code).isEqualTo(1);
        assertThat(run.out).contains("✗ " + RECIPE + ": not run - submitting Workflow", "403",
                "namespace 'qgnet'");
        assertThat(run.out + run.err).doesNotContain(MockCluster.TOKEN);
    }

    private Map<String, String> kubeEnv() {
        return Map.of("HOME", home.toString());
    }

    private Path kubeconfig() {
        return cluster.writeKubeconfig(home.resolve("kubeconfig"));
    }

    private List<GenericKubernetesResource> storedWorkflows() {
        try (KubernetesClient client = cluster.server.createClient(new JdkHttpClientFactory())) {
            return client.genericKubernetesResources(WORKFLOWS).inNamespace("qgnet").list().getItems();
        }
    }

    private static Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), env, args);
        return new Run(code, out.toString(), err.toString());
    }

    private record Run(int code, String out, String err) {}
}
