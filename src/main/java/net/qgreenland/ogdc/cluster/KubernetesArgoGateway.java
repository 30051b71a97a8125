package net.qgreenland.ogdc.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.RequestConfigBuilder;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import net.qgreenland.ogdc.argo.model.ArgoDocuments;
import net.qgreenland.ogdc.argo.model.Workflow;
import net.qgreenland.ogdc.cluster.KubernetesApiCalls.Repeatable;
import net.qgreenland.ogdc.secrets.SecretRedactor;

/**
 * The {@link ArgoGateway} that talks to the Kubernetes API through Fabric8, with Workflows as generic
 * {@code argoproj.io/v1alpha1} resources, as {@code kubectl} and Argo's controller see them.
 */
public final class KubernetesArgoGateway implements ArgoGateway {

    static final ResourceDefinitionContext WORKFLOWS = new ResourceDefinitionContext.Builder()
            .withGroup("argoproj.io").withVersion("v1alpha1").withKind("Workflow").withPlural("workflows")
            .withNamespaced(true).build();
    /** Where Kubernetes mounts a pod's service-account token. */
    static final Path SERVICE_ACCOUNT_TOKEN = Path.of("/var/run/secrets/kubernetes.io/serviceaccount/token");
    /** The annotation {@link #stop} leaves the reason in, for whoever looks at the workflow later. */
    static final String STOP_MESSAGE_ANNOTATION = "ogdc/stop-message";
    /** Argo labels every pod with its workflow's name and annotates it with its node's id. */
    static final String WORKFLOW_LABEL = "workflows.argoproj.io/workflow";
    static final String NODE_ID_ANNOTATION = "workflows.argoproj.io/node-id";
    static final String MAIN_CONTAINER = "main";
    private static final int MAX_STOP_MESSAGE = 1024;

    private final KubernetesClient given;
    private final KubernetesClient client;
    private final String namespace;
    private final String api;
    private final KubernetesApiCalls calls;
    private final ReconnectDelays reconnectDelays;
    private final Consumer<String> log;
    private final Set<KubernetesWorkflowWatch> watches = ConcurrentHashMap.newKeySet();

    /** A gateway over {@code client}, which it closes when closed. */
    KubernetesArgoGateway(KubernetesClient client, String namespace, TransientRetry retry,
            ReconnectDelays reconnectDelays, Consumer<String> log) {
        this.given = Objects.requireNonNull(client, "client");
        // Fabric8 would otherwise retry on its own (POSTs included, after a lost answer) and reconnect watches
        // from a stale resource version without telling us; TransientRetry and the watch's re-list do both here.
        this.client = client.newClient(new RequestConfigBuilder(client.getConfiguration().getRequestConfig())
                .withRequestRetryBackoffLimit(0).withWatchReconnectLimit(0).build()).adapt(KubernetesClient.class);
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        SecretRedactor redactor = new SecretRedactor(Optional.ofNullable(client.getConfiguration().getOauthToken()));
        this.api = "Kubernetes API " + redactor.redact(client.getMasterUrl().toString()).replaceAll("/+$", "");
        this.calls = new KubernetesApiCalls(retry, api, redactor, log);
        this.reconnectDelays = Objects.requireNonNull(reconnectDelays, "reconnectDelays");
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * Connects with the kubeconfig at {@code kubeconfig} (its {@code context}, else its current context), or
     * without one as Fabric8 configures itself: in-cluster service account, else {@code KUBECONFIG} or
     * {@code ~/.kube/config}. The namespace defaults to the context's or the service account's, else
     * {@code default}. Talks through the JDK HTTP client.
     *
     * @throws ClusterException if the kubeconfig cannot be read or has no such context (the message never quotes
     *     the file, which holds credentials)
     */
    public static KubernetesArgoGateway connect(Optional<Path> kubeconfig, Optional<String> context,
            Optional<String> namespace, Consumer<String> log) {
        String source = kubeconfig.map(p -> "from " + p + " ").orElse("") + context.map(c -> "(context " + c + ") ")
                .orElse("");
        Config config;
        try {
            config = kubeconfig.isPresent()
                    ? Config.fromKubeconfig(context.orElse(null), kubeconfig.get().toFile())
                    : Config.autoConfigure(context.orElse(null));
        } catch (KubernetesClientException e) {
            throw new ClusterException(ClusterException.Reason.OTHER, "reading the Kubernetes configuration " + source
                    + "failed: " + e.getMessage());
        } catch (RuntimeException e) {
            // a YAML parser quotes the offending line, and in a kubeconfig that line can hold a token
            throw new ClusterException(ClusterException.Reason.OTHER, "reading the Kubernetes configuration " + source
                    + "failed: it is not a valid kubeconfig (" + e.getClass().getSimpleName() + "; the parser's"
                    + " details are left out because they can quote credentials)");
        }
        if (context.isPresent() && (config.getCurrentContext() == null
                || !context.get().equals(config.getCurrentContext().getName()))) {
            throw new ClusterException(ClusterException.Reason.OTHER, "reading the Kubernetes configuration " + source
                    + "failed: it has no context '" + context.get() + "'");
        }
        String chosen = namespace.filter(n -> !n.isBlank())
                .or(() -> Optional.ofNullable(config.getNamespace()).filter(n -> !n.isBlank()))
                .orElse("default");
        KubernetesClient client = new KubernetesClientBuilder().withConfig(config)
                .withHttpClientFactory(new JdkHttpClientFactory()).build();
        return new KubernetesArgoGateway(client, chosen, TransientRetry.DEFAULT, ReconnectDelays.DEFAULT, log);
    }

    /**
     * Whether there is a cluster to connect to: in-cluster ({@code KUBERNETES_SERVICE_HOST} set and a
     * service-account token mounted) or a kubeconfig file ({@code KUBECONFIG}'s, else {@code $HOME/.kube/config}).
     */
    public static boolean isAvailable(Map<String, String> env) {
        return isAvailable(env, SERVICE_ACCOUNT_TOKEN);
    }

    static boolean isAvailable(Map<String, String> env, Path serviceAccountToken) {
        if (!env.getOrDefault("KUBERNETES_SERVICE_HOST", "").isBlank() && Files.isRegularFile(serviceAccountToken)) {
            return true;
        }
        String kubeconfig = env.getOrDefault("KUBECONFIG", "");
        if (!kubeconfig.isBlank()) {
            // like kubectl: a set KUBECONFIG is the whole list of files, ~/.kube/config is then not read
            return Arrays.stream(kubeconfig.split(File.pathSeparator)).anyMatch(KubernetesArgoGateway::isFile);
        }
        String home = env.getOrDefault("HOME", "");
        return !home.isBlank() && isFile(home + File.separator + ".kube" + File.separator + "config");
    }

    private static boolean isFile(String path) {
        try {
            return !path.isBlank() && Files.isRegularFile(Path.of(path));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    @Override
    public String describe() {
        return api + ", namespace " + namespace;
    }

    @Override
    public String namespace() {
        return namespace;
    }

    @Override
    public WorkflowState submit(Workflow workflow) {
        String name = workflow.metadata().name().or(() -> workflow.metadata().generateName()).orElse("");
        ObjectNode tree = (ObjectNode) ArgoDocuments.toTree(workflow);
        ((ObjectNode) tree.get("metadata")).put("namespace", namespace);
        GenericKubernetesResource resource = client.getKubernetesSerialization()
                .convertValue(tree, GenericKubernetesResource.class);
        GenericKubernetesResource created = calls.call(
                "submitting Workflow '" + name + "' to namespace '" + namespace + "'",
                Repeatable.ONLY_IF_NOT_RECEIVED, () -> workflows().resource(resource).create());
        return toState(created);
    }

    @Override
    public List<WorkflowState> find(LabelSelector selector) {
        List<WorkflowState> states = new ArrayList<>(statesOf(listWorkflows(selector), selector));
        states.sort(Comparator.comparing((WorkflowState s) -> s.createdAt().orElse(Instant.MIN)).reversed()
                .thenComparing(WorkflowState::name));
        return List.copyOf(states);
    }

    @Override
    public Optional<WorkflowState> findByName(String name) {
        return calls.callUnlessAbsent(
                "reading Workflow '" + name + "' in namespace '" + namespace + "'",
                () -> workflows().withName(name).require()).map(this::toState);
    }

    @Override
    public WorkflowWatch watch(LabelSelector selector, WorkflowListener listener) {
        KubernetesWorkflowWatch watch = new KubernetesWorkflowWatch(this, selector, listener, reconnectDelays, log,
                watches::remove);
        watches.add(watch);
        try {
            watch.start();
        } catch (RuntimeException e) {
            watch.close();
            throw e;
        }
        return watch;
    }

    @Override
    public void stop(String name, String message) {
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        patch.putObject("spec").put("shutdown", "Stop");
        if (!message.isBlank()) {
            patch.putObject("metadata").putObject("annotations").put(STOP_MESSAGE_ANNOTATION,
                    message.length() > MAX_STOP_MESSAGE ? message.substring(0, MAX_STOP_MESSAGE) : message);
        }
        patch("stopping", name, patch);
        log.accept("asked Argo to stop Workflow " + name + " in namespace " + namespace
                + (message.isBlank() ? "" : ": " + message));
    }

    @Override
    public void terminate(String name) {
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        patch.putObject("spec").put("shutdown", "Terminate");
        patch("terminating", name, patch);
        log.accept("asked Argo to terminate Workflow " + name + " in namespace " + namespace);
    }

    /**
     * A JSON merge patch of {@code spec.shutdown}, as Argo's own server and CLI stop and terminate workflows.
     * (Fabric8 reads the workflow before patching it, so a missing one fails on that read.)
     */
    private void patch(String verb, String name, ObjectNode patch) {
        calls.call(verb + " Workflow '" + name + "' in namespace '" + namespace + "'", Repeatable.YES,
                () -> workflows().withName(name).patch(PatchContext.of(PatchType.JSON_MERGE), patch.toString()));
    }

    /** Deletes the workflow; one that is already gone is not an error (Fabric8 answers a 404 with nothing). */
    @Override
    public void delete(String name) {
        calls.call("deleting Workflow '" + name + "' in namespace '" + namespace + "'", Repeatable.YES,
                () -> workflows().withName(name).delete());
    }

    @Override
    public List<NodeLog> failedNodeLogs(WorkflowState workflow, int lines) {
        List<NodeLog> logs = new ArrayList<>();
        for (NodeState node : workflow.failedPods()) {
            logs.add(nodeLog(workflow, node, lines));
        }
        return logs;
    }

    private NodeLog nodeLog(WorkflowState workflow, NodeState node, int lines) {
        String expected = PodNames.of(workflow, node);
        String pod = expected;
        try {
            Optional<String> text = podLog(expected, lines);
            if (text.isEmpty()) {
                Optional<String> annotated = podOfNode(workflow, node).filter(p -> !p.equals(expected));
                if (annotated.isEmpty()) {
                    return new NodeLog(node.displayName(), expected, List.of(), Optional.of("pod '" + expected
                            + "' no longer exists in namespace '" + namespace + "' (Argo's pod garbage collection"
                            + " or the workflow's deletion removed it), so its log cannot be read"));
                }
                pod = annotated.get();
                text = podLog(pod, lines);
            }
            return new NodeLog(node.displayName(), pod, lastLines(text.orElse(""), lines), text.isPresent()
                    ? Optional.empty() : Optional.of("pod '" + pod + "' disappeared before its log was read"));
        } catch (ClusterException e) {
            return new NodeLog(node.displayName(), pod, List.of(), Optional.of(e.getMessage()));
        }
    }

    /** The pod Argo annotated with the node's id: the name a pod-name format we do not know gave it. */
    private Optional<String> podOfNode(WorkflowState workflow, NodeState node) {
        List<Pod> pods = calls.call("listing the pods of Workflow '" + workflow.name() + "' in namespace '"
                + namespace + "'", Repeatable.YES,
                () -> client.pods().inNamespace(namespace).withLabel(WORKFLOW_LABEL, workflow.name()).list())
                .getItems();
        return pods.stream()
                .filter(p -> node.id().equals(Optional.ofNullable(p.getMetadata().getAnnotations())
                        .map(a -> a.get(NODE_ID_ANNOTATION)).orElse(null)))
                .map(p -> p.getMetadata().getName())
                .findFirst();
    }

    /**
     * The end of the {@code main} container's log, empty if there is no such pod. A plain GET of the log
     * subresource: Fabric8's {@code getLog()} first waits for the pod to become ready through an informer, extra
     * requests for a pod that has already finished.
     */
    private Optional<String> podLog(String pod, int lines) {
        String path = "/api/v1/namespaces/" + namespace + "/pods/" + pod + "/log?container=" + MAIN_CONTAINER
                + "&tailLines=" + Math.max(lines, 1);
        return calls.callUnlessAbsent("reading the log of pod '" + pod + "' in namespace '" + namespace + "'",
                () -> Objects.requireNonNullElse(client.raw(path, "GET", null), ""));
    }

    private static List<String> lastLines(String text, int lines) {
        if (text == null || text.isEmpty() || lines <= 0) {
            return List.of();
        }
        List<String> all = Arrays.asList(text.split("\r?\n", -1));
        if (all.get(all.size() - 1).isEmpty()) {
            all = all.subList(0, all.size() - 1);
        }
        return List.copyOf(all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    @Override
    public void close() {
        List.copyOf(watches).forEach(KubernetesWorkflowWatch::close);
        given.close();
    }

    /** The workflows {@code selector} matches, as one list with its resource version, retried while transient. */
    GenericKubernetesResourceList listWorkflows(LabelSelector selector) {
        return calls.call(describeSelection(selector, "listing"), Repeatable.YES, () -> selected(selector).list());
    }

    /** Opens a Fabric8 watch of the workflows {@code selector} matches, from {@code resourceVersion}. */
    Watch watchWorkflows(LabelSelector selector, String resourceVersion, Watcher<GenericKubernetesResource> watcher) {
        return selected(selector).watch(new ListOptionsBuilder().withResourceVersion(resourceVersion).build(),
                watcher);
    }

    /** {@code listing Workflows labelled 'a=b' in namespace 'qgnet'}, for messages. */
    String describeSelection(LabelSelector selector, String verb) {
        return verb + " Workflows labelled '" + selector + "' in namespace '" + namespace + "'";
    }

    /** {@code failure} as the message a {@link ClusterException} would carry for {@code attempted}. */
    String describeFailure(String attempted, RuntimeException failure) {
        RuntimeException translated = calls.translate(attempted, failure);
        return translated.getMessage() == null ? translated.getClass().getSimpleName() : translated.getMessage();
    }

    String api() {
        return api;
    }

    /** The states in {@code list} that {@code selector} matches, oldest first. */
    List<WorkflowState> statesOf(GenericKubernetesResourceList list, LabelSelector selector) {
        List<WorkflowState> states = new ArrayList<>();
        for (GenericKubernetesResource item : list.getItems()) {
            // the API server filters; checking again costs nothing and keeps out anything a proxy or an older
            // server let through (set-based requirements are the first thing such servers ignore)
            toStateIfNamed(item).filter(s -> selector.matches(s.labels())).ifPresent(states::add);
        }
        states.sort(Comparator.comparing((WorkflowState s) -> s.createdAt().orElse(Instant.MIN))
                .thenComparing(WorkflowState::name));
        return states;
    }

    WorkflowState toState(GenericKubernetesResource resource) {
        return WorkflowStates.fromJson(client.getKubernetesSerialization().convertValue(resource, JsonNode.class));
    }

    Optional<WorkflowState> toStateIfNamed(GenericKubernetesResource resource) {
        try {
            return Optional.of(toState(resource));
        } catch (IllegalArgumentException e) {
            log.accept("ignored a Workflow without a name from " + api + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList,
            Resource<GenericKubernetesResource>> workflows() {
        return client.genericKubernetesResources(WORKFLOWS).inNamespace(namespace);
    }

    private FilterWatchListDeletable<GenericKubernetesResource, GenericKubernetesResourceList,
            Resource<GenericKubernetesResource>> selected(LabelSelector selector) {
        var selected = workflows().withLabels(selector.equal());
        for (Map.Entry<String, Set<String>> requirement : selector.anyOf().entrySet()) {
            selected = selected.withLabelIn(requirement.getKey(), requirement.getValue().toArray(String[]::new));
        }
        return selected;
    }
}
