package net.qgreenland.ogdc.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which recipes a change runs, validates or removes. Changes are written {@code M path}, {@code A path},
 * {@code D path}, {@code R old -> new}, {@code C old -> new}, separated by {@code ;}; a selection is rendered one
 * line per recipe, {@code <list> <directory> <reason> <causes>}, then {@code triggered <paths>} if it ran everything.
 */
class ChangedRecipeFinderTest {

    static final ChangeRules DEFAULTS = ChangeRules.defaults();
    static final ChangeRules TRIGGERS = DEFAULTS.withTriggerAllGlobs(List.of("scripts/**", ".github/workflows/*.yml"));
    static final String HEAD = "recipes/a recipes/b recipes/c";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("a modified file runs its recipe", DEFAULTS, "M recipes/a/recipe.sh", HEAD,
                        List.of("run recipes/a CHANGED recipes/a/recipe.sh")),
                Arguments.of("an added file runs its recipe", DEFAULTS, "A recipes/b/new.py", HEAD,
                        List.of("run recipes/b CHANGED recipes/b/new.py")),
                Arguments.of("an added recipe runs", DEFAULTS, "A recipes/d/recipe.sh; A recipes/d/meta.yml",
                        HEAD + " recipes/d", List.of("run recipes/d CHANGED recipes/d/meta.yml,recipes/d/recipe.sh")),
                Arguments.of("a nested file runs its recipe", DEFAULTS, "M recipes/a/lib/deep/x.py", HEAD,
                        List.of("run recipes/a CHANGED recipes/a/lib/deep/x.py")),
                Arguments.of("a deleted file runs the recipe that is still there", DEFAULTS, "D recipes/a/old.sh", HEAD,
                        List.of("run recipes/a CHANGED recipes/a/old.sh")),
                Arguments.of("a deleted recipe is removed", DEFAULTS, "D recipes/c/meta.yml; D recipes/c/recipe.sh",
                        "recipes/a recipes/b", List.of("removed recipes/c REMOVED recipes/c/meta.yml,recipes/c/recipe.sh")),
                Arguments.of("a recipe that lost its meta.yml is removed", DEFAULTS, "D recipes/c/meta.yml",
                        "recipes/a recipes/b", List.of("removed recipes/c REMOVED recipes/c/meta.yml")),
                Arguments.of("a directory that was never a recipe selects nothing", DEFAULTS,
                        "A recipes/notes/todo.txt; D recipes/scratch/x.sh; M recipes/tmp/sub/meta.yml", HEAD, List.of()),
                Arguments.of("a recipe whose files were all deleted but one is removed with every cause", DEFAULTS,
                        "D recipes/c/meta.yml; M recipes/c/README.md", "recipes/a recipes/b",
                        List.of("removed recipes/c REMOVED recipes/c/README.md,recipes/c/meta.yml")),
                Arguments.of("a rename within a recipe runs it once", DEFAULTS, "R recipes/a/x.sh -> recipes/a/y.sh", HEAD,
                        List.of("run recipes/a CHANGED recipes/a/x.sh,recipes/a/y.sh")),
                Arguments.of("a renamed recipe directory runs the new recipe and removes the old",
                        DEFAULTS, "R recipes/old/meta.yml -> recipes/new/meta.yml; R recipes/old/x.sh -> recipes/new/x.sh",
                        "recipes/a recipes/new", List.of(
                                "run recipes/new CHANGED recipes/new/meta.yml,recipes/new/x.sh",
                                "removed recipes/old REMOVED recipes/old/meta.yml,recipes/old/x.sh")),
                Arguments.of("a file moved between two recipes runs both", DEFAULTS,
                        "R recipes/b/shared.sh -> recipes/a/shared.sh", HEAD, List.of(
                                "run recipes/a CHANGED recipes/a/shared.sh",
                                "run recipes/b CHANGED recipes/b/shared.sh")),
                Arguments.of("a copy runs only the recipe it was copied into", DEFAULTS,
                        "C recipes/a/x.sh -> recipes/b/x.sh", HEAD, List.of("run recipes/b CHANGED recipes/b/x.sh")),
                Arguments.of("documentation-only changes are only validated", DEFAULTS,
                        "M recipes/a/README.md; A recipes/a/docs/notes.md", HEAD, List.of(
                                "validateOnly recipes/a DOCUMENTATION_ONLY recipes/a/README.md,recipes/a/docs/notes.md")),
                Arguments.of("documentation-only changes run when the rules say so",
                        DEFAULTS.withRunOnDocumentationChanges(true), "M recipes/a/README.md", HEAD,
                        List.of("run recipes/a CHANGED recipes/a/README.md")),
                Arguments.of("documentation and code together run the recipe", DEFAULTS,
                        "M recipes/a/README.md; M recipes/a/meta.yml", HEAD,
                        List.of("run recipes/a CHANGED recipes/a/README.md,recipes/a/meta.yml")),
                Arguments.of("a documentation file renamed to code runs the recipe", DEFAULTS,
                        "R recipes/a/notes.md -> recipes/a/notes.sh", HEAD,
                        List.of("run recipes/a CHANGED recipes/a/notes.md,recipes/a/notes.sh")),
                Arguments.of("documentation in one recipe and code in another are told apart", DEFAULTS,
                        "M recipes/b/run.sh; M recipes/a/README", HEAD, List.of(
                                "run recipes/b CHANGED recipes/b/run.sh",
                                "validateOnly recipes/a DOCUMENTATION_ONLY recipes/a/README")),
                Arguments.of("a trigger-all path runs every recipe at head", TRIGGERS, "M scripts/lib/common.sh", HEAD,
                        List.of("run recipes/a TRIGGERED_ALL scripts/lib/common.sh",
                                "run recipes/b TRIGGERED_ALL scripts/lib/common.sh",
                                "run recipes/c TRIGGERED_ALL scripts/lib/common.sh",
                                "triggered scripts/lib/common.sh")),
                Arguments.of("a trigger-all path keeps each recipe's own causes and still removes the deleted",
                        TRIGGERS, "M .github/workflows/ogdc.yml; M recipes/a/meta.yml; M recipes/b/README.md; "
                                + "D recipes/gone/meta.yml; M scripts/x.sh", HEAD, List.of(
                                "run recipes/a CHANGED .github/workflows/ogdc.yml,recipes/a/meta.yml,scripts/x.sh",
                                "run recipes/b TRIGGERED_ALL .github/workflows/ogdc.yml,recipes/b/README.md,scripts/x.sh",
                                "run recipes/c TRIGGERED_ALL .github/workflows/ogdc.yml,scripts/x.sh",
                                "removed recipes/gone REMOVED recipes/gone/meta.yml",
                                "triggered .github/workflows/ogdc.yml,scripts/x.sh")),
                Arguments.of("the unchanged source of a copy triggers nothing", TRIGGERS,
                        "C scripts/a.sh -> tools/a.sh", HEAD, List.of()),
                Arguments.of("changes outside recipes select nothing", TRIGGERS,
                        "M README.md; M tools/x.sh; M recipes-old/a/meta.yml; M docs/recipes/a/x; "
                                + "M .github/workflows/sub/ci.yml", HEAD, List.of()),
                Arguments.of("a path directly in the recipes root selects nothing", DEFAULTS,
                        "M recipes/README.md; A recipes/.gitkeep; D recipes", HEAD, List.of()),
                Arguments.of("the recipes root is configurable", DEFAULTS.withRecipesRoot("/pipelines/ogdc/"),
                        "M pipelines/ogdc/x/meta.yml; M recipes/a/meta.yml; M pipelines/ogdc/README.md",
                        "pipelines/ogdc/x", List.of("run pipelines/ogdc/x CHANGED pipelines/ogdc/x/meta.yml")),
                Arguments.of("recipes may live at the repository root", DEFAULTS.withRecipesRoot(""),
                        "M seal-tags/meta.yml; M README.md", "seal-tags",
                        List.of("run seal-tags CHANGED seal-tags/meta.yml")),
                Arguments.of("causes are sorted and listed once", DEFAULTS,
                        "M recipes/a/z.sh; M recipes/a/b.sh; M recipes/a/z.sh; R recipes/a/b.sh -> recipes/a/c.sh", HEAD,
                        List.of("run recipes/a CHANGED recipes/a/b.sh,recipes/a/c.sh,recipes/a/z.sh")),
                Arguments.of("recipes are sorted by directory", DEFAULTS,
                        "M recipes/c/x; M recipes/a/x; M recipes/b/x", HEAD, List.of(
                                "run recipes/a CHANGED recipes/a/x",
                                "run recipes/b CHANGED recipes/b/x",
                                "run recipes/c CHANGED recipes/c/x")),
                Arguments.of("no change selects nothing", TRIGGERS, "", HEAD, List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void changedPathsSelectRecipes(String rule, ChangeRules rules, String changes, String head,
            List<String> expected) {
        RecipeSelection selection = new ChangedRecipeFinder(rules).select(changes(changes), words(head));

        assertThat(render(selection)).containsExactlyElementsOf(expected);
        assertThat(selection.isEmpty()).isEqualTo(expected.stream().allMatch(line -> line.startsWith("triggered")));
    }

    @Test
    void tenThousandChangedPathsAreAllAccountedFor() {
        List<ChangedPath> changes = new ArrayList<>();
        IntStream.range(0, 100).forEach(r -> IntStream.range(0, 99).forEach(f -> changes.add(
                ChangedPath.modified("recipes/r%03d/data/part-%03d.py".formatted(r, 98 - f)))));
        IntStream.range(0, 99).forEach(i -> changes.add(ChangedPath.deleted("elsewhere/file-" + i)));
        changes.add(ChangedPath.deleted("recipes/r000/meta.yml"));
        List<String> head = IntStream.range(1, 100).mapToObj("recipes/r%03d"::formatted).toList();

        RecipeSelection selection = new ChangedRecipeFinder(DEFAULTS).select(changes, head);

        assertThat(changes).hasSize(10_000);
        assertThat(selection.run()).extracting(SelectedRecipe::directory).isEqualTo(head);
        assertThat(selection.run()).allSatisfy(recipe -> assertThat(recipe.causes()).hasSize(99).isSorted()
                .allMatch(cause -> cause.startsWith(recipe.directory() + "/data/part-")));
        assertThat(selection.removed()).extracting(SelectedRecipe::directory).containsExactly("recipes/r000");
        assertThat(selection.validateOnly()).isEmpty();
    }

    @ParameterizedTest(name = "''{0}'' is not a recipe directory")
    @ValueSource(strings = {"recipes", "recipes/a/b", "other/a", "recipes/"})
    void recipesAtHeadMustBeOneLevelBelowTheRoot(String directory) {
        ChangedRecipeFinder finder = new ChangedRecipeFinder(DEFAULTS);

        assertThatIllegalArgumentException().isThrownBy(() -> finder.select(List.of(), List.of(directory)))
                .withMessageContaining(directory);
    }

    @Test
    void theRulesNormalizeTheRootAndRejectABadGlob() {
        assertThat(DEFAULTS.withRecipesRoot("/pipelines/ogdc/").recipesRoot()).isEqualTo("pipelines/ogdc");
        assertThat(DEFAULTS.documentationGlobs()).containsExactly("**/*.md", "**/README*");
        assertThatIllegalArgumentException().isThrownBy(() -> DEFAULTS.withTriggerAllGlobs(List.of("/scripts/**")));
    }

    @Test
    void aSelectionThatTriggeredAllNamesItsTriggerPaths() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> new RecipeSelection(List.of(), List.of(), List.of(), true, List.of()));
        assertThatIllegalArgumentException().isThrownBy(
                () -> new RecipeSelection(List.of(), List.of(), List.of(), false, List.of("scripts/x.sh")));
    }

    static List<ChangedPath> changes(String text) {
        return Arrays.stream(text.split(";")).map(String::trim).filter(entry -> !entry.isEmpty())
                .map(ChangedRecipeFinderTest::change).toList();
    }

    static ChangedPath change(String entry) {
        String path = entry.substring(2);
        String[] sides = path.split(" -> ");
        return switch (entry.charAt(0)) {
            case 'A' -> ChangedPath.added(path);
            case 'M' -> ChangedPath.modified(path);
            case 'D' -> ChangedPath.deleted(path);
            case 'R' -> ChangedPath.renamed(sides[0], sides[1]);
            case 'C' -> ChangedPath.copied(sides[0], sides[1]);
            default -> throw new IllegalArgumentException("unknown change: " + entry);
        };
    }

    static List<String> words(String text) {
        return Arrays.stream(text.split(" ")).filter(word -> !word.isEmpty()).toList();
    }

    static List<String> render(RecipeSelection selection) {
        List<String> lines = new ArrayList<>();
        selection.run().forEach(recipe -> lines.add(line("run", recipe)));
        selection.validateOnly().forEach(recipe -> lines.add(line("validateOnly", recipe)));
        selection.removed().forEach(recipe -> lines.add(line("removed", recipe)));
        if (selection.triggeredAll()) {
            lines.add("triggered " + String.join(",", selection.triggerPaths()));
        }
        return lines;
    }

    static String line(String list, SelectedRecipe recipe) {
        return list + " " + recipe.directory() + " " + recipe.reason() + " " + String.join(",", recipe.causes());
    }
}
