package net.qgreenland.ogdc.argo.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One task of a DAG: it runs {@code template} once {@code depends} (e.g. {@code "B && C"}) is satisfied, once per
 * item of {@code withParam} (a JSON list, e.g. {@code "{{tasks.list.outputs.parameters.partitions}}"}) if given.
 */
public record DagTask(
        String name, String template, Optional<String> depends, Optional<String> withParam, List<Object> withItems,
        Optional<String> when, Optional<String> onExit, Optional<Arguments> arguments) {

    public DagTask {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(template, "template");
        depends = Models.orEmpty(depends);
        arguments = Models.orEmpty(arguments).filter(a -> !a.isEmpty());
        withItems = Models.copy(withItems);
        withParam = Models.orEmpty(withParam);
        when = Models.orEmpty(when);
        onExit = Models.orEmpty(onExit);
    }
}
