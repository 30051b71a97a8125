package net.qgreenland.ogdc.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;

/**
 * The throttle: a new check run's queued state held for a grace, one update per check run per interval, the latest
 * kept, changes of status at once, and a timer that sends what waits when it is due.
 */
class ThrottledGitHubChecksTest {

    static final Instant START = Instant.parse("2025-06-01T12:00:00Z");
    static final Duration INTERVAL = Duration.ofSeconds(30);
    static final Duration GRACE = Duration.ofSeconds(5);

    /** Records what reaches GitHub, and on which thread. */
    static final class RecordingChecks implements GitHubChecks {
        final List<CheckRunUpdate> published = Collections.synchronizedList(new ArrayList<>());
        final List<String> threads = Collections.synchronizedList(new ArrayList<>());
        final List<String> comments = new ArrayList<>();
        volatile Publication answer = Publication.PUBLISHED;

        @Override
        public Publication publish(CheckRunUpdate update) {
            published.add(update);
            threads.add(Thread.currentThread().getName() + (Thread.currentThread().isDaemon() ? " (daemon)" : ""));
            return answer;
        }

        @Override
        public Publication editComment(int pullRequest, String marker,
                java.util.function.Function<Optional<String>, String> edit) {
            comments.add(edit.apply(Optional.empty()));
            return answer;
        }
    }

    /** A timer the test fires by hand: it keeps each task with the delay asked for. */
    static final class ManualTimer implements ThrottledGitHubChecks.Timer {
        record Scheduled(Runnable task, Duration delay) {}

        final List<Scheduled> scheduled = new ArrayList<>();
        boolean stopped;

        @Override
        public void schedule(Runnable task, Duration delay) {
            scheduled.add(new Scheduled(task, delay));
        }

        @Override
        public void stop() {
            stopped = true;
        }

        /** Moves {@code clock} to the first task's time and runs it. */
        void fireFirst(FakeClock clock) {
            Scheduled first = scheduled.remove(0);
            clock.advance(first.delay());
            first.task().run();
        }
    }

    final RecordingChecks github = new RecordingChecks();
    final FakeClock clock = new FakeClock(START);
    final ManualTimer timer = new ManualTimer();
    final ThrottledGitHubChecks checks = new ThrottledGitHubChecks(github, INTERVAL, GRACE, clock, timer);

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

        // the queued state was held and replaced (the check run is created in progress); "2 of 4" was replaced by
        // "3 of 4", which was replaced by "4 of 4" once 30 s had passed
        assertThat(summaries()).containsExactly("recipes/a 1 of 4", "recipes/a 4 of 4");
    }

    @Test
    void aQueuedCheckRunWhoseRecipeStartsWithinTheGraceIsCreatedInProgressAtOnce() {
        assertThat(checks.publish(update("a", CheckStatus.QUEUED, "queued")))
                .isEqualTo(GitHubChecks.Publication.PUBLISHED);
        clock.advance(Duration.ofSeconds(2));
        assertThat(github.published).isEmpty();

        checks.publish(update("a", CheckStatus.IN_PROGRESS, "running"));

        assertThat(github.published).singleElement().satisfies(sent ->
                assertThat(sent.status()).isEqualTo(CheckStatus.IN_PROGRESS));
        timer.fireFirst(clock);
        assertThat(summaries()).as("nothing held is left for the timer").containsExactly("recipes/a running");
    }

    @Test
    void aQueuedCheckRunWhoseRecipeHasNotStartedIsCreatedQueuedWhenTheGraceHasPassed() {
        checks.publish(update("a", CheckStatus.QUEUED, "queued"));
        clock.advance(Duration.ofSeconds(1));
        checks.publish(update("a", CheckStatus.QUEUED, "still queued"));

        assertThat(timer.scheduled).singleElement().satisfies(wakeUp ->
                assertThat(wakeUp.delay()).isEqualTo(GRACE));
        clock.advance(Duration.ofSeconds(3));
        checks.sendDue();
        assertThat(github.published).as("4 s after the first queued update").isEmpty();
        clock.advance(Duration.ofSeconds(1));
        checks.sendDue();

        assertThat(github.published).singleElement().satisfies(sent -> {
            assertThat(sent.status()).isEqualTo(CheckStatus.QUEUED);
            assertThat(sent.summary()).isEqualTo("still queued");
        });
    }

    @Test
    void aCheckRunHeldQueuedIsNotCreatedDuringABatchThatCreatesItInProgress() {
        checks.publish(update("a", CheckStatus.QUEUED, "queued"));
        checks.publish(update("b", CheckStatus.QUEUED, "queued"));
        clock.advance(GRACE.plusSeconds(1));

        checks.batch(() -> {
            // the timer fires while the batch's first publication is being sent, and the batch's own calls come
            checks.sendDue();
            checks.publish(update("a", CheckStatus.IN_PROGRESS, "running"));
            checks.publish(update("b", CheckStatus.QUEUED, "queued, older"));
            checks.sendDue();
        });

        assertThat(summaries()).as("during the batch").containsExactly("recipes/a running");
        clock.advance(ThrottledGitHubChecks.SETTLE.minusMillis(1));
        checks.sendDue();
        assertThat(summaries()).as("before the batch has settled").containsExactly("recipes/a running");
        clock.advance(Duration.ofMillis(1));
        checks.sendDue();
        assertThat(summaries()).containsExactly("recipes/a running", "recipes/b queued, older");
        assertThat(github.published.get(1).status()).isEqualTo(CheckStatus.QUEUED);
    }

    @Test
    void aWaitingInProgressUpdateDueDuringABatchIsReplacedByTheBatchNotSentBeforeIt() {
        checks.publish(update("a", CheckStatus.IN_PROGRESS, "1 of 4"));
        checks.publish(update("b", CheckStatus.IN_PROGRESS, "1 of 2"));
        checks.publish(update("a", CheckStatus.IN_PROGRESS, "2 of 4"));
        checks.publish(update("b", CheckStatus.IN_PROGRESS, "2 of 2, waiting"));
        clock.advance(INTERVAL);

        checks.batch(() -> {
            checks.sendDue();
            checks.publish(update("a", CheckStatus.COMPLETED, "done"));
            checks.publish(update("b", CheckStatus.COMPLETED, "done"));
        });

        assertThat(summaries()).containsExactly("recipes/a 1 of 4", "recipes/b 1 of 2", "recipes/a done",
                "recipes/b done");
    }

    @Test
    void whatStillWaitsAfterABatchIsSentWhenItIsDue() {
        checks.publish(update("a", CheckStatus.IN_PROGRESS, "1 of 4"));
        checks.publish(update("a", CheckStatus.IN_PROGRESS, "2 of 4"));
        clock.advance(INTERVAL);

        checks.batch(() -> checks.publish(update("b", CheckStatus.IN_PROGRESS, "started")));

        assertThat(summaries()).containsExactly("recipes/a 1 of 4", "recipes/b started", "recipes/a 2 of 4");
    }

    @Test
    void afterABatchTheTimerIsAskedToWakeWhenTheBatchHasSettled() {
        checks.publish(update("b", CheckStatus.QUEUED, "queued"));
        clock.advance(GRACE.plusSeconds(1));
        timer.scheduled.clear();

        checks.batch(() -> checks.publish(update("a", CheckStatus.IN_PROGRESS, "running")));

        assertThat(timer.scheduled).singleElement().satisfies(wakeUp ->
                assertThat(wakeUp.delay()).isEqualTo(ThrottledGitHubChecks.SETTLE));
        timer.fireFirst(clock);
        assertThat(summaries()).containsExactly("recipes/a running", "recipes/b queued");
    }

    @Test
    void aRecipeThatEndsWithinTheGraceHasItsCheckRunCreatedCompletedInOneRequest() {
        checks.publish(update("a", CheckStatus.QUEUED, "queued"));
        clock.advance(Duration.ofSeconds(1));
        checks.publish(update("a", CheckStatus.COMPLETED, "done"));
        timer.fireFirst(clock);

        assertThat(summaries()).containsExactly("recipes/a done");
        assertThat(github.published.get(0).status()).isEqualTo(CheckStatus.COMPLETED);
    }

    @Test
    void theTimerSendsAWaitingInProgressUpdateWhenItIsDueWithoutAnyOtherCall() {
        checks.publish(update("a", CheckStatus.IN_PROGRESS, "a 1"));
        clock.advance(Duration.ofSeconds(10));
        checks.publish(update("a", CheckStatus.IN_PROGRESS, "a 2"));
        checks.publish(update("a", CheckStatus.IN_PROGRESS, "a 3"));

        assertThat(timer.scheduled).as("one wake-up for the check run, due when its interval has passed")
                .singleElement().satisfies(wakeUp -> assertThat(wakeUp.delay()).isEqualTo(Duration.ofSeconds(20)));
        timer.fireFirst(clock);

        assertThat(summaries()).containsExactly("recipes/a a 1", "recipes/a a 3");
        assertThat(timer.scheduled).as("nothing waits any more").isEmpty();
    }

    @Test
    void aTimerFiringBeforeTheUpdateIsDueByTheClockAsksToBeWokenAgain() {
        checks.publish(update("a", CheckStatus.QUEUED, "queued"));
        timer.scheduled.clear();
        clock.advance(Duration.ofSeconds(4));

        checks.sendDue();

        assertThat(github.published).isEmpty();
        assertThat(timer.scheduled).singleElement().satisfies(wakeUp ->
                assertThat(wakeUp.delay()).isEqualTo(Duration.ofSeconds(1)));
        timer.fireFirst(clock);
        assertThat(summaries()).containsExactly("recipes/a queued");
    }

    @Test
    void closeDropsACheckRunStillHeldQueuedSendsWhatWaitsForCreatedOnesAndStopsTheTimer() {
        checks.publish(update("a", CheckStatus.QUEUED, "never started"));
        checks.publish(update("b", CheckStatus.IN_PROGRESS, "b 1"));
        checks.publish(update("b", CheckStatus.IN_PROGRESS, "b 2"));

        checks.close();

        assertThat(timer.stopped).isTrue();
        assertThat(summaries()).containsExactly("recipes/b b 1", "recipes/b b 2");
        clock.advance(Duration.ofMinutes(1));
        timer.scheduled.forEach(wakeUp -> wakeUp.task().run());
        checks.sendDue();
        assertThat(summaries()).as("nothing more once closed").hasSize(2);
        // a late call (a cancellation's final report) still reaches GitHub, at once
        checks.publish(update("b", CheckStatus.IN_PROGRESS, "b 3"));
        assertThat(summaries()).last().isEqualTo("recipes/b b 3");
    }

    @Test
    void flushCreatesACheckRunHeldQueuedForARunThatLeavesItQueuedOnPurpose() {
        checks.publish(update("a", CheckStatus.QUEUED, "submitted, not started"));

        checks.flush();
        checks.close();

        assertThat(github.published).singleElement().satisfies(sent ->
                assertThat(sent.status()).isEqualTo(CheckStatus.QUEUED));
    }

    @Test
    void aCompletedUpdateWinsOverAHeldOrWaitingOneWhateverTheTimerDoesLater() {
        checks.publish(update("a", CheckStatus.QUEUED, "a queued"));
        checks.publish(update("b", CheckStatus.IN_PROGRESS, "b 1"));
        checks.publish(update("b", CheckStatus.IN_PROGRESS, "b 2"));
        checks.publish(update("a", CheckStatus.COMPLETED, "a done"));
        checks.publish(update("b", CheckStatus.COMPLETED, "b done"));

        clock.advance(Duration.ofMinutes(5));
        checks.sendDue();
        checks.flush();
        checks.close();

        assertThat(summaries()).containsExactly("recipes/b b 1", "recipes/a a done", "recipes/b b done");
    }

    @Test
    void theDaemonTimerSendsAHeldUpdateOnItsOwnThreadAndCloseShutsItDown() {
        ScheduledExecutorService executor = ThrottledGitHubChecks.daemonExecutor();
        ThrottledGitHubChecks timed = new ThrottledGitHubChecks(github, INTERVAL, Duration.ofMillis(1),
                Clock.systemUTC(), ThrottledGitHubChecks.Timer.of(executor));

        timed.publish(update("a", CheckStatus.QUEUED, "queued"));

        await().atMost(Duration.ofSeconds(30)).until(() -> github.published.size() == 1);
        assertThat(github.threads).containsExactly(ThrottledGitHubChecks.TIMER_THREAD + " (daemon)");
        timed.close();
        assertThat(executor.isShutdown()).isTrue();
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
