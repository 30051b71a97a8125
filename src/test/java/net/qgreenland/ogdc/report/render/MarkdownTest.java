package net.qgreenland.ogdc.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.qgreenland.ogdc.report.StageSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The shared Markdown pieces: escaping, fences, redaction, durations and Mermaid ids. */
class MarkdownTest {

    static Stream<Arguments> cells() {
        return Stream.of(
                Arguments.of("a|b", "a\\|b"),
                Arguments.of("two\nlines", "two lines"),
                Arguments.of("crlf\r\nend", "crlf end"),
                Arguments.of("<script>", "&lt;script&gt;"),
                Arguments.of("*.tif_x", "\\*.tif\\_x"),
                Arguments.of("[link](x)", "\\[link](x)"),
                Arguments.of("back\\slash", "back\\\\slash"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void cellTextCannotEndTheCellOrTurnIntoMarkup(String text, String escaped) {
        assertThat(Markdown.escape(text)).isEqualTo(escaped);
    }

    @ParameterizedTest(name = "{0} becomes {1}")
    @CsvSource(delimiter = ';', value = {"a|b; `a\\|b`", "x`y; `x'y`", "a b; `a b`"})
    void codeSpansStayInTheirCell(String text, String code) {
        assertThat(Markdown.code(text)).isEqualTo(code);
    }

    @ParameterizedTest(name = "a log whose longest backtick run is {0} gets a fence of {1}")
    @CsvSource({"0, 3", "2, 3", "3, 4", "7, 8"})
    void theFenceIsLongerThanAnyBacktickRunInTheLog(int run, int fence) {
        String block = Markdown.fenced("text", List.of("before " + "`".repeat(run) + " after", "plain"));

        assertThat(block).startsWith("`".repeat(fence) + "text\n").endsWith("\n" + "`".repeat(fence) + "\n")
                .doesNotStartWith("`".repeat(fence + 1));
        assertThat(TextBudget.closers(block)).isEmpty();
    }

    @ParameterizedTest(name = "{0} with secrets {1} is {2}")
    @CsvSource(delimiter = ';', value = {
        "token=abc123; abc123; token=***",
        "abc123abc123; abc123; ******",
        "key=abc123-long; abc123,abc123-long; key=***",
        "nothing here; abc123; nothing here",
        "keep spaces; ' '; keep spaces",
    })
    void everySecretIsMaskedLongestFirst(String line, String secrets, String masked) {
        assertThat(Markdown.redact(List.of(line), List.of(secrets.split(",")))).containsExactly(masked);
    }

    @Test
    void codeSpansKeepToOneLine() {
        assertThat(Markdown.code("l1\r\nl2")).isEqualTo("`l1 l2`");
    }

    @Test
    void aSecretSpanningLinesIsMaskedToo() {
        assertThat(Markdown.redact(List.of("-----BEGIN", "KEY-----", "after"), List.of("BEGIN\nKEY")))
                .containsExactly("-----***-----", "after");
    }

    @ParameterizedTest(name = "{0}s is {1}")
    @CsvSource({"0, 0s", "59, 59s", "60, 1m00s", "252, 4m12s", "3599, 59m59s", "3725, 1h02m", "90061, 25h01m"})
    void durationsAreShort(long seconds, String text) {
        assertThat(Markdown.duration(Duration.ofSeconds(seconds))).isEqualTo(text);
    }

    @ParameterizedTest(name = "stage ''{1}'' is node {2}")
    @CsvSource(delimiter = ';', value = {
        "0; cmd-0; s1_cmd_0",
        "1; end; s2_end",
        "2; a \"b\" [c]; s3_a__b___c_",
        "3; ünï; s4__n_",
    })
    void mermaidNodeIdsAreSanitised(int index, String name, String id) {
        assertThat(StageDiagram.id(index, name)).isEqualTo(id).matches("[A-Za-z0-9_]+");
    }

    @Test
    void mermaidLabelsCannotCloseTheirQuotes() {
        String diagram = StageDiagram.mermaid(List.of(new StageSummary("say \"hi\" <b>#1", Map.of("Succeeded", 1L),
                Optional.empty(), Optional.empty(), List.of(), 0)));

        assertThat(diagram).contains("s1_say__hi___b__1[\"say #quot;hi#quot; #lt;b#gt;#35;1<br/>1/1 succeeded\"]");
    }
}
