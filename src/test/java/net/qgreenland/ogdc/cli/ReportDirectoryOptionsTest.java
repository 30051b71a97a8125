package net.qgreenland.ogdc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import net.qgreenland.ogdc.report.RunReportWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where run writes its report files, and the path the report-dir output names, by where the program runs. */
class ReportDirectoryOptionsTest {

    static final Path WORK = Path.of("/github/workspace");

    @ParameterizedTest(name = "{0}: written to {5}, output {6}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "in the action's container    | -            | true  | /home/runner/work/_temp | /github/home | "
                + "/github/home/ogdc-report | /home/runner/work/_temp/_github_home/ogdc-report",
        "on the runner itself         | -            | true  | /runner/_temp           | /home/runner | "
                + "/runner/_temp/ogdc-report | /runner/_temp/ogdc-report",
        "in Actions without RUNNER_TEMP | -          | true  | -                       | /github/home | "
                + "/github/workspace/ogdc-report | ogdc-report",
        "outside Actions              | -            | false | /tmp                    | /home/me     | "
                + "/github/workspace/ogdc-report | /github/workspace/ogdc-report",
        "a relative directory given   | out/report   | true  | /home/runner/work/_temp | /github/home | "
                + "/github/workspace/out/report | out/report",
        "an absolute directory given  | /data/report | true  | /home/runner/work/_temp | /github/home | "
                + "/data/report | /data/report",
    })
    void theDirectoryDependsOnWhereTheProgramRuns(String where, String given, boolean inActions, String runnerTemp,
            String home, String written, String shown) {
        RunReportWriter writer = ReportDirectoryOptions.choose(Optional.ofNullable(given).map(Path::of), inActions,
                Optional.ofNullable(runnerTemp).map(Path::of), Optional.of(home), WORK);

        assertThat(writer.directory()).isEqualTo(Path.of(written));
        assertThat(writer.shownAs()).isEqualTo(shown);
    }

    @Test
    void theInputIsReadWhenTheOptionIsNotGiven() {
        RunReportWriter writer = new ReportDirectoryOptions().writer(Map.of("GITHUB_ACTIONS", "true",
                "INPUT_REPORT-DIR", " reports ", "RUNNER_TEMP", "/tmp/runner"), WORK);

        assertThat(writer.directory()).isEqualTo(WORK.resolve("reports"));
        assertThat(writer.shownAs()).isEqualTo("reports");
    }

    @Test
    void anEmptyInputMeansTheDefault() {
        RunReportWriter writer = new ReportDirectoryOptions().writer(Map.of("GITHUB_ACTIONS", "true",
                "INPUT_REPORT-DIR", "", "RUNNER_TEMP", "/tmp/runner"), WORK);

        assertThat(writer.directory()).isEqualTo(Path.of("/tmp/runner/ogdc-report"));
    }
}
