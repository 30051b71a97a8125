package net.qgreenland.ogdc.translate;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The operator settings a translation depends on, with the Python runner's names and defaults (spec §2) plus the
 * ones this program adds, read once from an environment map.
 *
 * @param namespace {@code ARGO_NAMESPACE}: where workflows go
 * @param serviceAccount {@code ARGO_SERVICE_ACCOUNT_NAME}: the pods' and the artifact GC's service account
 * @param recipeImage the image recipe commands run in: {@code ogdc-runner:<tag>} (ENVIRONMENT=local) or
 *     {@code ghcr.io/qgreenland-net/ogdc-runner:<tag>}, tag from {@code OGDC_RUNNER_IMAGE_TAG}
 * @param imagePullPolicy {@code Always} when ENVIRONMENT=dev, else {@code IfNotPresent}
 * @param retryLimit {@code ARGO_WORKFLOW_RETRY_LIMIT} (>= 0), used when {@code retryEnabled}
 * @param workflowPvc {@code OGDC_WORKFLOW_PVC_NAME}: the claim every workflow shares
 * @param maxParallelism {@code OGDC_MAX_PARALLEL_LIMIT}: {@code spec.parallelism} of parallel workflows whose
 *     recipe sets no {@code max_parallelism}
 * @param taskImage {@code OGDC_TASK_IMAGE}: the image with this program, whose {@code ogdc-action task …}
 *     subcommands list, resolve, fetch and partition inputs inside the cluster (default: this version's action image)
 * @param maxPartitions {@code OGDC_MAX_PARTITIONS}: the most partitions one fan-out may have; a listing that would
 *     make more raises the partition size instead (default 10,000)
 * @param dataoneNodeUrl {@code DATAONE_NODE_URL}: the DataONE member node that resolves {@code dataone} inputs
 * @param viz the visualization images, default partition size and resource profiles
 */
public record TranslationSettings(
        String namespace, String serviceAccount, String recipeImage, String imagePullPolicy, boolean retryEnabled,
        int retryLimit, String retryPolicy, String workflowPvc, int maxParallelism, String taskImage,
        int maxPartitions, Optional<String> dataoneNodeUrl, VizSettings viz) {

    /** TTL of a finished workflow, in seconds: one day, or seven for temporary output (spec §2). */
    public static final int TTL_SECONDS = 86_400;
    public static final int TTL_TEMPORARY_SECONDS = 604_800;
    /** The variable naming the workflow PVC, and its default (spec §2). */
    public static final String WORKFLOW_PVC_VARIABLE = "OGDC_WORKFLOW_PVC_NAME";
    public static final String DEFAULT_WORKFLOW_PVC = "cephfs-qgnet-ogdc-workflow-pvc";
    /** The variable naming the whole recipe image ({@code registry/ogdc-runner:v1.2}), over ENVIRONMENT and tag. */
    public static final String RECIPE_IMAGE_VARIABLE = "OGDC_RUNNER_IMAGE";

    /** Where the action image is published; its tag is this program's version unless overridden. */
    public static final String TASK_IMAGE_REPOSITORY = "ghcr.io/qgreenland-net/ogdc-action";

    public TranslationSettings {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(serviceAccount, "serviceAccount");
        Objects.requireNonNull(recipeImage, "recipeImage");
        Objects.requireNonNull(imagePullPolicy, "imagePullPolicy");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        Objects.requireNonNull(workflowPvc, "workflowPvc");
        Objects.requireNonNull(taskImage, "taskImage");
        Objects.requireNonNull(dataoneNodeUrl, "dataoneNodeUrl");
        Objects.requireNonNull(viz, "viz");
        if (retryLimit < 0) {
            throw new IllegalArgumentException("ARGO_WORKFLOW_RETRY_LIMIT must be >= 0");
        }
        if (maxParallelism < 1) {
            throw new IllegalArgumentException("OGDC_MAX_PARALLEL_LIMIT must be >= 1");
        }
        if (maxPartitions < 1) {
            throw new IllegalArgumentException("OGDC_MAX_PARTITIONS must be >= 1");
        }
    }

    /** The settings with every default of spec §2, and the task image tagged {@code latest}. */
    public static TranslationSettings defaults() {
        return fromEnvironment(Map.of());
    }

    /** {@link #fromEnvironment(Map, String)} with the task image tagged {@code latest}. */
    public static TranslationSettings fromEnvironment(Map<String, String> env) {
        return fromEnvironment(env, "latest");
    }

    /**
     * The settings from {@code env}, each variable defaulting as spec §2 says.
     *
     * @param taskImageTag the tag of the default task image: the running program's version, so that pods run the
     *     same {@code task} contract the workflow was rendered for
     * @throws IllegalArgumentException naming the variable if a value cannot be used
     */
    public static TranslationSettings fromEnvironment(Map<String, String> env, String taskImageTag) {
        String environment = env.getOrDefault("ENVIRONMENT", "");
        String repository = environment.equals("local") ? "ogdc-runner" : "ghcr.io/qgreenland-net/ogdc-runner";
        // a whole image (the action's step-image input) wins over the repository and tag of spec §2
        String recipeImage = nonBlank(env, RECIPE_IMAGE_VARIABLE)
                .orElse(repository + ":" + env.getOrDefault("OGDC_RUNNER_IMAGE_TAG", "latest"));
        String pullPolicy = environment.equals("dev") ? "Always" : "IfNotPresent";
        return new TranslationSettings(
                env.getOrDefault("ARGO_NAMESPACE", "qgnet"),
                env.getOrDefault("ARGO_SERVICE_ACCOUNT_NAME", "argo-workflow"),
                recipeImage,
                pullPolicy,
                env.getOrDefault("ARGO_WORKFLOW_RETRY_ENABLED", "True").toLowerCase(Locale.ROOT).equals("true"),
                integer(env, "ARGO_WORKFLOW_RETRY_LIMIT", 3),
                env.getOrDefault("ARGO_WORKFLOW_RETRY_POLICY", "OnTransientError"),
                env.getOrDefault(WORKFLOW_PVC_VARIABLE, DEFAULT_WORKFLOW_PVC),
                integer(env, "OGDC_MAX_PARALLEL_LIMIT", 5),
                nonBlank(env, "OGDC_TASK_IMAGE").orElse(TASK_IMAGE_REPOSITORY + ":" + taskImageTag),
                integer(env, "OGDC_MAX_PARTITIONS", 10_000),
                nonBlank(env, "DATAONE_NODE_URL"),
                new VizSettings(
                        nonBlank(env, "VIZ_WORKFLOW_IMAGE").orElse(VizSettings.DEFAULT_IMAGE),
                        nonBlank(env, "VIZ_WORKFLOW_IMAGE_PULL_POLICY").orElse("IfNotPresent"),
                        nonBlank(env, "VIZ_WORKFLOW_SETUP_IMAGE").orElse(recipeImage),
                        integer(env, "VIZ_WORKFLOW_DEFAULT_PARTITION_SIZE", 1000),
                        VizSettings.resourceProfiles(env.getOrDefault("VIZ_WORKFLOW_RESOURCES", "{}"))));
    }


    private static Optional<String> nonBlank(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static int integer(Map<String, String> env, String name, int fallback) {
        Optional<String> value = nonBlank(env, name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.get());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + env.get(name) + "'");
        }
    }
}
