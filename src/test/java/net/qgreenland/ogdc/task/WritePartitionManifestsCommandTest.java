package net.qgreenland.ogdc.task;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static net.qgreenland.ogdc.task.SolrStubs.file;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code task write-partition-manifests}: static manifests of a file list, or of URL and DataONE inputs. */
class WritePartitionManifestsCommandTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static WireMockExtension dataOne = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort())
            .build();

    @TempDir
    Path temp;

    Path manifests() {
        return temp.resolve("wf/recipe/partition-manifests/shell-inputs");
    }

    Path refs() {
        return temp.resolve("tmp/partition_refs.json");
    }

    TaskRun write(Map<String, String> env, String... sourceAndOptions) {
        List<String> args = new ArrayList<>(List.of("write-partition-manifests", "--manifest-dir",
                manifests().toString(), "--partitions-out", refs().toString()));
        args.addAll(List.of(sourceAndOptions));
        return TaskRun.withEnv(env, args.toArray(String[]::new));
    }

    JsonNode read(String name) throws IOException {
        return JSON.readTree(manifests().resolve(name).toFile());
    }

    static List<Integer> sizes(Path dir, int count) {
        return IntStream.range(0, count).mapToObj(i -> {
            try {
                return JSON.readTree(dir.resolve("partition-" + i + ".json").toFile()).size();
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    @Test
    void fiveUrlsInPartitionsOfTwoMakeThreePartitions() throws IOException {
        String inputs = IntStream.range(0, 5).mapToObj(i -> "{\"type\":\"url\",\"url\":\"https://example.org/" + i
                + ".nc\"}").reduce((a, b) -> a + "," + b).map(s -> "[" + s + "]").orElseThrow();

        TaskRun run = write(Map.of(), "--inputs", inputs, "--partition-size", "2").succeeded();

        assertThat(sizes(manifests(), 3)).containsExactly(2, 2, 1);
        assertThat(manifests().resolve("partition-3.json")).doesNotExist();
        assertThat(read("partition-1.json").toString())
                .isEqualTo("[\"https://example.org/2.nc\",\"https://example.org/3.nc\"]");
        assertThat(read("all-files.json")).hasSize(5);
        assertThat(Files.readString(refs()))
                .isEqualTo("[{\"partition_id\":0},{\"partition_id\":1},{\"partition_id\":2}]");
        assertThat(run.errLines()).last().isEqualTo("Wrote 3 retained partition manifests to " + manifests());
        assertThat(run.out()).isEmpty();
    }

    @Test
    void dataOneObjectsAreResolvedInThePodAndKeepTheirFileNames() throws IOException {
        SolrStubs.stubDataset(dataOne, List.of(file("a.nc"), file("b.nc"), file("c.txt")));
        String inputs = "[{\"type\":\"url\",\"url\":\"https://example.org/first.tif\"},"
                + "{\"type\":\"dataone\",\"dataset\":\"resource_map_urn:uuid:ds\",\"filename\":\"*.NC\"}]";

        write(Map.of("DATAONE_NODE_URL", dataOne.baseUrl()), "--inputs", inputs, "--partition-size", "2")
                .succeeded();

        assertThat(read("partition-0.json").toString()).isEqualTo("[\"https://example.org/first.tif\",{\"url\":\""
                + dataOne.baseUrl() + "/v2/object/urn%3Auuid%3Aa.nc\",\"filename\":\"a.nc\"}]");
        assertThat(read("partition-1.json").toString()).isEqualTo("[{\"url\":\"" + dataOne.baseUrl()
                + "/v2/object/urn%3Auuid%3Ab.nc\",\"filename\":\"b.nc\"}]");
        dataOne.verify(1, getRequestedFor(urlPathEqualTo(SolrStubs.SOLR_PATH)));
    }

    @Test
    void theNodeOptionWinsOverTheEnvironment() {
        SolrStubs.stubDataset(dataOne, List.of(file("a.nc")));

        write(Map.of("DATAONE_NODE_URL", "http://127.0.0.1:9/unused"), "--inputs",
                "[{\"type\":\"dataone\",\"dataset\":\"d\"}]", "--partition-size", "1", "--dataone-node-url",
                dataOne.baseUrl()).succeeded();

        assertThat(manifests().resolve("partition-0.json")).exists();
    }

    @Test
    void aFileListIsPartitionedAsItIs() throws IOException {
        Path list = temp.resolve("all-files.json");
        Files.writeString(list, "[\"/mnt/data/c/1.tif\",\"/mnt/data/c/2.tif\",\"/mnt/data/c/3.tif\","
                + "{\"url\":\"https://h/o/1\",\"filename\":\"x.nc\"}]");

        write(Map.of(), "--files-from", list.toString(), "--partition-size", "3").succeeded();

        assertThat(StreamSupport.stream(read("partition-0.json").spliterator(), false).map(JsonNode::asText))
                .containsExactly("/mnt/data/c/1.tif", "/mnt/data/c/2.tif", "/mnt/data/c/3.tif");
        assertThat(read("partition-1.json").toString()).isEqualTo("[{\"url\":\"https://h/o/1\",\"filename\":\"x.nc\"}]");
        assertThat(read("all-files.json")).hasSize(4);
    }

    @Test
    void theCapAppliesHereToo() throws IOException {
        Path list = temp.resolve("list.json");
        Files.writeString(list, JSON.writeValueAsString(IntStream.range(0, 25).mapToObj(i -> "f" + i).toList()));

        TaskRun run = write(Map.of(), "--files-from", list.toString(), "--partition-size", "1",
                "--max-partitions", "10").succeeded();

        assertThat(run.err()).contains("raising partition size from 1 to 3 so that 25 files make at most 10 partitions");
        assertThat(sizes(manifests(), 9)).containsExactly(3, 3, 3, 3, 3, 3, 3, 3, 1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "empty inputs         | --inputs     | []                                        | No files provided",
        "empty list           | --files-from | []                                        | No files provided",
        "list of numbers      | --files-from | [1]                                       | --files-from FILE[0]: expected a string or an object with a string \"url\"",
        "list is an object    | --files-from | {}                                        | --files-from FILE must hold a JSON array of file names or URLs",
        "pvc input            | --inputs     | [{\"type\":\"pvc\",\"path\":\"/mnt/x\"}]  | --inputs[0]: pvc inputs are not accepted here (use list-pvc-files to partition pvc inputs)",
        "dataone without node | --inputs     | [{\"type\":\"dataone\",\"dataset\":\"d\"}] | Must have DATAONE_NODE_URL set (or --dataone-node-url) to resolve DataONE inputs",
        "dataone not found    | --inputs     | [{\"type\":\"dataone\",\"dataset\":\"d\"}] | NODE404",
    })
    void aDataProblemExits1(String what, String option, String json, String message) throws IOException {
        Path list = temp.resolve("list.json");
        Files.writeString(list, json);
        Map<String, String> env = message.equals("NODE404") ? Map.of("DATAONE_NODE_URL", dataOne.baseUrl())
                : Map.of();

        TaskRun run = write(env, option, option.equals("--inputs") ? json : list.toString(), "--partition-size", "2");

        run.failedWith("write-partition-manifests", message.replace("FILE", list.toString()).replace("NODE404",
                "Failed to resolve DataONE dataset d: the Solr query returned HTTP 404"));
        assertThat(refs()).doesNotExist();
    }

    @Test
    void aMissingFileListIsADataProblem() {
        Path missing = temp.resolve("missing.json");

        write(Map.of(), "--files-from", missing.toString(), "--partition-size", "2")
                .failedWith("write-partition-manifests", "--files-from " + missing + " does not exist");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "both sources | --files-from f.json --inputs [] --partition-size 1 | are mutually exclusive",
        "no source    | --partition-size 1                                 | Missing required argument",
        "no size      | --inputs []                                        | Missing required option: '--partition-size=N'",
    })
    void sourceAndSizeAreUsageErrors(String what, String args, String message) {
        write(Map.of(), args.split(" ")).usageError(message);
    }
}
