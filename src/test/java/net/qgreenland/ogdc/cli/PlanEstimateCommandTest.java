package net.qgreenland.ogdc.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.headRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import java.util.Map;
import net.qgreenland.ogdc.testing.CommitWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code ogdc-action plan} with its pre-flight estimate: sizes from HEAD requests, offline, none. */
class PlanEstimateCommandTest {

    @RegisterExtension
    static WireMockExtension data = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path temp;

    Path repo;

    /** A parallel shell recipe of three URLs on the WireMock server, two files per partition, two commands. */
    @BeforeEach
    void recipe() {
        repo = temp.resolve("repo");
        String meta = """
                name: "Sea ice"
                workflow:
                  type: shell
                  parallel: {enabled: true, partition_size: 2, max_parallelism: 4}
                input:
                  params:
                    - {type: url, value: "%1$s/a.nc"}
                    - {type: url, value: "%1$s/b.nc"}
                    - {type: url, value: "%1$s/c.nc"}
                """.formatted(data.baseUrl());
        try (CommitWriter writer = CommitWriter.init(repo)) {
            writer.write("recipes/sea-ice/meta.yml", meta)
                    .write("recipes/sea-ice/recipe.sh",
                            "gdalinfo \"$INPUT_FILE\"\ncp \"$INPUT_FILE\" \"$OUTPUT_DIR\"\n")
                    .commit("a recipe");
        }
        data.stubFor(head(urlPathEqualTo("/a.nc")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Length", String.valueOf(300L << 20))));
        data.stubFor(head(urlPathEqualTo("/b.nc")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Length", String.valueOf(300L << 20))));
        data.stubFor(head(urlPathEqualTo("/c.nc")).willReturn(aResponse().withStatus(405)));
    }

    @Test
    void theSizesAreLookedUpAndTheEstimateSaysWhatItIsBasedOn() {
        CliRun run = CliRun.of("plan", "--repo", repo.toString(), "--all");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains(
                "estimate: ~0.73 pod-hours, ~24 min wall time; durations from defaults (no cluster to read "
                        + "earlier runs from)",
                "  inputs: 3 files, at least 600 MiB (1 size unknown) → 2 partitions",
                "  pods: fetch 1 × 2 min, write-partition-manifests 1 × 1 min, cmd-0 2 × 10 min, "
                        + "cmd-1 2 × 10 min, publish-data 1 × 1 min",
                "  unknown: " + data.baseUrl() + "/c.nc: HEAD answered HTTP 405",
                "Estimated: ~0.73 pod-hours in all.");
        assertThat(run.err()).contains("estimate: 3 input(s), 2 of known size");
        data.verify(3, headRequestedFor(anyUrl()));
    }

    @Test
    void offlineNothingIsLookedUp() {
        CliRun run = CliRun.of("plan", "--repo", repo.toString(), "--all", "--offline");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("durations from defaults (earlier runs not looked up (offline))",
                "  inputs: 3 files, size unknown → 2 partitions", "  unknown: 3 inputs: not looked up (offline)");
        data.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void theEstimateInputOfTheActionCanTurnItOff() {
        CliRun none = CliRun.withEnv(Map.of("INPUT_ESTIMATE", "none"), "plan", "--repo", repo.toString(), "--all");
        CliRun flag = CliRun.of("plan", "--repo", repo.toString(), "--all", "--no-estimate", "--format", "markdown");
        CliRun bad = CliRun.withEnv(Map.of("OGDC_ESTIMATE", "maybe"), "plan", "--repo", repo.toString(), "--all");

        assertThat(none.out()).doesNotContain("estimate");
        assertThat(flag.out()).doesNotContain("Pre-flight");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("estimate must be full, offline or none, got 'maybe'");
        data.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void jsonAndMarkdownCarryTheEstimate() throws Exception {
        CliRun json = CliRun.of("plan", "--repo", repo.toString(), "--all", "--format", "json");
        CliRun markdown = CliRun.of("plan", "--repo", repo.toString(), "--all", "--format", "markdown", "--offline");

        JsonNode estimate = new ObjectMapper().readTree(json.out()).path("recipes").get(0).path("estimate");
        assertThat(estimate.path("partitions").asInt()).isEqualTo(2);
        assertThat(estimate.path("files").asInt()).isEqualTo(3);
        assertThat(estimate.path("inputs").get(0).path("bytes").asLong()).isEqualTo(300L << 20);
        assertThat(estimate.path("lowerBound").asBoolean()).isFalse();
        assertThat(markdown.out()).contains("#### Pre-flight estimate",
                "| `recipes/sea-ice` | 3 files, size unknown | 2 |");
    }
}
