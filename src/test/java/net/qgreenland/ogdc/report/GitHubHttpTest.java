package net.qgreenland.ogdc.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading GitHub's {@code Link} header as recorded from the real API. */
class GitHubHttpTest {

    @Test
    void theNextPageIsReadFromARecordedLinkHeaderWhateverItsOrder() throws Exception {
        JsonNode recording = new ObjectMapper().readTree(Files.readString(
                Path.of("../shared/reference/github/recordings/paginate-issues.normalized-fixture.json")));

        // the second page lists prev before next, and first after last
        assertThat(GitHubHttp.nextLink(recording.get(1).at("/headers/link").asText()))
                .contains("https://api.github.com/repositories/1000/issues?per_page=3&page=3");
        assertThat(GitHubHttp.nextLink(recording.get(0).at("/headers/link").asText()))
                .contains("https://api.github.com/repositories/1000/issues?per_page=3&page=2");
    }

    @Test
    void theLastPageHasNoNext() {
        assertThat(GitHubHttp.nextLink("<https://api.github.com/repositories/1000/issues?page=4>; rel=\"prev\", "
                + "<https://api.github.com/repositories/1000/issues?page=1>; rel=\"first\"")).isEqualTo(Optional.empty());
    }
}
