package net.qgreenland.ogdc.translate;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import net.qgreenland.ogdc.argo.model.Arguments;
import net.qgreenland.ogdc.argo.model.DagTask;
import net.qgreenland.ogdc.argo.model.Parameter;

/** DAG wiring shared by the translators: Argo {@code depends} expressions and plain tasks. */
final class Dependencies {

    private Dependencies() {}

    /** {@code a && b} for the tasks a task waits for (each once, in order), or nothing for a root task. */
    static Optional<String> expression(List<String> dependencies) {
        return dependencies.isEmpty() ? Optional.empty()
                : Optional.of(String.join(" && ", new LinkedHashSet<>(dependencies)));
    }

    /** A task that runs {@code template} once, after {@code dependencies}, with {@code parameters}. */
    static DagTask task(String name, String template, List<String> dependencies, Parameter... parameters) {
        return new DagTask(name, template, expression(dependencies), Optional.empty(), List.of(), Optional.empty(),
                Optional.empty(), Optional.of(Arguments.parameters(parameters)));
    }
}
