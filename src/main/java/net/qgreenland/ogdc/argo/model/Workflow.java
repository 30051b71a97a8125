package net.qgreenland.ogdc.argo.model;

import java.util.Objects;

/**
 * An Argo {@code Workflow} resource ({@code argoproj.io/v1alpha1}), reduced to the fields this program produces.
 * Field names are exactly Argo's JSON names; see
 * <a href="https://argo-workflows.readthedocs.io/en/latest/fields/#workflow">the field reference</a>.
 */
public record Workflow(String apiVersion, String kind, ObjectMeta metadata, WorkflowSpec spec) {

    public static final String API_VERSION = "argoproj.io/v1alpha1";
    public static final String KIND = "Workflow";

    public Workflow {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(spec, "spec");
        apiVersion = apiVersion == null ? API_VERSION : apiVersion;
        kind = kind == null ? KIND : kind;
    }

    public static Workflow of(ObjectMeta metadata, WorkflowSpec spec) {
        return new Workflow(API_VERSION, KIND, metadata, spec);
    }

    /** This workflow with {@code more} labels added to its metadata (replacing labels of the same key). */
    public Workflow withLabels(java.util.Map<String, String> more) {
        java.util.Map<String, String> labels = new java.util.LinkedHashMap<>(metadata.labels());
        labels.putAll(more);
        return new Workflow(apiVersion, kind, new ObjectMeta(metadata.name(), metadata.generateName(),
                metadata.namespace(), labels, metadata.annotations()), spec);
    }

    /** This workflow with {@code more} annotations added to its metadata (replacing those of the same key). */
    public Workflow withAnnotations(java.util.Map<String, String> more) {
        java.util.Map<String, String> annotations = new java.util.LinkedHashMap<>(metadata.annotations());
        annotations.putAll(more);
        return new Workflow(apiVersion, kind, new ObjectMeta(metadata.name(), metadata.generateName(),
                metadata.namespace(), metadata.labels(), annotations), spec);
    }
}
