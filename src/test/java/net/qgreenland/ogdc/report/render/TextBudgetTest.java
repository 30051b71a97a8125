package net.qgreenland.ogdc.report.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Cutting Markdown to a limit: always within it, saying so, with fences and folded blocks closed again. */
class TextBudgetTest {

    static final String SEE = "[the Actions run](https://github.com/o/r/actions/runs/1)";
    static final List<String> PIECES = List.of("plain text ", "é", "中文", "🧊", "👩‍🔬", "\n", "\n\n", "```\n",
            "````text\n", "~~~\n", "``` inline ``` ", "<details><summary>x</summary>\n", "</details>\n",
            "| a \\| b |\n", "    ```\n", "`");

    static Stream<Arguments> randomMarkdown() {
        return IntStream.range(0, 300).mapToObj(seed -> {
            Random random = new Random(seed);
            StringBuilder text = new StringBuilder();
            int pieces = 1 + random.nextInt(400);
            for (int i = 0; i < pieces; i++) {
                text.append(PIECES.get(random.nextInt(PIECES.size())));
            }
            return Arguments.of(seed, text.toString(), 200 + random.nextInt(1500),
                    random.nextBoolean());
        });
    }

    @ParameterizedTest(name = "random Markdown {0}")
    @MethodSource("randomMarkdown")
    void randomMarkdownIsCutWithinTheLimitAndSaysSo(int seed, String markdown, int limit, boolean bytes) {
        TextBudget budget = bytes ? TextBudget.utf8Bytes(limit) : TextBudget.characters(limit);

        String fitted = budget.fit(markdown, SEE);

        assertThat(budget.measure(fitted)).isLessThanOrEqualTo(limit);
        if (budget.measure(markdown) <= limit) {
            assertThat(fitted).isEqualTo(markdown);
            return;
        }
        assertThat(fitted).contains("… cut: ").endsWith(" characters left out; see " + SEE + ".\n");
        assertThat(TextBudget.closers(fitted)).as("every fence and <details> is closed").isEmpty();
        String kept = fitted.substring(0, fitted.indexOf("… cut: "));
        assertThat(kept.substring(commonPrefix(markdown, kept)).replace("</details>", ""))
                .as("what is kept is the beginning of the text, then only closers").matches("[\\n`~]*");
        assertThat(hasLoneSurrogate(fitted)).as("no surrogate pair is split").isFalse();
    }

    @Test
    void theNoteCountsWhatWasLeftOut() {
        String markdown = "first line\n" + "x".repeat(200) + "\n";

        String fitted = TextBudget.characters(100).fit(markdown, "the log");

        assertThat(fitted).isEqualTo("first line\n\n… cut: 201 characters left out; see the log.\n");
    }

    @ParameterizedTest(name = "a cut inside {0} is closed with {1}")
    @CsvSource(delimiter = ';', value = {
        "```; block\\n```\\n\\n",
        "`````text; block\\n`````\\n\\n",
        "~~~~; block\\n~~~~\\n\\n",
        "<details><summary>s</summary>; block\\n\\n</details>\\n\\n",
    })
    void anOpenBlockIsClosedBeforeTheNote(String opener, String closer) {
        String markdown = opener + "\n" + "long line of the block\n".repeat(40);

        String fitted = TextBudget.characters(200).fit(markdown, "x");

        assertThat(fitted).contains(closer.replace("\\n", "\n") + "… cut: ");
        assertThat(fitted.length()).isLessThanOrEqualTo(200);
    }

    @Test
    void aFenceInsideAFenceOrABacktickRunThatIsNotAFenceDoesNotConfuseIt() {
        assertThat(TextBudget.closers("````\n```\nstill inside\n")).isEqualTo("````\n");
        assertThat(TextBudget.closers("```` \n```\n````\n")).isEmpty();
        assertThat(TextBudget.closers("``` not ``` a fence\n")).isEmpty();
        assertThat(TextBudget.closers("```\n<details>\n```\n")).as("HTML inside code is text").isEmpty();
        assertThat(TextBudget.closers("<details>\n<details>\n</details>\n")).isEqualTo("\n</details>\n");
    }

    @Test
    void utf8BytesCountMultibyteCharacters() {
        String ice = "🧊".repeat(100);

        String fitted = TextBudget.utf8Bytes(100).fit(ice, "x");

        assertThat(fitted.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(100);
        assertThat(TextBudget.characters(400).fit(ice, "x")).isEqualTo(ice);
        assertThat(fitted).contains("characters left out");
    }

    @Test
    void aNoteWhoseLinkDoesNotFitIsWrittenWithoutIt() {
        String fitted = TextBudget.characters(TextBudget.MIN_LIMIT).fit("y".repeat(500), "x".repeat(100));

        assertThat(fitted).isEqualTo("… cut: 500 characters left out.\n");
    }

    @Test
    void aLimitTooSmallForTheNoteIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> TextBudget.characters(TextBudget.MIN_LIMIT - 1));
    }

    private static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
                return true;
            }
        }
        return false;
    }

    private static int commonPrefix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return n;
    }
}
