package net.qgreenland.ogdc.argo.model;

import java.util.Map;
import java.util.Optional;

/**
 * Kubernetes object metadata: {@code name} or {@code generateName} (a prefix the API server completes with five
 * random characters), the namespace, labels and annotations.
 */
public record ObjectMeta(
        Optional<String> name, Optional<String> generateName, Optional<String> namespace, Map<String, String> labels,
        Map<String, String> annotations) {

    public ObjectMeta {
        name = Models.orEmpty(name);
        generateName = Models.orEmpty(generateName);
        namespace = Models.orEmpty(namespace);
        labels = Models.copy(labels);
        annotations = Models.copy(annotations);
    }
}
