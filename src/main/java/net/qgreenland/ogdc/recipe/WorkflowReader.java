package net.qgreenland.ogdc.recipe;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** Reads {@code workflow} (spec §1.5, §1.6) and loads its sidecar file: the shell script or the viz config. */
final class WorkflowReader {

    /** Largest {@code recipe.sh} (or other {@code sh_file}) read. */
    static final long MAX_SCRIPT_BYTES = 1024 * 1024;
    /** Largest visualization config read. */
    static final long MAX_CONFIG_BYTES = 16L * 1024 * 1024;

    private static final Set<String> TYPES = Set.of("shell", "visualization");
    private static final Set<String> PARALLEL_KEYS =
            Set.of("enabled", "partition_strategy", "partition_size", "max_parallelism");

    private final RecipeFileLoader loader;
    private final Problems problems;

    WorkflowReader(RecipeFileLoader loader, Problems problems) {
        this.loader = loader;
        this.problems = problems;
    }

    Optional<RecipeWorkflow> read(MappingReader meta) {
        Optional<MappingReader> found = meta.require("workflow")
                .flatMap(n -> MappingReader.of(n, "workflow", problems));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        MappingReader workflow = found.get();
        if (workflow.findNonNull("type").isEmpty()) {
            problems.error(workflow.find("type").map(SourceNode::location).orElse(workflow.location()),
                    "workflow.type", "is required: 'shell' (the commands of recipe.sh) or 'visualization' "
                            + "(the tiling pipeline of config.json)");
            return Optional.empty();
        }
        Optional<String> type = workflow.requireString("type");
        if (type.isEmpty()) {
            return Optional.empty();
        }
        switch (type.get()) {
            case "shell":
                return readShell(workflow);
            case "visualization":
                return readVisualization(workflow);
            default:
                problems.error(workflow.find("type").orElseThrow().location(), "workflow.type",
                        "unknown workflow type '" + type.get() + "'"
                                + KeySuggestion.nearest(type.get(), TYPES).map(s -> " (did you mean '" + s + "'?)")
                                        .orElse("; use 'shell' or 'visualization'"));
                return Optional.empty();
        }
    }

    private Optional<RecipeWorkflow> readShell(MappingReader workflow) {
        workflow.allowOnly(Set.of("type", "sh_file", "parallel"),
                Map.of("config_file", "'config_file' belongs to visualization workflows; a shell workflow "
                        + "runs 'sh_file' (default recipe.sh)"));
        Optional<ParallelConfig> parallel = readParallel(workflow);
        Optional<String> shFile = fileName(workflow, "sh_file", "recipe.sh");
        if (shFile.isEmpty()) {
            return Optional.empty();
        }
        SourceLocation namedAt = workflow.find("sh_file").map(SourceNode::location).orElse(workflow.location());
        Optional<String> text = loader.loadText(shFile.get(), MAX_SCRIPT_BYTES, namedAt, "workflow.sh_file");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        long errorsBefore = problems.errorCount();
        List<ShellCommand> commands = ShellScriptReader.read(text.get(), loader.displayPath(shFile.get()), problems);
        if (problems.errorCount() > errorsBefore || parallel.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RecipeWorkflow.Shell(shFile.get(), parallel.get(), commands));
    }

    private Optional<RecipeWorkflow> readVisualization(MappingReader workflow) {
        workflow.allowOnly(Set.of("type", "config_file", "parallel"), Map.of(
                "sh_file", "'sh_file' belongs to shell workflows; a visualization workflow reads 'config_file'",
                "batch_size", "'batch_size' does not exist (outdated documentation); use parallel.partition_size"));
        Optional<ParallelConfig> parallel = readParallel(workflow);
        if (workflow.findNonNull("config_file").isEmpty()) {
            return parallel.map(p -> new RecipeWorkflow.Visualization(Optional.empty(), p, VizConfig.EMPTY));
        }
        Optional<String> configFile = fileName(workflow, "config_file", null);
        if (configFile.isEmpty()) {
            return Optional.empty();
        }
        SourceLocation namedAt = workflow.find("config_file").orElseThrow().location();
        Optional<String> text = loader.loadText(configFile.get(), MAX_CONFIG_BYTES, namedAt, "workflow.config_file");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<VizConfig> config = VizConfigReader.read(text.get(), loader.displayPath(configFile.get()), problems);
        if (config.isEmpty() || parallel.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RecipeWorkflow.Visualization(configFile, parallel.get(), config.get()));
    }

    /** The file named by {@code key}, checked to stay inside the recipe directory, or the default. */
    private Optional<String> fileName(MappingReader workflow, String key, String defaultName) {
        Optional<SourceNode> node = workflow.findNonNull(key);
        if (node.isEmpty()) {
            return Optional.ofNullable(defaultName);
        }
        return workflow.asString(node.get(), workflow.pathOf(key))
                .flatMap(v -> loader.checkRelativePath(v, node.get().location(), workflow.pathOf(key)));
    }

    private Optional<ParallelConfig> readParallel(MappingReader workflow) {
        Optional<SourceNode> node = workflow.findNonNull("parallel");
        if (node.isEmpty()) {
            return Optional.of(ParallelConfig.DISABLED);
        }
        Optional<MappingReader> found = MappingReader.of(node.get(), "workflow.parallel", problems);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        MappingReader parallel = found.get();
        long errorsBefore = problems.errorCount();
        parallel.allowOnly(PARALLEL_KEYS, Map.of("batch_size",
                "'batch_size' does not exist (outdated documentation); use partition_size"));
        boolean enabled = parallel.optionalBoolean("enabled").orElse(false);
        String strategy = parallel.optionalString("partition_strategy").orElse(ParallelConfig.FILES);
        if (!strategy.equals(ParallelConfig.FILES)) {
            problems.error(parallel.find("partition_strategy").orElseThrow().location(),
                    "workflow.parallel.partition_strategy",
                    "must be 'files' (the only strategy), got '" + strategy + "'");
        }
        OptionalInt size = parallel.optionalInt("partition_size", 1);
        OptionalInt maxParallelism = parallel.optionalInt("max_parallelism", 1);
        if (problems.errorCount() > errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new ParallelConfig(enabled, strategy, size, maxParallelism));
    }
}
