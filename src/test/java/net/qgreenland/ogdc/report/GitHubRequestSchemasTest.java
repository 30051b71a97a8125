package net.qgreenland.ogdc.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The schema check the publisher's tests rely on does reject what GitHub rejects. */
class GitHubRequestSchemasTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "checks/create | {\"head_sha\":\"abc\"}",
        "checks/create | {\"name\":\"n\",\"head_sha\":\"abc\",\"output\":{\"title\":\"t\"}}",
        "checks/create | {\"name\":\"n\",\"head_sha\":\"abc\",\"status\":\"waiting\"}",
        "checks/update | {\"status\":\"completed\"}",
        "checks/update | {\"conclusion\":\"error\"}",
        "checks/update | {\"output\":{\"summary\":\"s\",\"annotations\":[{\"path\":\"p\",\"start_line\":1,"
                + "\"end_line\":1,\"annotation_level\":\"error\",\"message\":\"m\"}]}}",
        "issues/create-comment | {\"text\":\"hi\"}",
        "issues/update-comment | {\"body\":5}",
    })
    void aBodyGitHubWouldRejectHasErrors(String operation, String body) throws Exception {
        assertThat(GitHubRequestSchemas.errors(operation, JSON.readTree(body))).isNotEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "checks/create | {\"name\":\"n\",\"head_sha\":\"abc\",\"output\":{\"title\":\"t\",\"summary\":\"s\"}}",
        "checks/update | {\"status\":\"completed\",\"conclusion\":\"success\",\"completed_at\":\"2025-06-01T12:00:00Z\"}",
        "issues/create-comment | {\"body\":\"hi\"}",
    })
    void aBodyGitHubTakesHasNone(String operation, String body) throws Exception {
        assertThat(GitHubRequestSchemas.errors(operation, JSON.readTree(body))).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"POST,/repos/o/r/check-runs,checks/create", "PATCH,/api/v3/repos/o/r/check-runs/42,checks/update",
        "POST,/repos/o/r/issues/5/comments,issues/create-comment", "PATCH,/repos/o/r/issues/comments/7,issues/update-comment"})
    void writesAreTold(String method, String path, String operation) {
        assertThat(GitHubRequestSchemas.operation(method, path)).isEqualTo(operation);
    }

    @org.junit.jupiter.api.Test
    void anUnknownWriteHasNoSchema() {
        assertThatThrownBy(() -> GitHubRequestSchemas.operation("DELETE", "/repos/o/r/issues/comments/7"))
                .isInstanceOf(AssertionError.class);
    }
}
