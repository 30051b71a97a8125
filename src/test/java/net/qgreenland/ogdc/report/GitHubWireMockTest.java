package net.qgreenland.ogdc.report;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A WireMock GitHub for the publisher's tests: every body sent is checked against GitHub's schemas afterwards. */
abstract class GitHubWireMockTest {

    static final String TOKEN = "ghs_publishTestToken0123456789";
    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    static final PublishRetry RETRY =
            new PublishRetry(3, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(5));

    @RegisterExtension
    static WireMockExtension github = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    final List<Duration> sleeps = new ArrayList<>();
    final List<String> logs = new ArrayList<>();

    HttpGitHubChecks checks(String apiUrl) {
        return new HttpGitHubChecks(apiUrl, "o/r", TOKEN, RETRY, sleeps::add, Clock.fixed(NOW, ZoneOffset.UTC),
                new WritePace(WritePace.GITHUB_LIMIT), logs::add);
    }

    @AfterEach
    void everyBodyMatchesGitHubsSchemaAndNoLogLineHasTheToken() {
        assertThat(GitHubRequestSchemas.errors(github.getAllServeEvents())).isEmpty();
        assertThat(logs).noneMatch(line -> line.contains(TOKEN));
    }

    /** The headers of GitHub's first recorded page of a paginated list: rate-limit counters and all. */
    static HttpHeaders recordedHeaders() {
        try {
            JsonNode recording = JSON.readTree(Files.readString(
                    Path.of("../shared/reference/github/recordings/paginate-issues.normalized-fixture.json")));
            List<HttpHeader> headers = new ArrayList<>();
            recording.get(0).get("headers").fields().forEachRemaining(header -> {
                String name = header.getKey();
                if (name.startsWith("x-ratelimit-") || name.equals("content-type") || name.equals("etag")) {
                    headers.add(new HttpHeader(name, header.getValue().asText()));
                }
            });
            return new HttpHeaders(headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode body(LoggedRequest request) {
        try {
            return JSON.readTree(request.getBodyAsString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
