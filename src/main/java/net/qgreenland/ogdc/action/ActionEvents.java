package net.qgreenland.ogdc.action;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads the event of a run from the file {@code GITHUB_EVENT_PATH} names: the one I/O of {@link ActionEvent}. */
public final class ActionEvents {

    private ActionEvents() {
    }

    /**
     * The event {@code environment} describes.
     *
     * @throws IllegalArgumentException when GITHUB_EVENT_NAME or GITHUB_EVENT_PATH is not set, the file does not
     *     exist, or it is not a JSON object
     * @throws UncheckedIOException when the file exists but cannot be read
     */
    public static ActionEvent read(ActionEnvironment environment) {
        String eventName = environment.eventName().orElseThrow(() -> new IllegalArgumentException(
                "GITHUB_EVENT_NAME is not set: is this running as a GitHub Actions step?"));
        Path path = environment.eventPath().orElseThrow(() -> new IllegalArgumentException(
                "GITHUB_EVENT_PATH is not set: there is no event payload to read for event '" + eventName + "'"));
        String json;
        try {
            json = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("the event payload GITHUB_EVENT_PATH=" + path + " does not exist", e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the event payload GITHUB_EVENT_PATH=" + path + " failed: " + e, e);
        }
        return ActionEvent.parse(eventName, json);
    }
}
