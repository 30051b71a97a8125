package net.qgreenland.ogdc.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import net.qgreenland.ogdc.action.WorkflowCommands;
import net.qgreenland.ogdc.report.render.JobSummaryRenderer;
import net.qgreenland.ogdc.report.render.ReportCsvRenderer;
import net.qgreenland.ogdc.report.render.ReportFixtures;
import net.qgreenland.ogdc.report.render.ReportJsonRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report directory: its four files written, replaced and nothing else touched; the reporter writes it. */
class RunReportWriterTest {

    static final List<String> FILES = List.of(RunReportWriter.JSON, RunReportWriter.RECIPES, RunReportWriter.FAILED,
            RunReportWriter.SUMMARY);

    @TempDir
    Path temp;

    @Test
    void theFourFilesAreWrittenIntoANewDirectory() throws IOException {
        Path directory = temp.resolve("a/b/ogdc-report");
        RunReport run = ReportFixtures.pullRequest();

        new RunReportWriter(directory, "shown").write(run, List.of(ReportFixtures.TOKEN));

        assertThat(names(directory)).containsExactlyInAnyOrderElementsOf(FILES);
        assertThat(directory.resolve(RunReportWriter.JSON)).hasContent(ReportJsonRenderer.render(run,
                List.of(ReportFixtures.TOKEN)));
        assertThat(Files.readString(directory.resolve(RunReportWriter.JSON))).doesNotContain(ReportFixtures.TOKEN);
        assertThat(Files.readString(directory.resolve(RunReportWriter.RECIPES)))
                .isEqualTo(ReportCsvRenderer.recipes(run));
        assertThat(Files.readString(directory.resolve(RunReportWriter.FAILED)))
                .isEqualTo("recipes/arcticdem-tile-hillshades");
        assertThat(Files.readString(directory.resolve(RunReportWriter.SUMMARY)))
                .isEqualTo(JobSummaryRenderer.render(run));
    }

    @Test
    void aDirectoryTheUserHasKeepsItsOtherFilesAndOnlyTheFourAreReplaced() throws IOException {
        Path directory = Files.createDirectories(temp.resolve("mine"));
        Files.writeString(directory.resolve("notes.txt"), "keep me");
        Files.writeString(directory.resolve(RunReportWriter.FAILED), "recipes/stale");
        Path elsewhere = Files.writeString(temp.resolve("elsewhere.md"), "not ours");
        Files.createSymbolicLink(directory.resolve(RunReportWriter.SUMMARY), elsewhere);

        new RunReportWriter(directory, "mine").write(ReportFixtures.pullRequest(), List.of());

        assertThat(directory.resolve("notes.txt")).hasContent("keep me");
        assertThat(directory.resolve(RunReportWriter.FAILED)).hasContent("recipes/arcticdem-tile-hillshades");
        assertThat(elsewhere).as("a link is replaced, not written through").hasContent("not ours");
        assertThat(Files.isSymbolicLink(directory.resolve(RunReportWriter.SUMMARY))).isFalse();
        assertThat(names(directory)).as("no temporary file is left")
                .containsExactlyInAnyOrderElementsOf(concat(FILES, "notes.txt"));
    }

    @Test
    void aFileInTheWayIsAnErrorThatNamesIt() throws IOException {
        Path file = Files.writeString(temp.resolve("report"), "a file");

        assertThatThrownBy(() -> new RunReportWriter(file, "report").write(ReportFixtures.pullRequest(), List.of()))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining(file.toString());
        assertThat(file).hasContent("a file");
    }

    @Test
    void theReporterWritesTheDirectoryAtTheEndAndNamesItInAnOutput() throws IOException {
        Path directory = temp.resolve("ogdc-report");
        List<String> logs = new ArrayList<>();

        reporter(new RunReportWriter(directory, "/host/tmp/ogdc-report"), logs).finish(ReportFixtures.pullRequest());

        assertThat(names(directory)).containsExactlyInAnyOrderElementsOf(FILES);
        assertThat(Files.readString(temp.resolve("output")))
                .contains(RunReporter.REPORT_DIR_OUTPUT + "<<", "\n/host/tmp/ogdc-report\n");
        assertThat(directory.resolve(RunReportWriter.SUMMARY)).hasContent(Files.readString(temp.resolve("summary")));
        assertThat(logs).contains("run: the report is in /host/tmp/ogdc-report");
    }

    @Test
    void aReportDirectoryThatCannotBeWrittenIsAWarningNotAFailure() throws IOException {
        Path file = Files.writeString(temp.resolve("in-the-way"), "x");
        List<String> logs = new ArrayList<>();

        reporter(new RunReportWriter(file, "in-the-way"), logs).finish(ReportFixtures.pullRequest());

        assertThat(logs).anyMatch(line -> line.startsWith("warning: the report directory could not be written: "));
        assertThat(Files.readString(temp.resolve("output"))).contains("result<<")
                .doesNotContain(RunReporter.REPORT_DIR_OUTPUT);
    }

    private RunReporter reporter(RunReportWriter writer, List<String> logs) {
        WorkflowCommands commands = new WorkflowCommands(new PrintWriter(new StringWriter()),
                Optional.of(temp.resolve("output")), Optional.of(temp.resolve("summary")));
        return new RunReporter(Optional.empty(), commands, List.of(), Optional.empty(), logs::add,
                Optional.of(writer));
    }

    private static List<String> names(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }

    private static List<String> concat(List<String> names, String more) {
        List<String> all = new ArrayList<>(names);
        all.add(more);
        return all;
    }
}
