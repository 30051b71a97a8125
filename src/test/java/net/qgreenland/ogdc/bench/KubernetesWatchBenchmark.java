package net.qgreenland.ogdc.bench;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import net.qgreenland.ogdc.argo.model.ArgoDocuments;
import net.qgreenland.ogdc.cluster.KubernetesArgoGateway;
import net.qgreenland.ogdc.cluster.LabelSelector;
import net.qgreenland.ogdc.cluster.WorkflowPhase;
import net.qgreenland.ogdc.cluster.WorkflowWatch;

/**
 * Times how soon a workflow's phase change is seen: by {@code KubernetesArgoGateway}'s watch, against the baseline of
 * the Python CLI's loop (GET the workflow, compare its phase, sleep 5 s), in the same run on Fabric8's CRUD mock API
 * server. Each sample is one workflow, submitted and set {@code Running}, whose phase becomes {@code Succeeded} at a
 * random moment 1 to 11 s after its poll loop started; latency runs from just before the status PATCH to the moment
 * the observer has the new phase. Not a test: it prints a Markdown table and writes it to
 * {@code target/bench/kubernetes-watch.md}.
 *
 * <pre>
 * ./mvnw -B -q -o test-compile
 * ./mvnw -B -q -o dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt
 * java -cp target/classes:target/test-classes:$(cat target/test-classpath.txt) \
 *     net.qgreenland.ogdc.bench.KubernetesWatchBenchmark [samples]
 * </pre>
 */
public final class KubernetesWatchBenchmark {

    static final String NAMESPACE = "bench";
    static final long POLL_SECONDS = 5;
    static final ResourceDefinitionContext WORKFLOWS = new ResourceDefinitionContext.Builder()
            .withGroup("argoproj.io").withVersion("v1alpha1").withKind("Workflow").withPlural("workflows")
            .withNamespaced(true).build();

    /** Held so the level sticks: the mock server logs every request at INFO through java.util.logging. */
    private static final java.util.logging.Logger MOCK_SERVER_LOG =
            java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

    private KubernetesWatchBenchmark() {}

    public static void main(String[] args) throws Exception {
        MOCK_SERVER_LOG.setLevel(java.util.logging.Level.WARNING);
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Random random = new Random(20260301);
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        server.init();
        Path kubeconfig = Files.createTempFile("ogdc-bench-kubeconfig-", ".yaml");
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4);
        try (KubernetesClient controller = server.createClient(new JdkHttpClientFactory());
                KubernetesClient poller = server.createClient(new JdkHttpClientFactory())) {
            Files.writeString(kubeconfig, kubeconfig(server.url("/")));
            Map<String, Long> changedAt = new ConcurrentHashMap<>();
            Map<String, Long> watchSaw = new ConcurrentHashMap<>();
            Map<String, Long> pollSaw = new ConcurrentHashMap<>();
            try (KubernetesArgoGateway gateway = KubernetesArgoGateway.connect(Optional.of(kubeconfig),
                    Optional.empty(), Optional.of(NAMESPACE), line -> { })) {
                List<String> names = new ArrayList<>();
                for (int i = 0; i < samples; i++) {
                    String name = gateway.submit(ArgoDocuments.fromYaml(WORKFLOW)).name();
                    setPhase(controller, name, "Running");
                    names.add(name);
                }
                try (WorkflowWatch watch = gateway.watch(LabelSelector.of(Map.of("bench/run", "watch-latency")),
                        state -> {
                            if (state.phase() == WorkflowPhase.SUCCEEDED) {
                                watchSaw.putIfAbsent(state.name(), System.nanoTime());
                            }
                        })) {
                    for (String name : names) {
                        // the baseline: GET, compare the phase, wait 5 s after each answer, as the Python CLI does
                        scheduler.scheduleWithFixedDelay(() -> {
                            if (!pollSaw.containsKey(name) && phase(poller, name).equals("Succeeded")) {
                                pollSaw.putIfAbsent(name, System.nanoTime());
                            }
                        }, 0, POLL_SECONDS, TimeUnit.SECONDS);
                        long delay = 1000 + random.nextInt(10_000);
                        scheduler.schedule(() -> {
                            changedAt.put(name, System.nanoTime());
                            setPhase(controller, name, "Succeeded");
                        }, delay, TimeUnit.MILLISECONDS);
                    }
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(11 + 2 * POLL_SECONDS + 10);
                    while ((watchSaw.size() < samples || pollSaw.size() < samples) && System.nanoTime() < deadline) {
                        Thread.sleep(50);
                    }
                    if (watchSaw.size() < samples || pollSaw.size() < samples) {
                        throw new IllegalStateException("not every change was seen: watch " + watchSaw.size()
                                + ", polling " + pollSaw.size() + " of " + samples);
                    }
                }
                long[] polling = latencies(names, changedAt, pollSaw);
                long[] watching = latencies(names, changedAt, watchSaw);
                String header = "watch-latency benchmark: " + samples + " workflows on Fabric8's CRUD mock API server"
                        + " (in-process, loopback HTTP); phase Running -> Succeeded at a random moment 1-11 s into"
                        + " each poll loop; latency from just before the status PATCH to the observer having the"
                        + " new phase; " + Runtime.getRuntime().availableProcessors() + " cores; java "
                        + System.getProperty("java.version") + "\n\n";
                String table = "| case | runs | median ms | min | max | vs. baseline |\n"
                        + "|---|---:|---:|---:|---:|---:|\n"
                        + Measurements.row("GET every " + POLL_SECONDS + " s and compare the phase (baseline, as the"
                                + " Python CLI)", polling, polling, 1) + "\n"
                        + Measurements.row("`KubernetesArgoGateway.watch` (list, then watch)", watching, polling, 1)
                        + "\n";
                System.out.print(header + table);
                Path out = Path.of("target/bench/kubernetes-watch.md");
                Files.createDirectories(out.getParent());
                Files.writeString(out, header + table);
            }
        } finally {
            scheduler.shutdownNow();
            server.destroy();
            Files.deleteIfExists(kubeconfig);
        }
    }

    static final String WORKFLOW = """
            metadata:
              generateName: bench-shell-
              labels:
                bench/run: watch-latency
            spec:
              entrypoint: main
              templates:
                - name: main
                  container:
                    image: alpine:3.20
                    command: [sh, -c, "exit 0"]
            """;

    private static long[] latencies(List<String> names, Map<String, Long> changedAt, Map<String, Long> seenAt) {
        return names.stream().mapToLong(n -> (seenAt.get(n) - changedAt.get(n)) / 1000).toArray();
    }

    private static void setPhase(KubernetesClient client, String name, String phase) {
        client.genericKubernetesResources(WORKFLOWS).inNamespace(NAMESPACE).withName(name)
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"status\":{\"phase\":\"" + phase + "\"}}");
    }

    @SuppressWarnings("unchecked")
    private static String phase(KubernetesClient client, String name) {
        GenericKubernetesResource workflow = client.genericKubernetesResources(WORKFLOWS).inNamespace(NAMESPACE)
                .withName(name).get();
        Object status = workflow == null ? null : workflow.getAdditionalProperties().get("status");
        return status instanceof Map ? String.valueOf(((Map<String, Object>) status).get("phase")) : "";
    }

    private static String kubeconfig(String server) {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                  - name: mock
                    cluster: {server: %s}
                contexts:
                  - name: mock
                    context: {cluster: mock, user: bench}
                current-context: mock
                users:
                  - name: bench
                    user: {token: not-a-real-token}
                """.formatted(server);
    }
}
