package net.qgreenland.ogdc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
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

    private final Path workingDirectory;

    ValidateCommand(Path workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    @Override
    public Integer call() {
        String root = recipesRoot.replace('\\', '/');
        if (root.isBlank() || root.startsWith("/") || List.of(root.split("/")).contains("..")) {
            throw new ParameterException(spec.commandLine(),
                    "--recipes-root must be a directory inside the repository, got '" + recipesRoot + "'");
        }
        List<RecipeParseResult> results =
                LocalRecipes.parseAll(workingDirectory, paths.isEmpty() ? List.of(".") : paths, root);
        PrintWriter out = spec.commandLine().getOut();
        out.print(format == Format.json ? ValidationReportRenderer.json(results) : ValidationReportRenderer.text(results));
        out.flush();
        return results.stream().allMatch(RecipeParseResult::isValid) ? ExitCode.OK.code() : ExitCode.FAILED.code();
    }
}
