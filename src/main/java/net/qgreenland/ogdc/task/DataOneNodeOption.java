package net.qgreenland.ogdc.task;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.Map;
import picocli.CommandLine.Option;

/** The {@code --dataone-node-url} option (default: {@code $DATAONE_NODE_URL}) of the tasks that resolve DataONE. */
final class DataOneNodeOption {

    static final String VARIABLE = "DATAONE_NODE_URL";

    @Option(names = "--dataone-node-url", paramLabel = "URL",
            description = "The DataONE member node, e.g. https://arcticdata.io/metacat/d1/mn (default: $" + VARIABLE
                    + ").")
    String nodeUrl;

    /** The node from the option or {@code env}; throws {@link TaskFailure} when neither names an http(s) URL. */
    URI requireNodeUrl(Map<String, String> env) {
        String url = nodeUrl != null ? nodeUrl : env.get(VARIABLE);
        if (url == null || url.isBlank()) {
            throw new TaskFailure("Must have " + VARIABLE + " set (or --dataone-node-url) to resolve DataONE inputs");
        }
        return TaskCommand.httpUri(url.strip()).orElseThrow(() -> new TaskFailure(
                "The DataONE node URL is not an http(s) URL: " + url));
    }

    /** A resolver for the node this option names. */
    DataOneResolver resolver(Map<String, String> env, HttpClient client) {
        return new HttpDataOneResolver(client, requireNodeUrl(env));
    }
}
