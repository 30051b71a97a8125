package net.qgreenland.ogdc.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks request bodies sent to a WireMock GitHub against GitHub's own request-body schemas in the reference. */
public final class GitHubRequestSchemas {

    static final Path FILE = Path.of("../shared/reference/github/request-body-schemas.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Schema> SCHEMAS = new HashMap<>();
    private static final Pattern CREATE_RUN = Pattern.compile(".*/repos/[^/]+/[^/]+/check-runs");
    private static final Pattern UPDATE_RUN = Pattern.compile(".*/repos/[^/]+/[^/]+/check-runs/\\d+");
    private static final Pattern CREATE_COMMENT = Pattern.compile(".*/repos/[^/]+/[^/]+/issues/\\d+/comments");
    private static final Pattern UPDATE_COMMENT = Pattern.compile(".*/repos/[^/]+/[^/]+/issues/comments/\\d+");
    private static final Pattern REACT_TO_COMMENT =
            Pattern.compile(".*/repos/[^/]+/[^/]+/issues/comments/\\d+/reactions");

    private GitHubRequestSchemas() {}

    /** The operation ({@code checks/create}) a write request is, or an error naming the request. */
    static String operation(String method, String path) {
        if (method.equals("POST") && CREATE_RUN.matcher(path).matches()) {
            return "checks/create";
        }
        if (method.equals("PATCH") && UPDATE_RUN.matcher(path).matches()) {
            return "checks/update";
        }
        if (method.equals("POST") && CREATE_COMMENT.matcher(path).matches()) {
            return "issues/create-comment";
        }
        if (method.equals("PATCH") && UPDATE_COMMENT.matcher(path).matches()) {
            return "issues/update-comment";
        }
        if (method.equals("POST") && REACT_TO_COMMENT.matcher(path).matches()) {
            return "reactions/create-for-issue-comment";
        }
        throw new AssertionError("no schema for " + method + " " + path);
    }

    /** Every schema error of {@code body} as a request of {@code operation}; empty if valid. */
    static List<String> errors(String operation, JsonNode body) {
        List<String> errors = new ArrayList<>();
        for (Error error : schema(operation).validate(body)) {
            errors.add(operation + ": " + error.getInstanceLocation() + ": " + error.getMessage());
        }
        return errors;
    }

    /** Every schema error of every body the server received (GETs have none), by request. */
    public static List<String> errors(List<ServeEvent> events) {
        List<String> errors = new ArrayList<>();
        for (ServeEvent event : events) {
            String method = event.getRequest().getMethod().getName();
            if (method.equals("GET")) {
                continue;
            }
            String path = event.getRequest().getUrl().replaceAll("\\?.*", "");
            try {
                errors.addAll(errors(operation(method, path), JSON.readTree(event.getRequest().getBodyAsString())));
            } catch (IOException e) {
                errors.add(method + " " + path + ": not JSON: " + e.getMessage());
            }
        }
        return errors;
    }

    private static synchronized Schema schema(String operation) {
        return SCHEMAS.computeIfAbsent(operation, GitHubRequestSchemas::load);
    }

    private static Schema load(String operation) {
        try {
            ObjectNode document = (ObjectNode) JSON.readTree(Files.readString(FILE));
            JsonNode ref = document.path("x-operations").path(operation);
            if (!ref.isTextual()) {
                throw new IllegalArgumentException("the reference has no schema for " + operation);
            }
            document.put("$ref", ref.asText());
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                    .getSchema(JSON.writeValueAsString(document), InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException("reading GitHub's request schemas from " + FILE.toAbsolutePath()
                    + " failed (is ../shared beside the checkout?)", e);
        }
    }
}
