package net.qgreenland.ogdc.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import net.qgreenland.ogdc.action.ActionEvent.PullRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActionEventsTest {

    @TempDir
    Path dir;

    @Test
    void theEventIsReadFromTheEventPath() throws IOException {
        Path event = Files.copy(RealPayloadsTest.WEBHOOKS.resolve("pull_request.synchronize.json"),
                dir.resolve("event.json"));

        ActionEvent parsed = ActionEvents.read(ActionEnvironment.from(Map.of(
                "GITHUB_EVENT_NAME", "pull_request", "GITHUB_EVENT_PATH", event.toString())));

        assertThat(parsed).isInstanceOf(PullRequest.class);
        assertThat(((PullRequest) parsed).headSha()).isEqualTo(RealPayloadsTest.PR_HEAD);
    }

    @Test
    void aMissingEventFileIsAClearError() {
        Path missing = dir.resolve("event.json");

        assertThatThrownBy(() -> ActionEvents.read(ActionEnvironment.from(Map.of(
                "GITHUB_EVENT_NAME", "push", "GITHUB_EVENT_PATH", missing.toString()))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the event payload GITHUB_EVENT_PATH=" + missing + " does not exist");
    }

    @Test
    void anUnsetEventPathOrNameIsAClearError() {
        assertThatThrownBy(() -> ActionEvents.read(ActionEnvironment.from(Map.of("GITHUB_EVENT_NAME", "push"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GITHUB_EVENT_PATH is not set");
        assertThatThrownBy(() -> ActionEvents.read(ActionEnvironment.from(Map.of("GITHUB_EVENT_PATH", "/e.json"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GITHUB_EVENT_NAME is not set");
    }

    @Test
    void anInvalidEventFileNamesTheProblem() throws IOException {
        Path event = Files.writeString(dir.resolve("event.json"), "{\"ref\": ");

        assertThatThrownBy(() -> ActionEvents.read(ActionEnvironment.from(Map.of(
                "GITHUB_EVENT_NAME", "push", "GITHUB_EVENT_PATH", event.toString()))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not valid JSON");
    }
}
