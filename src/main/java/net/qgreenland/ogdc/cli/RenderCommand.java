package net.qgreenland.ogdc.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import net.qgreenland.ogdc.argo.model.ArgoDocuments;
import net.qgreenland.ogdc.argo.model.Workflow;
import net.qgreenland.ogdc.recipe.Recipe;
import net.qgreenland.ogdc.recipe.RecipeParseResult;
import net.qgreenland.ogdc.translate.RecipeTranslator;
import net.qgreenland.ogdc.translate.RecipeWorkflows;
import net.qgreenland.ogdc.translate.TranslationSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ogdc-action render [PATH...] [-o DIR]}: the Argo Workflows each recipe becomes, helpers first, as one YAML
 * stream for {@code argo submit -} / {@code kubectl create -f -}, or one file per workflow.
 */
@Command(
        name = "render",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Prints the Argo Workflows the recipes become, without submitting anything: for each recipe the "
                    + "helper workflow (check-published, or remove-existing-data with --overwrite), then the main one.",
            "Recipes are validated first; if any is invalid nothing is rendered.",
            "Settings come from the environment as in the Python runner (ARGO_NAMESPACE, OGDC_RUNNER_IMAGE_TAG, "
                    + "OGDC_WORKFLOW_PVC_NAME, DATAONE_NODE_URL, VIZ_WORKFLOW_*, OGDC_TASK_IMAGE, ...)."
        },
        footer = {"", "Exit codes: 0 rendered, 1 a recipe is invalid or cannot be translated, 2 usage error."})
final class RenderCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RecipeSelection selection;

    @Option(names = {"-o", "--output-dir"}, paramLabel = "DIR",
            description = "Write one file per workflow (<recipe-id>-<kind>.yaml) into DIR instead of printing a "
                    + "stream. Existing files with other content are kept unless --force is given.")
    Path outputDirectory;

    @Option(names = "--force", description = "With -o, replace existing files whose content differs.")
    boolean force;

    @Option(names = "--overwrite", description = "Render remove-existing-data instead of check-published, as a "
            + "run that replaces earlier results would submit.")
    boolean overwrite;

    private final Path workingDirectory;
    private final Map<String, String> env;

    RenderCommand(Path workingDirectory, Map<String, String> env) {
        this.workingDirectory = workingDirectory;
        this.env = Map.copyOf(env);
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        TranslationSettings settings = selection.policy.translationSettings(env);
        List<RecipeParseResult> results = selection.parse(workingDirectory, env);
        Optional<Map<Recipe, RecipeWorkflows>> translated = RecipeTranslations.translateAll(results,
                new RecipeTranslator(settings), overwrite, err, "Nothing rendered");
        if (translated.isEmpty()) {
            return ExitCode.FAILED.code();
        }
        Map<String, String> documents = new LinkedHashMap<>();
        for (RecipeWorkflows workflows : translated.get().values()) {
            for (Workflow workflow : workflows.inRunOrder()) {
                documents.put(fileName(workflow), ArgoDocuments.toYaml(workflow));
            }
        }
        if (outputDirectory == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(String.join("---\n", documents.values()));
            out.flush();
        } else {
            write(documents, err);
        }
        return ExitCode.OK.code();
    }

    /** {@code <generateName without its last dash>.yaml}, e.g. {@code seal-tags-shell.yaml}. */
    private static String fileName(Workflow workflow) {
        String name = workflow.metadata().generateName().orElseThrow();
        return name.substring(0, name.length() - 1) + ".yaml";
    }

    private void write(Map<String, String> documents, PrintWriter err) {
        Path directory = workingDirectory.resolve(outputDirectory);
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new ParameterException(spec.commandLine(), "--output-dir " + outputDirectory + " is not a directory");
        }
        List<String> kept = documents.entrySet().stream()
                .filter(d -> differs(directory.resolve(d.getKey()), d.getValue()))
                .map(Map.Entry::getKey)
                .toList();
        if (!kept.isEmpty() && !force) {
            throw new ParameterException(spec.commandLine(), "--output-dir " + outputDirectory + " already has "
                    + String.join(", ", kept) + " with other content; use --force to replace them");
        }
        try {
            Files.createDirectories(directory);
            for (Map.Entry<String, String> document : documents.entrySet()) {
                Path target = directory.resolve(document.getKey());
                Path temporary = directory.resolve("." + document.getKey() + ".tmp");
                Files.writeString(temporary, document.getValue(), StandardCharsets.UTF_8);
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                err.println("wrote " + workingDirectory.relativize(target));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing workflows to " + directory + " failed", e);
        }
    }

    private static boolean differs(Path file, String content) {
        try {
            return Files.exists(file) && !Files.readString(file, StandardCharsets.UTF_8).equals(content);
        } catch (IOException e) {
            return true;
        }
    }
}
