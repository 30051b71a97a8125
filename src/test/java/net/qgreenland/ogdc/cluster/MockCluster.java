package net.qgreenland.ogdc.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import net.qgreenland.ogdc.argo.model.ArgoDocuments;
import net.qgreenland.ogdc.argo.model.Workflow;

/**
 * A Fabric8 mock API server in CRUD mode behind a {@link FaultInjectingDispatcher}, an {@link ArgoTestController}
 * on it, and gateways to it that log into {@link #log}.
 */
final class MockCluster implements AutoCloseable {

    static final String NAMESPACE = "qgnet";
    /** The bearer token the gateways send: it must never show up in a message or a log line. */
    static final String TOKEN = "tok-9f2c41e7a0b3";
    /** No waiting between attempts, so retry tests take no time; three attempts in all. */
    static final TransientRetry NO_WAIT = new TransientRetry(3, Duration.ZERO, Duration.ZERO);
    static final ReconnectDelays SHORT = new ReconnectDelays(Duration.ofMillis(20), Duration.ofMillis(200));

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Held so the level sticks: the mock server logs every request at INFO through java.util.logging. */
    private static final java.util.logging.Logger MOCK_SERVER_LOG = quiet("io.fabric8.mockwebserver");

    final FaultInjectingDispatcher dispatcher = new FaultInjectingDispatcher();
    final KubernetesMockServer server =
            new KubernetesMockServer(new Context(), http11Only(), new HashMap<>(), dispatcher, false);
    final List<String> log = new CopyOnWriteArrayList<>();
    private final KubernetesClient controllerClient;
    final ArgoTestController controller;

    MockCluster() {
        server.init();
        controllerClient = server.createClient(new JdkHttpClientFactory());
        controller = new ArgoTestController(controllerClient, NAMESPACE);
    }

    KubernetesArgoGateway gateway() {
        return gateway(NO_WAIT);
    }

    KubernetesArgoGateway gateway(TransientRetry retry) {
        KubernetesClient client = server.createClient(builder -> builder
                .withHttpClientFactory(new JdkHttpClientFactory())
                .editOrNewConfig().withOauthToken(TOKEN).endConfig());
        return new KubernetesArgoGateway(client, NAMESPACE, retry, SHORT, log::add);
    }

    /** {@code http://localhost:<port>}, as messages name the API server. */
    String apiUrl() {
        return server.url("/").replaceAll("/+$", "");
    }

    /** Every workflow stored in the namespace, as the API server returns it. */
    List<ObjectNode> workflows() {
        return controllerClient.genericKubernetesResources(KubernetesArgoGateway.WORKFLOWS).inNamespace(NAMESPACE)
                .list().getItems().stream().map(workflow -> (ObjectNode) JSON.valueToTree(workflow)).toList();
    }

    /**
     * Writes to {@code file} a kubeconfig for this cluster (context {@code mock}, namespace {@value #NAMESPACE},
     * bearer {@link #TOKEN}) and returns the file.
     */
    Path writeKubeconfig(Path file) {
        try {
            Files.writeString(file, """
                    apiVersion: v1
                    kind: Config
                    clusters:
                    - {name: mock, cluster: {server: "%s"}}
                    contexts:
                    - {name: mock, context: {cluster: mock, user: tester, namespace: %s}}
                    current-context: mock
                    users:
                    - {name: tester, user: {token: %s}}
                    """.formatted(apiUrl(), NAMESPACE, TOKEN));
        } catch (IOException e) {
            throw new UncheckedIOException("writing the mock cluster's kubeconfig failed", e);
        }
        return file;
    }

    /** A one-step workflow called {@code generateName} plus five random characters once submitted. */
    static Workflow workflow(String generateName, Map<String, String> labels) {
        return ArgoDocuments.fromYaml("""
                metadata:
                  generateName: %s
                  namespace: somewhere-else
                spec:
                  entrypoint: main
                  templates:
                    - name: main
                      container:
                        image: alpine:3.20
                        command: [sh, -c, "exit 0"]
                """.formatted(generateName)).withLabels(labels);
    }

    /**
     * A mock web server that does not take the JDK client's cleartext HTTP/2 upgrade (h2c). With it, now and then a
     * request was never completed (a run hung in a list call for good, past the client's timeout) or stalled for half
     * a minute, in about one suite of end-to-end tests in three repeated 20 times; over HTTP/1.1 none did. A real API
     * server speaks HTTP/2 only over TLS.
     */
    private static MockWebServer http11Only() {
        MockWebServer web = new MockWebServer();
        web.setHttp2ClearTextEnabled(false);
        return web;
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.WARNING);
        return logger;
    }

    /** The same workflow with a fixed name. */
    static Workflow namedWorkflow(String name, Map<String, String> labels) {
        return ArgoDocuments.fromYaml(ArgoDocuments.toYaml(workflow("unused-", labels))
                .replace("generateName: unused-", "name: " + name));
    }

    /**
     * Until the returned handle is closed, finishes every workflow submitted to the mock as soon as its creation is
     * seen (as {@link ArgoTestController#finish} does), so that commands waiting for their workflows see them end.
     */
    AutoCloseable finishingEverySubmittedWorkflow() {
        io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext workflows =
                new io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext.Builder()
                        .withGroup("argoproj.io").withVersion("v1alpha1").withKind("Workflow")
                        .withPlural("workflows").withNamespaced(true).build();
        return controllerClient.genericKubernetesResources(workflows).inNamespace(NAMESPACE).watch(
                new io.fabric8.kubernetes.client.Watcher<io.fabric8.kubernetes.api.model.GenericKubernetesResource>() {
                    @Override
                    public void eventReceived(Action action,
                            io.fabric8.kubernetes.api.model.GenericKubernetesResource workflow) {
                        if (action == Action.ADDED && workflow.getAdditionalProperties().get("status") == null) {
                            controller.finish(workflow.getMetadata().getName());
                        }
                    }

                    @Override
                    public void onClose(io.fabric8.kubernetes.client.WatcherException cause) {
                        // closed by the test
                    }
                })::close;
    }

    @Override
    public void close() {
        controllerClient.close();
        server.destroy();
    }
}
