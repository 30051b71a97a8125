package net.qgreenland.ogdc.task;

import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ogdc-action task}: groups the subcommands that run inside workflow pods. */
@Command(
        name = "task",
        description = "Steps that run inside Argo workflow pods (from the action image): they enumerate and fetch "
                + "inputs in the cluster, so that a submitted workflow never grows with the number of files.",
        synopsisSubcommandLabel = "TASK",
        commandListHeading = "%nTasks:%n",
        subcommands = {
            ListPvcFilesCommand.class,
            WritePartitionManifestsCommand.class,
            FetchCommand.class,
            ResolveDataOneCommand.class
        },
        footerHeading = "%nExit codes:%n",
        footer = {"  0  done", "  1  a problem with the data: one line on stderr says what", "  2  usage error"})
public final class TaskCommand implements Runnable {

    /** How long making a connection may take, for DataONE and for downloads. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT,
            description = "Show this help message and exit.")
    boolean help;

    private final Map<String, String> env;
    private HttpClient httpClient;

    /** The task commands, reading settings such as {@code DATAONE_NODE_URL} from {@code env}. */
    public TaskCommand(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    Map<String, String> env() {
        return env;
    }

    /** The one HTTP client of this run: follows redirects (not from https to http), 30 s to connect. */
    synchronized HttpClient httpClient() {
        if (httpClient == null) {
            httpClient = HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .connectTimeout(CONNECT_TIMEOUT)
                    .build();
        }
        return httpClient;
    }

    /** {@code url} as a URI, if it is an absolute http or https URL with a host (all the tasks fetch). */
    static Optional<URI> httpUri(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Where the tasks log progress. */
    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing task: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
