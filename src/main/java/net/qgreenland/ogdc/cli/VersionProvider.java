package net.qgreenland.ogdc.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/** The program's version, written into {@code version.properties} by the build. */
public final class VersionProvider implements CommandLine.IVersionProvider {

    /** The version of this build, e.g. {@code 0.1.0}. */
    public static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream("/net/qgreenland/ogdc/version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from the build");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("reading version.properties failed", e);
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"ogdc-action " + version()};
    }
}
