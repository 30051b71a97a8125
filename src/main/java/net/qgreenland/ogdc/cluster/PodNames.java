package net.qgreenland.ogdc.cluster;

import java.nio.charset.StandardCharsets;

/**
 * The name of the pod that ran a node, as Argo derives it ({@code workflow/util/pod_name.go}): with the default
 * format {@code v2}, {@code <workflow>-<template>-<fnv32a(node name)>} (prefix cut to 243 characters); with
 * {@code v1} (annotation {@code workflows.argoproj.io/pod-name-format: v1}), the node id.
 */
public final class PodNames {

    /** The workflow annotation that names the pod name format. */
    public static final String FORMAT_ANNOTATION = "workflows.argoproj.io/pod-name-format";
    private static final int MAX_PREFIX = 253 - 10 - 1;

    private PodNames() {}

    public static String of(WorkflowState workflow, NodeState node) {
        String format = workflow.annotations().getOrDefault(FORMAT_ANNOTATION, "v2");
        if (format.equals("v1") || node.templateName().isEmpty()) {
            return node.id();
        }
        if (workflow.name().equals(node.name())) {
            return workflow.name();
        }
        String prefix = workflow.name() + "-" + node.templateName();
        if (prefix.length() > MAX_PREFIX) {
            prefix = prefix.substring(0, MAX_PREFIX);
        }
        return prefix + "-" + fnv32a(node.name());
    }

    /** FNV-1a, 32 bits, of the UTF-8 bytes, as an unsigned decimal ({@code hello} → {@code 1335831723}). */
    static long fnv32a(String text) {
        int hash = 0x811c9dc5;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x01000193;
        }
        return Integer.toUnsignedLong(hash);
    }
}
