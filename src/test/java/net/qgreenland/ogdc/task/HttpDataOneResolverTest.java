package net.qgreenland.ogdc.task;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static net.qgreenland.ogdc.task.SolrStubs.SOLR_PATH;
import static net.qgreenland.ogdc.task.SolrStubs.doc;
import static net.qgreenland.ogdc.task.SolrStubs.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DataONE resolution against a WireMock Solr endpoint (spec §1.3.1, with its bugs fixed). */
class HttpDataOneResolverTest {

    static final String DATASET = "resource_map_urn:uuid:abc";

    @RegisterExtension
    static WireMockExtension node = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private DataOneResolver resolver() {
        return new HttpDataOneResolver(HttpClient.newHttpClient(), URI.create(node.baseUrl() + "/"));
    }

    @Test
    void theQueryAsksForTheDatasetsDataObjectsPageByPage() {
        SolrStubs.stubDataset(node, List.of(file("a.nc")));

        resolver().findObjects(DATASET);

        node.verify(1, getRequestedFor(urlPathEqualTo(SOLR_PATH))
                .withQueryParam("q", equalTo("resourceMap:\"" + DATASET + "\" AND -formatType:METADATA"))
                .withQueryParam("fl", equalTo("id,title,formatId,size,fileName,abstract,description"))
                .withQueryParam("rows", equalTo("50"))
                .withQueryParam("start", equalTo("0"))
                .withQueryParam("wt", equalTo("json")));
        assertThat(node.getAllServeEvents().get(0).getRequest().getUrl()).contains(
                "q=resourceMap%3A%22resource_map_urn%3Auuid%3Aabc%22%20AND%20-formatType%3AMETADATA");
    }

    @Test
    void pagesAreReadUntilNumFoundObjectsAreCollected() {
        List<ObjectNode> all = IntStream.range(0, 60).mapToObj(i -> file("f" + i + ".nc")).toList();
        SolrStubs.stubPage(node, 0, 60, all.subList(0, 50));
        SolrStubs.stubPage(node, 50, 60, all.subList(50, 60));

        List<DataOneObject> objects = resolver().findObjects(DATASET);

        assertThat(objects).extracting(DataOneObject::filename)
                .containsExactlyElementsOf(IntStream.range(0, 60).mapToObj(i -> "f" + i + ".nc").toList());
        node.verify(2, getRequestedFor(urlPathEqualTo(SOLR_PATH)));
    }

    @Test
    void anEmptyPageEndsTheListingEvenBeforeNumFound() {
        SolrStubs.stubPage(node, 0, 120, IntStream.range(0, 50).mapToObj(i -> file("f" + i)).toList());
        SolrStubs.stubPage(node, 50, 120, List.of());

        assertThat(resolver().findObjects(DATASET)).hasSize(50);
        node.verify(2, getRequestedFor(urlPathEqualTo(SOLR_PATH)));
    }

    @Test
    void solrFieldsBecomeObjectFieldsWithAnEncodedObjectUrl() {
        SolrStubs.stubDataset(node, List.of(
                doc("doi:10.18739/A2X/sst", "sst.nc", "Sea surface temperature", "netCDF-4", 1234L),
                doc("urn:uuid:test-123", "notes.txt", null, "text/plain", null)));

        List<DataOneObject> objects = resolver().findObjects(DATASET);

        assertThat(objects).containsExactly(
                new DataOneObject("doi:10.18739/A2X/sst", node.baseUrl() + "/v2/object/doi%3A10.18739%2FA2X%2Fsst",
                        "sst.nc", "netCDF-4", OptionalLong.of(1234), "Sea surface temperature"),
                new DataOneObject("urn:uuid:test-123", node.baseUrl() + "/v2/object/urn%3Auuid%3Atest-123",
                        "notes.txt", "text/plain", OptionalLong.empty(), "notes.txt"));
    }

    @ParameterizedTest(name = "pattern {0} selects {1}")
    @CsvSource(delimiter = '|', value = {
        "*.nc         | a.nc B.NC",
        "*.NC         | a.nc B.NC",
        "?.nc         | a.nc B.NC",
        "c_200?.tif   | c_2001.tif",
        "C_2001.TIF   | c_2001.tif",
        "*            | a.nc B.NC c_2001.tif c_20011.tif",
    })
    void aPatternSelectsFileNamesCaseInsensitively(String pattern, String names) {
        SolrStubs.stubDataset(node, List.of(file("a.nc"), file("B.NC"), file("c_2001.tif"), file("c_20011.tif")));

        assertThat(resolver().requireObjects(DATASET, Optional.of(pattern))).extracting(DataOneObject::filename)
                .containsExactly(names.split(" "));
    }

    @Test
    void aPatternMatchingNothingListsTheAvailableFiles() {
        SolrStubs.stubDataset(node, List.of(file("a.nc"), file("b.nc")));

        assertThatThrownBy(() -> resolver().requireObjects(DATASET, Optional.of("nonexistent.nc")))
                .isInstanceOf(TaskFailure.class)
                .hasMessage("No data objects matching pattern 'nonexistent.nc' found in dataset " + DATASET
                        + ". Available files: [a.nc, b.nc]");
    }

    @Test
    void aLongListOfAvailableFilesIsCut() {
        SolrStubs.stubDataset(node, IntStream.range(0, 25).mapToObj(i -> file("f" + i)).toList());

        assertThatThrownBy(() -> resolver().requireObjects(DATASET, Optional.of("*.nc")))
                .hasMessageEndingWith("f18, f19, ... (5 more)]");
    }

    @Test
    void anEmptyDatasetIsAFailure() {
        SolrStubs.stubDataset(node, List.of());

        assertThat(resolver().findObjects(DATASET)).isEmpty();
        assertThatThrownBy(() -> resolver().requireObjects(DATASET, Optional.empty()))
                .hasMessage("No data objects found in dataset " + DATASET);
    }

    @Test
    void aDocumentWithoutFileNameIsAFailure() {
        SolrStubs.stubDataset(node, List.of(doc("urn:uuid:nameless", null, "t", "f", 1L)));

        assertThatThrownBy(() -> resolver().findObjects(DATASET)).hasMessage("Failed to resolve DataONE dataset "
                + DATASET + ": Document missing required 'fileName' field: urn:uuid:nameless");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "HTTP 500        | 500 | {}                 | the Solr query returned HTTP 500",
        "malformed JSON  | 200 | {\"response\": [   | the Solr response is not valid JSON: ",
        "no docs         | 200 | {\"response\": {}} | the Solr response has no 'response.docs' array",
    })
    void aBadAnswerIsAFailureNamingTheDataset(String what, int status, String body, String reason) {
        node.stubFor(get(urlPathEqualTo(SOLR_PATH)).willReturn(aResponse().withStatus(status).withBody(body)));

        assertThatThrownBy(() -> resolver().findObjects(DATASET)).isInstanceOf(TaskFailure.class)
                .hasMessageStartingWith("Failed to resolve DataONE dataset " + DATASET + ": " + reason);
    }

    @Test
    void anUnreachableNodeIsAFailureNamingTheDataset() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        DataOneResolver unreachable = new HttpDataOneResolver(HttpClient.newHttpClient(),
                URI.create("http://127.0.0.1:" + port));

        assertThatThrownBy(() -> unreachable.findObjects(DATASET))
                .hasMessageStartingWith("Failed to resolve DataONE dataset " + DATASET
                        + ": the Solr query to http://127.0.0.1:" + port + " failed: ");
    }
}
