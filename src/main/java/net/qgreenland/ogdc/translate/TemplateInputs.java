package net.qgreenland.ogdc.translate;

import java.util.Optional;
import net.qgreenland.ogdc.argo.model.Container;
import net.qgreenland.ogdc.argo.model.Parameter;

/** A template's input parameters, and the environment variables that hand them to the pod's script. */
final class TemplateInputs {

    private TemplateInputs() {}

    /** An input parameter the task must set. */
    static Parameter input(String name) {
        return new Parameter(name, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** An input parameter with a default. */
    static Parameter input(String name, String defaultValue) {
        return new Parameter(name, Optional.empty(), Optional.of(defaultValue), Optional.empty(), Optional.empty());
    }

    /** {@code variable} set to input {@code parameter}, so Argo substitutes into the environment, never the script. */
    static Container.EnvVar fromInput(String variable, String parameter) {
        return new Container.EnvVar(variable, "{{inputs.parameters." + parameter + "}}");
    }
}
