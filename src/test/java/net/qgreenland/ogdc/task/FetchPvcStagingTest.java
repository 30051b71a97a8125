package net.qgreenland.ogdc.task;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code task fetch} of pvc inputs: symbolic links with the collision rules of spec §5.6 ("stage"). */
class FetchPvcStagingTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path temp;

    Path data() {
        return temp.resolve("data");
    }

    Path dest() {
        return temp.resolve("inputs");
    }

    @BeforeEach
    void files() throws IOException {
        for (String name : List.of("a/one.tif", "a/deep/two.tif", "a/skip.txt", "b/one.tif", "b/three.tif")) {
            Path file = data().resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, name);
        }
    }

    String pvc(String sub, String glob) {
        return "{\"type\":\"pvc\",\"path\":\"" + data().resolve(sub) + "\",\"glob\":\"" + glob + "\"}";
    }

    TaskRun fetch(String... inputs) {
        return TaskRun.of("fetch", "--inputs", Stream.of(inputs).collect(Collectors.joining(",", "[", "]")),
                "--dest", dest().toString(), "--files-out", temp.resolve("files.json").toString());
    }

    @Test
    void matchesAreLinkedFlatByBasename() throws IOException {
        TaskRun run = fetch(pvc("a", "*.tif")).succeeded();

        assertThat(Files.readSymbolicLink(dest().resolve("one.tif"))).isEqualTo(data().resolve("a/one.tif"));
        assertThat(Files.readSymbolicLink(dest().resolve("two.tif"))).isEqualTo(data().resolve("a/deep/two.tif"));
        assertThat(dest().resolve("skip.txt")).doesNotExist();
        assertThat(run.errLines()).last().isEqualTo("Linked 2 PVC input files into " + dest());
        assertThat(JSON.readValue(temp.resolve("files.json").toFile(), String[].class)).containsExactly(
                dest().resolve("two.tif").toString(), dest().resolve("one.tif").toString());
    }

    @Test
    void anIdenticalLinkFromAnEarlierRunIsKept() throws IOException {
        fetch(pvc("a", "*.tif")).succeeded();

        fetch(pvc("a", "*.tif"), pvc("a", "one.tif")).succeeded();

        assertThat(Files.readSymbolicLink(dest().resolve("one.tif"))).isEqualTo(data().resolve("a/one.tif"));
    }

    @Test
    void theSameBasenameFromTwoSourcesIsACollision() {
        fetch(pvc("a", "*.tif"), pvc("b", "*.tif")).failedWith("fetch", "PVC input basename collision for one.tif: "
                + data().resolve("a/one.tif") + " and " + data().resolve("b/one.tif"));
    }

    @Test
    void anExistingTargetThatIsNotTheSameLinkIsNeverOverwritten() throws IOException {
        Files.createDirectories(dest());
        Files.writeString(dest().resolve("one.tif"), "mine");
        Files.createSymbolicLink(dest().resolve("two.tif"), data().resolve("b/three.tif"));

        TaskRun run = fetch(pvc("a", "one.tif"));
        TaskRun other = fetch(pvc("a", "two.tif"));

        run.failedWith("fetch", "Input basename collision at " + dest().resolve("one.tif")
                + "; refusing to overwrite it");
        other.failedWith("fetch", "Input basename collision at " + dest().resolve("two.tif")
                + "; refusing to overwrite it");
        assertThat(dest().resolve("one.tif")).hasContent("mine");
    }

    @Test
    void anInputWithoutMatchesOrDirectoryIsAnError() {
        fetch(pvc("a", "*.nc")).failedWith("fetch", "No files found for PVC input path=" + data().resolve("a")
                + " glob=*.nc");
        fetch(pvc("a/one.tif", "*")).failedWith("fetch", "PVC input path is not a directory: "
                + data().resolve("a/one.tif"));
    }

    @Test
    void linksAndDownloadsShareTheDirectoryInInputOrder() throws IOException {
        server.stubFor(get(urlEqualTo("/three.nc")).willReturn(ok("3")));
        server.stubFor(get(urlEqualTo("/one.tif")).willReturn(ok("clash")));
        String download = "{\"type\":\"url\",\"url\":\"" + server.baseUrl() + "/three.nc\"}";

        TaskRun run = fetch(download, pvc("b", "three.tif")).succeeded();
        TaskRun clash = fetch(pvc("a", "one.tif"), "{\"type\":\"url\",\"url\":\"" + server.baseUrl() + "/one.tif\"}");

        assertThat(JSON.readValue(temp.resolve("files.json").toFile(), String[].class)).containsExactly(
                dest().resolve("three.nc").toString(), dest().resolve("three.tif").toString());
        assertThat(run.err()).contains("Linked 1 PVC input files into " + dest(), "Fetched 1 files into " + dest());
        clash.failedWith("fetch", data().resolve("a/one.tif") + " and " + server.baseUrl() + "/one.tif would both "
                + "be saved as " + dest().resolve("one.tif") + "; fetch them into different directories");
    }
}
