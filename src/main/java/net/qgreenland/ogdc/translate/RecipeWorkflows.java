package net.qgreenland.ogdc.translate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import net.qgreenland.ogdc.argo.model.Workflow;

/**
 * What one recipe becomes: the helper workflows to run first (check-published, or remove-existing-data before an
 * overwrite), the main workflow, and notes for the user about choices the translation made.
 */
public record RecipeWorkflows(List<Workflow> helpers, Workflow main, List<String> notes) {

    public RecipeWorkflows {
        helpers = List.copyOf(helpers);
        Objects.requireNonNull(main, "main");
        notes = List.copyOf(notes);
    }

    /** The helpers, then the main workflow: the order they run in. */
    public List<Workflow> inRunOrder() {
        List<Workflow> all = new ArrayList<>(helpers);
        all.add(main);
        return all;
    }
}
