package net.qgreenland.ogdc.report.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.qgreenland.ogdc.recipe.RecipeProblem;
import net.qgreenland.ogdc.report.RecipeReport;
import net.qgreenland.ogdc.report.RecipeState;
import net.qgreenland.ogdc.report.RunReport;

/** The part the pull-request comment and the job summary share: one row per recipe, totals, and folded failures. */
final class RecipeTable {

    private RecipeTable() {}

    /** One row per recipe: status, recipe, workflow (linked to the Argo UI), duration, where to read more. */
    static String table(RunReport run) {
        if (run.recipes().isEmpty()) {
            return "No recipe was selected.\n";
        }
        StringBuilder out = new StringBuilder("| Status | Recipe | Workflow | Duration | Details |\n"
                + "|---|---|---|--:|---|\n");
        for (RecipeReport recipe : run.recipes()) {
            out.append("| ").append(Markdown.badge(recipe.state())).append(" | ")
                    .append(Markdown.code(recipe.directory())).append(" | ")
                    .append(recipe.workflowName().map(name -> recipe.argoUrl()
                            .map(url -> Markdown.link(Markdown.code(name), url)).orElse(Markdown.code(name)))
                            .orElse("–"))
                    .append(" | ").append(recipe.duration().map(Markdown::duration).orElse("–")).append(" | ")
                    .append(details(recipe)).append(" |\n");
        }
        return out.toString();
    }

    /** {@code 3 recipes: 1 succeeded, 1 failed, 1 invalid.} */
    static String totals(RunReport run) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<RecipeState, Long> entry : run.counts().entrySet()) {
            parts.add(entry.getValue() + " " + entry.getKey().label());
        }
        return Markdown.count(run.recipes().size(), "recipe") + (parts.isEmpty() ? "" : ": " + String.join(", ",
                parts)) + ".";
    }

    /** A folded block per failed or invalid recipe: what happened, why, and its problems. */
    static String failures(RunReport run) {
        StringBuilder out = new StringBuilder();
        for (RecipeReport recipe : run.recipes()) {
            if (!recipe.state().isFailure()) {
                continue;
            }
            out.append("<details><summary>").append(Markdown.emoji(recipe.state())).append(" <code>")
                    .append(Markdown.html(recipe.directory())).append("</code> ").append(recipe.state().label())
                    .append(recipe.reason().map(reason -> ": " + Markdown.html(reason)).orElse(""));
            if (!recipe.problems().isEmpty()) {
                out.append(": ").append(Markdown.count(recipe.problems().size(), "problem"));
            }
            out.append("</summary>\n\n").append(Markdown.escape(recipe.detail())).append('\n');
            if (!recipe.problems().isEmpty()) {
                out.append('\n');
                for (RecipeProblem problem : recipe.problems()) {
                    out.append("- ").append(problem.severity().label()).append(" ")
                            .append(Markdown.code(problem.location().toString())).append(
                                    problem.property().isEmpty() ? "" : " " + Markdown.code(problem.property()))
                            .append(": ").append(Markdown.escape(problem.message())).append('\n');
                }
            }
            recipe.detailsLink().ifPresent(url -> out.append('\n').append(Markdown.link(
                    recipe.checkRunUrl().isPresent() ? "Check run" : "Argo UI", url)).append('\n'));
            out.append("\n</details>\n\n");
        }
        return out.toString();
    }

    private static String details(RecipeReport recipe) {
        if (recipe.checkRunUrl().isPresent()) {
            return Markdown.link("check run", recipe.checkRunUrl().get());
        }
        return recipe.argoUrl().map(url -> Markdown.link("Argo UI", url)).orElse("–");
    }
}
