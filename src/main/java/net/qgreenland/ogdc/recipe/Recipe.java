package net.qgreenland.ogdc.recipe;

import java.util.List;
import java.util.Objects;

/**
 * A valid recipe: the contents of one recipe directory's {@code meta.yml} and its sidecar file.
 *
 * @param directory the recipe directory as the user sees it, e.g. {@code recipes/seal-tags}
 * @param name the human name from {@code meta.yml}
 * @param id the recipe id derived from the name (see {@link RecipeId})
 * @param inputs at least one input; PVC inputs are never mixed with URL or DataONE inputs
 * @param output where results go ({@code pvc} when {@code meta.yml} says nothing)
 * @param workflow the shell or visualization workflow, with its commands or configuration
 */
public record Recipe(
        String directory, String name, RecipeId id, List<RecipeInput> inputs, RecipeOutput output,
        RecipeWorkflow workflow) {

    public Recipe {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(workflow, "workflow");
        inputs = List.copyOf(inputs);
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("a recipe needs at least one input");
        }
    }
}
