package net.qgreenland.ogdc.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import net.qgreenland.ogdc.report.render.JobSummaryRenderer;
import net.qgreenland.ogdc.report.render.ReportCsvRenderer;
import net.qgreenland.ogdc.report.render.ReportJsonRenderer;

/**
 * Writes a run's report directory: {@value #JSON}, {@value #RECIPES}, {@value #FAILED} and {@value #SUMMARY}. Each
 * file is replaced atomically (written beside it under a hidden name, then renamed over it); nothing else in the
 * directory is touched, so it may be one the user already has.
 */
public final class RunReportWriter {

    public static final String JSON = "report.json";
    public static final String RECIPES = "recipes.csv";
    public static final String FAILED = "failed.csv";
    public static final String SUMMARY = "summary.md";

    private final Path directory;
    private final String shownAs;

    /**
     * @param directory where the files go (created when missing)
     * @param shownAs how the directory is named to the workflow (the {@code report-dir} output): the same path, or
     *     the one the runner's host knows it by when this program runs in the action's container
     */
    public RunReportWriter(Path directory, String shownAs) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.shownAs = Objects.requireNonNull(shownAs, "shownAs");
    }

    public Path directory() {
        return directory;
    }

    public String shownAs() {
        return shownAs;
    }

    /**
     * Writes the four files of {@code run}, every value in {@code secrets} masked in the failed steps' logs.
     *
     * @throws UncheckedIOException naming the file when the directory or a file cannot be written
     */
    public void write(RunReport run, List<String> secrets) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(JSON, ReportJsonRenderer.render(run, secrets));
        files.put(RECIPES, ReportCsvRenderer.recipes(run));
        files.put(FAILED, ReportCsvRenderer.failed(run));
        files.put(SUMMARY, JobSummaryRenderer.render(run));
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("creating the report directory " + directory + " failed: " + e, e);
        }
        files.forEach(this::replace);
    }

    private void replace(String name, String content) {
        Path target = directory.resolve(name);
        Path temporary = directory.resolve("." + name + "." + UUID.randomUUID() + ".tmp");
        try {
            if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException("it is a directory");
            }
            Files.writeString(temporary, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            try {
                // renaming replaces a symbolic link itself, never the file it points to
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + target + " failed: " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException e) {
                // a leftover hidden file must not hide the real outcome
            }
        }
    }
}
