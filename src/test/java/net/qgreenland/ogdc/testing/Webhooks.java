package net.qgreenland.ogdc.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The real webhook payloads recorded in {@code ../shared/reference/github/webhooks/}. */
public final class Webhooks {

    /** Where they are, from the repository root (the tests' working directory). */
    public static final Path DIRECTORY = Path.of("../shared/reference/github/webhooks");

    private static final ObjectMapper JSON = new ObjectMapper();

    private Webhooks() {}

    /** A fresh copy of the payload in {@code file} (e.g. {@code push.tag-created.json}), to change as a test needs. */
    public static ObjectNode payload(String file) {
        try {
            return (ObjectNode) JSON.readTree(DIRECTORY.resolve(file).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
