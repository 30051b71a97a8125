package net.qgreenland.ogdc.argo.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Lets tests of other packages validate workflows against Argo's schemas. */
public final class ArgoSchemasAccess {

    private ArgoSchemasAccess() {}

    /** Every error of {@code workflow} against Argo's v3.7.18 and v4.1.2 schemas; empty if it is valid. */
    public static List<String> errors(Workflow workflow) {
        return ArgoSchemas.errors(ArgoDocuments.toTree(workflow));
    }
}
