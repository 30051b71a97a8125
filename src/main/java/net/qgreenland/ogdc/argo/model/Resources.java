package net.qgreenland.ogdc.argo.model;

import java.util.Map;

/** A container's {@code resources}: {@code requests} and {@code limits}, e.g. {@code cpu: 500m, memory: 2Gi}. */
public record Resources(Map<String, String> requests, Map<String, String> limits) {

    public Resources {
        requests = Models.copy(requests);
        limits = Models.copy(limits);
    }
}
