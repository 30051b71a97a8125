package net.qgreenland.ogdc.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The answer to a {@code /ogdc} command at the top of the sticky comment, the last report kept below it. */
class CommentAnswerTest {

    static final String MARKER = PullRequestCommentRenderer.MARKER;
    static final String REPORT = "### OGDC run for `abc1234`\n\n| recipe | state |\n";

    @Test
    void withoutACommentTheAnswerIsTheWholeBody() {
        assertThat(PullRequestCommentRenderer.withAnswer(Optional.empty(), MARKER, "help text\n"))
                .isEqualTo(MARKER + "\n<!-- ogdc-action:answer -->\nhelp text\n<!-- /ogdc-action:answer -->\n");
    }

    @Test
    void aNewAnswerReplacesTheOldOneAndKeepsTheReport() {
        String first = PullRequestCommentRenderer.withAnswer(Optional.of(MARKER + "\n" + REPORT), MARKER, "first");
        String second = PullRequestCommentRenderer.withAnswer(Optional.of(first), MARKER, "second");

        assertThat(first).isEqualTo(MARKER + "\n<!-- ogdc-action:answer -->\nfirst\n<!-- /ogdc-action:answer -->\n"
                + REPORT);
        assertThat(second).isEqualTo(first.replace("first", "second"));
    }

    @Test
    void aHugeAnswerIsCutNotTheReport() {
        String body = PullRequestCommentRenderer.withAnswer(Optional.of(MARKER + "\n" + REPORT), MARKER,
                "x".repeat(70_000));

        assertThat(body).hasSizeLessThanOrEqualTo(PullRequestCommentRenderer.MAX_BODY_CHARACTERS).endsWith(REPORT)
                .contains("characters left out");
    }

    @Test
    void aBodyOfAnotherMarkerIsNotReused() {
        assertThat(PullRequestCommentRenderer.withAnswer(Optional.of("someone else's text"), MARKER, "hi"))
                .doesNotContain("someone else");
    }
}
