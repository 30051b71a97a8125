package net.qgreenland.ogdc.translate;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The operator settings a translation depends on, with the Python runner's names and defaults (spec §2), read
 * once from an environment map.
 *
 * @param namespace {@code ARGO_NAMESPACE}: where workflows go
 * @param serviceAccount {@code ARGO_SERVICE_ACCOUNT_NAME}: the pods' and the artifact GC's service account
 * @param recipeImage the image recipe commands run in: {@code ogdc-runner:<tag>} (ENVIRONMENT=local) or
 *     {@code ghcr.io/qgreenland-net/ogdc-runner:<tag>}, tag from {@code OGDC_RUNNER_IMAGE_TAG}
 * @param imagePullPolicy {@code Always} when ENVIRONMENT=dev, else {@code IfNotPresent}
 * @param retryLimit {@code ARGO_WORKFLOW_RETRY_LIMIT} (>= 0), used when {@code retryEnabled}
 * @param workflowPvc {@code OGDC_WORKFLOW_PVC_NAME}: the claim every workflow shares
 * @param maxParallelism {@code OGDC_MAX_PARALLEL_LIMIT}: {@code spec.parallelism} of parallel workflows
 */
public record TranslationSettings(
        String namespace, String serviceAccount, String recipeImage, String imagePullPolicy, boolean retryEnabled,
        int retryLimit, String retryPolicy, String workflowPvc, int maxParallelism) {

    /** TTL of a finished workflow, in seconds: one day, or seven for temporary output (spec §2). */
    public static final int TTL_SECONDS = 86_400;
    public static final int TTL_TEMPORARY_SECONDS = 604_800;

    public TranslationSettings {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(serviceAccount, "serviceAccount");
        Objects.requireNonNull(recipeImage, "recipeImage");
        Objects.requireNonNull(imagePullPolicy, "imagePullPolicy");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        Objects.requireNonNull(workflowPvc, "workflowPvc");
        if (retryLimit < 0) {
            throw new IllegalArgumentException("ARGO_WORKFLOW_RETRY_LIMIT must be >= 0");
        }
        if (maxParallelism < 1) {
            throw new IllegalArgumentException("OGDC_MAX_PARALLEL_LIMIT must be >= 1");
        }
    }

    /** The settings with every default of spec §2. */
    public static TranslationSettings defaults() {
        return fromEnvironment(Map.of());
    }

    /**
     * The settings from {@code env}, each variable defaulting as spec §2 says.
     *
     * @throws IllegalArgumentException naming the variable if a value cannot be used
     */
    public static TranslationSettings fromEnvironment(Map<String, String> env) {
        String environment = env.getOrDefault("ENVIRONMENT", "");
        String repository = environment.equals("local") ? "ogdc-runner" : "ghcr.io/qgreenland-net/ogdc-runner";
        String tag = env.getOrDefault("OGDC_RUNNER_IMAGE_TAG", "latest");
        return new TranslationSettings(
                env.getOrDefault("ARGO_NAMESPACE", "qgnet"),
                env.getOrDefault("ARGO_SERVICE_ACCOUNT_NAME", "argo-workflow"),
                repository + ":" + tag,
                environment.equals("dev") ? "Always" : "IfNotPresent",
                env.getOrDefault("ARGO_WORKFLOW_RETRY_ENABLED", "True").toLowerCase(Locale.ROOT).equals("true"),
                integer(env, "ARGO_WORKFLOW_RETRY_LIMIT", 3),
                env.getOrDefault("ARGO_WORKFLOW_RETRY_POLICY", "OnTransientError"),
                env.getOrDefault("OGDC_WORKFLOW_PVC_NAME", "cephfs-qgnet-ogdc-workflow-pvc"),
                integer(env, "OGDC_MAX_PARALLEL_LIMIT", 5));
    }

    private static int integer(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'");
        }
    }
}
