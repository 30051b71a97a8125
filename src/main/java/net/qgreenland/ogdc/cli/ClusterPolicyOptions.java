package net.qgreenland.ogdc.cli;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import net.qgreenland.ogdc.action.ActionEnvironment;
import net.qgreenland.ogdc.recipe.InputPvcAllowlist;
import net.qgreenland.ogdc.translate.TranslationSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The cluster's rules that recipes are checked and translated against: the input PVC allowlist and the workflow PVC
 * (each a flag, an action input or an environment variable, in that order), and the translation settings.
 */
final class ClusterPolicyOptions {

    /** The action inputs of these options. */
    static final String ALLOWED_INPUT_PVCS_INPUT = "allowed-input-pvcs";
    static final String WORKFLOW_PVC_INPUT = "workflow-pvc";

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--allowed-input-pvcs", paramLabel = "JSON",
            description = "The operators' allowlist of input PVC claims, as in " + InputPvcAllowlist.VARIABLE
                    + " (a JSON array of names or {\"claimName\": ...} objects). When neither this nor the "
                    + "variable is set, claims are not checked.")
    String allowedInputPvcs;

    @Option(names = "--workflow-pvc", paramLabel = "CLAIM",
            description = "The workflow PVC, always allowed and mounted by every workflow (default: $"
                    + TranslationSettings.WORKFLOW_PVC_VARIABLE + " or " + TranslationSettings.DEFAULT_WORKFLOW_PVC
                    + ").")
    String workflowPvc;

    /** The workflow PVC: the flag, else input {@code workflow-pvc}, else the variable, else the runner's default. */
    String workflowPvc(Map<String, String> env) {
        return ActionEnvironment.from(env).resolve(Optional.ofNullable(workflowPvc), WORKFLOW_PVC_INPUT,
                TranslationSettings.WORKFLOW_PVC_VARIABLE, TranslationSettings.DEFAULT_WORKFLOW_PVC);
    }

    /**
     * The allowlist from the flag, the input or the variable; empty when none is set.
     *
     * @throws ParameterException when it is not a valid allowlist
     */
    Optional<InputPvcAllowlist> allowlist(Map<String, String> env) {
        Optional<String> json = ActionEnvironment.from(env).find(Optional.ofNullable(allowedInputPvcs),
                ALLOWED_INPUT_PVCS_INPUT, InputPvcAllowlist.VARIABLE);
        try {
            return json.map(value -> InputPvcAllowlist.parse(value, workflowPvc(env)));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /**
     * The translation settings from the environment, with the workflow PVC these options chose (it names the claim
     * the workflows mount as well as the one the allowlist always allows).
     *
     * @throws ParameterException naming the variable whose value cannot be used
     */
    TranslationSettings translationSettings(Map<String, String> env) {
        Map<String, String> settingsEnv = new HashMap<>(env);
        settingsEnv.put(TranslationSettings.WORKFLOW_PVC_VARIABLE, workflowPvc(env));
        try {
            return TranslationSettings.fromEnvironment(settingsEnv, VersionProvider.version());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
