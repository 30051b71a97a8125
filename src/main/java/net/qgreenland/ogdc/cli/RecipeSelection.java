package net.qgreenland.ogdc.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.qgreenland.ogdc.recipe.InputPvcAllowlist;
import net.qgreenland.ogdc.recipe.RecipeDiscovery;
import net.qgreenland.ogdc.recipe.RecipeParseResult;
import net.qgreenland.ogdc.translate.TranslationSettings;
import net.qgreenland.ogdc.workspace.LocalRecipes;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The options {@code validate} and {@code render} share: which recipes (paths and the recipes root) and the input
 * PVC allowlist they are checked against. Parses and checks them in one call.
 */
final class RecipeSelection {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Recipe directories or repository roots "
            + "(default: the current directory).")
    List<String> paths = new ArrayList<>();

    @Option(names = "--recipes-root", paramLabel = "DIR", defaultValue = RecipeDiscovery.DEFAULT_RECIPES_ROOT,
            description = "Directory of a repository that holds one directory per recipe (default: ${DEFAULT-VALUE}).")
    String recipesRoot;

    @Option(names = "--allowed-input-pvcs", paramLabel = "JSON",
            description = "The operators' allowlist of input PVC claims, as in " + InputPvcAllowlist.VARIABLE
                    + " (a JSON array of names or {\"claimName\": ...} objects). When neither this nor the "
                    + "variable is set, claims are not checked.")
    String allowedInputPvcs;

    @Option(names = "--workflow-pvc", paramLabel = "CLAIM",
            description = "The workflow PVC, always allowed (default: $" + TranslationSettings.WORKFLOW_PVC_VARIABLE
                    + " or " + TranslationSettings.DEFAULT_WORKFLOW_PVC + ").")
    String workflowPvc;

    /**
     * Every selected recipe, parsed, with the allowlist's problems added when an allowlist is set.
     *
     * @throws ParameterException for a bad {@code --recipes-root} or allowlist
     */
    List<RecipeParseResult> parse(Path workingDirectory, Map<String, String> env) {
        String root = recipesRoot.replace('\\', '/');
        if (root.isBlank() || root.startsWith("/") || List.of(root.split("/")).contains("..")) {
            throw new ParameterException(spec.commandLine(),
                    "--recipes-root must be a directory inside the repository, got '" + recipesRoot + "'");
        }
        Optional<InputPvcAllowlist> allowlist = allowlist(env);
        List<RecipeParseResult> results =
                LocalRecipes.parseAll(workingDirectory, paths.isEmpty() ? List.of(".") : paths, root);
        if (allowlist.isEmpty()) {
            return results;
        }
        return results.stream()
                .map(r -> r.recipe().map(recipe -> r.withProblems(allowlist.get().check(recipe))).orElse(r))
                .toList();
    }

    /** The workflow PVC: the option, else {@code $OGDC_WORKFLOW_PVC_NAME}, else the runner's default. */
    String workflowPvc(Map<String, String> env) {
        return workflowPvc != null ? workflowPvc
                : env.getOrDefault(TranslationSettings.WORKFLOW_PVC_VARIABLE, TranslationSettings.DEFAULT_WORKFLOW_PVC);
    }

    /** The allowlist from the option or the environment; empty when neither is set. */
    private Optional<InputPvcAllowlist> allowlist(Map<String, String> env) {
        String json = allowedInputPvcs != null ? allowedInputPvcs : env.get(InputPvcAllowlist.VARIABLE);
        if (json == null) {
            return Optional.empty();
        }
        String claim = workflowPvc(env);
        try {
            return Optional.of(InputPvcAllowlist.parse(json, claim));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
