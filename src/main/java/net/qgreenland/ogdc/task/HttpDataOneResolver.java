package net.qgreenland.ogdc.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * {@link DataOneResolver} over a member node's Solr endpoint ({@code GET {node}/v2/query/solr/}), 50 documents a
 * page until {@code numFound} are collected, each request timing out after 30 s.
 */
final class HttpDataOneResolver implements DataOneResolver {

    static final int ROWS = 50;
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final String FIELDS = "id,title,formatId,size,fileName,abstract,description";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final String node;
    private final Duration timeout;

    /** A resolver asking the member node at {@code node}, e.g. {@code https://arcticdata.io/metacat/d1/mn}. */
    HttpDataOneResolver(HttpClient client, URI node) {
        this(client, node, TIMEOUT);
    }

    /** A resolver whose every request times out after {@code timeout}. */
    HttpDataOneResolver(HttpClient client, URI node, Duration timeout) {
        this.client = client;
        this.node = node.toString().replaceAll("/+$", "");
        this.timeout = timeout;
    }

    @Override
    public List<DataOneObject> findObjects(String dataset) {
        List<DataOneObject> objects = new ArrayList<>();
        for (int start = 0; ; start += ROWS) {
            JsonNode response = queryPage(dataset, start).path("response");
            JsonNode docs = response.path("docs");
            JsonNode numFound = response.path("numFound");
            if (!docs.isArray() || !numFound.canConvertToLong()) {
                throw failure(dataset, "the Solr response has no 'response.docs' array and 'response.numFound'");
            }
            if (docs.isEmpty()) {
                return objects;
            }
            for (JsonNode doc : docs) {
                objects.add(object(dataset, doc));
            }
            if (objects.size() >= numFound.asLong()) {
                return objects;
            }
        }
    }

    /** The URL of the object {@code pid}: {@code {node}/v2/object/} and the pid with every reserved byte encoded. */
    String objectUrl(String pid) {
        return node + "/v2/object/" + PercentEncoding.encode(pid);
    }

    /** The Solr query URL for page {@code start} of {@code dataset}'s data objects. */
    URI queryUri(String dataset, int start) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("q", "resourceMap:\"" + dataset + "\" AND -formatType:METADATA");
        params.put("fl", FIELDS);
        params.put("rows", String.valueOf(ROWS));
        params.put("start", String.valueOf(start));
        params.put("wt", "json");
        return URI.create(node + "/v2/query/solr/?" + params.entrySet().stream()
                .map(p -> p.getKey() + "=" + PercentEncoding.encode(p.getValue()))
                .collect(Collectors.joining("&")));
    }

    private JsonNode queryPage(String dataset, int start) {
        HttpRequest request = HttpRequest.newBuilder(queryUri(dataset, start)).timeout(timeout)
                .header("Accept", "application/json").GET().build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw failure(dataset, "the Solr query timed out after " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            throw failure(dataset, "the Solr query to " + node + " failed: " + TaskFailure.reason(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(dataset, "interrupted");
        }
        if (response.statusCode() != 200) {
            throw failure(dataset, "the Solr query returned HTTP " + response.statusCode());
        }
        try {
            return JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw failure(dataset, "the Solr response is not valid JSON: " + TaskFailure.reason(e));
        }
    }

    private DataOneObject object(String dataset, JsonNode doc) {
        String id = doc.path("id").asText("");
        String filename = doc.path("fileName").asText("");
        if (id.isEmpty()) {
            throw failure(dataset, "Document missing required 'id' field: " + doc);
        }
        if (filename.isEmpty()) {
            throw failure(dataset, "Document missing required 'fileName' field: " + id);
        }
        String title = doc.path("title").asText("");
        JsonNode size = doc.path("size");
        return new DataOneObject(id, objectUrl(id), filename, doc.path("formatId").asText(""),
                size.canConvertToLong() || size.isTextual() && size.asText().matches("\\d{1,18}")
                        ? OptionalLong.of(size.asLong()) : OptionalLong.empty(),
                title.isEmpty() ? filename : title);
    }

    private static TaskFailure failure(String dataset, String reason) {
        return new TaskFailure("Failed to resolve DataONE dataset " + dataset + ": " + reason);
    }
}
