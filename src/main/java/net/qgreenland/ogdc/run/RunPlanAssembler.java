package net.qgreenland.ogdc.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import net.qgreenland.ogdc.change.ChangeRules;
import net.qgreenland.ogdc.change.ChangedRecipeFinder;
import net.qgreenland.ogdc.change.RecipeSelection;
import net.qgreenland.ogdc.git.ChangeScope;
import net.qgreenland.ogdc.git.CommitDiff;
import net.qgreenland.ogdc.git.GitChanges;
import net.qgreenland.ogdc.plan.RecipePlan;
import net.qgreenland.ogdc.plan.RunPlan;
import net.qgreenland.ogdc.plan.RunPlanner;
import net.qgreenland.ogdc.recipe.Recipe;
import net.qgreenland.ogdc.recipe.RecipeDiscovery;
import net.qgreenland.ogdc.recipe.RecipeParseResult;
import net.qgreenland.ogdc.recipe.RecipeParser;
import net.qgreenland.ogdc.workspace.WorkspaceException;

/**
 * Builds the {@link RunPlan} of a {@link ChangeScope}: diffs the commits (or takes the recipes named, or all of
 * them), selects recipes with the {@link ChangeRules}, and plans each one as its head commit has it.
 */
public final class RunPlanAssembler {

    private final GitChanges git;
    private final ChangeRules rules;
    private final RunPlanner planner;
    private final Consumer<String> log;
    private final Optional<PlanEstimator> estimator;

    /** An assembler whose plans are not estimated. */
    public RunPlanAssembler(GitChanges git, ChangeRules rules, RunPlanner planner, Consumer<String> log) {
        this(git, rules, planner, log, Optional.empty());
    }

    /** An assembler whose plans carry the pre-flight estimate of each recipe they run, if {@code estimator} is given. */
    public RunPlanAssembler(GitChanges git, ChangeRules rules, RunPlanner planner, Consumer<String> log,
            Optional<PlanEstimator> estimator) {
        this.git = Objects.requireNonNull(git, "git");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.planner = Objects.requireNonNull(planner, "planner");
        this.log = Objects.requireNonNull(log, "log");
        this.estimator = Objects.requireNonNull(estimator, "estimator");
    }

    /**
     * The plan for {@code scope}, estimated when this assembler has an estimator.
     *
     * @throws WorkspaceException when a named recipe does not exist at the head commit
     * @throws net.qgreenland.ogdc.git.GitException when a commit cannot be read or diffed
     */
    public RunPlan assemble(ChangeScope scope) {
        RunPlan plan = plan(scope);
        return estimator.map(e -> e.estimate(plan, recipesToRun(plan))).orElse(plan);
    }

    private RunPlan plan(ChangeScope scope) {
        if (scope instanceof ChangeScope.Diff diff) {
            return diffPlan(diff);
        }
        if (scope instanceof ChangeScope.All all) {
            RecipeIndex index = index(all.head());
            log.accept("planning all " + index.directories().size() + " recipes at " + GitChanges.abbreviate(all.head()));
            List<RecipePlan> recipes = planner.plan(RunPlanner.named(index.directories(), "every recipe"),
                    index.parser(git, all.head()));
            return new RunPlan(all.description(), Optional.empty(), Optional.of(all.head()), recipes, List.of(), List.of());
        }
        if (scope instanceof ChangeScope.Named named) {
            RecipeIndex index = index(named.head());
            List<String> directories = resolveNames(named.names(), index, named.head());
            List<RecipePlan> recipes = planner.plan(RunPlanner.named(directories, "named"),
                    index.parser(git, named.head()));
            return new RunPlan(named.description(), Optional.empty(), Optional.of(named.head()), recipes, List.of(), List.of());
        }
        ChangeScope.Nothing nothing = (ChangeScope.Nothing) scope;
        return new RunPlan(nothing.description(), Optional.empty(), Optional.empty(), List.of(), List.of(), List.of());
    }

    private RunPlan diffPlan(ChangeScope.Diff scope) {
        CommitDiff diff = git.diff(scope.base(), scope.head());
        Detection detection = detect(diff);
        RecipeSelection selection = detection.selection();
        List<RecipePlan> recipes = planner.plan(RunPlanner.candidates(selection),
                detection.index().parser(git, diff.head()));
        List<String> notes = new ArrayList<>();
        if (diff.changes().isEmpty()) {
            notes.add("the two commits have the same files");
        }
        return new RunPlan(scope.description() + "; " + diff.source().description(), Optional.of(diff.base()),
                Optional.of(diff.head()), recipes, selection.triggerPaths(), notes);
    }

    /**
     * The recipes {@code plan} runs ({@link net.qgreenland.ogdc.plan.PlanStatus#RUN}), read again at its head commit,
     * by directory in the plan's order: what the plan outlined, ready to translate and submit.
     */
    public Map<String, Recipe> recipesToRun(RunPlan plan) {
        Map<String, Recipe> recipes = new LinkedHashMap<>();
        if (plan.head().isEmpty()) {
            return recipes;
        }
        String head = plan.head().get();
        for (RecipePlan recipe : plan.recipes()) {
            if (recipe.status() == net.qgreenland.ogdc.plan.PlanStatus.RUN) {
                RecipeParseResult parsed = RecipeParser.parse(recipe.directory(),
                        git.recipeFiles(head, recipe.directory()));
                recipes.put(recipe.directory(), parsed.recipe().orElseThrow(() -> new IllegalStateException(
                        recipe.directory() + " was planned to run but does not parse at " + head)));
            }
        }
        return recipes;
    }

    /**
     * Which recipes {@code diff} runs, validates only or removed: the detection without the planning (parsing and
     * translating), as the change-detection benchmark measures it.
     */
    public RecipeSelection select(CommitDiff diff) {
        return detect(diff).selection();
    }

    /** The recipes at head that matter to {@code diff} (all of them only after a trigger-all change), and the selection. */
    private Detection detect(CommitDiff diff) {
        ChangedRecipeFinder finder = new ChangedRecipeFinder(rules);
        RecipeIndex index = finder.triggersAll(diff.changes()) ? index(diff.head())
                : index(diff.head(), finder.touchedDirectories(diff.changes()));
        return new Detection(index, finder.select(diff.changes(), index.directories()));
    }

    /** The recipe index a selection was made with, and the selection. */
    private record Detection(RecipeIndex index, RecipeSelection selection) {}

    /** Which of {@code directories} are recipes at {@code commit}, looking up only their meta files. */
    private RecipeIndex index(String commit, Set<String> directories) {
        List<String> metaFiles = new ArrayList<>();
        for (String directory : directories) {
            metaFiles.add(directory + "/" + RecipeParser.META_FILE);
            metaFiles.add(directory + "/" + RecipeDiscovery.MISNAMED_META_FILE);
        }
        return index(RecipeDiscovery.find(rules.recipesRoot(), git.findFiles(commit, metaFiles)));
    }

    /** The recipe directories at {@code commit}, those with a misnamed {@code meta.yaml} included (they fail parsing). */
    private RecipeIndex index(String commit) {
        return index(RecipeDiscovery.find(rules.recipesRoot(), git.listFiles(commit, rules.recipesRoot())));
    }

    private static RecipeIndex index(RecipeDiscovery.Found found) {
        Set<String> all = new TreeSet<>(found.recipeDirectories());
        all.addAll(found.misnamedDirectories());
        return new RecipeIndex(List.copyOf(all), Set.copyOf(found.misnamedDirectories()));
    }

    /**
     * The directories of {@code names}: a directory ({@code recipes/seal-tags}), a directory name ({@code seal-tags})
     * or a recipe id, in that order of preference; ids are only looked up (by parsing every recipe) when needed.
     */
    private List<String> resolveNames(List<String> names, RecipeIndex index, String head) {
        String prefix = rules.recipesRoot().isEmpty() ? "" : rules.recipesRoot() + "/";
        Set<String> directories = new TreeSet<>();
        List<String> unresolved = new ArrayList<>();
        for (String name : names) {
            String trimmed = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
            if (index.directories().contains(trimmed)) {
                directories.add(trimmed);
            } else if (index.directories().contains(prefix + trimmed)) {
                directories.add(prefix + trimmed);
            } else {
                unresolved.add(name);
            }
        }
        if (!unresolved.isEmpty()) {
            Map<String, String> byId = idsOf(index, head);
            for (String name : unresolved) {
                String directory = byId.get(name);
                if (directory == null) {
                    throw new WorkspaceException("no recipe named '" + name + "' at " + GitChanges.abbreviate(head)
                            + ": give a recipe directory, its name under " + (prefix.isEmpty() ? "the root" : prefix)
                            + " or its id; there are " + index.directories().size() + " recipes"
                            + examples(index.directories()));
                }
                directories.add(directory);
            }
        }
        return List.copyOf(directories);
    }

    private Map<String, String> idsOf(RecipeIndex index, String head) {
        Function<String, RecipeParseResult> parser = index.parser(git, head);
        Map<String, String> byId = new LinkedHashMap<>();
        for (String directory : index.directories()) {
            parser.apply(directory).recipe().ifPresent(recipe -> byId.putIfAbsent(recipe.id().value(), directory));
        }
        return byId;
    }

    private static String examples(List<String> directories) {
        if (directories.isEmpty()) {
            return "";
        }
        List<String> shown = directories.stream().limit(10).toList();
        return ", e.g. " + String.join(", ", shown) + (directories.size() > shown.size() ? ", ..." : "");
    }


    /** The recipe directories at one commit and those among them whose meta file is misnamed. */
    private record RecipeIndex(List<String> directories, Set<String> misnamed) {

        Function<String, RecipeParseResult> parser(GitChanges git, String commit) {
            return directory -> misnamed.contains(directory)
                    ? RecipeParseResult.invalid(directory, List.of(RecipeDiscovery.misnamedProblem(directory)))
                    : RecipeParser.parse(directory, git.recipeFiles(commit, directory));
        }
    }
}
