package net.qgreenland.ogdc.cluster;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.qgreenland.ogdc.cluster.ActionHarness.Change;
import net.qgreenland.ogdc.cluster.ActionHarness.Result;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ogdc-action run} for a {@code pull_request} event ({@link ActionHarness}): check runs on the head commit,
 * not the test merge commit the job checks out; one sticky comment; and a pull request from a fork, which submits
 * nothing.
 */
class PullRequestEndToEndTest {

    /** GitHub's answer to a write with a token that may only read, as a fork's pull request gets. */
    static final String FORBIDDEN = "{\"message\":\"Resource not accessible by integration\",\"documentation_url\":"
            + "\"https://docs.github.com/rest/checks/runs#create-a-check-run\",\"status\":\"403\"}";

    @TempDir
    Path temp;

    ActionHarness action;
    Change change;
    /** The test merge commit GitHub checks out for a pull request (GITHUB_SHA): never where check runs go. */
    String mergeCommit;

    @BeforeEach
    void pullRequestWithAChange() {
        action = ActionHarness.start(temp);
        change = action.commitTwoChangedRecipesAndAnInvalidOne();
        mergeCommit = action.repository.branch("pull/2/merge", change.after()).commit("Merge into main");
    }

    @AfterEach
    void stop() {
        action.close();
    }

    @Test
    void aPullRequestRunsItsChangedRecipesReportsThemOnItsHeadAndKeepsOneStickyComment() {
        Result run = action.runAction("pull_request", pullRequest("pull_request.opened.json", "Codertocat/Hello-World"),
                Map.of("GITHUB_SHA", mergeCommit, "GITHUB_REF", "refs/pull/2/merge"));

        assertThat(run.code()).as(run.err()).isEqualTo(1);
        action.assertCheckRunsEnded(RunEndToEndTest.CONCLUSIONS);
        assertThat(action.createdBodies()).hasSize(3).allSatisfy(body ->
                assertThat(body.path("head_sha").asText()).isEqualTo(change.after()));
        List<String> comments = action.commentBodies();
        assertThat(comments).isNotEmpty().allSatisfy(body -> assertThat(body).startsWith(ActionHarness.MARKER));
        assertThat(comments.get(comments.size() - 1))
                .contains("recipes/alpha", "recipes/beta", "recipes/broken").doesNotContain("recipes/untouched");
        action.github.verify(1, postRequestedFor(urlPathEqualTo("/repos/o/r/issues/2/comments")));
        // a pull request just opened has no comment of ours: it is created without listing the comments
        action.github.verify(0, getRequestedFor(urlPathEqualTo("/repos/o/r/issues/2/comments")));
        assertThat(action.cluster.workflows()).hasSize(2).allSatisfy(workflow -> {
            JsonNode labels = workflow.path("metadata").path("labels");
            assertThat(labels.path(RunLabels.PULL_REQUEST).asText()).isEqualTo("2");
            assertThat(labels.path(RunLabels.TRIGGER).asText()).isEqualTo("pull_request");
            assertThat(labels.path(RunLabels.COMMIT).asText()).isEqualTo(change.after());
        });
        assertThat(action.outputs()).containsEntry("result", "failure");
        assertThat(action.recipeStates()).containsExactlyInAnyOrderEntriesOf(Map.of("recipes/alpha", "succeeded",
                "recipes/beta", "succeeded", "recipes/broken", "invalid"));
        assertThat(action.summary()).contains("recipes/alpha", "recipes/beta", "recipes/broken");
        assertThat(run.printedUnmasked()).doesNotContain(ActionHarness.TOKEN);
    }

    @Test
    void aReRunOfTheOpenedEventFindsTheCommentTheFirstAttemptWroteAndEditsIt() {
        String ours = "[{\"id\":" + ActionHarness.COMMENT_ID + ",\"body\":\"" + ActionHarness.MARKER
                + "\\nthe first attempt\",\"user\":{\"login\":\"github-actions[bot]\",\"type\":\"Bot\"}}]";
        action.github.stubFor(get(urlPathEqualTo("/repos/o/r/issues/2/comments")).willReturn(okJson(ours)));

        Result run = action.runAction("pull_request", pullRequest("pull_request.opened.json", "Codertocat/Hello-World"),
                Map.of("GITHUB_SHA", mergeCommit, "GITHUB_REF", "refs/pull/2/merge", "GITHUB_RUN_ATTEMPT", "2"));

        assertThat(run.code()).as(run.err()).isEqualTo(1);
        action.github.verify(1, getRequestedFor(urlPathEqualTo("/repos/o/r/issues/2/comments")));
        action.github.verify(0, postRequestedFor(urlPathEqualTo("/repos/o/r/issues/2/comments")));
        action.github.verify(2, patchRequestedFor(urlPathEqualTo("/repos/o/r/issues/comments/"
                + ActionHarness.COMMENT_ID)));
    }

    @Test
    void aPullRequestFromAForkSubmitsNothingRendersItsWorkflowsAndReportsInTheJobSummary() throws IOException {
        // a fork's token may only read: GitHub refuses the first write, and the action writes nothing more
        action.github.stubFor(post(urlPathEqualTo("/repos/o/r/check-runs")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withBody(FORBIDDEN)));
        action.github.stubFor(post(urlPathMatching("/repos/o/r/issues/\\d+/comments")).willReturn(aResponse()
                .withStatus(403).withHeader("Content-Type", "application/json").withBody(FORBIDDEN)));

        Result run = action.runAction("pull_request",
                pullRequest("pull_request.synchronize.json", "a-fork/Hello-World"),
                Map.of("GITHUB_SHA", mergeCommit, "GITHUB_REF", "refs/pull/2/merge"));

        assertThat(run.code()).as(run.err()).isEqualTo(1);
        assertThat(action.cluster.workflows()).isEmpty();
        assertThat(run.err()).contains("a pull request from a fork never submits workflows");
        Path rendered = temp.resolve("ogdc-dry-run");
        try (Stream<Path> files = Files.list(rendered)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .containsExactlyInAnyOrder("alpha-contours-shell.yaml", "beta-contours-shell.yaml");
        }
        assertThat(Files.readString(rendered.resolve("alpha-contours-shell.yaml")))
                .startsWith(RenderingArgoGateway.MARKER).contains("ogdc/pull-request: \"2\"");
        assertThat(action.createdBodies()).hasSize(1);
        assertThat(action.updateBodies()).isEmpty();
        assertThat(action.commentBodies()).isEmpty();
        assertThat(action.recipeStates()).containsExactlyInAnyOrderEntriesOf(Map.of("recipes/alpha",
                "not_submitted", "recipes/beta", "not_submitted", "recipes/broken", "invalid"));
        assertThat(action.outputs()).containsEntry("result", "failure");
        assertThat(action.summary()).contains("recipes/alpha", "recipes/beta", "recipes/broken");
        assertThat(run.out()).contains("::error file=recipes/broken/meta.yml");
        assertThat(run.printedUnmasked()).doesNotContain(ActionHarness.TOKEN);
    }

    /** {@code file}'s pull request #2 from {@code headRepository} into o/r's main, at the change's commits. */
    private ObjectNode pullRequest(String file, String headRepository) {
        ObjectNode payload = ActionHarness.webhook(file);
        ObjectNode pull = (ObjectNode) payload.path("pull_request");
        ((ObjectNode) pull.path("base")).put("sha", change.before()).put("ref", "main");
        ObjectNode head = ((ObjectNode) pull.path("head")).put("sha", change.after()).put("ref", "changes");
        ((ObjectNode) head.path("repo")).put("full_name", headRepository);
        return payload;
    }
}
