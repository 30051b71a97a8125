package net.qgreenland.ogdc.argo.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One template of a workflow: exactly one of a {@code container}, a {@code script}, {@code steps} (groups run one
 * after the other, the steps of a group in parallel) or a {@code dag}, with its inputs and outputs.
 */
public record Template(
        String name, Optional<Arguments> inputs, Optional<Arguments> outputs, Map<String, String> nodeSelector,
        Optional<RetryStrategy> retryStrategy, Optional<Container> container, Optional<Container> script,
        List<List<Step>> steps, Optional<Dag> dag) {

    public Template {
        Objects.requireNonNull(name, "name");
        inputs = Models.orEmpty(inputs).filter(a -> !a.isEmpty());
        outputs = Models.orEmpty(outputs).filter(a -> !a.isEmpty());
        nodeSelector = Models.copy(nodeSelector);
        retryStrategy = Models.orEmpty(retryStrategy);
        container = Models.orEmpty(container);
        script = Models.orEmpty(script);
        steps = steps == null ? List.of() : steps.stream().map(List::copyOf).toList();
        dag = Models.orEmpty(dag);
        int kinds = (container.isPresent() ? 1 : 0) + (script.isPresent() ? 1 : 0) + (steps.isEmpty() ? 0 : 1)
                + (dag.isPresent() ? 1 : 0);
        if (kinds > 1) {
            throw new IllegalArgumentException("template '" + name + "' must be one of container, script, steps, dag");
        }
    }

    public static Template container(String name, Arguments inputs, Arguments outputs, Container container) {
        return new Template(name, Optional.of(inputs), Optional.of(outputs), Map.of(), Optional.empty(),
                Optional.of(container), Optional.empty(), List.of(), Optional.empty());
    }

    public static Template steps(String name, List<List<Step>> steps) {
        return new Template(name, Optional.empty(), Optional.empty(), Map.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), steps, Optional.empty());
    }

    /** A template running {@code tasks} as a DAG. */
    public static Template dag(String name, List<DagTask> tasks) {
        return new Template(name, Optional.empty(), Optional.empty(), Map.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), Optional.of(new Dag(tasks)));
    }

    /** {@code dag}: tasks that run when what they {@code depends} on is done. */
    public record Dag(List<DagTask> tasks) {
        public Dag {
            tasks = Models.copy(tasks);
        }
    }
}
