package net.qgreenland.ogdc.report;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The write pace: at most 80 writes to GitHub in any minute, the rest waiting their turn, reads never. */
class WritePaceTest extends GitHubWireMockTest {

    static final Instant T = Instant.parse("2026-11-21T12:00:00Z");

    @Test
    void eightyWritesInAMinuteGoAtOnceAndTheNextWaitsUntilTheFirstIsAMinuteOld() {
        WritePace pace = new WritePace(80);
        for (int i = 0; i < 80; i++) {
            assertThat(pace.reserve(T.plusMillis(100L * i))).as("write %d", i + 1).isZero();
        }

        assertThat(pace.reserve(T.plusSeconds(10))).isEqualTo(Duration.ofSeconds(50));
        // booked behind the 81st, when the second write is a minute old
        assertThat(pace.reserve(T.plusSeconds(10))).isEqualTo(Duration.ofMillis(50_100));
    }

    @Test
    void aQuietMinuteFreesThePace() {
        WritePace pace = new WritePace(2);
        assertThat(pace.reserve(T)).isZero();
        assertThat(pace.reserve(T)).isZero();
        assertThat(pace.reserve(T.plusSeconds(30))).isEqualTo(Duration.ofSeconds(30));

        assertThat(pace.reserve(T.plusSeconds(121))).isZero();
        assertThat(pace.reserve(T.plusSeconds(121))).isZero();
    }

    @Test
    void hurryingWakesAWriterWaitingForItsTurnAndNoLaterWriteWaits() throws Exception {
        WritePace pace = new WritePace(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean interruptedAfter = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            try {
                pace.waitTurn(Duration.ofHours(1), Sleeper.REAL);
                interruptedAfter.set(Thread.currentThread().isInterrupted());
            } catch (InterruptedException | RuntimeException e) {
                failure.set(e);
            }
        });
        writer.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> writer.getState() == Thread.State.TIMED_WAITING);

        pace.hurry();
        writer.join(Duration.ofSeconds(30).toMillis());

        assertThat(writer.isAlive()).isFalse();
        assertThat(failure.get()).isNull();
        assertThat(interruptedAfter).as("the write that follows must not be interrupted").isFalse();
        assertThat(pace.reserve(T)).isZero();
        assertThat(pace.reserve(T)).isZero();
    }

    @Test
    void noPaceAtZeroAndANegativeOneIsRefused() {
        WritePace none = new WritePace(0);
        for (int i = 0; i < 1000; i++) {
            assertThat(none.reserve(T)).isZero();
        }
        assertThatThrownBy(() -> new WritePace(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 (no limit)");
    }

    @Test
    void theEightyFirstCheckRunUpdateWaitsAMinuteAndSaysSoOnce() {
        github.stubFor(patch(urlPathMatching("/repos/o/r/check-runs/\\d+")).willReturn(okJson("{\"id\":1}")));
        github.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathMatching("/repos/o/r/pulls/\\d+"))
                .willReturn(aResponse().withStatus(404)));
        GitHubHttp http = new GitHubHttp(github.baseUrl(), TOKEN, RETRY, sleeps::add,
                java.time.Clock.fixed(T, java.time.ZoneOffset.UTC), new WritePace(80), logs::add);

        for (int i = 0; i < 82; i++) {
            http.send("PATCH", "/repos/o/r/check-runs/" + i, JSON.createObjectNode());
        }
        List<Duration> afterWrites = new ArrayList<>(sleeps);
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> http.send("GET", "/repos/o/r/pulls/1", null));
        }

        assertThat(afterWrites).containsExactly(Duration.ofSeconds(60), Duration.ofSeconds(60));
        assertThat(sleeps).as("reads do not wait").isEqualTo(afterWrites);
        assertThat(logs).singleElement().asString()
                .isEqualTo("GitHub: waiting 60 s before PATCH /repos/o/r/check-runs/80 to stay under 80 writes a"
                        + " minute (GitHub's limit on content-generating requests)");
    }
}
