package net.qgreenland.ogdc.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The throttle: one in-progress update per check run per interval, the latest kept, changes of status at once. */
class ThrottledGitHubChecksTest {

    static final Instant START = Instant.parse("2025-06-01T12:00:00Z");
    static final Duration INTERVAL = Duration.ofSeconds(30);

    /** Records what reaches GitHub. */
    static final class RecordingChecks implements GitHubChecks {
        final List<CheckRunUpdate> published = new ArrayList<>();
        final List<String> comments = new ArrayList<>();
        Publication answer = Publication.PUBLISHED;

        @Override
        public Publication publish(CheckRunUpdate update) {
            published.add(update);
            return answer;
        }

        @Override
        public Publication editComment(int pullRequest, String marker,
                java.util.function.Function<Optional<String>, String> edit) {
            comments.add(edit.apply(Optional.empty()));
            return answer;
        }
    }

    final RecordingChecks github = new RecordingChecks();
    final FakeClock clock = new FakeClock(START);
    final ThrottledGitHubChecks checks = new ThrottledGitHubChecks(github, INTERVAL, clock);

    static CheckRunUpdate update(String recipe, CheckStatus status, String summary) {
        boolean completed = status == CheckStatus.COMPLETED;
        return new CheckRunUpdate("recipes/" + recipe, "abc", "recipes/" + recipe + "@abc", status,
                completed ? Optional.of(CheckConclusion.SUCCESS) : Optional.empty(), Optional.empty(),
                Optional.of(START), Optional.empty(), recipe, summary, Optional.empty(), List.of());
    }

    List<String> summaries() {
        return github.published.stream().map(update -> update.name() + " " + update.summary()).toList();
    }

    @Test
    void inProgressUpdatesWithinTheIntervalCoalesceIntoTheLatest() {
        checks.publish(update("a", CheckStatus.QUEUED, "queued"));
        checks.publish(update("a", CheckStatus.IN_PROGRESS, "1 of 4"));
        clock.advance(Duration.ofSeconds(10));
        checks.publish(update("a", CheckStatus.IN_PROGRESS, "2 of 4"));
        clock.advance(Duration.ofSeconds(10));
        checks.publish(update("a", CheckStatus.IN_PROGRESS, "3 of 4"));
        clock.advance(Duration.ofSeconds(10));
        checks.publish(update("a", CheckStatus.IN_PROGRESS, "4 of 4"));

        // "2 of 4" was replaced by "3 of 4", which was replaced by "4 of 4" once 30 s had passed
        assertThat(summaries()).containsExactly("recipes/a queued", "recipes/a 1 of 4", "recipes/a 4 of 4");
    }

    @Test
    void theCompletedUpdateIsSentAtOnceAndReplacesAWaitingOne() {
        checks.publish(update("a", CheckStatus.IN_PROGRESS, "1 of 4"));
        clock.advance(Duration.ofSeconds(1));
        checks.publish(update("a", CheckStatus.IN_PROGRESS, "2 of 4"));
        clock.advance(Duration.ofSeconds(1));
        checks.publish(update("a", CheckStatus.COMPLETED, "done"));
        clock.advance(Duration.ofMinutes(5));
        checks.upsertComment(5, "<!-- m -->", "<!-- m --> done");

        assertThat(summaries()).containsExactly("recipes/a 1 of 4", "recipes/a done");
        assertThat(github.comments).containsExactly("<!-- m --> done");
    }

    @Test
    void aWaitingUpdateGoesOutWithTheNextCallForAnyCheckRunOnceItsTimeHasCome() {
        checks.publish(update("a", CheckStatus.IN_PROGRESS, "a 1"));
        checks.publish(update("a", CheckStatus.IN_PROGRESS, "a 2"));
        clock.advance(INTERVAL);
        checks.publish(update("b", CheckStatus.IN_PROGRESS, "b 1"));

        assertThat(summaries()).containsExactly("recipes/a a 1", "recipes/a a 2", "recipes/b b 1");
    }

    @Test
    void checkRunsAreThrottledSeparately() {
        checks.publish(update("a", CheckStatus.IN_PROGRESS, "a 1"));
        checks.publish(update("b", CheckStatus.IN_PROGRESS, "b 1"));
        checks.publish(update("a", CheckStatus.IN_PROGRESS, "a 2"));

        assertThat(summaries()).containsExactly("recipes/a a 1", "recipes/b b 1");
    }

    @Test
    void aKeptUpdateAnswersWithTheLastPublication() {
        github.answer = GitHubChecks.Publication.REFUSED;
        checks.publish(update("a", CheckStatus.IN_PROGRESS, "a 1"));

        assertThat(checks.publish(update("a", CheckStatus.IN_PROGRESS, "a 2")))
                .isEqualTo(GitHubChecks.Publication.REFUSED);
        assertThat(github.published).hasSize(1);
    }
}
