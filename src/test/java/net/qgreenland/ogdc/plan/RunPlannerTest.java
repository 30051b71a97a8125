package net.qgreenland.ogdc.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import net.qgreenland.ogdc.change.ChangedPath;
import net.qgreenland.ogdc.change.ChangeRules;
import net.qgreenland.ogdc.change.ChangedRecipeFinder;
import net.qgreenland.ogdc.change.RecipeSelection;
import net.qgreenland.ogdc.recipe.InputPvcAllowlist;
import net.qgreenland.ogdc.recipe.RecipeParseResult;
import net.qgreenland.ogdc.recipe.RecipeParser;
import net.qgreenland.ogdc.testing.GoldenFiles;
import net.qgreenland.ogdc.translate.RecipeTranslator;
import net.qgreenland.ogdc.translate.TranslationSettings;
import net.qgreenland.ogdc.translate.WorkflowOutline;
import net.qgreenland.ogdc.workspace.FileSystemRecipeFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Planning selected recipes of the example repository, and the plan as text, Markdown and JSON (golden files). */
class RunPlannerTest {

    static final Path EXAMPLES = Path.of("example-recipe-repo");
    static final RecipeTranslator TRANSLATOR = new RecipeTranslator(TranslationSettings.fromEnvironment(
            java.util.Map.of("DATAONE_NODE_URL", "https://cn.dataone.org/cn")));

    @TempDir
    Path broken;

    @Test
    void aChangeIsPlannedRecipeByRecipe() throws Exception {
        RunPlan plan = examplePlan();

        assertThat(plan.recipes()).extracting(RecipePlan::directory, RecipePlan::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("recipes/arcticdem-tile-hillshades", PlanStatus.RUN),
                org.assertj.core.groups.Tuple.tuple("recipes/broken", PlanStatus.INVALID),
                org.assertj.core.groups.Tuple.tuple("recipes/glaciated-areas-viz", PlanStatus.RUN),
                org.assertj.core.groups.Tuple.tuple("recipes/natural-earth-lakes-viz", PlanStatus.VALIDATE_ONLY),
                org.assertj.core.groups.Tuple.tuple("recipes/retired", PlanStatus.REMOVED));
        assertThat(plan.hasInvalid()).isTrue();
        assertThat(plan.count(PlanStatus.RUN)).isEqualTo(2);
        RecipePlan hillshades = plan.recipes().get(0);
        assertThat(hillshades.causes()).containsExactly("recipes/arcticdem-tile-hillshades/recipe.sh");
        assertThat(hillshades.submission()).isPresent();
        RecipePlan broken = plan.recipes().get(1);
        assertThat(broken.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.location().file())
                .startsWith("recipes/broken/"));
    }

    @Test
    void theOutlineSaysWhatWouldBeSubmitted() throws Exception {
        WorkflowOutline shell = examplePlan().recipes().get(0).submission().orElseThrow();

        assertThat(shell.kind()).isEqualTo("shell, parallel");
        assertThat(shell.mainWorkflow()).isEqualTo("arcticdem-mosaic-tile-hillshades-shell-");
        assertThat(shell.helperWorkflows()).containsExactly("arcticdem-mosaic-tile-hillshades-check-published-");
        assertThat(shell.stages()).containsExactly("list-pvc-files", "cmd-0", "cmd-1", "publish-data");
        assertThat(shell.partitionSize()).hasValue(50);
        assertThat(shell.parallelism()).hasValue(6);
        assertThat(shell.knownInputCount()).isEmpty();
    }

    @Test
    void thePlanRendersAsTextMarkdownAndJson() throws Exception {
        RunPlan plan = examplePlan();

        GoldenFiles.assertMatches("plan/example.txt", PlanRenderer.text(plan));
        GoldenFiles.assertMatches("plan/example.md", PlanRenderer.markdown(plan));
        GoldenFiles.assertMatches("plan/example.json", PlanRenderer.json(plan));
    }

    @Test
    void anEmptyPlanSaysSo() {
        RunPlan plan = new RunPlan("pull request #7 was closed: nothing to run", Optional.empty(), Optional.empty(),
                List.of(), List.of(), List.of());

        assertThat(PlanRenderer.text(plan)).isEqualTo(
                "Plan: pull request #7 was closed: nothing to run\nNo recipe selected.\n");
        assertThat(PlanRenderer.json(plan)).contains("\"head\" : null", "\"recipes\" : [ ]");
        assertThat(plan.hasInvalid()).isFalse();
    }

    @Test
    void recipesPlannedTogetherThatShareAnIdAreInvalid() {
        Function<String, RecipeParseResult> sameRecipe = directory -> RecipeParser.parse(directory,
                new FileSystemRecipeFiles(EXAMPLES.resolve("recipes/glaciated-areas-viz")));
        RunPlanner planner = new RunPlanner(TRANSLATOR, false, Optional.empty());

        List<RecipePlan> plans = planner.plan(RunPlanner.named(List.of("recipes/x", "recipes/y"), "named"),
                sameRecipe);

        assertThat(plans).extracting(RecipePlan::status).containsExactly(PlanStatus.INVALID, PlanStatus.INVALID);
    }

    @Test
    void theAllowlistMakesARecipeWithAnUnlistedClaimInvalid() {
        RunPlanner planner = new RunPlanner(TRANSLATOR, false,
                Optional.of(InputPvcAllowlist.parse("[\"some-other-claim\"]", "qgnet-ogdc-workflow-pvc")));

        List<RecipePlan> plans = planner.plan(RunPlanner.named(List.of("recipes/arcticdem-tile-hillshades"), "named"),
                this::parseExample);

        assertThat(plans.get(0).status()).isEqualTo(PlanStatus.INVALID);
        assertThat(plans.get(0).problems()).anySatisfy(p -> assertThat(p.message()).contains("OGDC_ALLOWED_INPUT_PVCS: arctic-dem-pvc"));
    }

    @Test
    void aTranslationFailureMakesTheRecipeInvalidWithTheReason() {
        RunPlanner planner = new RunPlanner(new RecipeTranslator(TranslationSettings.fromEnvironment(
                java.util.Map.of())), false, Optional.empty());
        List<String> dataone = List.of("recipes/pan-arctic-plant-biomass");

        List<RecipePlan> plans = planner.plan(RunPlanner.named(dataone, "named"), this::parseExample);

        assertThat(plans.get(0).status()).isEqualTo(PlanStatus.INVALID);
        assertThat(plans.get(0).problems()).singleElement().satisfies(p -> assertThat(p.render()).isEqualTo(
                "recipes/pan-arctic-plant-biomass/meta.yml: cannot be translated: recipes/pan-arctic-plant-biomass"
                        + " has dataone inputs: set DATAONE_NODE_URL to the DataONE member node that resolves them"
                        + " (e.g. https://arcticdata.io/metacat/d1/mn)"));
    }

    @Test
    void aPlanOnlyOutlinesRecipesThatRun() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RecipePlan("recipes/a", Optional.empty(),
                PlanStatus.REMOVED, "removed", List.of(), List.of(), Optional.of(examplePlanUnchecked()
                        .recipes().get(0).submission().orElseThrow()), List.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> new RunPlanner.Candidate("recipes/a",
                PlanStatus.INVALID, "x", List.of()));
    }

    private RunPlan examplePlanUnchecked() {
        try {
            return examplePlan();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Two recipes changed, one only in its README, one deleted, and a new one that does not parse. */
    private RunPlan examplePlan() throws Exception {
        Files.writeString(broken.resolve("meta.yml"), "name: Broken\ninput:\n  params: []\n");
        List<ChangedPath> changes = List.of(
                ChangedPath.modified("recipes/arcticdem-tile-hillshades/recipe.sh"),
                ChangedPath.modified("recipes/glaciated-areas-viz/config.json"),
                ChangedPath.modified("recipes/glaciated-areas-viz/README.md"),
                ChangedPath.modified("recipes/natural-earth-lakes-viz/README.md"),
                ChangedPath.deleted("recipes/retired/meta.yml"),
                ChangedPath.deleted("recipes/retired/recipe.sh"),
                ChangedPath.added("recipes/broken/meta.yml"),
                ChangedPath.modified("docs/index.md"));
        List<String> head = List.of("recipes/arcticdem-tile-hillshades", "recipes/broken", "recipes/glaciated-areas-viz",
                "recipes/natural-earth-lakes-viz");
        RecipeSelection selection = new ChangedRecipeFinder(ChangeRules.defaults()).select(changes, head);
        List<RecipePlan> recipes = new RunPlanner(TRANSLATOR, false, Optional.empty())
                .plan(RunPlanner.candidates(selection), this::parseExample);
        return new RunPlan("--base HEAD~1 --head HEAD; both commits were in the clone",
                Optional.of("1".repeat(40)), Optional.of("2".repeat(40)), recipes, selection.triggerPaths(),
                List.of());
    }

    private RecipeParseResult parseExample(String directory) {
        Path path = directory.equals("recipes/broken") ? broken : EXAMPLES.resolve(directory);
        return RecipeParser.parse(directory, new FileSystemRecipeFiles(path));
    }
}
