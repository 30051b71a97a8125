package net.qgreenland.ogdc.translate;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.qgreenland.ogdc.argo.model.Arguments;
import net.qgreenland.ogdc.argo.model.Container;
import net.qgreenland.ogdc.argo.model.Parameter;
import net.qgreenland.ogdc.argo.model.Step;
import net.qgreenland.ogdc.argo.model.Template;
import net.qgreenland.ogdc.argo.model.VolumeMount;
import net.qgreenland.ogdc.argo.model.Workflow;
import net.qgreenland.ogdc.recipe.Recipe;

/**
 * The two small workflows that run before a recipe (spec §4): {@code check-published} asks whether
 * {@code /<id>} exists on the workflow PVC; {@code remove-existing-data} deletes it before an overwrite.
 * Neither is archived; both run one container of the recipe image with the workflow PVC at {@code /mnt/}.
 */
public final class HelperWorkflows {

    /** The template, step and output parameter the caller reads the answer from. */
    public static final String CHECK_TEMPLATE = "check-already-published";
    public static final String PUBLISHED_PARAMETER = "data-published";
    static final String REMOVE_TEMPLATE = "overwrite-already-published-";

    private final TranslationSettings settings;
    private final WorkflowEnvelope envelope;

    public HelperWorkflows(TranslationSettings settings) {
        this.settings = settings;
        this.envelope = new WorkflowEnvelope(settings);
    }

    /** The workflow whose {@value #PUBLISHED_PARAMETER} output is {@code yes} if the recipe's results exist. */
    public Workflow checkPublished(Recipe recipe) {
        String id = recipe.id().value();
        Template check = Template.container(CHECK_TEMPLATE, Arguments.NONE,
                Arguments.parameters(Parameter.fromPath(PUBLISHED_PARAMETER, "/tmp/published.txt")),
                shell("test -d /mnt/" + id + " && echo \"yes\" > /tmp/published.txt || echo \"no\" > /tmp/published.txt"));
        return helper(recipe, "check-published", check);
    }

    /** The workflow that deletes the recipe's whole tree on the workflow PVC ({@code rm -rf /mnt/<id>}). */
    public Workflow removeExistingData(Recipe recipe) {
        Template remove = Template.container(REMOVE_TEMPLATE, Arguments.NONE,
                Arguments.NONE, shell("rm -rf /mnt/" + recipe.id().value()));
        return helper(recipe, "remove-existing-data", remove);
    }

    /** Whether {@code workflow} is a {@code check-published} helper (it runs {@value #CHECK_TEMPLATE}). */
    public static boolean isCheckPublished(Workflow workflow) {
        return workflow.spec().templates().stream().anyMatch(t -> t.name().equals(CHECK_TEMPLATE));
    }

    private Workflow helper(Recipe recipe, String suffix, Template template) {
        Template steps = Template.steps("steps",
                List.of(List.of(Step.of(template.name(), template.name(), Arguments.NONE))));
        return envelope.wrap(recipe, suffix, false, "steps", List.of(template, steps),
                List.of(envelope.volumes(recipe).get(0)), Optional.empty(), Map.of(), Map.of());
    }

    private Container shell(String script) {
        return envelope.shellContainer(settings.recipeImage(), List.of(script),
                List.of(VolumeMount.of(WorkflowEnvelope.WORKFLOW_VOLUME, "/mnt/")));
    }
}
