package net.qgreenland.ogdc.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import net.qgreenland.ogdc.recipe.Recipe;
import net.qgreenland.ogdc.recipe.RecipeParseResult;
import net.qgreenland.ogdc.recipe.RecipeProblem;
import net.qgreenland.ogdc.recipe.RecipeWorkflow;

/** Renders the results of {@code validate} for people (text) and machines (JSON). Pure. */
final class ValidationReportRenderer {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ValidationReportRenderer() {}

    /**
     * One line per recipe ({@code ✓ recipes/seal-tags (id: ..., shell, 1 step)} or {@code ✗ recipes/x}), each
     * problem indented below as {@code path:line:col: message}, then a summary line.
     */
    static String text(List<RecipeParseResult> results) {
        StringBuilder out = new StringBuilder();
        for (RecipeParseResult result : results) {
            if (result.isValid()) {
                Recipe recipe = result.recipe().orElseThrow();
                out.append("✓ ").append(result.directory())
                        .append(" (id: ").append(recipe.id()).append(", ").append(describe(recipe)).append(")\n");
            } else {
                out.append("✗ ").append(result.directory()).append('\n');
            }
            for (RecipeProblem problem : result.problems()) {
                out.append("  ").append(problem.render()).append('\n');
            }
        }
        out.append(summary(results)).append('\n');
        return out.toString();
    }

    /** The same content as {@link #text} as a JSON document. */
    static String json(List<RecipeParseResult> results) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode recipes = root.putArray("recipes");
        for (RecipeParseResult result : results) {
            ObjectNode entry = recipes.addObject();
            entry.put("directory", result.directory());
            entry.put("valid", result.isValid());
            result.recipe().ifPresent(recipe -> {
                entry.put("id", recipe.id().value());
                entry.put("name", recipe.name());
                entry.put("workflow", recipe.workflow().type());
                entry.put("parallel", recipe.workflow().parallel().enabled());
                if (recipe.workflow() instanceof RecipeWorkflow.Shell shell) {
                    entry.put("commands", shell.commands().size());
                }
                entry.put("output", recipe.output().type());
                entry.put("inputs", recipe.inputs().size());
            });
            ArrayNode problems = entry.putArray("problems");
            result.problems().forEach(problem -> problems.add(JSON.<ObjectNode>valueToTree(problem.fields())));
        }
        ObjectNode summary = root.putObject("summary");
        summary.put("recipes", results.size());
        summary.put("valid", results.stream().filter(RecipeParseResult::isValid).count());
        summary.put("invalid", results.stream().filter(r -> !r.isValid()).count());
        summary.put("warnings", warnings(results));
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("rendering the validation report as JSON failed", e);
        }
    }

    static String describe(Recipe recipe) {
        RecipeWorkflow workflow = recipe.workflow();
        if (workflow instanceof RecipeWorkflow.Shell shell) {
            int n = shell.commands().size();
            return shell.parallel().enabled()
                    ? "shell, parallel, " + n + (n == 1 ? " command" : " commands") + " per file"
                    : "shell, " + n + (n == 1 ? " step" : " steps");
        }
        RecipeWorkflow.Visualization viz = (RecipeWorkflow.Visualization) workflow;
        return "visualization, " + (viz.parallel().enabled() ? "parallel" : "serial")
                + ", zoom " + viz.config().minZoom() + "-" + viz.config().maxZoom();
    }

    private static String summary(List<RecipeParseResult> results) {
        long valid = results.stream().filter(RecipeParseResult::isValid).count();
        long warnings = warnings(results);
        return results.size() + (results.size() == 1 ? " recipe: " : " recipes: ") + valid + " valid, "
                + (results.size() - valid) + " invalid"
                + (warnings > 0 ? ", " + warnings + (warnings == 1 ? " warning" : " warnings") : "");
    }

    private static long warnings(List<RecipeParseResult> results) {
        return results.stream().flatMap(r -> r.problems().stream()).filter(p -> !p.isError()).count();
    }
}
