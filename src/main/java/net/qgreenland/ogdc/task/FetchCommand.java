package net.qgreenland.ogdc.task;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ogdc-action task fetch}: downloads url and DataONE inputs and links pvc inputs into one directory. */
@Command(
        name = "fetch",
        description = {
            "Downloads url inputs (named by Content-Disposition, else the URL's last path segment) and the objects of "
                    + "dataone inputs (named by their fileName), and links the files of pvc inputs, into DIR.",
            "Transient failures (I/O, HTTP 429 and 5xx) are retried; a name is never given to two sources, and a file "
                    + "is replaced only if DIR/" + FetchLedger.FILE_NAME + " says it came from the same URL."
        })
final class FetchCommand implements Runnable {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParentCommand
    TaskCommand task;

    @Spec
    CommandSpec spec;

    @Option(names = "--inputs", paramLabel = "JSON", required = true,
            description = "A JSON array of url, dataone and pvc inputs.")
    String inputs;

    @Option(names = "--dest", paramLabel = "DIR", required = true, description = "Where the files go (created).")
    Path dest;

    @Option(names = "--files-out", paramLabel = "FILE",
            description = "Where to write a JSON array of the local paths of all files, in input order.")
    Path filesOut;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "4",
            description = "Downloads at once, 1 to 64 (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Mixin
    DataOneNodeOption dataOneNode;

    @Override
    public void run() {
        if (concurrency < 1 || concurrency > 64) {
            throw new ParameterException(spec.commandLine(), "--concurrency must be between 1 and 64, got "
                    + concurrency);
        }
        List<InputSpec> specs = InputSpecParser.parse(inputs);
        if (specs.isEmpty()) {
            throw new TaskFailure("--inputs is empty: there is nothing to fetch");
        }
        Path destination = dest.toAbsolutePath();
        HttpDownloader downloader =
                new HttpDownloader(task.httpClient(), destination, HttpDownloader.BACKOFF, task.err());
        List<Path> files = new InputFetcher(destination, downloader,
                () -> dataOneNode.resolver(task.env(), task.httpClient()), task.err(), concurrency).fetch(specs);
        if (filesOut != null) {
            List<String> paths = files.stream().map(Path::toString).toList();
            AtomicFileWriter.write(filesOut, out -> JSON.writeValue(out, paths));
        }
    }
}
