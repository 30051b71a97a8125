package net.qgreenland.ogdc.task;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.temporaryRedirect;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One download: which answers are retried, how often, and that no partial file is left behind. */
class HttpDownloaderTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dest;

    final StringWriter log = new StringWriter();

    HttpDownloader downloader() {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
        return new HttpDownloader(client, dest, Duration.ofMillis(5), new PrintWriter(log, true));
    }

    URI url(String path) {
        return URI.create(server.baseUrl() + path);
    }

    void assertNoFileLeft() throws IOException {
        try (Stream<Path> files = Files.list(dest)) {
            assertThat(files).isEmpty();
        }
    }

    @ParameterizedTest(name = "HTTP {0} is retried, then reported")
    @ValueSource(ints = {429, 500, 502, 503})
    void transientStatusesAreRetriedThreeTimes(int status) throws IOException {
        server.stubFor(get(urlEqualTo("/busy")).willReturn(aResponse().withStatus(status).withBody("busy")));

        assertThatThrownBy(() -> downloader().download(url("/busy"), cd -> "busy.nc"))
                .isInstanceOf(TaskFailure.class)
                .hasMessage("downloading " + url("/busy") + " failed: HTTP " + status + " (after 3 attempts)");
        server.verify(3, getRequestedFor(urlEqualTo("/busy")));
        assertThat(log.toString().lines().filter(l -> l.startsWith("retrying "))).hasSize(2);
        assertNoFileLeft();
    }

    @ParameterizedTest(name = "HTTP {0} fails at once")
    @ValueSource(ints = {400, 401, 403, 404, 410})
    void otherClientErrorsAreNotRetried(int status) throws IOException {
        server.stubFor(get(urlEqualTo("/gone")).willReturn(aResponse().withStatus(status)));

        assertThatThrownBy(() -> downloader().download(url("/gone"), cd -> "gone.nc"))
                .hasMessage("downloading " + url("/gone") + " failed: HTTP " + status);
        server.verify(1, getRequestedFor(urlEqualTo("/gone")));
        assertNoFileLeft();
    }

    @Test
    void aBrokenConnectionMidBodyIsRetriedAndLeavesNoPartFile() throws IOException {
        server.stubFor(get(urlEqualTo("/cut")).willReturn(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)));

        assertThatThrownBy(() -> downloader().download(url("/cut"), cd -> "cut.nc"))
                .hasMessageStartingWith("downloading " + url("/cut") + " failed: ")
                .hasMessageEndingWith("(after 3 attempts)");
        server.verify(3, getRequestedFor(urlEqualTo("/cut")));
        assertNoFileLeft();
    }

    @Test
    void redirectsAreFollowedAndTheNamerSeesTheFinalHeaders() throws IOException {
        server.stubFor(get(urlEqualTo("/short")).willReturn(temporaryRedirect("/long/path")));
        server.stubFor(get(urlEqualTo("/long/path")).willReturn(ok("body")
                .withHeader("Content-Disposition", "attachment; filename=final.nc")));

        HttpDownloader.Downloaded file = downloader().download(url("/short"),
                cd -> cd.flatMap(DownloadFileName::fromContentDisposition).orElse("none"));

        assertThat(file.path()).isEqualTo(dest.resolve("final.nc")).hasContent("body");
        assertThat(file.bytes()).isEqualTo(4);
        assertThat(log.toString()).contains("fetched final.nc (4 bytes) from " + url("/short"));
    }

    @Test
    void aRefusedNameStopsTheDownloadBeforeAnyFileIsWritten() throws IOException {
        server.stubFor(get(urlEqualTo("/x")).willReturn(ok("x")));

        assertThatThrownBy(() -> downloader().download(url("/x"), cd -> {
            throw new TaskFailure("name taken");
        })).hasMessage("name taken");
        server.verify(1, getRequestedFor(urlEqualTo("/x")));
        assertNoFileLeft();
    }
}
