package net.qgreenland.ogdc.architecture.impure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A deliberately impure class: the pure-core rule must flag every line of it. */
final class ImpureParser {

    private ImpureParser() {}

    static String read(String name) throws IOException {
        System.out.println(System.getenv("HOME"));
        new picocli.CommandLine(new Object());
        return Files.readString(Path.of(name));
    }
}
