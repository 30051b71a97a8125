package net.qgreenland.ogdc.translate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import net.qgreenland.ogdc.argo.model.Step;
import net.qgreenland.ogdc.argo.model.Template;
import net.qgreenland.ogdc.argo.model.Workflow;
import net.qgreenland.ogdc.recipe.Recipe;
import net.qgreenland.ogdc.recipe.RecipeInput;

/**
 * What submitting one recipe means, in a few lines for a plan: e.g. kind {@code shell, parallel}, main workflow
 * {@code seal-tags-shell-}, helpers {@code [seal-tags-check-published-]}, the entry template's stages in order
 * ({@code [fetch, write-partition-manifests, cmd-0, publish-data]}), partition size 1000 (parallel only),
 * {@code spec.parallelism} 20, and the inputs: how many are known before the run ({@code knownInputCount}, only
 * when every input is a URL) and a description ({@code 3 URLs}).
 */
public record WorkflowOutline(String kind, String mainWorkflow, List<String> helperWorkflows, List<String> stages,
        OptionalInt partitionSize, OptionalInt parallelism, OptionalInt knownInputCount, String inputs,
        String output) {

    public WorkflowOutline {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(mainWorkflow, "mainWorkflow");
        helperWorkflows = List.copyOf(helperWorkflows);
        stages = List.copyOf(stages);
        Objects.requireNonNull(partitionSize, "partitionSize");
        Objects.requireNonNull(parallelism, "parallelism");
        Objects.requireNonNull(knownInputCount, "knownInputCount");
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(output, "output");
    }

    /** The outline of {@code workflows}, translated from {@code recipe}, whose fan-out uses {@code partitionSize}. */
    static WorkflowOutline of(Recipe recipe, RecipeWorkflows workflows, OptionalInt partitionSize) {
        boolean parallel = recipe.workflow().parallel().enabled();
        String mode = parallel ? "parallel" : recipe.workflow().type().equals("shell") ? "sequential" : "serial";
        Workflow main = workflows.main();
        return new WorkflowOutline(recipe.workflow().type() + ", " + mode, name(main),
                workflows.helpers().stream().map(WorkflowOutline::name).toList(), stages(main),
                parallel ? partitionSize : OptionalInt.empty(),
                main.spec().parallelism().map(OptionalInt::of).orElse(OptionalInt.empty()),
                knownInputCount(recipe), describeInputs(recipe.inputs()), recipe.output().type());
    }

    private static String name(Workflow workflow) {
        return workflow.metadata().generateName().or(() -> workflow.metadata().name()).orElse("");
    }

    /** The steps (group by group) or DAG tasks of the entry template, in the order the workflow lists them. */
    private static List<String> stages(Workflow workflow) {
        Optional<Template> entry = workflow.spec().templates().stream()
                .filter(template -> template.name().equals(workflow.spec().entrypoint())).findFirst();
        List<String> stages = new ArrayList<>();
        entry.ifPresent(template -> {
            template.steps().forEach(group -> group.stream().map(Step::name).forEach(stages::add));
            template.dag().ifPresent(dag -> dag.tasks().forEach(task -> stages.add(task.name())));
        });
        return stages;
    }

    private static OptionalInt knownInputCount(Recipe recipe) {
        boolean allUrls = recipe.inputs().stream().allMatch(RecipeInput.Url.class::isInstance);
        return allUrls ? OptionalInt.of(recipe.inputs().size()) : OptionalInt.empty();
    }

    /** E.g. "3 URLs, 1 DataONE dataset (objects resolved in the cluster)". */
    static String describeInputs(List<RecipeInput> inputs) {
        long urls = inputs.stream().filter(RecipeInput.Url.class::isInstance).count();
        long datasets = inputs.stream().filter(RecipeInput.DataOne.class::isInstance).count();
        List<String> parts = new ArrayList<>();
        if (urls > 0) {
            parts.add(urls + (urls == 1 ? " URL" : " URLs"));
        }
        if (datasets > 0) {
            parts.add(datasets + (datasets == 1 ? " DataONE dataset" : " DataONE datasets")
                    + " (objects resolved in the cluster)");
        }
        inputs.stream().filter(RecipeInput.PvcMount.class::isInstance).map(RecipeInput.PvcMount.class::cast)
                .forEach(pvc -> parts.add("PVC " + pvc.claimName() + " " + pvc.fullPath() + "/" + pvc.glob()
                        + " (files listed in the cluster)"));
        return String.join(", ", parts);
    }
}
