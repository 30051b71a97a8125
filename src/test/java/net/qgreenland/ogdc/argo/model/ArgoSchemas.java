package net.qgreenland.ogdc.argo.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates workflows against Argo's own JSON schemas in {@code ../shared/reference/argo/} (v3.7.18 and v4.1.2).
 * The schemas type Kubernetes' IntOrString as a string; here it accepts an integer too, as Kubernetes does.
 */
public final class ArgoSchemas {

    static final Path REFERENCE = Path.of("../shared/reference/argo");
    static final List<String> VERSIONS = List.of("v3.7.18", "v4.1.2");
    private static final String WORKFLOW = "io.argoproj.workflow.v1alpha1.Workflow";
    private static final Map<String, Schema> SCHEMAS = new LinkedHashMap<>();

    private ArgoSchemas() {}

    /** Every schema error of {@code workflow} against both schemas; empty if it is valid. */
    public static List<String> errors(Workflow workflow) {
        return errors(ArgoDocuments.toTree(workflow));
    }

    /** Every schema error of {@code workflow}, by schema version ("v4.1.2: /spec/templates/0: ..."); empty if valid. */
    static List<String> errors(JsonNode workflow) {
        List<String> errors = new ArrayList<>();
        for (String version : VERSIONS) {
            for (Error error : schema(version).validate(workflow)) {
                errors.add(version + ": " + error.getInstanceLocation() + ": " + error.getMessage());
            }
        }
        return errors;
    }

    private static synchronized Schema schema(String version) {
        return SCHEMAS.computeIfAbsent(version, ArgoSchemas::load);
    }

    private static Schema load(String version) {
        try {
            ObjectMapper json = new ObjectMapper();
            ObjectNode schema = (ObjectNode) json.readTree(Files.readString(REFERENCE.resolve("schema-" + version + ".json")));
            ObjectNode definitions = (ObjectNode) schema.get("definitions");
            definitions.set("io.k8s.apimachinery.pkg.util.intstr.IntOrString",
                    json.readTree("{\"type\": [\"string\", \"integer\"]}"));
            schema.remove("oneOf");
            schema.remove("type");
            schema.put("$ref", "#/definitions/" + WORKFLOW);
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(json.writeValueAsString(schema), InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException("reading Argo's schema " + version + " from " + REFERENCE.toAbsolutePath()
                    + " failed (is ../shared beside the checkout?)", e);
        }
    }
}
