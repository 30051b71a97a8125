package net.qgreenland.ogdc.cluster;

import static net.qgreenland.ogdc.cluster.MockCluster.NAMESPACE;
import static net.qgreenland.ogdc.cluster.MockCluster.TOKEN;
import static net.qgreenland.ogdc.cluster.MockCluster.workflow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;
import net.qgreenland.ogdc.argo.model.Workflow;
import net.qgreenland.ogdc.cluster.ClusterException.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The Kubernetes adapter against Fabric8's CRUD mock API server: what it asks, what it stores, how it fails. */
class KubernetesArgoGatewayTest {

    static final Map<String, String> SEAL_TAGS = Map.of("ogdc/recipe-id", "seal-tags", "ogdc/commit", "abc1234");
    static final LabelSelector SEAL_TAGS_SELECTOR = LabelSelector.of(Map.of("ogdc/recipe-id", "seal-tags"));
    private static final ObjectMapper JSON = new ObjectMapper();

    private MockCluster cluster;
    private KubernetesArgoGateway gateway;

    @BeforeEach
    void start() {
        cluster = new MockCluster();
        gateway = cluster.gateway();
    }

    @AfterEach
    void stop() {
        gateway.close();
        cluster.close();
    }

    @Test
    void submitCreatesTheWorkflowInTheGatewaysNamespaceAndReturnsItNamedAndPending() {
        WorkflowState created = gateway.submit(workflow("seal-tags-shell-", SEAL_TAGS));

        assertThat(created.name()).startsWith("seal-tags-shell-").hasSizeGreaterThan("seal-tags-shell-".length());
        assertThat(created.namespace()).isEqualTo(NAMESPACE);
        assertThat(created.phase()).isEqualTo(WorkflowPhase.PENDING);
        assertThat(created.labels()).containsAllEntriesOf(SEAL_TAGS);
        assertThat(created.resourceVersion()).isNotEmpty();
        JsonNode stored = JSON.valueToTree(cluster.controller.stored(created.name()));
        assertThat(stored.path("metadata").path("namespace").asText()).isEqualTo(NAMESPACE);
        assertThat(stored.path("spec").path("entrypoint").asText()).isEqualTo("main");
        assertThat(cluster.dispatcher.count("POST",
                p -> p.equals("/apis/argoproj.io/v1alpha1/namespaces/qgnet/workflows"))).isEqualTo(1);
    }

    @Test
    void findByNameReadsTheWorkflowAndFindsNothingForANameNotInTheCluster() {
        WorkflowState created = gateway.submit(workflow("seal-tags-shell-", SEAL_TAGS));
        cluster.controller.advance(created.name());
        cluster.controller.advance(created.name());

        Optional<WorkflowState> found = gateway.findByName(created.name());

        assertThat(found).hasValueSatisfying(s -> {
            assertThat(s.phase()).isEqualTo(WorkflowPhase.RUNNING);
            assertThat(s.progress()).contains("1/3");
            assertThat(s.startedAt()).contains(ArgoTestController.STARTED);
            assertThat(s.nodes()).hasSize(4);
        });
        assertThat(gateway.findByName("seal-tags-shell-gone1")).isEmpty();
    }

    @Test
    void findReturnsOnlyTheMatchingWorkflowsNewestFirst() {
        Instant noon = Instant.parse("2026-03-01T12:00:00Z");
        String newest = submitCreatedAt(workflow("seal-tags-shell-", SEAL_TAGS), noon.plusSeconds(120));
        submitCreatedAt(workflow("other-shell-", Map.of("ogdc/recipe-id", "other", "ogdc/commit", "abc1234")),
                noon.plusSeconds(150));
        String oldest = submitCreatedAt(workflow("seal-tags-shell-", SEAL_TAGS), noon);
        submitCreatedAt(workflow("seal-tags-shell-", Map.of("ogdc/recipe-id", "seal-tags", "ogdc/commit", "0ld")),
                noon.plusSeconds(200));
        String middle = submitCreatedAt(workflow("seal-tags-visualization-", SEAL_TAGS), noon.plusSeconds(60));

        List<WorkflowState> found = gateway.find(new LabelSelector(new TreeMap<>(Map.of("ogdc/recipe-id",
                "seal-tags")), new TreeMap<>(Map.of("ogdc/commit", Set.of("abc1234", "def5678")))));

        assertThat(found).extracting(WorkflowState::name).containsExactly(newest, middle, oldest);
        assertThat(found.get(0).createdAt()).contains(noon.plusSeconds(120));
        assertThat(cluster.dispatcher.requests()).anySatisfy(r -> assertThat(URLDecoder.decode(r,
                StandardCharsets.UTF_8)).contains("labelSelector=").contains("ogdc/recipe-id=seal-tags")
                .contains("ogdc/commit in (abc1234,def5678)"));
    }

    private String submitCreatedAt(Workflow workflow, Instant created) {
        String name = gateway.submit(workflow).name();
        cluster.dispatcher.setCreationTimestamp("/apis/argoproj.io/v1alpha1/namespaces/qgnet/workflows/" + name,
                created);
        return name;
    }

    @ParameterizedTest
    @CsvSource({"Stop, superseded by a newer commit", "Terminate, ''"})
    void stopAndTerminateSetTheShutdownOfTheStoredWorkflow(String shutdown, String message) {
        String name = gateway.submit(workflow("seal-tags-shell-", SEAL_TAGS)).name();

        if (shutdown.equals("Stop")) {
            gateway.stop(name, message);
        } else {
            gateway.terminate(name);
        }

        JsonNode stored = JSON.valueToTree(cluster.controller.stored(name));
        assertThat(stored.path("spec").path("shutdown").asText()).isEqualTo(shutdown);
        assertThat(stored.path("spec").path("entrypoint").asText()).isEqualTo("main");
        assertThat(stored.path("metadata").path("annotations").path(KubernetesArgoGateway.STOP_MESSAGE_ANNOTATION)
                .asText()).isEqualTo(message);
        assertThat(cluster.log).anySatisfy(line -> assertThat(line).contains(name).contains(message));
    }

    @Test
    void deleteRemovesTheWorkflowAndDeletingItAgainIsNoError() {
        String name = gateway.submit(workflow("seal-tags-check-published-", SEAL_TAGS)).name();

        gateway.delete(name);
        gateway.delete(name);

        assertThat(gateway.findByName(name)).isEmpty();
        assertThat(cluster.dispatcher.count("DELETE", p -> p.endsWith("/workflows/" + name))).isEqualTo(2);
    }

    @Test
    void describeNamesTheApiServerAndTheNamespace() {
        assertThat(gateway.describe()).isEqualTo("Kubernetes API " + cluster.apiUrl() + ", namespace qgnet");
        assertThat(gateway.namespace()).isEqualTo(NAMESPACE);
    }

    @Test
    void failedNodeLogsReadTheEndOfTheMainContainerOfThePodArgoNamed() {
        WorkflowState failed = finished("Failed");
        NodeState node = failed.failedPods().get(0);
        String pod = PodNames.of(failed, node);
        cluster.controller.createPod(pod, failed, node);
        cluster.dispatcher.podLog(pod, "starting\nreading input\nogr2ogr: cannot open /input_dir/x.shp\nexit 3\n");

        List<NodeLog> logs = gateway.failedNodeLogs(failed, 2);

        assertThat(logs).containsExactly(new NodeLog("cmd-1", pod,
                List.of("ogr2ogr: cannot open /input_dir/x.shp", "exit 3"), Optional.empty()));
        assertThat(cluster.dispatcher.requests()).contains(
                "GET /api/v1/namespaces/qgnet/pods/" + pod + "/log?container=main&tailLines=2");
    }

    @Test
    void failedNodeLogsFindAPodByItsNodeIdAnnotationWhenItHasAnotherName() {
        WorkflowState failed = finished("Error");
        NodeState node = failed.failedPods().get(0);
        cluster.controller.createPod(node.id(), failed, node);
        cluster.dispatcher.podLog(node.id(), "pod deleted\n");

        List<NodeLog> logs = gateway.failedNodeLogs(failed, 50);

        assertThat(logs).containsExactly(new NodeLog("cmd-1", node.id(), List.of("pod deleted"), Optional.empty()));
    }

    @Test
    void failedNodeLogsReportAPodThatIsGoneAsAProblem() {
        WorkflowState failed = finished("Failed");
        String pod = PodNames.of(failed, failed.failedPods().get(0));

        List<NodeLog> logs = gateway.failedNodeLogs(failed, 50);

        assertThat(logs).singleElement().satisfies(log -> {
            assertThat(log.podName()).isEqualTo(pod);
            assertThat(log.lines()).isEmpty();
            assertThat(log.problem()).hasValueSatisfying(p -> assertThat(p).contains("pod '" + pod + "'")
                    .contains("no longer exists in namespace 'qgnet'"));
        });
    }

    @Test
    void failedNodeLogsReportALogThatMayNotBeReadAsAProblem() {
        WorkflowState failed = finished("Failed");
        NodeState node = failed.failedPods().get(0);
        String pod = PodNames.of(failed, node);
        cluster.controller.createPod(pod, failed, node);
        cluster.dispatcher.fail("GET", "/log", 1, 403, "Forbidden",
                "pods \"" + pod + "\" is forbidden: cannot get resource \"pods/log\"");

        List<NodeLog> logs = gateway.failedNodeLogs(failed, 50);

        assertThat(logs).singleElement().satisfies(log -> assertThat(log.problem()).hasValueSatisfying(p ->
                assertThat(p).startsWith("reading the log of pod '" + pod + "' in namespace 'qgnet' of Kubernetes API "
                        + cluster.apiUrl() + " failed: 403 Forbidden: pods \"" + pod + "\" is forbidden")));
    }

    @Test
    void aSucceededWorkflowHasNoFailedNodeLogsAndCostsNoRequest() {
        WorkflowState succeeded = finished("Succeeded");
        int before = cluster.dispatcher.requests().size();

        assertThat(gateway.failedNodeLogs(succeeded, 50)).isEmpty();
        assertThat(cluster.dispatcher.requests()).hasSize(before);
    }

    private WorkflowState finished(String outcome) {
        String name = gateway.submit(workflow("seal-tags-shell-", Map.of(ArgoTestController.OUTCOME_LABEL,
                outcome))).name();
        cluster.controller.finish(name);
        return gateway.findByName(name).orElseThrow();
    }

    static final String EXISTING = "seal-tags-shell-x7k2p";

    /** Every operation, how to call it, the request it makes and how its failure message begins. */
    static Stream<Arguments> operations() {
        return Stream.of(
                operation("submit", "POST", "/workflows", g -> g.submit(workflow("seal-tags-shell-", SEAL_TAGS)),
                        "submitting Workflow 'seal-tags-shell-' to namespace 'qgnet'"),
                operation("find", "GET", "/workflows?", g -> g.find(SEAL_TAGS_SELECTOR),
                        "listing Workflows labelled 'ogdc/recipe-id=seal-tags' in namespace 'qgnet'"),
                operation("watch", "GET", "/workflows?", g -> g.watch(SEAL_TAGS_SELECTOR, s -> { }),
                        "listing Workflows labelled 'ogdc/recipe-id=seal-tags' in namespace 'qgnet'"),
                operation("findByName", "GET", "/workflows/" + EXISTING, g -> g.findByName(EXISTING),
                        "reading Workflow '" + EXISTING + "' in namespace 'qgnet'"),
                operation("stop", "PATCH", "/workflows/" + EXISTING, g -> g.stop(EXISTING, "superseded"),
                        "stopping Workflow '" + EXISTING + "' in namespace 'qgnet'"),
                operation("terminate", "PATCH", "/workflows/" + EXISTING, g -> g.terminate(EXISTING),
                        "terminating Workflow '" + EXISTING + "' in namespace 'qgnet'"),
                operation("delete", "DELETE", "/workflows/" + EXISTING, g -> g.delete(EXISTING),
                        "deleting Workflow '" + EXISTING + "' in namespace 'qgnet'"));
    }

    private static Arguments operation(String name, String method, String path, Consumer<ArgoGateway> call,
            String attempted) {
        return arguments(name, method, path, call, attempted);
    }

    static Stream<Arguments> operationsAndRefusals() {
        return operations().flatMap(o -> Stream.of(401, 403).map(code -> {
            Object[] values = o.get();
            return arguments(values[0], values[1], values[2], values[3], values[4], code);
        }));
    }

    @ParameterizedTest(name = "{0} answered {5}")
    @MethodSource("operationsAndRefusals")
    void aRefusedCallFailsAtOnceNamingTheOperationTheWorkflowTheNamespaceAndTheApiWithAdvice(String operation,
            String method, String path, Consumer<ArgoGateway> call, String attempted, int code) {
        String apiMessage = code == 401 ? "Unauthorized: the bearer token " + TOKEN + " has expired"
                : "workflows.argoproj.io is forbidden: User \"system:serviceaccount:qgnet:runner\" cannot "
                        + operation + " workflows in the namespace \"qgnet\"";
        gateway.submit(MockCluster.namedWorkflow(EXISTING, SEAL_TAGS));
        long before = cluster.dispatcher.count(method, p -> p.contains(path) && !p.contains("watch=true"));
        cluster.dispatcher.fail(method, path, 10, code, code == 401 ? "Unauthorized" : "Forbidden", apiMessage);
        Reason reason = code == 401 ? Reason.UNAUTHORIZED : Reason.FORBIDDEN;

        assertThatThrownBy(() -> call.accept(gateway)).isInstanceOfSatisfying(ClusterException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.getMessage())
                    .startsWith(attempted + " of Kubernetes API " + cluster.apiUrl() + " failed: " + code + " "
                            + (code == 401 ? "Unauthorized" : "Forbidden") + ": "
                            + apiMessage.replace(TOKEN, "***") + ". ")
                    .endsWith(ClusterException.adviceFor(reason))
                    .doesNotContain(TOKEN);
        });
        assertThat(cluster.dispatcher.count(method, p -> p.contains(path) && !p.contains("watch=true")) - before)
                .as("a refusal is final: not retried").isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} answered {2} {3} time(s): {4} after {5} request(s)")
    @CsvSource({
        "findByName, GET,    500, 1, succeeds, 2",
        "find,       GET,    503, 2, succeeds, 3",
        "findByName, GET,    502, 5, UNAVAILABLE, 3",
        "stop,       PATCH,  500, 1, succeeds, 2",
        "delete,     DELETE, 504, 1, succeeds, 2",
        "submit,     POST,   503, 1, succeeds, 2",
        "submit,     POST,   429, 2, succeeds, 3",
        "submit,     POST,   500, 1, UNAVAILABLE, 1",
        "submit,     POST,   504, 1, TIMEOUT, 1",
    })
    void transientFailuresAreRetriedExceptWhereACreateMayAlreadyHaveHappened(String operation, String method,
            int code, int times, String outcome, int requests) {
        String name = gateway.submit(workflow("seal-tags-shell-", SEAL_TAGS)).name();
        String path = method.equals("POST") ? "/workflows" : operation.equals("find") ? "/workflows?"
                : "/workflows/" + name;
        cluster.dispatcher.fail(method, path, times, code, "InternalError", "etcdserver: request timed out");
        long before = cluster.dispatcher.count(method, p -> p.contains(path));
        Runnable call = () -> {
            switch (operation) {
                case "findByName":
                    assertThat(gateway.findByName(name)).isPresent();
                    break;
                case "find":
                    assertThat(gateway.find(SEAL_TAGS_SELECTOR)).hasSize(1);
                    break;
                case "stop":
                    gateway.stop(name, "");
                    break;
                case "delete":
                    gateway.delete(name);
                    break;
                default:
                    assertThat(gateway.submit(workflow("seal-tags-shell-", SEAL_TAGS)).name()).isNotEqualTo(name);
            }
        };

        if (outcome.equals("succeeds")) {
            call.run();
            assertThat(cluster.log).anySatisfy(l -> assertThat(l).contains("failed (" + code + " "));
        } else {
            assertThatThrownBy(call::run).isInstanceOfSatisfying(ClusterException.class, e -> {
                assertThat(e.reason()).isEqualTo(Reason.valueOf(outcome));
                assertThat(e.getMessage()).contains(" failed: " + code + " ", "etcdserver: request timed out",
                        ClusterException.adviceFor(Reason.valueOf(outcome)));
            });
        }
        assertThat(cluster.dispatcher.count(method, p -> p.contains(path)) - before).isEqualTo(requests);
    }

    @Test
    void aServerThatRefusesConnectionsIsRetriedEvenForACreateAndThenReportedUnavailable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> log = new CopyOnWriteArrayList<>();
        KubernetesClient client = new KubernetesClientBuilder()
                .withConfig(new ConfigBuilder(Config.empty())
                        .withMasterUrl("http://127.0.0.1:" + port).withOauthToken(TOKEN).build())
                .withHttpClientFactory(new JdkHttpClientFactory()).build();
        try (KubernetesArgoGateway down = new KubernetesArgoGateway(client, NAMESPACE, MockCluster.NO_WAIT,
                MockCluster.SHORT, log::add)) {
            assertThatThrownBy(() -> down.submit(workflow("seal-tags-shell-", SEAL_TAGS)))
                    .isInstanceOfSatisfying(ClusterException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
                        assertThat(e.getMessage()).startsWith("submitting Workflow 'seal-tags-shell-' to namespace"
                                + " 'qgnet' of Kubernetes API http://127.0.0.1:" + port + " failed: no answer: ")
                                .endsWith(ClusterException.adviceFor(Reason.UNAVAILABLE));
                    });
        }
        assertThat(log).hasSize(2).allSatisfy(l -> assertThat(l).contains("failed (no answer"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void aClusterWithoutArgoSaysSoInsteadOfNotFound(String operation, String method, String path,
            Consumer<ArgoGateway> call, String attempted) {
        cluster.dispatcher.withoutArgo();
        if (operation.equals("delete")) {
            call.accept(gateway); // Fabric8 answers any 404 to a delete with "nothing deleted"
            return;
        }

        assertThatThrownBy(() -> call.accept(gateway)).isInstanceOfSatisfying(ClusterException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
            assertThat(e.getMessage()).startsWith(attempted + " of Kubernetes API " + cluster.apiUrl()
                    + " failed: 404 Not Found: the server could not find the requested resource. Argo Workflows is"
                    + " not installed in this cluster");
        });
    }

    @Test
    void aMissingNamespaceIsNamedAsSuch() {
        cluster.dispatcher.fail("POST", "/workflows", 1, 404, "NotFound", "namespaces \"qgnet\" not found");

        assertThatThrownBy(() -> gateway.submit(workflow("seal-tags-shell-", SEAL_TAGS)))
                .isInstanceOfSatisfying(ClusterException.class, e -> assertThat(e.getMessage())
                        .contains("failed: 404 Not Found: namespaces \"qgnet\" not found."));
    }
}
