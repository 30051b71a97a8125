package net.qgreenland.ogdc.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Workflow commands and environment files, read back as the runner reads them. */
class WorkflowCommandsTest {

    @TempDir
    Path directory;

    final StringWriter out = new StringWriter();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "plain|plain|plain",
        "100%|100%25|100%25",
        "a:b,c|a:b,c|a%3Ab%2Cc",
        "'line1\nline2\r'|line1%0Aline2%0D|line1%0Aline2%0D",
    })
    void dataAndPropertiesAreEscapedAsTheRunnerUnescapes(String raw, String data, String property) {
        assertThat(WorkflowCommands.escapeData(raw)).isEqualTo(data);
        assertThat(WorkflowCommands.escapeProperty(raw)).isEqualTo(property);
        assertThat(unescape(WorkflowCommands.escapeProperty(raw))).isEqualTo(raw);
    }

    @Test
    void anAnnotationNamesFileLineAndColumnAndAFileNameCannotInjectProperties() {
        commands().annotate("error", "recipes/a,line=99/meta.yml", 8, OptionalInt.of(7), "name",
                "the recipe id is 'x'\nsecond line");

        assertThat(out.toString()).isEqualTo("::error file=recipes/a%2Cline=99/meta.yml,line=8,col=7,title=name::"
                + "the recipe id is 'x'%0Asecond line" + System.lineSeparator());
        assertThatThrownBy(() -> commands().annotate("fatal", "f", 1, OptionalInt.empty(), "", "m"))
                .hasMessageContaining("error, warning or notice");
    }

    @Test
    void outputsAreWrittenWithDelimitersTheValueCannotEnd() throws Exception {
        Path output = directory.resolve("output");
        WorkflowCommands commands = new WorkflowCommands(new PrintWriter(out), Optional.of(output), Optional.empty());
        String tricky = "[\"a\"]\nEOF\nogdc_\n";

        commands.setOutput("result", "success");
        commands.setOutput("workflows", tricky);

        assertThat(readOutputs(output)).containsExactly(Map.entry("result", "success"),
                Map.entry("workflows", tricky));
        assertThatThrownBy(() -> commands.setOutput("a=b", "x")).hasMessageContaining("not an output name");
    }

    @Test
    void withoutAStepNothingIsWritten() {
        WorkflowCommands commands = commands();
        commands.setOutput("result", "x");
        commands.appendSummary("# hello");

        assertThat(directory.toFile().list()).isEmpty();
    }

    @Test
    void theStepSummaryStaysUnderOneMebibyteCountingBytes() throws Exception {
        Path summary = directory.resolve("summary.md");
        Files.writeString(summary, "x".repeat(1000));
        WorkflowCommands commands = new WorkflowCommands(new PrintWriter(out), Optional.empty(), Optional.of(summary));

        commands.appendSummary("é€😀".repeat(200_000));

        long size = Files.size(summary);
        assertThat(size).isLessThanOrEqualTo(WorkflowCommands.MAX_STEP_SUMMARY_BYTES).isGreaterThan(1_000_000);
        String text = Files.readString(summary, StandardCharsets.UTF_8);
        assertThat(text).endsWith("a step summary holds at most 1 MiB.\n").doesNotContain("\uFFFD");
    }

    @Test
    void untrustedTextIsPrintedWithCommandsStopped() {
        commands().printUntrusted("::error::not from us");

        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(3);
        String token = lines.get(0).substring("::stop-commands::".length());
        assertThat(token).matches("[0-9a-f]{24}");
        assertThat(lines.get(2)).isEqualTo("::" + token + "::");
    }

    @Test
    void aMaskIsEscapedAndBlankValuesAreNotMasked() {
        commands().mask("to%ken\nx");
        commands().mask(" ");

        assertThat(out.toString()).isEqualTo("::add-mask::to%25ken%0Ax" + System.lineSeparator());
    }

    private WorkflowCommands commands() {
        return new WorkflowCommands(new PrintWriter(out), Optional.empty(), Optional.empty());
    }

    private static String unescape(String text) {
        return text.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",")
                .replace("%25", "%");
    }

    /** Reads {@code name<<DELIM} blocks as the runner's file command does. */
    private static Map<String, String> readOutputs(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Map<String, String> outputs = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String[] header = lines.get(i).split("<<", 2);
            StringBuilder value = new StringBuilder();
            int j = i + 1;
            while (!lines.get(j).equals(header[1])) {
                value.append(value.length() == 0 && j == i + 1 ? "" : "\n").append(lines.get(j));
                j++;
            }
            outputs.put(header[0], value.toString());
            i = j;
        }
        return outputs;
    }
}
