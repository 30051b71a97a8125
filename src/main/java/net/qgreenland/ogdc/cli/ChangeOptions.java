package net.qgreenland.ogdc.cli;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import net.qgreenland.ogdc.action.ActionEnvironment;
import net.qgreenland.ogdc.action.ActionEvent;
import net.qgreenland.ogdc.action.ActionEvents;
import net.qgreenland.ogdc.change.ChangeRules;
import net.qgreenland.ogdc.git.ChangeScope;
import net.qgreenland.ogdc.git.ChangeScopeResolver;
import net.qgreenland.ogdc.git.GitChanges;
import net.qgreenland.ogdc.git.GitHubCompare;
import net.qgreenland.ogdc.git.Hub4jGitHubCompare;
import net.qgreenland.ogdc.recipe.RecipeDiscovery;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Which change to act on, as {@code plan} and {@code run} share it: {@code --base/--head}, {@code --all} or
 * {@code --recipes} (else, inside GitHub Actions, the event), the repository, the recipes root, the trigger-all
 * globs and whether documentation-only changes run.
 */
final class ChangeOptions {

    static final String TOKEN_INPUT = "token";
    static final String TOKEN_VARIABLE = "GITHUB_TOKEN";
    static final String RECIPES_ROOT_INPUT = "recipes-root";
    static final String RECIPES_ROOT_VARIABLE = "OGDC_RECIPES_ROOT";
    static final String TRIGGER_ALL_INPUT = "trigger-all";
    static final String TRIGGER_ALL_VARIABLE = "OGDC_TRIGGER_ALL";
    static final String RUN_ON_DOCS_INPUT = "run-on-documentation-changes";
    static final String RUN_ON_DOCS_VARIABLE = "OGDC_RUN_ON_DOCUMENTATION_CHANGES";

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--repo", paramLabel = "DIR",
            description = "The recipe repository's work tree (default: $GITHUB_WORKSPACE inside Actions, else the "
                    + "current directory).")
    Path repository;

    @Option(names = "--base", paramLabel = "REF", description = "Compare from this commit (a SHA, branch, tag or "
            + "HEAD~n); a SHA missing from a shallow clone is fetched from origin.")
    String base;

    @Option(names = "--head", paramLabel = "REF", description = "Compare to, or read recipes at, this commit "
            + "(default: HEAD).")
    String head;

    @Option(names = "--all", description = "Plan every recipe at --head.")
    boolean all;

    @Option(names = "--recipes", paramLabel = "NAMES", split = ",",
            description = "Plan these recipes at --head: directories, directory names or recipe ids, separated by "
                    + "commas.")
    List<String> recipes = new ArrayList<>();

    @Option(names = "--recipes-root", paramLabel = "DIR", description = "Directory holding one directory per recipe "
            + "(input " + RECIPES_ROOT_INPUT + ", $" + RECIPES_ROOT_VARIABLE + "; default: "
            + RecipeDiscovery.DEFAULT_RECIPES_ROOT + ").")
    String recipesRoot;

    @Option(names = "--trigger-all", paramLabel = "GLOB", split = ",",
            description = "Paths whose change runs every recipe, e.g. 'scripts/**,.github/workflows/ogdc.yml' (input "
                    + TRIGGER_ALL_INPUT + ", $" + TRIGGER_ALL_VARIABLE + "; default: none).")
    List<String> triggerAll = new ArrayList<>();

    @Option(names = "--run-on-documentation-changes", arity = "0..1", paramLabel = "BOOL",
            description = "Run a recipe even when only its documentation (*.md, README*) changed (input "
                    + RUN_ON_DOCS_INPUT + ", $" + RUN_ON_DOCS_VARIABLE + "; default: false, such recipes are only "
                    + "validated).")
    Boolean runOnDocumentationChanges;

    /** The GitHub token (input {@code token}, else {@code GITHUB_TOKEN}), for fetching and the compare API. */
    Optional<String> token(ActionEnvironment action) {
        return action.find(Optional.empty(), TOKEN_INPUT, TOKEN_VARIABLE);
    }

    /** Whether the command line chose the change ({@code --base}, {@code --all} or {@code --recipes}). */
    boolean hasChoice() {
        return base != null || all || !recipes.isEmpty();
    }

    void requireOneChoice(ActionEnvironment action) {
        int chosen = (base != null ? 1 : 0) + (all ? 1 : 0) + (recipes.isEmpty() ? 0 : 1);
        if (chosen > 1) {
            throw new ParameterException(spec.commandLine(), "choose one of --base, --all and --recipes");
        }
        if (chosen == 0 && head != null) {
            throw new ParameterException(spec.commandLine(), "--head needs --base, --all or --recipes");
        }
        if (chosen == 0 && !action.isGitHubActions()) {
            throw new ParameterException(spec.commandLine(), "say what to plan: --base REF [--head REF], --all or "
                    + "--recipes NAMES (inside GitHub Actions the event decides)");
        }
    }

    ChangeScope scope(GitChanges git, ActionEnvironment action, Consumer<String> log) {
        String headRevision = head != null ? head : "HEAD";
        if (base != null) {
            return new ChangeScope.Diff(git.requireCommit(base), git.requireCommit(headRevision),
                    "--base " + base + " --head " + headRevision);
        }
        if (all) {
            return new ChangeScope.All(git.requireCommit(headRevision), "--all at " + headRevision);
        }
        if (!recipes.isEmpty()) {
            return new ChangeScope.Named(git.requireCommit(headRevision), recipes.stream().map(String::strip)
                    .filter(name -> !name.isEmpty()).toList(), "--recipes at " + headRevision);
        }
        ActionEvent event;
        try {
            event = ActionEvents.read(action);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        String checkout = git.requireCommit(action.sha().orElse("HEAD"));
        return new ChangeScopeResolver(git, log).resolve(event, checkout);
    }

    Path repositoryDirectory(ActionEnvironment action, Path workingDirectory) {
        if (repository != null) {
            return workingDirectory.resolve(repository);
        }
        return action.isGitHubActions() ? action.workspace().orElse(workingDirectory) : workingDirectory;
    }

    /** GitHub's compare API, when a token and the repository name are known; connected only if it is needed. */
    Optional<GitHubCompare> compare(ActionEnvironment action, Optional<String> token) {
        if (token.isEmpty() || action.repository().isEmpty()) {
            return Optional.empty();
        }
        String apiUrl = action.apiUrl().orElse("https://api.github.com");
        String name = action.repository().get();
        return Optional.of((from, to) -> Hub4jGitHubCompare.connect(apiUrl, name, token.get()).compare(from, to));
    }

    ChangeRules rules(ActionEnvironment action) {
        String root = RecipeSelection.requireRecipesRoot(action.resolve(Optional.ofNullable(recipesRoot),
                RECIPES_ROOT_INPUT, RECIPES_ROOT_VARIABLE, RecipeDiscovery.DEFAULT_RECIPES_ROOT), spec);
        List<String> globs = !triggerAll.isEmpty() ? triggerAll
                : action.find(Optional.empty(), TRIGGER_ALL_INPUT, TRIGGER_ALL_VARIABLE)
                        .map(ChangeOptions::splitList).orElse(List.of());
        boolean runOnDocs = runOnDocumentationChanges != null ? runOnDocumentationChanges
                : booleanSetting(action.find(Optional.empty(), RUN_ON_DOCS_INPUT, RUN_ON_DOCS_VARIABLE),
                        RUN_ON_DOCS_INPUT, false, spec);
        try {
            return new ChangeRules(root, ChangeRules.DEFAULT_DOCUMENTATION_GLOBS, runOnDocs,
                    globs.stream().map(String::strip).filter(glob -> !glob.isEmpty()).toList());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--trigger-all: " + e.getMessage());
        }
    }

    /**
     * A true/false setting (an action input, say) named {@code name}; {@code fallback} when absent.
     *
     * @throws ParameterException when it is neither true nor false
     */
    static boolean booleanSetting(Optional<String> value, String name, boolean fallback, CommandSpec spec) {
        if (value.isEmpty()) {
            return fallback;
        }
        String text = value.get().strip().toLowerCase(java.util.Locale.ROOT);
        if (!text.equals("true") && !text.equals("false")) {
            throw new ParameterException(spec.commandLine(), name + " must be true or false, got '" + value.get()
                    + "'");
        }
        return text.equals("true");
    }

    /** Globs from an input: separated by commas or new lines (a YAML block scalar in the workflow file). */
    static List<String> splitList(String text) {
        return List.of(text.split("[,\\n]"));
    }
}
