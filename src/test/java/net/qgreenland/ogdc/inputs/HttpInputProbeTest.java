package net.qgreenland.ogdc.inputs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.headRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.IntStream;
import net.qgreenland.ogdc.estimate.InputSize;
import net.qgreenland.ogdc.recipe.RecipeInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Input sizes looked up against WireMock: HEAD requests (sizes, failures, timeouts, redirects), the DataONE index,
 * and the bounds on how many, how many at once and for how long. A failed lookup makes its input unknown.
 */
class HttpInputProbeTest {

    /** Room for a cold JVM's first request, which can take a second. */
    static final HttpInputProbe.Limits QUICK = new HttpInputProbe.Limits(4, Duration.ofSeconds(5),
            Duration.ofSeconds(30), 200);
    static final String DATASET = "resource_map_doi:10.18739/A2X";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    HttpInputProbe probe(HttpInputProbe.Limits limits, Clock clock) {
        return HttpInputProbe.create(HttpInputProbe.client(limits), Optional.of(URI.create(server.baseUrl())), limits,
                clock);
    }

    InputSize sizeOf(RecipeInput input) {
        return probe(QUICK, Clock.systemUTC()).probe(List.of(input)).get(input);
    }

    RecipeInput.Url url(String path) {
        return new RecipeInput.Url(server.baseUrl() + path);
    }

    @Test
    void aUrlsSizeIsItsContentLength() {
        server.stubFor(head(urlPathEqualTo("/dem.tif")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Length", "52428800")));

        InputSize size = sizeOf(url("/dem.tif"));

        assertThat(size).isEqualTo(new InputSize(server.baseUrl() + "/dem.tif", OptionalLong.of(1),
                OptionalLong.of(52_428_800), Optional.empty()));
        server.verify(1, headRequestedFor(urlPathEqualTo("/dem.tif")));
    }

    @Test
    void aRedirectIsFollowed() {
        server.stubFor(head(urlPathEqualTo("/moved")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", server.baseUrl() + "/here")));
        server.stubFor(head(urlPathEqualTo("/here")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Length", "1024")));

        assertThat(sizeOf(url("/moved")).bytes()).hasValue(1024);
    }

    @ParameterizedTest(name = "HTTP {0} leaves the size unknown")
    @CsvSource({"404", "405", "500"})
    void anErrorAnswerLeavesOneFileOfUnknownSize(int status) {
        server.stubFor(head(urlPathEqualTo("/refused")).willReturn(aResponse().withStatus(status)));

        InputSize size = sizeOf(url("/refused"));

        assertThat(size.files()).hasValue(1);
        assertThat(size.bytes()).isEmpty();
        assertThat(size.unknown()).hasValue("HEAD answered HTTP " + status);
    }

    @Test
    void aSlowServerTimesOutAndLeavesTheSizeUnknown() {
        server.stubFor(head(urlPathEqualTo("/slow")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Length", "1").withFixedDelay(5_000)));
        HttpInputProbe.Limits impatient = new HttpInputProbe.Limits(4, Duration.ofMillis(500), Duration.ofSeconds(30),
                200);
        RecipeInput slow = url("/slow");

        assertThat(probe(impatient, Clock.systemUTC()).probe(List.of(slow)).get(slow).unknown())
                .hasValue("HEAD timed out after 0.5 s");
    }

    @Test
    void aServerThatIsNotThereLeavesTheSizeUnknown() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        RecipeInput.Url nowhere = new RecipeInput.Url("http://127.0.0.1:" + closedPort + "/x.zip");

        assertThat(sizeOf(nowhere).unknown()).hasValue("HEAD failed: ConnectException");
    }

    @Test
    void pvcAndFtpInputsAreNeverLookedUpAndEachInputOnlyOnce() {
        server.stubFor(head(urlPathEqualTo("/a.zip")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Length", "10")));
        RecipeInput pvc = new RecipeInput.PvcMount("arctic-dem-pvc", "tiles", "**/*.tif");
        RecipeInput ftp = new RecipeInput.Url("ftp://ftp.example.org/pub/data.zip");

        Map<RecipeInput, InputSize> sizes = probe(QUICK, Clock.systemUTC()).probe(List.of(url("/a.zip"), pvc, ftp,
                url("/a.zip")));

        assertThat(sizes).hasSize(3);
        assertThat(sizes.get(pvc).unknown()).hasValue(InputSize.UNTIL_RUN);
        assertThat(sizes.get(pvc).files()).isEmpty();
        assertThat(sizes.get(ftp).unknown()).hasValue("size not looked up for ftp URLs");
        assertThat(sizes.get(ftp).files()).hasValue(1);
        server.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void aDataOnePackageIsCountedAndSizedFromTheIndexWithItsPattern() {
        server.stubFor(get(urlPathEqualTo("/v2/query/solr/")).willReturn(okJson("""
                {"response": {"numFound": 3, "docs": [
                  {"id": "urn:1", "fileName": "a.tif", "size": 1000, "formatId": "image/tiff"},
                  {"id": "urn:2", "fileName": "b.TIF", "size": 2000, "formatId": "image/tiff"},
                  {"id": "urn:3", "fileName": "notes.txt", "size": 5, "formatId": "text/plain"}]}}
                """)));
        RecipeInput tiffs = new RecipeInput.DataOne(DATASET, Optional.of("*.tif"));

        InputSize size = sizeOf(tiffs);

        assertThat(size).isEqualTo(new InputSize("DataONE " + DATASET + " (*.tif)", OptionalLong.of(2),
                OptionalLong.of(3000), Optional.empty()));
    }

    @Test
    void aDataOneIndexThatFailsLeavesThePackageUnknown() {
        server.stubFor(get(urlPathEqualTo("/v2/query/solr/")).willReturn(aResponse().withStatus(503)));

        InputSize size = sizeOf(new RecipeInput.DataOne(DATASET, Optional.empty()));

        assertThat(size.files()).isEmpty();
        assertThat(size.unknown()).hasValue("Failed to resolve DataONE dataset " + DATASET
                + ": the Solr query returned HTTP 503");
    }

    @Test
    void withoutADataOneNodeThePackageIsUnknown() {
        RecipeInput dataone = new RecipeInput.DataOne(DATASET, Optional.empty());

        InputSize size = HttpInputProbe.create(HttpInputProbe.client(QUICK), Optional.empty(), QUICK,
                Clock.systemUTC()).probe(List.of(dataone)).get(dataone);

        assertThat(size.unknown()).hasValue("no DataONE node to ask (DATAONE_NODE_URL)");
        server.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void atMostMaxLookupsAreMadeAndTheRestAreUnknown() {
        server.stubFor(head(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Length", "7")));
        List<RecipeInput> urls = List.of(url("/1"), url("/2"), url("/3"));

        Map<RecipeInput, InputSize> sizes = probe(new HttpInputProbe.Limits(4, Duration.ofSeconds(5),
                Duration.ofSeconds(30), 2), Clock.systemUTC()).probe(urls);

        assertThat(sizes.values()).extracting(InputSize::bytes).containsExactly(OptionalLong.of(7), OptionalLong.of(7),
                OptionalLong.empty());
        assertThat(sizes.get(urls.get(2)).unknown()).hasValue("not looked up: more than 2 inputs to look up");
        server.verify(2, headRequestedFor(anyUrl()));
    }

    @Test
    void noLookupStartsOnceTheBudgetHasPassed() {
        server.stubFor(head(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Length", "7")));
        List<RecipeInput> urls = IntStream.range(0, 5).mapToObj(i -> (RecipeInput) url("/" + i)).toList();
        // every reading of the clock is ten seconds later: the budget is set at 0 s, lookups start at 10 s, 20 s, ...
        Clock clock = new SteppingClock(Instant.parse("2026-11-21T10:00:00Z"), Duration.ofSeconds(10));

        Map<RecipeInput, InputSize> sizes = probe(new HttpInputProbe.Limits(1, Duration.ofSeconds(5),
                Duration.ofSeconds(30), 200), clock).probe(urls);

        assertThat(sizes.values()).extracting(InputSize::bytes).containsExactly(OptionalLong.of(7), OptionalLong.of(7),
                OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty());
        assertThat(sizes.get(urls.get(4)).unknown()).hasValue("not looked up: the 30 s for lookups had passed");
        server.verify(2, headRequestedFor(anyUrl()));
    }

    @Test
    void atMostParallelLookupsRunAtOnce() {
        AtomicInteger active = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        // the first three lookups wait for each other: they can only all finish if three run at once
        CountDownLatch threeAtOnce = new CountDownLatch(3);
        Function<RecipeInput, InputSize> lookup = input -> {
            most.accumulateAndGet(active.incrementAndGet(), Math::max);
            threeAtOnce.countDown();
            try {
                threeAtOnce.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            active.decrementAndGet();
            return InputSize.known(input, 1, 1);
        };
        List<RecipeInput> urls = IntStream.range(0, 12).mapToObj(i -> (RecipeInput) url("/" + i)).toList();

        Map<RecipeInput, InputSize> sizes = new HttpInputProbe(lookup, new HttpInputProbe.Limits(3,
                Duration.ofSeconds(5), Duration.ofSeconds(30), 200), Clock.systemUTC()).probe(urls);

        assertThat(sizes).hasSize(12).allSatisfy((input, size) -> assertThat(size.bytes()).hasValue(1));
        assertThat(threeAtOnce.getCount()).isZero();
        assertThat(most.get()).isEqualTo(3);
    }

    /** A clock that is {@code step} later every time it is read. */
    static final class SteppingClock extends Clock {
        private final AtomicReference<Instant> next;
        private final Duration step;

        SteppingClock(Instant start, Duration step) {
            this.next = new AtomicReference<>(start);
            this.step = step;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return next.getAndUpdate(now -> now.plus(step));
        }
    }
}
