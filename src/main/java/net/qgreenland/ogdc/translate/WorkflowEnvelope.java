package net.qgreenland.ogdc.translate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.qgreenland.ogdc.argo.model.Container;
import net.qgreenland.ogdc.argo.model.ObjectMeta;
import net.qgreenland.ogdc.argo.model.RetryStrategy;
import net.qgreenland.ogdc.argo.model.Template;
import net.qgreenland.ogdc.argo.model.Volume;
import net.qgreenland.ogdc.argo.model.VolumeMount;
import net.qgreenland.ogdc.argo.model.Workflow;
import net.qgreenland.ogdc.argo.model.WorkflowSpec;
import net.qgreenland.ogdc.argo.model.IntOrString;
import net.qgreenland.ogdc.recipe.Recipe;
import net.qgreenland.ogdc.recipe.RecipeInput;
import net.qgreenland.ogdc.recipe.RecipeOutput;

/**
 * The part every OGDC workflow shares (spec §3): generated name, namespace, labels, service account, TTL, artifact
 * GC, retry strategy and volumes, around the templates a translator makes.
 */
final class WorkflowEnvelope {

    /** The label the cluster's archive selects workflows by. */
    static final String ARCHIVE_LABEL = "ogdc/persist-workflow-in-archive";
    /** The workflow PVC's volume name in every workflow. */
    static final String WORKFLOW_VOLUME = "workflow-volume";
    /** Longest Kubernetes name; Argo's random suffix takes 5 of it. */
    static final int MAX_NAME = 63;
    static final int RANDOM_SUFFIX = 5;

    private final TranslationSettings settings;

    WorkflowEnvelope(TranslationSettings settings) {
        this.settings = settings;
    }

    /**
     * {@code <id>-<suffix>-}, the id shortened so that the final name (with Argo's 5 random characters) fits in 63
     * characters. The Python runner forgot the two dashes and could overshoot by 2 (spec §3.2, fixed on purpose).
     */
    static String generateName(String id, String suffix) {
        int maxId = MAX_NAME - RANDOM_SUFFIX - suffix.length() - 2;
        return withoutTrailingDashes(id.length() > maxId ? id.substring(0, maxId) : id) + "-" + suffix + "-";
    }

    /** The volume name for input claim {@code claim}: {@code input-pvc-<claim>}, hashed to fit 63 characters. */
    String inputVolumeName(String claim) {
        if (claim.equals(settings.workflowPvc())) {
            return WORKFLOW_VOLUME;
        }
        String plain = "input-pvc-" + claim;
        if (plain.length() <= MAX_NAME) {
            return plain;
        }
        String head = withoutTrailingDashes(claim.substring(0, MAX_NAME - 10 - 10 - 1));
        return "input-pvc-" + head + "-" + sha256(claim).substring(0, 10);
    }

    /** The workflow volume, then one read-only volume per distinct input claim other than the workflow PVC. */
    List<Volume> volumes(Recipe recipe) {
        List<Volume> volumes = new ArrayList<>();
        volumes.add(Volume.ofClaim(WORKFLOW_VOLUME, settings.workflowPvc(), false));
        for (String claim : inputClaims(recipe)) {
            if (!claim.equals(settings.workflowPvc())) {
                volumes.add(Volume.ofClaim(inputVolumeName(claim), claim, true));
            }
        }
        return volumes;
    }

    /** Read-only mounts of the input claims at {@code /mnt/data/<claim>}, one per claim. */
    List<VolumeMount> inputMounts(Recipe recipe) {
        return inputClaims(recipe).stream()
                .map(claim -> VolumeMount.readOnly(inputVolumeName(claim), "/mnt/data/" + claim))
                .toList();
    }

    /** The workflow PVC at {@value WorkflowPaths#WORKFLOW_MOUNT}, where pods find {@code <id>/} and its manifests. */
    static VolumeMount workflowMount() {
        return VolumeMount.of(WORKFLOW_VOLUME, WorkflowPaths.WORKFLOW_MOUNT);
    }

    /** The workflow PVC mount, then the read-only input mounts: what a pod that reads input files needs. */
    List<VolumeMount> workflowAndInputMounts(Recipe recipe) {
        List<VolumeMount> mounts = new ArrayList<>();
        mounts.add(workflowMount());
        mounts.addAll(inputMounts(recipe));
        return mounts;
    }

    /**
     * A container with the defaults every OGDC shell container has (spec §3.10): {@code sh -c} with {@code args},
     * the configured pull policy, no resources.
     */
    Container shellContainer(String image, List<String> args, List<VolumeMount> mounts) {
        return new Container(image, Optional.of(settings.imagePullPolicy()), List.of("sh", "-c"), args,
                Optional.empty(), List.of(), Optional.empty(), mounts);
    }

    private static List<String> inputClaims(Recipe recipe) {
        return recipe.inputs().stream()
                .filter(RecipeInput.PvcMount.class::isInstance)
                .map(i -> ((RecipeInput.PvcMount) i).claimName())
                .distinct()
                .toList();
    }

    /**
     * A workflow named after {@code recipe} and {@code suffix}, running {@code entrypoint} of {@code templates}.
     *
     * @param archived whether the cluster archives it (main workflows yes, helpers no)
     * @param parallelism {@code spec.parallelism}, for parallel workflows
     * @param labels more labels, after the archive label
     */
    Workflow wrap(Recipe recipe, String suffix, boolean archived, String entrypoint, List<Template> templates,
            List<Volume> volumes, Optional<Integer> parallelism, Map<String, String> labels,
            Map<String, String> annotations) {
        Map<String, String> allLabels = new LinkedHashMap<>();
        allLabels.put(ARCHIVE_LABEL, String.valueOf(archived));
        allLabels.putAll(labels);
        int ttl = recipe.output() instanceof RecipeOutput.Temporary
                ? TranslationSettings.TTL_TEMPORARY_SECONDS : TranslationSettings.TTL_SECONDS;
        ObjectMeta metadata = new ObjectMeta(Optional.empty(), Optional.of(generateName(recipe.id().value(), suffix)),
                Optional.of(settings.namespace()), allLabels, annotations);
        WorkflowSpec spec = new WorkflowSpec(entrypoint, Optional.empty(), Optional.of(settings.serviceAccount()),
                parallelism, Optional.empty(), Optional.empty(),
                Optional.of(new WorkflowSpec.TtlStrategy(Optional.empty(), Optional.of(ttl), Optional.empty())),
                Optional.of(new WorkflowSpec.ArtifactGc(Optional.of("OnWorkflowDeletion"),
                        Optional.of(settings.serviceAccount()))),
                settings.retryEnabled()
                        ? Optional.of(new RetryStrategy(Optional.of(IntOrString.of(settings.retryLimit())),
                                Optional.of(settings.retryPolicy())))
                        : Optional.empty(),
                volumes, templates);
        return Workflow.of(metadata, spec);
    }

    private static String withoutTrailingDashes(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '-') {
            end--;
        }
        return text.substring(0, end);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
