package net.qgreenland.ogdc.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import net.qgreenland.ogdc.estimate.EstimateDefaults;
import net.qgreenland.ogdc.estimate.EstimateRenderer;
import net.qgreenland.ogdc.estimate.PodHours;
import net.qgreenland.ogdc.estimate.RecipeEstimate;
import net.qgreenland.ogdc.recipe.RecipeProblem;
import net.qgreenland.ogdc.translate.WorkflowOutline;

/** Writes a {@link RunPlan} for people (text), for GitHub (Markdown, e.g. the job summary) and for programs (JSON). */
public final class PlanRenderer {

    /** Causes listed per recipe in text and Markdown before "and N more" (JSON lists them all). */
    static final int CAUSES_SHOWN = 5;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PlanRenderer() {
    }

    /** One block per recipe: status, directory, why, then what would be submitted or the problems. */
    public static String text(RunPlan plan) {
        StringBuilder out = new StringBuilder("Plan: ").append(plan.scope()).append('\n');
        plan.notes().forEach(note -> out.append("note: ").append(note).append('\n'));
        String indent = " ".repeat(16);
        for (RecipePlan recipe : plan.recipes()) {
            out.append(String.format("  %-14s", recipe.status().label())).append(recipe.directory())
                    .append(recipe.recipeId().filter(id -> !recipe.directory().endsWith("/" + id))
                            .map(id -> " (id " + id + ")").orElse(""))
                    .append(": ").append(recipe.why()).append(causes(recipe, cause -> cause)).append('\n');
            recipe.submission().ifPresent(outline -> {
                out.append(indent).append(outline.kind()).append(": ").append(workflows(outline)).append('\n');
                out.append(indent).append("stages: ").append(String.join(" → ", outline.stages())).append('\n');
                out.append(indent).append(figures(outline)).append('\n');
            });
            recipe.estimate().ifPresent(estimate -> EstimateRenderer.text(estimate)
                    .forEach(line -> out.append(indent).append(line).append('\n')));
            for (RecipeProblem problem : recipe.problems()) {
                out.append(indent).append(problem.render()).append('\n');
            }
            recipe.notes().forEach(note -> out.append(indent).append("note: ").append(note).append('\n'));
        }
        if (!plan.triggerPaths().isEmpty()) {
            out.append("Every recipe runs because these trigger-all paths changed: ")
                    .append(String.join(", ", plan.triggerPaths())).append('\n');
        }
        plan.podHours().ifPresent(total -> out.append("Estimated: ").append(total.lowerBound() ? "at least " : "~")
                .append(EstimateRenderer.podHours(total.hours())).append(" pod-hours in all.\n"));
        return out.append(summary(plan)).append('\n').toString();
    }

    /** A heading, the scope, one table row per recipe, then each invalid recipe's problems. */
    public static String markdown(RunPlan plan) {
        StringBuilder out = new StringBuilder("### OGDC plan\n\n").append(escape(plan.scope())).append("\n\n");
        plan.notes().forEach(note -> out.append("> ").append(escape(note)).append('\n'));
        if (!plan.notes().isEmpty()) {
            out.append('\n');
        }
        if (!plan.recipes().isEmpty()) {
            out.append("| Recipe | Plan | Why | Would submit |\n|---|---|---|---|\n");
            for (RecipePlan recipe : plan.recipes()) {
                out.append("| ").append(code(recipe.directory())).append(" | ")
                        .append(recipe.status() == PlanStatus.INVALID ? "**invalid**" : recipe.status().label())
                        .append(" | ").append(escape(recipe.why())).append(causes(recipe, PlanRenderer::code))
                        .append(" | ").append(recipe.submission().map(PlanRenderer::markdownOutline).orElse(""))
                        .append(" |\n");
            }
            out.append('\n');
        }
        if (!plan.triggerPaths().isEmpty()) {
            out.append("Every recipe runs because these trigger-all paths changed: ")
                    .append(String.join(", ", plan.triggerPaths().stream().map(PlanRenderer::code).toList()))
                    .append("\n\n");
        }
        estimateMarkdown(plan).ifPresent(section -> out.append(section).append('\n'));
        for (RecipePlan recipe : plan.recipes()) {
            if (recipe.problems().isEmpty()) {
                continue;
            }
            out.append("<details><summary><code>").append(escape(recipe.directory())).append("</code>: ")
                    .append(recipe.problems().size()).append(recipe.problems().size() == 1 ? " problem" : " problems")
                    .append("</summary>\n\n");
            recipe.problems().forEach(problem -> out.append("- ").append(escape(problem.render())).append('\n'));
            out.append("\n</details>\n\n");
        }
        return out.append(summary(plan)).append('\n').toString();
    }

    /** The whole plan, causes and problems unabridged, with stable keys (see the README's "plan" section). */
    public static String json(RunPlan plan) {
        ObjectNode root = JSON.createObjectNode();
        root.put("scope", plan.scope());
        root.put("base", plan.base().orElse(null));
        root.put("head", plan.head().orElse(null));
        ObjectNode counts = root.putObject("summary");
        for (PlanStatus status : PlanStatus.values()) {
            counts.put(status.key(), plan.count(status));
        }
        ArrayNode triggers = root.putArray("triggerPaths");
        plan.triggerPaths().forEach(triggers::add);
        ArrayNode notes = root.putArray("notes");
        plan.notes().forEach(notes::add);
        plan.podHours().ifPresentOrElse(total -> root.putObject("estimate")
                .put("podHours", Math.round(total.hours() * 1000) / 1000.0).put("lowerBound", total.lowerBound()),
                () -> root.putNull("estimate"));
        ArrayNode recipes = root.putArray("recipes");
        for (RecipePlan recipe : plan.recipes()) {
            ObjectNode entry = recipes.addObject();
            entry.put("directory", recipe.directory());
            entry.put("id", recipe.recipeId().orElse(null));
            entry.put("status", recipe.status().key());
            entry.put("why", recipe.why());
            ArrayNode causes = entry.putArray("causes");
            recipe.causes().forEach(causes::add);
            ArrayNode problems = entry.putArray("problems");
            recipe.problems().forEach(problem -> problems.add(JSON.<ObjectNode>valueToTree(problem.fields())));
            recipe.submission().ifPresentOrElse(outline -> submission(entry.putObject("submission"), outline),
                    () -> entry.putNull("submission"));
            ArrayNode recipeNotes = entry.putArray("notes");
            recipe.notes().forEach(recipeNotes::add);
            recipe.estimate().ifPresentOrElse(estimate -> entry.set("estimate", EstimateRenderer.json(estimate)),
                    () -> entry.putNull("estimate"));
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a plan tree always serializes", e);
        }
    }

    /**
     * The pre-flight estimate as a Markdown section: a table of the recipes that run (inputs, partitions, pods per
     * stage, pod-hours, wall time, basis), the total, and what the figures mean; empty when none was estimated.
     */
    public static Optional<String> estimateMarkdown(RunPlan plan) {
        Optional<PodHours> total = plan.podHours();
        if (total.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder("#### Pre-flight estimate\n\n")
                .append("| Recipe | Inputs | Partitions | Pods per stage | Pod-hours | Wall time | Durations from |\n")
                .append("|---|---|--:|---|--:|--:|---|\n");
        List<String> notes = new ArrayList<>();
        for (RecipePlan recipe : plan.recipes()) {
            if (recipe.estimate().isEmpty()) {
                continue;
            }
            RecipeEstimate estimate = recipe.estimate().get();
            String bound = estimate.lowerBound() ? "≥ " : "";
            out.append("| ").append(code(recipe.directory())).append(" | ")
                    .append(escape(EstimateRenderer.inputs(estimate, "≥ "))).append(" | ")
                    .append(estimate.partitions().stream().mapToObj(Long::toString).findFirst().orElse("–"))
                    .append(" | ").append(escape(String.join(", ", EstimateRenderer.stages(estimate, false))))
                    .append(" | ").append(bound).append(EstimateRenderer.podHours(estimate.podHours().hours()))
                    .append(" | ").append(bound).append(EstimateRenderer.duration(estimate.wallTime()))
                    .append(" | ").append(escape(estimate.basis())).append(" |\n");
            if (estimate.earlierRuns() == 0 && !notes.contains(estimate.historyNote())) {
                notes.add(estimate.historyNote());
            }
        }
        out.append("\n**").append(total.get().lowerBound() ? "At least " : "About ")
                .append(EstimateRenderer.podHours(total.get().hours())).append(" pod-hours** in all.");
        if (total.get().lowerBound()) {
            out.append(" ≥: some stages' pods are only known once the run lists or discovers its files; each such "
                    + "stage counts as one pod.");
        }
        out.append(" Durations per pod come from the recipe's earlier successful runs, else from defaults (")
                .append(EstimateRenderer.defaults(EstimateDefaults.STANDARD))
                .append("); see the README's \"Pre-flight estimate\".\n");
        notes.forEach(note -> out.append("\n> Defaults: ").append(escape(note)).append('\n'));
        return Optional.of(out.toString());
    }

    /** "2 to run, 1 to validate only, 1 removed, 1 invalid." or "No recipe selected." */
    static String summary(RunPlan plan) {
        if (plan.recipes().isEmpty()) {
            return "No recipe selected.";
        }
        List<String> parts = new ArrayList<>();
        parts.add(plan.count(PlanStatus.RUN) + " to run");
        parts.add(plan.count(PlanStatus.VALIDATE_ONLY) + " to validate only");
        parts.add(plan.count(PlanStatus.REMOVED) + " removed");
        parts.add(plan.count(PlanStatus.INVALID) + " invalid");
        return String.join(", ", parts) + ".";
    }

    private static void submission(ObjectNode node, WorkflowOutline outline) {
        node.put("kind", outline.kind());
        node.put("mainWorkflow", outline.mainWorkflow());
        ArrayNode helpers = node.putArray("helperWorkflows");
        outline.helperWorkflows().forEach(helpers::add);
        ArrayNode stages = node.putArray("stages");
        outline.stages().forEach(stages::add);
        putOptional(node, "partitionSize", outline.partitionSize());
        putOptional(node, "parallelism", outline.parallelism());
        putOptional(node, "knownInputCount", outline.knownInputCount());
        node.put("inputs", outline.inputs());
        node.put("output", outline.output());
    }

    private static void putOptional(ObjectNode node, String name, OptionalInt value) {
        if (value.isPresent()) {
            node.put(name, value.getAsInt());
        } else {
            node.putNull(name);
        }
    }

    private static String causes(RecipePlan recipe, java.util.function.UnaryOperator<String> format) {
        List<String> causes = recipe.causes();
        if (causes.isEmpty()) {
            return "";
        }
        List<String> shown = new ArrayList<>();
        causes.stream().limit(CAUSES_SHOWN).forEach(cause -> shown.add(format.apply(cause)));
        String more = causes.size() > CAUSES_SHOWN ? " and " + (causes.size() - CAUSES_SHOWN) + " more" : "";
        return " (" + String.join(", ", shown) + more + ")";
    }

    private static String workflows(WorkflowOutline outline) {
        return outline.helperWorkflows().isEmpty() ? outline.mainWorkflow()
                : String.join(", ", outline.helperWorkflows()) + " then " + outline.mainWorkflow();
    }

    private static String figures(WorkflowOutline outline) {
        List<String> parts = new ArrayList<>();
        outline.partitionSize().ifPresent(size -> parts.add("partition size " + size));
        outline.parallelism().ifPresent(limit -> parts.add("parallelism " + limit));
        parts.add("inputs: " + outline.inputs());
        parts.add("output: " + outline.output());
        return String.join(", ", parts);
    }

    private static String markdownOutline(WorkflowOutline outline) {
        return escape(outline.kind()) + ": `" + outline.mainWorkflow() + "`<br>" + escape(String.join(" → ",
                outline.stages())) + "<br>" + escape(figures(outline));
    }

    /** A path as Markdown code that is safe in a table cell (a pipe would end the cell even inside code). */
    static String code(String path) {
        return "`" + path.replace("`", "'").replace("|", "\\|") + "`";
    }

    /**
     * Text safe inside a Markdown table cell: pipes and line breaks would end the cell, HTML would be rendered, and
     * the {@code *} and {@code _} of globs would turn into emphasis.
     */
    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("|", "\\|").replace("*", "\\*").replace("_", "\\_").replace("`", "\\`")
                .replace("[", "\\[").replace("\r", "").replace("\n", " ");
    }
}
