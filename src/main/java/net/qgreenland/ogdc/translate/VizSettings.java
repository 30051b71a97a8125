package net.qgreenland.ogdc.translate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import net.qgreenland.ogdc.argo.model.Resources;

/**
 * The visualization pipeline's settings (spec §2, §6.1).
 *
 * @param image {@code VIZ_WORKFLOW_IMAGE}: the pdgworkflow image every viz script runs in
 * @param imagePullPolicy {@code VIZ_WORKFLOW_IMAGE_PULL_POLICY}
 * @param setupImage {@code VIZ_WORKFLOW_SETUP_IMAGE}: the image of {@code stage-viz-config} (default the recipe
 *     image)
 * @param defaultPartitionSize {@code VIZ_WORKFLOW_DEFAULT_PARTITION_SIZE}: files per partition when the recipe
 *     gives none
 * @param resources requests and limits per profile ({@code stage}, {@code raster}, {@code threedtile},
 *     {@code discovery}), defaults merged with {@code VIZ_WORKFLOW_RESOURCES}
 */
public record VizSettings(
        String image, String imagePullPolicy, String setupImage, int defaultPartitionSize,
        Map<String, Resources> resources) {

    public static final String DEFAULT_IMAGE = "ghcr.io/permafrostdiscoverygateway/pdgworkflow:latest";

    /** The profiles of spec §6.1 before any override. */
    static final Map<String, Resources> DEFAULT_PROFILES = Map.of(
            "stage", profile("500m", "2Gi", "2", "6Gi"),
            "raster", profile("1", "4Gi", "4", "12Gi"),
            "threedtile", profile("2", "4Gi", "4", "8Gi"),
            "discovery", profile("250m", "512Mi", "500m", "1Gi"));

    public VizSettings {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(imagePullPolicy, "imagePullPolicy");
        Objects.requireNonNull(setupImage, "setupImage");
        resources = Map.copyOf(resources);
        if (defaultPartitionSize < 1) {
            throw new IllegalArgumentException("VIZ_WORKFLOW_DEFAULT_PARTITION_SIZE must be >= 1");
        }
        if (!resources.keySet().equals(DEFAULT_PROFILES.keySet())) {
            throw new IllegalArgumentException("resources must have exactly the profiles " + DEFAULT_PROFILES.keySet());
        }
    }

    /** The requests and limits of {@code profile}. */
    Resources profile(String profile) {
        return Objects.requireNonNull(resources.get(profile), profile);
    }

    /**
     * The default profiles with {@code json} (the value of {@code VIZ_WORKFLOW_RESOURCES}) merged in per key, e.g.
     * {@code {"raster":{"limits":{"memory":"16Gi"}}}} changes only the raster memory limit.
     *
     * @throws IllegalArgumentException with the runner's messages if the JSON has the wrong shape
     */
    static Map<String, Resources> resourceProfiles(String json) {
        JsonNode overrides;
        try {
            overrides = new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("VIZ_WORKFLOW_RESOURCES must be a JSON object: "
                    + e.getOriginalMessage());
        }
        if (overrides == null || !overrides.isObject()) {
            throw new IllegalArgumentException("VIZ_WORKFLOW_RESOURCES must be a JSON object");
        }
        Map<String, Resources> merged = new LinkedHashMap<>(DEFAULT_PROFILES);
        overrides.fields().forEachRemaining(entry -> {
            String name = entry.getKey();
            Resources base = merged.get(name);
            if (base == null) {
                throw new IllegalArgumentException("VIZ_WORKFLOW_RESOURCES." + name + " is not a profile; use one of "
                        + DEFAULT_PROFILES.keySet().stream().sorted().toList());
            }
            JsonNode value = entry.getValue();
            if (!value.isObject()) {
                throw new IllegalArgumentException("VIZ_WORKFLOW_RESOURCES." + name + " must be a JSON object");
            }
            merged.put(name, new Resources(
                    merge(base.requests(), value.get("requests"), name),
                    merge(base.limits(), value.get("limits"), name)));
        });
        return merged;
    }

    private static Map<String, String> merge(Map<String, String> base, JsonNode override, String profile) {
        if (override == null) {
            return base;
        }
        if (!override.isObject()) {
            throw new IllegalArgumentException("VIZ_WORKFLOW_RESOURCES." + profile
                    + ".requests and .limits must be JSON objects");
        }
        Map<String, String> merged = new LinkedHashMap<>(base);
        override.fields().forEachRemaining(e -> merged.put(e.getKey(), e.getValue().asText()));
        return merged;
    }

    private static Resources profile(String cpuRequest, String memoryRequest, String cpuLimit, String memoryLimit) {
        return new Resources(mapOf(cpuRequest, memoryRequest), mapOf(cpuLimit, memoryLimit));
    }

    private static Map<String, String> mapOf(String cpu, String memory) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("cpu", cpu);
        map.put("memory", memory);
        return map;
    }
}
