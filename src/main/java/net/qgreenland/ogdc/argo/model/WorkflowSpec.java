package net.qgreenland.ogdc.argo.model;

import java.util.List;
import java.util.Optional;

/**
 * A workflow's {@code spec}: the entrypoint template, the templates, and the settings that apply to the whole
 * workflow (service account, TTL, artifact GC, retries, parallelism, volumes).
 *
 * @param parallelism the most pods of this workflow running at once
 * @param activeDeadlineSeconds the workflow's time limit, in seconds
 */
public record WorkflowSpec(
        String entrypoint, Optional<Arguments> arguments, Optional<String> serviceAccountName,
        Optional<Integer> parallelism, Optional<Integer> activeDeadlineSeconds, Optional<String> onExit,
        Optional<TtlStrategy> ttlStrategy, Optional<ArtifactGc> artifactGC, Optional<RetryStrategy> retryStrategy,
        List<Volume> volumes, List<Template> templates) {

    public WorkflowSpec {
        arguments = Models.orEmpty(arguments);
        serviceAccountName = Models.orEmpty(serviceAccountName);
        parallelism = Models.orEmpty(parallelism);
        activeDeadlineSeconds = Models.orEmpty(activeDeadlineSeconds);
        onExit = Models.orEmpty(onExit);
        ttlStrategy = Models.orEmpty(ttlStrategy);
        artifactGC = Models.orEmpty(artifactGC);
        retryStrategy = Models.orEmpty(retryStrategy);
        volumes = Models.copy(volumes);
        templates = Models.copy(templates);
    }

    /** {@code ttlStrategy}: when a finished workflow is deleted, in seconds. */
    public record TtlStrategy(
            Optional<Integer> secondsAfterCompletion, Optional<Integer> secondsAfterSuccess,
            Optional<Integer> secondsAfterFailure) {
        public TtlStrategy {
            secondsAfterCompletion = Models.orEmpty(secondsAfterCompletion);
            secondsAfterSuccess = Models.orEmpty(secondsAfterSuccess);
            secondsAfterFailure = Models.orEmpty(secondsAfterFailure);
        }
    }

    /** {@code artifactGC}: when artifacts are deleted ({@code OnWorkflowDeletion}) and with which service account. */
    public record ArtifactGc(Optional<String> strategy, Optional<String> serviceAccountName) {
        public ArtifactGc {
            strategy = Models.orEmpty(strategy);
            serviceAccountName = Models.orEmpty(serviceAccountName);
        }
    }
}
