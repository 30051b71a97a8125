package net.qgreenland.ogdc.cluster;

import static net.qgreenland.ogdc.cluster.MockCluster.TOKEN;
import static net.qgreenland.ogdc.cluster.MockCluster.workflow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Finding the cluster: {@link KubernetesArgoGateway#isAvailable} (an in-cluster account or a kubeconfig) and
 * {@link KubernetesArgoGateway#connect} (a kubeconfig, its context and namespace).
 */
class KubernetesConnectionTest {

    static final LabelSelector SEAL_TAGS = LabelSelector.of(Map.of("ogdc/recipe-id", "seal-tags"));

    @TempDir
    Path dir;

    @ParameterizedTest(name = "host={0} token={1} KUBECONFIG={2} ~/.kube/config={3}: {4}")
    @CsvSource({
        "'',         false, '',               false, false",
        "10.96.0.1,  true,  '',               false, true",
        "10.96.0.1,  false, '',               false, false",
        "'',         true,  '',               false, false",
        "'',         false, existing,         false, true",
        "'',         false, missing,          false, false",
        "'',         false, missing,          true,  false",
        "'',         false, missing:existing, false, true",
        "'',         false, '',               true,  true",
        "10.96.0.1,  false, '',               true,  true",
    })
    void aClusterIsAvailableInsideOneOrThroughAKubeconfig(String serviceHost, boolean token, String kubeconfig,
            boolean homeConfig, boolean available) throws IOException {
        Path tokenFile = dir.resolve("token");
        if (token) {
            Files.writeString(tokenFile, "not a real token");
        }
        Path home = Files.createDirectories(dir.resolve("home"));
        if (homeConfig) {
            Files.createDirectories(home.resolve(".kube"));
            Files.writeString(home.resolve(".kube/config"), "apiVersion: v1\n");
        }
        Files.writeString(dir.resolve("existing"), "apiVersion: v1\n");
        Map<String, String> env = new HashMap<>(Map.of("HOME", home.toString()));
        if (!serviceHost.isEmpty()) {
            env.put("KUBERNETES_SERVICE_HOST", serviceHost);
        }
        if (!kubeconfig.isEmpty()) {
            env.put("KUBECONFIG", String.join(File.pathSeparator, Arrays.stream(kubeconfig.split(":"))
                    .map(name -> dir.resolve(name).toString()).toList()));
        }

        assertThat(KubernetesArgoGateway.isAvailable(env, tokenFile)).isEqualTo(available);
    }

    @ParameterizedTest(name = "context {0}, namespace {1}: {2}")
    @CsvSource({
        "ogdc,  '',    qgnet",
        "'',    '',    elsewhere",
        "other, qgnet, qgnet",
    })
    void connectReadsTheKubeconfigAndTakesTheNamespaceFromItsContextUnlessGivenOne(String context,
            String namespace, String expected) throws Exception {
        try (MockCluster cluster = new MockCluster(); KubernetesArgoGateway gateway = cluster.gateway()) {
            gateway.submit(workflow("seal-tags-shell-", Map.of("ogdc/recipe-id", "seal-tags")));
            Path kubeconfig = kubeconfig(cluster.apiUrl());

            try (KubernetesArgoGateway connected = KubernetesArgoGateway.connect(Optional.of(kubeconfig),
                    Optional.of(context).filter(c -> !c.isEmpty()), Optional.of(namespace).filter(n -> !n.isEmpty()),
                    cluster.log::add)) {
                assertThat(connected.namespace()).isEqualTo(expected);
                assertThat(connected.describe()).isEqualTo("Kubernetes API " + cluster.apiUrl() + ", namespace "
                        + expected);
                assertThat(connected.find(SEAL_TAGS)).hasSize(expected.equals("qgnet") ? 1 : 0);
            }
            assertThat(cluster.dispatcher.requests()).last().satisfies(r -> assertThat(r)
                    .startsWith("GET /apis/argoproj.io/v1alpha1/namespaces/" + expected + "/workflows?"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "missing file | | ogdc | is not a parseable Kubernetes Config",
        "broken YAML  | users:\\n  - name: runner\\n    user: {token: " + TOKEN + "\\n | ogdc"
                + " | it is not a valid kubeconfig (",
        "no such context | GOOD | staging | it has no context 'staging'",
    })
    void aKubeconfigThatCannotBeUsedIsReportedWithoutQuotingIt(String situation, String content, String context,
            String problem) throws Exception {
        Path kubeconfig = dir.resolve("config");
        if (content != null) {
            Files.writeString(kubeconfig, content.equals("GOOD") ? Files.readString(kubeconfig("http://127.0.0.1:1"))
                    : "apiVersion: v1\nkind: Config\n" + content.replace("\\n", "\n"));
        }

        assertThatThrownBy(() -> KubernetesArgoGateway.connect(Optional.of(kubeconfig), Optional.of(context),
                Optional.empty(), line -> { })).isInstanceOfSatisfying(ClusterException.class, e -> assertThat(
                        e.getMessage()).startsWith("reading the Kubernetes configuration from " + kubeconfig
                                + " (context " + context + ") failed: ").contains(problem).doesNotContain(TOKEN));
    }

    @Test
    void aGatewayNeverPutsItsTokenIntoAMessage() {
        try (MockCluster cluster = new MockCluster(); KubernetesArgoGateway gateway = cluster.gateway()) {
            cluster.dispatcher.fail("GET", "/workflows/", 1, 500, "InternalError", "token " + TOKEN + " rejected");
            cluster.dispatcher.fail("GET", "/workflows/", 5, 401, "Unauthorized", "token " + TOKEN + " expired");

            assertThatThrownBy(() -> gateway.findByName("seal-tags-shell-x7k2p"))
                    .isInstanceOfSatisfying(ClusterException.class, e -> {
                        assertThat(e.getMessage()).contains("token *** expired").doesNotContain(TOKEN);
                        assertThat(e.getCause()).as("a cause quoting the token is left out").isNull();
                    });
            assertThat(cluster.log).singleElement().satisfies(l -> assertThat(l).contains("token *** rejected"));
        }
    }

    private Path kubeconfig(String server) throws IOException {
        Path kubeconfig = Files.createTempFile(dir, "kubeconfig-", ".yaml");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters:
                  - name: mock
                    cluster:
                      server: %s
                contexts:
                  - name: ogdc
                    context: {cluster: mock, user: runner, namespace: qgnet}
                  - name: other
                    context: {cluster: mock, user: runner, namespace: elsewhere}
                current-context: other
                users:
                  - name: runner
                    user: {token: %s}
                """.formatted(server, TOKEN));
        return kubeconfig;
    }
}
