package net.qgreenland.ogdc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import net.qgreenland.ogdc.recipe.InputPvcAllowlist;
import net.qgreenland.ogdc.recipe.RecipeDiscovery;
import net.qgreenland.ogdc.recipe.RecipeParseResult;
import net.qgreenland.ogdc.workspace.LocalRecipes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ogdc-action validate [PATH...]}: parses and checks recipes, printing every problem with file:line:col. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Checks recipes without running anything (no network needed).",
            "Each PATH is a recipe directory (holding meta.yml) or a repository root, whose recipes are "
                    + "<recipes-root>/*/meta.yml."
        },
        footer = {"", "Exit codes: 0 all valid, 1 a recipe is invalid, 2 usage error."})
final class ValidateCommand implements Callable<Integer> {

    /** How {@code validate} prints its results. */
    enum Format {
        text,
        json
    }

    /** The runner's setting naming the workflow PVC, and its default (spec §2). */
    static final String WORKFLOW_PVC_VARIABLE = "OGDC_WORKFLOW_PVC_NAME";
    static final String DEFAULT_WORKFLOW_PVC = "cephfs-qgnet-ogdc-workflow-pvc";

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Recipe directories or repository roots "
            + "(default: the current directory).")
    List<String> paths = new ArrayList<>();

    @Option(names = "--recipes-root", paramLabel = "DIR", defaultValue = RecipeDiscovery.DEFAULT_RECIPES_ROOT,
            description = "Directory of a repository that holds one directory per recipe (default: ${DEFAULT-VALUE}).")
    String recipesRoot;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--allowed-input-pvcs", paramLabel = "JSON",
            description = "The operators' allowlist of input PVC claims, as in " + InputPvcAllowlist.VARIABLE
                    + " (a JSON array of names or {\"claimName\": ...} objects). When neither this nor the "
                    + "variable is set, claims are not checked.")
    String allowedInputPvcs;

    @Option(names = "--workflow-pvc", paramLabel = "CLAIM",
            description = "The workflow PVC, always allowed (default: $" + WORKFLOW_PVC_VARIABLE + " or "
                    + DEFAULT_WORKFLOW_PVC + ").")
    String workflowPvc;

    private final Path workingDirectory;
    private final Map<String, String> env;

    ValidateCommand(Path workingDirectory, Map<String, String> env) {
        this.workingDirectory = workingDirectory;
        this.env = Map.copyOf(env);
    }

    /** The allowlist from the option or the environment; empty when neither is set. */
    private Optional<InputPvcAllowlist> allowlist() {
        String json = allowedInputPvcs != null ? allowedInputPvcs : env.get(InputPvcAllowlist.VARIABLE);
        if (json == null) {
            return Optional.empty();
        }
        String claim = workflowPvc != null ? workflowPvc : env.getOrDefault(WORKFLOW_PVC_VARIABLE, DEFAULT_WORKFLOW_PVC);
        try {
            return Optional.of(InputPvcAllowlist.parse(json, claim));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    @Override
    public Integer call() {
        String root = recipesRoot.replace('\\', '/');
        if (root.isBlank() || root.startsWith("/") || List.of(root.split("/")).contains("..")) {
            throw new ParameterException(spec.commandLine(),
                    "--recipes-root must be a directory inside the repository, got '" + recipesRoot + "'");
        }
        Optional<InputPvcAllowlist> allowlist = allowlist();
        List<RecipeParseResult> results =
                LocalRecipes.parseAll(workingDirectory, paths.isEmpty() ? List.of(".") : paths, root);
        if (allowlist.isPresent()) {
            results = results.stream()
                    .map(r -> r.recipe().map(recipe -> r.withProblems(allowlist.get().check(recipe))).orElse(r))
                    .toList();
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(format == Format.json ? ValidationReportRenderer.json(results) : ValidationReportRenderer.text(results));
        out.flush();
        return results.stream().allMatch(RecipeParseResult::isValid) ? ExitCode.OK.code() : ExitCode.FAILED.code();
    }
}
