package net.qgreenland.ogdc.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.qgreenland.ogdc.recipe.InputPvcAllowlist;
import net.qgreenland.ogdc.recipe.RecipeDiscovery;
import net.qgreenland.ogdc.recipe.RecipeParseResult;
import net.qgreenland.ogdc.workspace.LocalRecipes;
import picocli.CommandLine.Mixin;
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

    @Mixin
    ClusterPolicyOptions policy;

    /**
     * Every selected recipe, parsed, with the allowlist's problems added when an allowlist is set.
     *
     * @throws ParameterException for a bad {@code --recipes-root} or allowlist
     */
    List<RecipeParseResult> parse(Path workingDirectory, Map<String, String> env) {
        String root = requireRecipesRoot(recipesRoot, spec);
        Optional<InputPvcAllowlist> allowlist = policy.allowlist(env);
        List<RecipeParseResult> results =
                LocalRecipes.parseAll(workingDirectory, paths.isEmpty() ? List.of(".") : paths, root);
        if (allowlist.isEmpty()) {
            return results;
        }
        return results.stream()
                .map(r -> r.recipe().map(recipe -> r.withProblems(allowlist.get().check(recipe))).orElse(r))
                .toList();
    }

    /**
     * {@code root} with forward slashes.
     *
     * @throws ParameterException unless it is a relative directory inside the repository
     */
    static String requireRecipesRoot(String root, CommandSpec spec) {
        String normalized = root.replace('\\', '/');
        if (normalized.isBlank() || normalized.startsWith("/") || List.of(normalized.split("/")).contains("..")) {
            throw new ParameterException(spec.commandLine(),
                    "--recipes-root must be a directory inside the repository, got '" + root + "'");
        }
        return normalized;
    }
}
