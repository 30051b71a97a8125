package net.qgreenland.ogdc.task;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;

/** A DataONE member node's Solr endpoint in WireMock: pages of documents for one dataset. */
final class SolrStubs {

    static final String SOLR_PATH = "/v2/query/solr/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SolrStubs() {}

    /** A Solr document with the fields the resolver reads; {@code null} leaves a field out. */
    static ObjectNode doc(String id, String fileName, String title, String formatId, Long size) {
        ObjectNode doc = JSON.createObjectNode().put("id", id);
        if (fileName != null) {
            doc.put("fileName", fileName);
        }
        if (title != null) {
            doc.put("title", title);
        }
        if (formatId != null) {
            doc.put("formatId", formatId);
        }
        if (size != null) {
            doc.put("size", size);
        }
        return doc;
    }

    /** A document for a file {@code name} with pid {@code urn:uuid:<name>}. */
    static ObjectNode file(String name) {
        return doc("urn:uuid:" + name, name, null, "application/octet-stream", 10L);
    }

    /** The JSON of one Solr page. */
    static String page(long numFound, List<ObjectNode> docs) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode response = root.putObject("response").put("numFound", numFound).put("start", 0);
        ArrayNode array = response.putArray("docs");
        docs.forEach(array::add);
        return root.toString();
    }

    /** Answers the query for page {@code start} (of any dataset) with {@code docs} out of {@code numFound}. */
    static void stubPage(WireMockExtension server, int start, long numFound, List<ObjectNode> docs) {
        server.stubFor(get(urlPathEqualTo(SOLR_PATH)).withQueryParam("start", equalTo(String.valueOf(start)))
                .willReturn(okJson(page(numFound, docs))));
    }

    /** Answers every query of one page with exactly {@code docs}. */
    static void stubDataset(WireMockExtension server, List<ObjectNode> docs) {
        stubPage(server, 0, docs.size(), docs);
    }
}
