package net.qgreenland.ogdc.translate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The scripts that run inside workflow pods, shipped as class-path resources under
 * {@code net/qgreenland/ogdc/translate/scripts/}. Each script reads its parameters from environment variables (its
 * header lists them), so the translator sets {@code env} on the template and never pastes values into script text.
 */
public final class PodScripts {

    static final String DIRECTORY = "scripts/";
    static final String VIZ_PRELUDE = "viz/prelude.py";

    private PodScripts() {}

    /**
     * The POSIX {@code sh} wrapper that runs one recipe command on every file of one partition (spec §5.5), for
     * {@code sh -c <this> ogdc-partition <command>}: the command is {@code $1}, never part of the text.
     */
    public static String partitionCommand() {
        return load("partition-command.sh");
    }

    /** The Python {@code source} of {@code step}'s script template: the shared prelude, then the step's body. */
    public static String vizSource(VizStep step) {
        return load(VIZ_PRELUDE) + "\n" + load("viz/" + step.templateName() + ".py");
    }

    /**
     * The UTF-8 text of resource {@code scripts/<name>} next to this class.
     *
     * @throws IllegalStateException naming the resource if the class path does not have it
     */
    static String load(String name) {
        String resource = DIRECTORY + name;
        try (InputStream in = PodScripts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("pod script resource '" + qualified(resource)
                        + "' is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading pod script resource '" + qualified(resource) + "' failed", e);
        }
    }

    private static String qualified(String resource) {
        return PodScripts.class.getPackageName().replace('.', '/') + "/" + resource;
    }
}
