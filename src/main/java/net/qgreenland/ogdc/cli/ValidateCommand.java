package net.qgreenland.ogdc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import net.qgreenland.ogdc.recipe.RecipeParseResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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

    @Mixin
    RecipeSelection selection;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    private final Path workingDirectory;
    private final Map<String, String> env;

    ValidateCommand(Path workingDirectory, Map<String, String> env) {
        this.workingDirectory = workingDirectory;
        this.env = Map.copyOf(env);
    }

    @Override
    public Integer call() {
        List<RecipeParseResult> results = selection.parse(workingDirectory, env);
        PrintWriter out = spec.commandLine().getOut();
        out.print(format == Format.json ? ValidationReportRenderer.json(results) : ValidationReportRenderer.text(results));
        out.flush();
        return results.stream().allMatch(RecipeParseResult::isValid) ? ExitCode.OK.code() : ExitCode.FAILED.code();
    }
}
