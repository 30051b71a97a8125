package net.qgreenland.ogdc.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import net.qgreenland.ogdc.action.ActionEnvironment;
import net.qgreenland.ogdc.cluster.ArgoGateway;
import net.qgreenland.ogdc.cluster.ArgoMode;
import net.qgreenland.ogdc.cluster.ArgoServerGateway;
import net.qgreenland.ogdc.cluster.ArgoServerSettings;
import net.qgreenland.ogdc.cluster.KubernetesArgoGateway;
import net.qgreenland.ogdc.cluster.RenderingArgoGateway;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Where workflows go and how to reach it: the mode, the Argo Server and its token and TLS settings, the kubeconfig,
 * the namespace, the dry run's directory. Each setting is a flag, an action input or an environment variable, in
 * that order; {@link #open} makes the gateway.
 */
final class ArgoConnectionOptions {

    static final String MODE_INPUT = "mode";
    static final String MODE_VARIABLE = "OGDC_ARGO_MODE";
    static final String SERVER_INPUT = "argo-server";
    /** The Python runner's variable for the server URL (spec §2), then the argo CLI's. */
    static final String SERVER_VARIABLE = "ARGO_WORKFLOWS_SERVICE_URL";
    static final String ARGO_CLI_SERVER_VARIABLE = "ARGO_SERVER";
    static final String TOKEN_INPUT = "argo-token";
    static final String TOKEN_VARIABLE = "ARGO_TOKEN";
    static final String TOKEN_FILE_INPUT = "argo-token-file";
    static final String TOKEN_FILE_VARIABLE = "ARGO_TOKEN_FILE";
    static final String CA_FILE_INPUT = "argo-ca-file";
    static final String CA_FILE_VARIABLE = "ARGO_CA_FILE";
    static final String INSECURE_INPUT = "argo-insecure-skip-tls-verify";
    static final String INSECURE_VARIABLE = "ARGO_INSECURE_SKIP_VERIFY";
    static final String NAMESPACE_INPUT = "namespace";
    static final String NAMESPACE_VARIABLE = "ARGO_NAMESPACE";
    static final String DEFAULT_NAMESPACE = "qgnet";
    static final String DRY_RUN_DIR_INPUT = "dry-run-dir";
    static final String DEFAULT_DRY_RUN_DIR = "ogdc-dry-run";

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--mode", paramLabel = "MODE",
            description = "argo-server, kubernetes, dry-run or auto (default: input mode, $" + MODE_VARIABLE
                    + ", else auto: argo-server when a server URL is set, kubernetes in a cluster or with a "
                    + "kubeconfig, else dry-run).")
    String mode;

    @Option(names = "--argo-server", paramLabel = "URL",
            description = "The Argo Server's base URL, e.g. https://argo.example:2746 (default: input argo-server, $"
                    + SERVER_VARIABLE + ", $" + ARGO_CLI_SERVER_VARIABLE + ").")
    String argoServer;

    @Option(names = "--namespace", paramLabel = "NS",
            description = "The namespace workflows go to (default: input namespace, $" + NAMESPACE_VARIABLE + ", else "
                    + DEFAULT_NAMESPACE + ").")
    String namespace;

    @Option(names = "--argo-token-file", paramLabel = "FILE",
            description = "A file holding the Argo Server bearer token, e.g. a mounted secret (default: input "
                    + "argo-token-file, $" + TOKEN_FILE_VARIABLE + "). The token itself comes from input argo-token "
                    + "or $" + TOKEN_VARIABLE + " first; it is never printed.")
    Path tokenFile;

    @Option(names = "--argo-ca-file", paramLabel = "FILE",
            description = "PEM certificates to trust for the Argo Server (default: input argo-ca-file, $"
                    + CA_FILE_VARIABLE + ", else the JDK's trust store).")
    Path caFile;

    @Option(names = "--argo-insecure-skip-tls-verify",
            description = "Do not verify the Argo Server's certificate (local clusters only; also input "
                    + INSECURE_INPUT + ", $" + INSECURE_VARIABLE + "=true).")
    boolean insecure;

    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "The kubeconfig for mode kubernetes (default: $KUBECONFIG, ~/.kube/config, or the "
                    + "in-cluster service account).")
    Path kubeconfig;

    @Option(names = "--kube-context", paramLabel = "NAME", description = "The kubeconfig context to use.")
    String kubeContext;

    @Option(names = "--dry-run-dir", paramLabel = "DIR",
            description = "Where a dry run writes the workflows it would submit (default: input dry-run-dir, else "
                    + DEFAULT_DRY_RUN_DIR + "). Files it did not write are never replaced.")
    Path dryRunDirectory;

    /**
     * {@code env} with {@code ARGO_NAMESPACE} set to {@link #namespace(Map)}: workflows name the namespace they are
     * submitted to.
     */
    Map<String, String> translationEnvironment(Map<String, String> env) {
        Map<String, String> translationEnv = new java.util.HashMap<>(env);
        translationEnv.put(NAMESPACE_VARIABLE, namespace(env));
        return translationEnv;
    }

    /** The namespace: the flag, the input, {@code ARGO_NAMESPACE}, else {@code qgnet}. */
    String namespace(Map<String, String> env) {
        return ActionEnvironment.from(env).resolve(Optional.ofNullable(namespace), NAMESPACE_INPUT,
                NAMESPACE_VARIABLE, DEFAULT_NAMESPACE);
    }

    /** The mode asked for and the concrete one it comes to, with the reason. */
    ArgoMode.Choice choose(Map<String, String> env) {
        ActionEnvironment action = ActionEnvironment.from(env);
        ArgoMode asked;
        try {
            asked = ArgoMode.parse(action.resolve(Optional.ofNullable(mode), MODE_INPUT, MODE_VARIABLE, "auto"));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        return asked.choose(server(action).isPresent(),
                kubeconfig != null || KubernetesArgoGateway.isAvailable(env));
    }

    /**
     * In GitHub Actions, tells the runner to mask the Argo token (from the input, the variable or the file) in the
     * log. Call it before printing anything.
     */
    void maskToken(Map<String, String> env, PrintWriter err) {
        if (ActionEnvironment.from(env).isGitHubActions()) {
            token(env).ifPresent(value -> {
                err.println("::add-mask::" + value);
                err.flush();
            });
        }
    }

    /**
     * Opens the gateway of the chosen mode.
     *
     * @param err gets one line saying where workflows go and why
     * @throws ParameterException when a setting cannot be used (no server URL for argo-server, unreadable token
     *     file, bad URL)
     */
    ArgoGateway open(Map<String, String> env, Path workingDirectory, PrintWriter err, Consumer<String> log) {
        ActionEnvironment action = ActionEnvironment.from(env);
        ArgoMode.Choice choice = choose(env);
        String ns = namespace(env);
        ArgoGateway gateway;
        switch (choice.mode()) {
            case ARGO_SERVER:
                Optional<String> token = token(action);
                URI server = server(action).orElseThrow(() -> new ParameterException(spec.commandLine(),
                        "mode argo-server needs the server's URL: --argo-server, input " + SERVER_INPUT + " or $"
                                + SERVER_VARIABLE));
                gateway = ArgoServerGateway.connect(serverSettings(action, server, ns, token), log);
                break;
            case KUBERNETES:
                gateway = KubernetesArgoGateway.connect(Optional.ofNullable(kubeconfig),
                        Optional.ofNullable(kubeContext), Optional.of(ns), log);
                break;
            default:
                Path directory = workingDirectory.resolve(Optional.ofNullable(dryRunDirectory)
                        .or(() -> action.input(DRY_RUN_DIR_INPUT).map(Path::of))
                        .orElse(Path.of(DEFAULT_DRY_RUN_DIR)));
                gateway = new RenderingArgoGateway(directory, ns, log);
                break;
        }
        err.println("workflows go to " + gateway.describe() + " (" + choice.reason() + ")");
        err.flush();
        return gateway;
    }

    private ArgoServerSettings serverSettings(ActionEnvironment action, URI server, String ns, Optional<String> token) {
        Optional<Path> ca = Optional.ofNullable(caFile)
                .or(() -> action.find(Optional.empty(), CA_FILE_INPUT, CA_FILE_VARIABLE).map(Path::of));
        boolean skipVerify = insecure || action.find(Optional.empty(), INSECURE_INPUT, INSECURE_VARIABLE)
                .map(v -> v.strip().toLowerCase(Locale.ROOT).equals("true")).orElse(false);
        ca.ifPresent(file -> {
            if (!Files.isReadable(file)) {
                throw new ParameterException(spec.commandLine(), "the Argo Server CA file " + file
                        + " does not exist or cannot be read");
            }
        });
        ArgoServerSettings settings =
                ArgoServerSettings.defaults(server, ns, token).withInsecureSkipTlsVerify(skipVerify);
        return ca.map(settings::withCaBundle).orElse(settings);
    }

    /**
     * The Argo UI's base URL for links to workflows: input {@code argo-ui-url} ({@code uiFlag} first), else the Argo
     * Server's URL (the server serves the UI).
     */
    Optional<String> argoUi(Map<String, String> env, Optional<String> uiFlag) {
        ActionEnvironment action = ActionEnvironment.from(env);
        return uiFlag.or(() -> action.input(RunCommand.ARGO_UI_INPUT)).filter(url -> !url.isBlank())
                .or(() -> server(action).map(URI::toString));
    }

    /** The server URL; the argo CLI's {@code ARGO_SERVER} is {@code host:port}, so a missing scheme means https. */
    private Optional<URI> server(ActionEnvironment action) {
        Optional<String> text = action.find(Optional.ofNullable(argoServer), SERVER_INPUT, SERVER_VARIABLE)
                .or(() -> action.variable(ARGO_CLI_SERVER_VARIABLE));
        return text.map(String::strip).map(value -> {
            String withScheme = value.contains("://") ? value : "https://" + value;
            try {
                URI uri = new URI(withScheme);
                if (uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                    throw new URISyntaxException(value, "need http(s)://host[:port]");
                }
                return uri;
            } catch (URISyntaxException e) {
                throw new ParameterException(spec.commandLine(), "the Argo Server URL '" + value
                        + "' is not a valid http(s) URL: " + e.getReason());
            }
        });
    }

    /** The Argo token (input, variable, then a token file), to mask and to keep out of reports. */
    Optional<String> token(Map<String, String> env) {
        return token(ActionEnvironment.from(env));
    }

    /** The token: input, variable, then a token file; "Bearer " is dropped by the settings. */
    private Optional<String> token(ActionEnvironment action) {
        Optional<String> direct = action.find(Optional.empty(), TOKEN_INPUT, TOKEN_VARIABLE);
        if (direct.isPresent()) {
            return direct.map(String::strip);
        }
        Optional<Path> file = Optional.ofNullable(tokenFile)
                .or(() -> action.find(Optional.empty(), TOKEN_FILE_INPUT, TOKEN_FILE_VARIABLE).map(Path::of));
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try {
            String value = Files.readString(file.get(), StandardCharsets.UTF_8).strip();
            if (value.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "the Argo token file " + file.get() + " is empty");
            }
            return Optional.of(value);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "the Argo token file " + file.get()
                    + " cannot be read: " + e.getClass().getSimpleName());
        }
    }
}
