package net.qgreenland.ogdc.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import net.qgreenland.ogdc.argo.model.ArgoDocuments;
import net.qgreenland.ogdc.argo.model.Workflow;

/**
 * The dry run: writes each workflow it is given to a YAML file in a directory and reports it
 * {@link WorkflowPhase#NOT_SUBMITTED}. Submits nothing, finds nothing in any cluster.
 *
 * <p>Files it wrote before (they start with {@link #MARKER}) are replaced; any other file of the same name is kept
 * and the workflow goes to {@code <name>.2.yaml} (or the next free number) instead, so nothing of the user's is
 * overwritten.
 */
public final class RenderingArgoGateway implements ArgoGateway {

    /** The first line of every file this gateway writes. */
    public static final String MARKER = "# ogdc-action dry run: this workflow was not submitted";

    private final Path directory;
    private final String namespace;
    private final Consumer<String> log;
    private final InMemoryWorkflows rendered = new InMemoryWorkflows();
    private final Map<String, Path> files = new LinkedHashMap<>();

    /**
     * @param directory where the YAML files go (created when the first workflow is written)
     * @param namespace the namespace the workflows name
     */
    public RenderingArgoGateway(Path directory, String namespace, Consumer<String> log) {
        this.directory = directory;
        this.namespace = namespace;
        this.log = log;
    }

    @Override
    public String describe() {
        return "dry run (workflows written to " + directory + ", nothing submitted)";
    }

    @Override
    public String namespace() {
        return namespace;
    }

    @Override
    public WorkflowState submit(Workflow workflow) {
        String generateName = workflow.metadata().generateName()
                .or(() -> workflow.metadata().name())
                .orElseThrow(() -> new IllegalArgumentException("a workflow needs a name or a generateName"));
        String stem = generateName.endsWith("-") ? generateName.substring(0, generateName.length() - 1) : generateName;
        Path file;
        WorkflowState state;
        synchronized (this) {
            file = write(stem, MARKER + "\n" + ArgoDocuments.toYaml(workflow));
            String name = uniqueName(stem);
            state = new WorkflowState(name, namespace, "", WorkflowPhase.NOT_SUBMITTED, Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.of("written to " + file), workflow.metadata().labels(),
                    workflow.metadata().annotations(), List.of());
            files.put(name, file);
        }
        log.accept("dry run: " + stem + " written to " + file);
        rendered.put(state);
        return state;
    }

    /** The file the workflow called {@code name} was written to. */
    public Optional<Path> fileOf(String name) {
        synchronized (this) {
            return Optional.ofNullable(files.get(name));
        }
    }

    @Override
    public List<WorkflowState> find(LabelSelector selector) {
        // Only what this dry run wrote: nothing was ever submitted anywhere.
        return rendered.find(selector);
    }

    @Override
    public Optional<WorkflowState> findByName(String name) {
        return rendered.find(name);
    }

    @Override
    public WorkflowWatch watch(LabelSelector selector, WorkflowListener listener) {
        return rendered.watch(selector, listener);
    }

    @Override
    public void stop(String name, String message) {
        // A rendered workflow never runs, so there is nothing to stop.
    }

    @Override
    public void terminate(String name) {
        // Nothing runs in a dry run.
    }

    @Override
    public void delete(String name) {
        // The file stays: it is the dry run's result.
        rendered.remove(name);
    }

    @Override
    public List<NodeLog> failedNodeLogs(WorkflowState workflow, int lines) {
        return List.of();
    }

    @Override
    public void close() {
        rendered.closeWatches();
    }

    private String uniqueName(String stem) {
        String name = stem;
        for (int n = 2; files.containsKey(name); n++) {
            name = stem + "." + n;
        }
        return name;
    }

    private Path write(String stem, String content) {
        try {
            Files.createDirectories(directory);
            Path target = directory.resolve(stem + ".yaml");
            for (int n = 2; Files.exists(target) && !isOurs(target) || files.containsValue(target); n++) {
                target = directory.resolve(stem + "." + n + ".yaml");
            }
            Path temporary = Files.createTempFile(directory, "." + stem, ".tmp");
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("writing the dry-run workflow " + stem + " to " + directory + " failed", e);
        }
    }

    private static boolean isOurs(Path file) {
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return MARKER.equals(reader.readLine());
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }
}
