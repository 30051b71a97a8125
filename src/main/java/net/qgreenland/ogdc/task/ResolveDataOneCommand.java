package net.qgreenland.ogdc.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ogdc-action task resolve-dataone}: the data objects of a DataONE dataset as JSON (spec §1.3.1). */
@Command(
        name = "resolve-dataone",
        description = "Writes the data objects of a DataONE dataset package as a JSON array of "
                + "{identifier, url, filename, formatId, size, entityName}.")
final class ResolveDataOneCommand implements Runnable {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParentCommand
    TaskCommand task;

    @Spec
    CommandSpec spec;

    @Option(names = "--dataset", paramLabel = "ID", required = true,
            description = "The dataset package, e.g. resource_map_doi:10.18739/A2...")
    String dataset;

    @Option(names = "--filename", paramLabel = "PATTERN",
            description = "Only objects whose file name matches (case-insensitive, * and ?).")
    String filename;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the JSON (default: standard output).")
    Path out;

    @Mixin
    DataOneNodeOption dataOneNode;

    @Override
    public void run() {
        List<DataOneObject> objects = dataOneNode.resolver(task.env(), task.httpClient())
                .requireObjects(dataset, Optional.ofNullable(filename));
        ArrayNode array = JSON.createArrayNode();
        objects.forEach(object -> object.writeTo(array.addObject()));
        String json;
        try {
            json = JSON.writeValueAsString(array);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rendering DataONE objects as JSON failed", e);
        }
        if (out != null) {
            AtomicFileWriter.writeString(out, json);
        } else {
            spec.commandLine().getOut().println(json);
        }
        task.err().println("Resolved " + objects.size() + " data objects of DataONE dataset " + dataset);
    }
}
