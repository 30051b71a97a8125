package net.qgreenland.ogdc.task;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static net.qgreenland.ogdc.task.SolrStubs.doc;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code ogdc-action task} as a whole: help, usage errors, and {@code resolve-dataone}. */
class TaskCommandTest {

    @RegisterExtension
    static WireMockExtension node = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Test
    void helpListsTheTasks() {
        TaskRun run = TaskRun.of("--help").succeeded();

        assertThat(run.out()).contains("Usage: ogdc-action task", "list-pvc-files", "write-partition-manifests",
                "fetch", "resolve-dataone", "1  a problem with the data");
    }

    @Test
    void theTasksAreSubcommandsOfTheProgram() {
        assertThat(TaskRun.of("fetch", "--help").succeeded().out()).contains("Usage: ogdc-action task fetch",
                "--inputs=JSON", "--dest=DIR", "--files-out=FILE", "--dataone-node-url=URL", "--concurrency=N");
    }

    @Test
    void aMissingOrUnknownTaskIsAUsageError() {
        TaskRun.of().usageError("Missing task: choose one of list-pvc-files, write-partition-manifests, fetch, "
                + "resolve-dataone");
        TaskRun.of("list-files").usageError("Unmatched argument at index 1: 'list-files'");
    }

    @Test
    void resolveDataOnePrintsTheObjectsAsJson() throws IOException {
        SolrStubs.stubDataset(node, List.of(doc("urn:uuid:1", "a.nc", "Title A", "netCDF-4", 42L),
                doc("urn:uuid:2", "b.txt", null, "text/plain", null)));

        TaskRun run = TaskRun.withEnv(Map.of("DATAONE_NODE_URL", node.baseUrl()), "resolve-dataone",
                "--dataset", "resource_map_urn:uuid:x").succeeded();

        JsonNode objects = new ObjectMapper().readTree(run.out());
        assertThat(objects.toString()).isEqualTo("[{\"identifier\":\"urn:uuid:1\",\"url\":\"" + node.baseUrl()
                + "/v2/object/urn%3Auuid%3A1\",\"filename\":\"a.nc\",\"formatId\":\"netCDF-4\",\"size\":42,"
                + "\"entityName\":\"Title A\"},{\"identifier\":\"urn:uuid:2\",\"url\":\"" + node.baseUrl()
                + "/v2/object/urn%3Auuid%3A2\",\"filename\":\"b.txt\",\"formatId\":\"text/plain\",\"size\":null,"
                + "\"entityName\":\"b.txt\"}]");
        assertThat(run.err()).contains("Resolved 2 data objects of DataONE dataset resource_map_urn:uuid:x");
    }

    @Test
    void resolveDataOneFiltersAndWritesToAFile(@TempDir Path temp) throws IOException {
        SolrStubs.stubDataset(node, List.of(SolrStubs.file("a.nc"), SolrStubs.file("b.txt")));
        Path out = temp.resolve("out/objects.json");

        TaskRun run = TaskRun.of("resolve-dataone", "--dataset", "d", "--filename", "*.NC", "--out", out.toString(),
                "--dataone-node-url", node.baseUrl()).succeeded();

        assertThat(run.out()).isEmpty();
        JsonNode objects = new ObjectMapper().readTree(out.toFile());
        assertThat(objects).hasSize(1);
        assertThat(objects.get(0).get("filename").asText()).isEqualTo("a.nc");
    }

    @Test
    void resolveDataOneFailuresAreOneLine() {
        SolrStubs.stubDataset(node, List.of(SolrStubs.file("a.nc")));

        TaskRun.of("resolve-dataone", "--dataset", "d").failedWith("resolve-dataone",
                "Must have DATAONE_NODE_URL set (or --dataone-node-url) to resolve DataONE inputs");
        TaskRun.of("resolve-dataone", "--dataset", "d", "--dataone-node-url", "file:///etc").failedWith(
                "resolve-dataone", "The DataONE node URL is not an http(s) URL: file:///etc");
        TaskRun.of("resolve-dataone", "--dataset", "d", "--filename", "*.tif", "--dataone-node-url", node.baseUrl())
                .failedWith("resolve-dataone", "No data objects matching pattern '*.tif' found in dataset d. "
                        + "Available files: [a.nc]");
        TaskRun.of("resolve-dataone").usageError("Missing required option: '--dataset=ID'");
    }
}
