package net.qgreenland.ogdc.recipe;

import java.util.Objects;

/**
 * One thing wrong with a recipe, where it is and what property it concerns.
 *
 * <p>{@code property} is the path of the offending value inside the file, such as
 * {@code input.params[1].claim_name}; it is empty for problems with a file as a whole.
 */
public record RecipeProblem(SourceLocation location, String property, String message, Severity severity) {

    public RecipeProblem {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(severity, "severity");
    }

    public static RecipeProblem error(SourceLocation location, String property, String message) {
        return new RecipeProblem(location, property, message, Severity.ERROR);
    }

    public static RecipeProblem warning(SourceLocation location, String property, String message) {
        return new RecipeProblem(location, property, message, Severity.WARNING);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /**
     * The problem as ordered fields for machine-readable reports: {@code severity}, {@code file}, {@code line},
     * {@code column}, {@code property}, {@code message}.
     */
    public java.util.Map<String, Object> fields() {
        java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("severity", severity.label());
        fields.put("file", location.file());
        fields.put("line", location.line());
        fields.put("column", location.column());
        fields.put("property", property);
        fields.put("message", message);
        return java.util.Collections.unmodifiableMap(fields);
    }

    /** {@code file:line:col: property: message}, prefixed with {@code warning: } for warnings. */
    public String render() {
        String where = location + ": " + (severity == Severity.WARNING ? "warning: " : "");
        return where + (property.isEmpty() ? "" : property + ": ") + message;
    }
}
