package net.qgreenland.ogdc.argo.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One step of a steps template: it runs {@code template}, maybe once per item ({@code withItems}, {@code withParam}). */
public record Step(
        String name, String template, Optional<String> withParam, List<Object> withItems, Optional<String> when,
        Optional<String> onExit, Optional<Arguments> arguments) {

    public Step {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(template, "template");
        arguments = Models.orEmpty(arguments).filter(a -> !a.isEmpty());
        withItems = Models.copy(withItems);
        withParam = Models.orEmpty(withParam);
        when = Models.orEmpty(when);
        onExit = Models.orEmpty(onExit);
    }

    public static Step of(String name, String template, Arguments arguments) {
        return new Step(name, template, Optional.empty(), List.of(), Optional.empty(), Optional.empty(),
                Optional.of(arguments));
    }
}
