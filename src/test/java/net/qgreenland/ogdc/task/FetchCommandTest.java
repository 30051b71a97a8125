package net.qgreenland.ogdc.task;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static net.qgreenland.ogdc.task.SolrStubs.file;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code task fetch} of url and DataONE inputs from a WireMock server into a real directory. */
class FetchCommandTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path temp;

    Path dest() {
        return temp.resolve("inputs");
    }

    Path filesOut() {
        return temp.resolve("files.json");
    }

    static String url(String path) {
        return server.baseUrl() + path;
    }

    static String urls(String... paths) {
        return Stream.of(paths).map(p -> "{\"type\":\"url\",\"url\":\"" + url(p) + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    static void serve(String path, String body, String contentDisposition) {
        server.stubFor(get(urlEqualTo(path)).willReturn(contentDisposition == null ? ok(body)
                : ok(body).withHeader("Content-Disposition", contentDisposition)));
    }

    TaskRun fetch(Map<String, String> env, String inputs, String... extra) {
        List<String> args = new ArrayList<>(List.of("fetch", "--inputs", inputs, "--dest", dest().toString(),
                "--files-out", filesOut().toString()));
        args.addAll(List.of(extra));
        return TaskRun.withEnv(env, args.toArray(String[]::new));
    }

    List<String> filesOutContent() throws IOException {
        return List.of(JSON.readValue(filesOut().toFile(), String[].class));
    }

    List<String> destNames() throws IOException {
        try (Stream<Path> files = Files.list(dest())) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void urlsAreSavedUnderTheirContentDispositionOrUrlName() throws IOException {
        serve("/get?id=1", "report", "attachment; filename=\"report.csv\"");
        serve("/data/sea%20ice%20conc.nc", "ice", null);
        serve("/dl/2", "naive", "attachment; filename*=UTF-8''na%C3%AFve.txt");

        TaskRun run = fetch(Map.of(), urls("/get?id=1", "/data/sea%20ice%20conc.nc", "/dl/2")).succeeded();

        assertThat(Files.readString(dest().resolve("report.csv"))).isEqualTo("report");
        assertThat(Files.readString(dest().resolve("sea ice conc.nc"))).isEqualTo("ice");
        assertThat(Files.readString(dest().resolve("naïve.txt"))).isEqualTo("naive");
        assertThat(filesOutContent()).containsExactly(dest().resolve("report.csv").toString(),
                dest().resolve("sea ice conc.nc").toString(), dest().resolve("naïve.txt").toString());
        assertThat(run.err()).contains("fetched sea ice conc.nc (3 bytes) from " + url("/data/sea%20ice%20conc.nc"));
        assertThat(run.errLines()).last().isEqualTo("Fetched 3 files into " + dest());
        assertThat(destNames()).containsExactly(".ogdc-fetch.json", "naïve.txt", "report.csv", "sea ice conc.nc");
    }

    @Test
    void aNotFoundUrlFailsAtOnceAndLeavesNoPartialFile() throws IOException {
        server.stubFor(get(urlEqualTo("/missing.nc")).willReturn(aResponse().withStatus(404)));

        TaskRun run = fetch(Map.of(), urls("/missing.nc"));

        run.failedWith("fetch", "downloading " + url("/missing.nc") + " failed: HTTP 404");
        server.verify(1, getRequestedFor(urlEqualTo("/missing.nc")));
        assertThat(destNames()).noneMatch(name -> name.endsWith(".part") || name.equals("missing.nc"));
        assertThat(filesOut()).doesNotExist();
    }

    @Test
    void aServiceUnavailableAnswerIsRetried() throws IOException {
        server.stubFor(get(urlEqualTo("/flaky.nc")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        server.stubFor(get(urlEqualTo("/flaky.nc")).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(ok("finally")));

        TaskRun run = fetch(Map.of(), urls("/flaky.nc")).succeeded();

        assertThat(Files.readString(dest().resolve("flaky.nc"))).isEqualTo("finally");
        assertThat(run.err()).contains("retrying " + url("/flaky.nc") + " (attempt 2 of 3) after HTTP 503");
        server.verify(2, getRequestedFor(urlEqualTo("/flaky.nc")));
    }

    @Test
    void twoUrlsWithTheSameFileNameAreAnError() throws IOException {
        serve("/a/data.nc", "a", null);
        serve("/b/data.nc", "b", null);

        TaskRun run = fetch(Map.of(), urls("/a/data.nc", "/b/data.nc"), "--concurrency", "1");

        run.failedWith("fetch", url("/a/data.nc") + " and " + url("/b/data.nc") + " would both be saved as "
                + dest().resolve("data.nc") + "; fetch them into different directories");
        assertThat(Files.readString(dest().resolve("data.nc"))).isEqualTo("a");
    }

    @Test
    void theSameUrlTwiceIsFetchedOnceAndListedOnce() throws IOException {
        serve("/once.nc", "1", null);

        fetch(Map.of(), urls("/once.nc", "/once.nc")).succeeded();

        server.verify(1, getRequestedFor(urlEqualTo("/once.nc")));
        assertThat(filesOutContent()).containsExactly(dest().resolve("once.nc").toString());
    }

    @Test
    void concurrentDownloadsLoseNoFileAndKeepInputOrder() throws IOException {
        List<String> paths = IntStream.range(0, 24).mapToObj(i -> "/many/file-" + (23 - i) + ".bin").toList();
        for (String path : paths) {
            server.stubFor(get(urlEqualTo(path)).willReturn(ok("content of " + path).withFixedDelay(
                    Math.floorMod(path.hashCode(), 3) * 20 + 20)));
        }

        TaskRun run = fetch(Map.of(), urls(paths.toArray(String[]::new)), "--concurrency", "4").succeeded();

        for (String path : paths) {
            assertThat(dest().resolve(path.substring(6))).hasContent("content of " + path);
        }
        assertThat(filesOutContent()).containsExactlyElementsOf(
                paths.stream().map(p -> dest().resolve(p.substring(6)).toString()).toList());
        assertThat(run.err().lines().filter(l -> l.startsWith("fetched "))).hasSize(24);
    }

    @Test
    void aRetriedFetchReplacesItsOwnFilesButNoOtherFile() throws IOException {
        serve("/mine.nc", "old", null);
        fetch(Map.of(), urls("/mine.nc")).succeeded();
        serve("/mine.nc", "new", null);
        serve("/theirs.nc", "downloaded", null);
        Files.writeString(dest().resolve("theirs.nc"), "put there by someone else");

        fetch(Map.of(), urls("/mine.nc")).succeeded();
        TaskRun refused = fetch(Map.of(), urls("/theirs.nc"));

        assertThat(dest().resolve("mine.nc")).hasContent("new");
        refused.failedWith("fetch", dest().resolve("theirs.nc") + " already exists and was not fetched from "
                + url("/theirs.nc") + "; refusing to overwrite it");
        assertThat(dest().resolve("theirs.nc")).hasContent("put there by someone else");
        assertThat(JSON.readTree(dest().resolve(".ogdc-fetch.json").toFile()).get("mine.nc").asText())
                .isEqualTo(url("/mine.nc"));
    }

    @Test
    void dataOneObjectsAreSavedUnderTheirFileName() throws IOException {
        SolrStubs.stubDataset(server, List.of(file("sst_2020.nc"), file("sst_2021.nc"), file("readme.txt")));
        serve("/v2/object/urn%3Auuid%3Asst_2020.nc", "2020", "attachment; filename=\"urn_uuid_sst_2020\"");
        serve("/v2/object/urn%3Auuid%3Asst_2021.nc", "2021", null);
        String inputs = "[{\"type\":\"dataone\",\"dataset\":\"resource_map_urn:uuid:sst\",\"filename\":\"*.nc\"}]";

        TaskRun run = fetch(Map.of("DATAONE_NODE_URL", server.baseUrl()), inputs).succeeded();

        assertThat(dest().resolve("sst_2020.nc")).hasContent("2020");
        assertThat(dest().resolve("sst_2021.nc")).hasContent("2021");
        assertThat(filesOutContent()).containsExactly(dest().resolve("sst_2020.nc").toString(),
                dest().resolve("sst_2021.nc").toString());
        assertThat(run.errLines()).last().isEqualTo("Fetched 2 files into " + dest());
    }

    @Test
    void dataOneWithoutANodeIsADataProblem() {
        fetch(Map.of(), "[{\"type\":\"dataone\",\"dataset\":\"d\"}]").failedWith("fetch",
                "Must have DATAONE_NODE_URL set (or --dataone-node-url) to resolve DataONE inputs");
    }

    @Test
    void onlyHttpUrlsCanBeFetched() {
        fetch(Map.of(), "[{\"type\":\"url\",\"url\":\"ftp://example.org/a.nc\"}]").failedWith("fetch",
                "--inputs[0]: cannot download 'ftp://example.org/a.nc': only http(s) URLs are supported");
    }

    @Test
    void badOptionsAreUsageErrors() {
        fetch(Map.of(), urls("/a"), "--concurrency", "0").usageError("--concurrency must be between 1 and 64, got 0");
        TaskRun.of("fetch", "--inputs", "[]").usageError("Missing required option: '--dest=DIR'");
    }

    @Test
    void emptyInputsAreADataProblem() {
        fetch(Map.of(), "[]").failedWith("fetch", "--inputs is empty: there is nothing to fetch");
    }
}
