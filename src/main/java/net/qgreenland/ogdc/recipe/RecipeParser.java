package net.qgreenland.ogdc.recipe;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one recipe directory into a {@link Recipe}, or into every problem that stops it being one, each with
 * file, line, column and property path. Pure: files come through the {@link RecipeFiles} port, nothing is
 * fetched (DataONE packages are resolved later, not here).
 */
public final class RecipeParser {

    /** The file that makes a directory a recipe. */
    public static final String META_FILE = "meta.yml";
    /** Largest {@code meta.yml} read. */
    public static final long MAX_META_BYTES = 1024 * 1024;
    /** Largest shell script read. */
    public static final long MAX_SCRIPT_BYTES = WorkflowReader.MAX_SCRIPT_BYTES;
    /** Largest visualization config read. */
    public static final long MAX_CONFIG_BYTES = WorkflowReader.MAX_CONFIG_BYTES;

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9 .-]+");
    private static final Set<String> ROOT_KEYS = Set.of("name", "workflow", "input", "output");
    private static final Map<String, String> ROOT_HINTS = Map.of(
            "id", "the recipe id is derived from 'name' and cannot be set",
            "type", "the workflow type goes under 'workflow:' as 'type:'",
            "image", "recipes cannot choose the container image; operators configure it");
    private static final Set<String> OUTPUT_TYPES = Set.of("pvc", "temporary", "dataone");

    private RecipeParser() {}

    /**
     * Parses the recipe in {@code directory} (the path shown to the user, used in every location) whose files
     * {@code files} reads.
     */
    public static RecipeParseResult parse(String directory, RecipeFiles files) {
        Problems problems = new Problems();
        RecipeFileLoader loader = new RecipeFileLoader(directory, files, problems);
        String metaFile = loader.displayPath(META_FILE);
        Optional<Recipe> recipe = loader
                .loadText(META_FILE, MAX_META_BYTES, SourceLocation.ofFile(directory), "")
                .flatMap(text -> readTree(text, metaFile, problems))
                .flatMap(root -> readRecipe(directory, root, loader, problems));
        return new RecipeParseResult(directory, problems.hasErrors() ? Optional.empty() : recipe, problems.toList());
    }

    private static Optional<SourceNode> readTree(String text, String file, Problems problems) {
        SourceTreeReader.Result tree = SourceTreeReader.read(text, file, SourceTreeReader.Format.YAML);
        problems.addAll(tree.problems());
        return tree.root();
    }

    private static Optional<Recipe> readRecipe(
            String directory, SourceNode root, RecipeFileLoader loader, Problems problems) {
        if (!(root instanceof SourceNode.Mapping mapping)) {
            problems.error(root.location(), "", "meta.yml must be a mapping with the keys name, workflow and "
                    + "input (and optionally output), got " + MappingReader.describe(root));
            return Optional.empty();
        }
        MappingReader meta = new MappingReader(mapping, "", problems);
        meta.allowOnly(ROOT_KEYS, ROOT_HINTS);
        Optional<String> name = meta.requireString("name");
        Optional<RecipeId> id = name.flatMap(n -> readId(n, meta, problems));
        List<RecipeInput> inputs = InputParamsReader.read(meta, problems);
        Optional<RecipeOutput> output = readOutput(meta, problems);
        Optional<RecipeWorkflow> workflow = new WorkflowReader(loader, problems).read(meta);
        if (problems.hasErrors() || id.isEmpty() || output.isEmpty() || workflow.isEmpty() || inputs.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Recipe(directory, name.get(), id.get(), inputs, output.get(), workflow.get()));
    }

    private static Optional<RecipeId> readId(String name, MappingReader meta, Problems problems) {
        SourceLocation at = meta.find("name").orElseThrow().location();
        if (!NAME.matcher(name).matches()) {
            problems.error(at, "name", "must contain only letters, digits, spaces, '.' and '-' (pattern "
                    + "^[a-zA-Z0-9 .-]+$), got '" + name + "'");
            return Optional.empty();
        }
        Optional<RecipeId> id = RecipeId.fromName(name);
        if (id.isEmpty()) {
            String derived = RecipeId.pythonRunnerId(name).replace('.', '-');
            problems.error(at, "name", derived.replace("-", "").isEmpty()
                    ? "gives no usable recipe id: a name needs at least one letter or digit"
                    : "gives a recipe id of " + derived.length() + " characters; at most " + RecipeId.MAX_LENGTH
                            + " are allowed (the id is a Kubernetes label value); shorten the name");
            return Optional.empty();
        }
        String python = RecipeId.pythonRunnerId(name);
        if (!python.equals(id.get().value())) {
            problems.warning(at, "name", "the recipe id is '" + id.get() + "'; the Python runner would use '"
                    + python + "', which is not a valid Kubernetes name");
        }
        return id;
    }

    /**
     * {@code output}: absent, null or {@code {}} mean {@code pvc}; without a {@code type}, a {@code dataone_id}
     * means DataONE (as in the public {@code viz-workflow} recipe).
     */
    private static Optional<RecipeOutput> readOutput(MappingReader meta, Problems problems) {
        Optional<SourceNode> node = meta.findNonNull("output");
        if (node.isEmpty()) {
            return Optional.of(new RecipeOutput.Pvc());
        }
        Optional<MappingReader> found = MappingReader.of(node.get(), "output", problems);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        MappingReader output = found.get();
        output.allowOnly(Set.of("type", "dataone_id"));
        Optional<String> type = output.optionalString("type");
        Optional<String> dataoneId = output.optionalString("dataone_id");
        String effective = type.orElse(dataoneId.isPresent() ? "dataone" : "pvc");
        if (!OUTPUT_TYPES.contains(effective)) {
            problems.error(output.find("type").orElseThrow().location(), "output.type",
                    "unknown output type '" + effective + "'"
                            + KeySuggestion.nearest(effective, OUTPUT_TYPES).map(s -> " (did you mean '" + s + "'?)")
                                    .orElse("; use pvc, temporary or dataone"));
            return Optional.empty();
        }
        if (dataoneId.isPresent() && !effective.equals("dataone")) {
            problems.error(output.find("dataone_id").orElseThrow().location(), "output.dataone_id",
                    "only applies to 'type: dataone', but the output type is '" + effective + "'");
            return Optional.empty();
        }
        switch (effective) {
            case "temporary":
                return Optional.of(new RecipeOutput.Temporary());
            case "dataone":
                return Optional.of(new RecipeOutput.DataOne(dataoneId.orElse("TODO")));
            default:
                return Optional.of(new RecipeOutput.Pvc());
        }
    }
}
