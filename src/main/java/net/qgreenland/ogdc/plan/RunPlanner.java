package net.qgreenland.ogdc.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import net.qgreenland.ogdc.change.RecipeSelection;
import net.qgreenland.ogdc.change.SelectedRecipe;
import net.qgreenland.ogdc.recipe.InputPvcAllowlist;
import net.qgreenland.ogdc.recipe.Recipe;
import net.qgreenland.ogdc.recipe.RecipeIdClashes;
import net.qgreenland.ogdc.recipe.RecipeParseResult;
import net.qgreenland.ogdc.recipe.RecipeParser;
import net.qgreenland.ogdc.recipe.RecipeProblem;
import net.qgreenland.ogdc.recipe.SourceLocation;
import net.qgreenland.ogdc.translate.RecipeTranslator;
import net.qgreenland.ogdc.translate.RecipeWorkflows;
import net.qgreenland.ogdc.translate.TranslationException;

/**
 * Plans recipes: parses each selected one (through the function the caller gives), checks it against the input
 * PVC allowlist when there is one, translates the valid ones that would run, and outlines what would be submitted.
 */
public final class RunPlanner {

    /** One recipe to plan: its directory, what the selection wants for it, why, and the paths that caused it. */
    public record Candidate(String directory, PlanStatus wanted, String why, List<String> causes) {
        public Candidate {
            Objects.requireNonNull(directory, "directory");
            Objects.requireNonNull(wanted, "wanted");
            Objects.requireNonNull(why, "why");
            causes = List.copyOf(causes);
            if (wanted == PlanStatus.INVALID) {
                throw new IllegalArgumentException("a recipe is found invalid by planning, not selected as such");
            }
        }
    }

    private final RecipeTranslator translator;
    private final boolean overwrite;
    private final Optional<InputPvcAllowlist> allowlist;

    /**
     * @param overwrite plan the workflows of an overwriting run (remove-existing-data first)
     * @param allowlist the operators' input PVC allowlist, if set
     */
    public RunPlanner(RecipeTranslator translator, boolean overwrite, Optional<InputPvcAllowlist> allowlist) {
        this.translator = Objects.requireNonNull(translator, "translator");
        this.overwrite = overwrite;
        this.allowlist = Objects.requireNonNull(allowlist, "allowlist");
    }

    /** The candidates of a change's selection: run, validate only and removed, in directory order. */
    public static List<Candidate> candidates(RecipeSelection selection) {
        List<Candidate> candidates = new ArrayList<>();
        selection.run().forEach(recipe -> candidates.add(candidate(recipe, PlanStatus.RUN)));
        selection.validateOnly().forEach(recipe -> candidates.add(candidate(recipe, PlanStatus.VALIDATE_ONLY)));
        selection.removed().forEach(recipe -> candidates.add(candidate(recipe, PlanStatus.REMOVED)));
        candidates.sort(Comparator.comparing(Candidate::directory));
        return candidates;
    }

    /** Candidates that run because they were named (e.g. {@code why} = "named by --recipes"), with no causes. */
    public static List<Candidate> named(List<String> directories, String why) {
        return directories.stream().sorted().distinct()
                .map(directory -> new Candidate(directory, PlanStatus.RUN, why, List.of())).toList();
    }

    /**
     * The plan for {@code candidates}; {@code parse} reads the recipe in a directory (as the head commit has it).
     * Recipes planned together that share an id are all invalid, as they would overwrite each other's results.
     */
    public List<RecipePlan> plan(List<Candidate> candidates, Function<String, RecipeParseResult> parse) {
        List<Candidate> present = candidates.stream().filter(c -> c.wanted() != PlanStatus.REMOVED).toList();
        List<RecipeParseResult> parsed = RecipeIdClashes.mark(present.stream().map(c -> checked(parse.apply(
                c.directory()))).toList());
        List<RecipePlan> plans = new ArrayList<>();
        for (int i = 0; i < present.size(); i++) {
            plans.add(plan(present.get(i), parsed.get(i)));
        }
        candidates.stream().filter(c -> c.wanted() == PlanStatus.REMOVED).forEach(c -> plans.add(new RecipePlan(
                c.directory(), Optional.empty(), PlanStatus.REMOVED, c.why(), c.causes(), List.of(), Optional.empty(),
                List.of())));
        plans.sort(Comparator.comparing(RecipePlan::directory));
        return plans;
    }

    private RecipePlan plan(Candidate candidate, RecipeParseResult result) {
        Optional<String> id = result.recipe().map(recipe -> recipe.id().value());
        if (result.recipe().isEmpty()) {
            return invalid(candidate, id, result.problems());
        }
        Recipe recipe = result.recipe().get();
        if (candidate.wanted() == PlanStatus.VALIDATE_ONLY) {
            return new RecipePlan(candidate.directory(), id, PlanStatus.VALIDATE_ONLY, candidate.why(),
                    candidate.causes(), result.problems(), Optional.empty(), List.of());
        }
        try {
            RecipeWorkflows workflows = translator.translate(recipe, overwrite);
            return new RecipePlan(candidate.directory(), id, PlanStatus.RUN, candidate.why(), candidate.causes(),
                    result.problems(), Optional.of(translator.outline(recipe, workflows)), workflows.notes());
        } catch (TranslationException e) {
            List<RecipeProblem> problems = new ArrayList<>(result.problems());
            problems.add(RecipeProblem.error(SourceLocation.ofFile(candidate.directory() + "/" + RecipeParser.META_FILE),
                    "", "cannot be translated: " + e.getMessage()));
            return invalid(candidate, id, problems);
        }
    }

    private RecipeParseResult checked(RecipeParseResult result) {
        return allowlist.flatMap(list -> result.recipe().map(recipe -> result.withProblems(list.check(recipe))))
                .orElse(result);
    }

    private static RecipePlan invalid(Candidate candidate, Optional<String> id, List<RecipeProblem> problems) {
        return new RecipePlan(candidate.directory(), id, PlanStatus.INVALID, candidate.why(), candidate.causes(),
                problems, Optional.empty(), List.of());
    }

    private static Candidate candidate(SelectedRecipe recipe, PlanStatus wanted) {
        return new Candidate(recipe.directory(), wanted, why(recipe.reason()), recipe.causes());
    }

    private static String why(SelectedRecipe.Reason reason) {
        return switch (reason) {
            case CHANGED -> "changed";
            case DOCUMENTATION_ONLY -> "only documentation changed";
            case TRIGGERED_ALL -> "a trigger-all path changed";
            case REMOVED -> "its meta.yml was deleted";
        };
    }
}
