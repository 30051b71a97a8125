package net.qgreenland.ogdc.task;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One data object of a DataONE dataset package, e.g. identifier {@code urn:uuid:1a2b...}, url
 * {@code https://arcticdata.io/metacat/d1/mn/v2/object/urn%3Auuid%3A1a2b...}, filename {@code sst_2020.nc},
 * formatId {@code netCDF-4}, size in bytes when the index knows it, entityName (its title, else its file name).
 */
record DataOneObject(String identifier, String url, String filename, String formatId, OptionalLong size,
        String entityName) {

    DataOneObject {
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(formatId, "formatId");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(entityName, "entityName");
    }

    /** Adds this object's fields to {@code json}, {@code size} being {@code null} when unknown. */
    void writeTo(ObjectNode json) {
        json.put("identifier", identifier);
        json.put("url", url);
        json.put("filename", filename);
        json.put("formatId", formatId);
        if (size.isPresent()) {
            json.put("size", size.getAsLong());
        } else {
            json.putNull("size");
        }
        json.put("entityName", entityName);
    }
}
