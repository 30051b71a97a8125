package net.qgreenland.ogdc.task;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a partition manifest: a path or URL, written as a JSON string ({@code "https://..."}), or a URL with
 * the file name to save it as, written as {@code {"url": "...", "filename": "..."}} (DataONE objects).
 */
record ManifestEntry(String location, Optional<String> filename) {

    ManifestEntry {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(filename, "filename");
    }

    static ManifestEntry of(String location) {
        return new ManifestEntry(location, Optional.empty());
    }

    static ManifestEntry named(String url, String filename) {
        return new ManifestEntry(url, Optional.of(filename));
    }

    /** Writes this entry as a string or an object. */
    void writeTo(JsonGenerator json) throws IOException {
        if (filename.isEmpty()) {
            json.writeString(location);
            return;
        }
        json.writeStartObject();
        json.writeStringField("url", location);
        json.writeStringField("filename", filename.get());
        json.writeEndObject();
    }

    /** Reads an entry written by {@link #writeTo}: a string, or an object with a string {@code url}. */
    static Optional<ManifestEntry> parse(JsonNode node) {
        if (node.isTextual()) {
            return Optional.of(of(node.asText()));
        }
        JsonNode url = node.path("url");
        JsonNode filename = node.path("filename");
        if (!node.isObject() || !url.isTextual() || !(filename.isMissingNode() || filename.isTextual())) {
            return Optional.empty();
        }
        return Optional.of(new ManifestEntry(url.asText(), Optional.ofNullable(filename.textValue())));
    }
}
