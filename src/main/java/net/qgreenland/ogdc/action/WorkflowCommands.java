package net.qgreenland.ogdc.action;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Talks to the GitHub Actions runner: workflow commands on standard output ({@code ::add-mask::},
 * {@code ::error file=…::}, {@code ::stop-commands::}) and the step's environment files ({@code GITHUB_OUTPUT},
 * {@code GITHUB_STEP_SUMMARY}). Escapes as the runner's {@code ActionCommand} unescapes.
 *
 * @see <a href="https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands">workflow
 *     commands</a>
 */
public final class WorkflowCommands {

    /** The runner refuses a step summary over 1 MiB (it counts bytes). */
    public static final int MAX_STEP_SUMMARY_BYTES = 1024 * 1024;

    private final PrintWriter out;
    private final Optional<Path> outputFile;
    private final Optional<Path> summaryFile;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param out standard output, where the runner reads commands
     * @param outputFile {@code GITHUB_OUTPUT}, when running as a step
     * @param summaryFile {@code GITHUB_STEP_SUMMARY}, when running as a step
     */
    public WorkflowCommands(PrintWriter out, Optional<Path> outputFile, Optional<Path> summaryFile) {
        this.out = out;
        this.outputFile = outputFile;
        this.summaryFile = summaryFile;
    }

    /** The commands of {@code environment}: its output and summary files. */
    public static WorkflowCommands of(PrintWriter out, ActionEnvironment environment) {
        return new WorkflowCommands(out, environment.output(), environment.stepSummary());
    }

    /** Masks {@code secret} in the rest of the job's log; call before anything derived from it is printed. */
    public void mask(String secret) {
        if (!secret.isBlank()) {
            out.println("::add-mask::" + escapeData(secret));
            out.flush();
        }
    }

    /**
     * An annotation on a file of the repository.
     *
     * @param level {@code error}, {@code warning} or {@code notice}
     * @param column only used when the annotation is on one line
     */
    public void annotate(String level, String file, int line, OptionalInt column, String title, String message) {
        requireLevel(level);
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("file", file);
        properties.put("line", Integer.toString(Math.max(1, line)));
        column.ifPresent(c -> properties.put("col", Integer.toString(Math.max(1, c))));
        if (!title.isEmpty()) {
            properties.put("title", title);
        }
        StringBuilder command = new StringBuilder("::").append(level).append(' ');
        properties.forEach((key, value) -> command.append(key).append('=').append(escapeProperty(value)).append(','));
        command.setLength(command.length() - 1);
        out.println(command.append("::").append(escapeData(message)));
        out.flush();
    }

    /** An annotation on the run rather than on a file ({@code ::error title=…::message}). */
    public void annotate(String level, String title, String message) {
        requireLevel(level);
        out.println("::" + level + (title.isEmpty() ? "" : " title=" + escapeProperty(title)) + "::"
                + escapeData(message));
        out.flush();
    }

    private static void requireLevel(String level) {
        if (!(level.equals("error") || level.equals("warning") || level.equals("notice"))) {
            throw new IllegalArgumentException("level must be error, warning or notice, got " + level);
        }
    }

    /**
     * Prints {@code text} (a log from a pod, say) with command processing stopped, so that a line in it starting
     * with {@code ::} cannot act as a command.
     */
    public void printUntrusted(String text) {
        String token = randomToken();
        out.println("::stop-commands::" + token);
        out.println(text);
        out.println("::" + token + "::");
        out.flush();
    }

    /**
     * Sets step output {@code name} (written to {@code GITHUB_OUTPUT}); multi-line values get a random delimiter
     * that does not occur in them. Does nothing outside a step.
     */
    public void setOutput(String name, String value) {
        if (name.isBlank() || name.contains("=") || name.contains("\n") || name.contains("<<")) {
            throw new IllegalArgumentException("'" + name + "' is not an output name");
        }
        String delimiter;
        do {
            delimiter = "ogdc_" + randomToken();
        } while (value.contains(delimiter));
        append(outputFile, name + "<<" + delimiter + "\n" + value + "\n" + delimiter + "\n");
    }

    /**
     * Appends {@code markdown} to the step summary, cut so that the whole summary stays within
     * {@value #MAX_STEP_SUMMARY_BYTES} bytes (the caller's Markdown should already fit; this is the last guard).
     * Does nothing outside a step.
     */
    public void appendSummary(String markdown) {
        if (summaryFile.isEmpty()) {
            return;
        }
        long existing;
        try {
            existing = Files.exists(summaryFile.get()) ? Files.size(summaryFile.get()) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the step summary " + summaryFile.get() + " failed", e);
        }
        append(summaryFile, fitBytes(markdown, MAX_STEP_SUMMARY_BYTES - existing));
    }

    /** {@code text} cut at a character boundary to at most {@code budget} UTF-8 bytes, saying so when cut. */
    static String fitBytes(String text, long budget) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= budget) {
            return text;
        }
        String note = "\n\n… the rest was cut: a step summary holds at most 1 MiB.\n";
        long room = budget - note.getBytes(StandardCharsets.UTF_8).length;
        if (room <= 0) {
            return "";
        }
        StringBuilder kept = new StringBuilder();
        long used = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (used + size > room) {
                break;
            }
            kept.appendCodePoint(codePoint);
            used += size;
            i += Character.charCount(codePoint);
        }
        return kept + note;
    }

    /** A message or command data: {@code %}, CR and LF escaped. */
    static String escapeData(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** A property value: as data, and {@code :} and {@code ,} too. */
    static String escapeProperty(String text) {
        return escapeData(text).replace(":", "%3A").replace(",", "%2C");
    }

    private String randomToken() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void append(Optional<Path> file, String text) {
        if (file.isEmpty()) {
            return;
        }
        try {
            Files.writeString(file.get(), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to " + file.get() + " failed", e);
        }
    }
}
