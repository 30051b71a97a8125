package net.qgreenland.ogdc.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.qgreenland.ogdc.recipe.Recipe;
import net.qgreenland.ogdc.recipe.RecipeParseResult;
import net.qgreenland.ogdc.translate.RecipeTranslator;
import net.qgreenland.ogdc.translate.RecipeWorkflows;
import net.qgreenland.ogdc.translate.TranslationException;

/** Checks that every selected recipe is valid and translates them all, or says why nothing will be done. */
final class RecipeTranslations {

    private RecipeTranslations() {}

    /**
     * Every recipe's workflows, in the order given, with the translation notes printed; empty when a recipe is
     * invalid or cannot be translated, after printing why and "{@code nothingDone}: ...".
     *
     * @param nothingDone what the command does not do then, e.g. {@code Nothing rendered}
     */
    static Optional<Map<Recipe, RecipeWorkflows>> translateAll(List<RecipeParseResult> results,
            RecipeTranslator translator, boolean overwrite, PrintWriter err, String nothingDone) {
        if (!results.stream().allMatch(RecipeParseResult::isValid)) {
            err.print(ValidationReportRenderer.text(results.stream().filter(r -> !r.isValid()).toList()));
            err.println(nothingDone + ": fix the recipes above first.");
            return Optional.empty();
        }
        Map<Recipe, RecipeWorkflows> translated = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        for (RecipeParseResult result : results) {
            Recipe recipe = result.recipe().orElseThrow();
            try {
                RecipeWorkflows workflows = translator.translate(recipe, overwrite);
                workflows.notes().forEach(note -> err.println("note: " + recipe.directory() + ": " + note));
                translated.put(recipe, workflows);
            } catch (TranslationException e) {
                failures.add(e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            failures.forEach(failure -> err.println("✗ " + failure));
            err.println(nothingDone + ": " + failures.size() + " recipe(s) cannot be translated.");
            return Optional.empty();
        }
        return Optional.of(translated);
    }
}
