package net.qgreenland.ogdc.cluster;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import net.qgreenland.ogdc.cluster.ActionHarness.Change;
import net.qgreenland.ogdc.cluster.ActionHarness.Result;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /ogdc} comments on pull request #2 ({@code issue_comment}, {@link ActionHarness}): the commenter's permission
 * read from GitHub, the 👀 reaction, the answer at the top of the sticky comment, and what each command does.
 */
class CommentCommandEndToEndTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final long USER_COMMENT = 555;
    static final String REACTIONS = "/repos/o/r/issues/comments/" + USER_COMMENT + "/reactions";

    @TempDir
    Path temp;

    ActionHarness action;
    Change change;

    @BeforeEach
    void pullRequestWithAChange() {
        action = ActionHarness.start(temp);
        change = action.commitTwoChangedRecipesAndAnInvalidOne();
        permission("maintainer", "write", "maintain");
        permission("visitor", "read", "read");
        action.github.stubFor(get(urlPathEqualTo("/repos/o/r/pulls/2")).willReturn(okJson("""
                {"number":2,"state":"open","draft":false,
                 "base":{"sha":"%s","ref":"main","repo":{"full_name":"o/r"}},
                 "head":{"sha":"%s","ref":"changes","repo":{"full_name":"o/r"}}}"""
                .formatted(change.before(), change.after()))));
        action.github.stubFor(post(urlPathEqualTo(REACTIONS)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":1,\"content\":\"eyes\"}")));
    }

    @AfterEach
    void stop() {
        action.close();
    }

    @Test
    void runFromSomeoneWhoMayPushRunsThePullRequestsChangedRecipesAtItsHead() {
        Result run = comment("maintainer", "Let's try again.\n/ogdc run");

        assertThat(run.code()).as(run.err()).isEqualTo(1);
        action.github.verify(1, postRequestedFor(urlPathEqualTo(REACTIONS)));
        action.assertCheckRunsEnded(RunEndToEndTest.CONCLUSIONS);
        assertThat(action.createdBodies()).allSatisfy(body ->
                assertThat(body.path("head_sha").asText()).isEqualTo(change.after()));
        assertThat(action.cluster.workflows()).hasSize(2).allSatisfy(workflow -> {
            JsonNode labels = workflow.path("metadata").path("labels");
            assertThat(labels.path(RunLabels.PULL_REQUEST).asText()).isEqualTo("2");
            assertThat(labels.path(RunLabels.TRIGGER).asText()).isEqualTo("issue_comment");
        });
        assertThat(lastComment()).startsWith(ActionHarness.MARKER + "\n<!-- ogdc-action:answer -->\n"
                + "@maintainer asked `/ogdc run`: running the recipes this pull request changes at "
                + change.after().substring(0, 7)).contains("recipes/alpha", "recipes/beta", "recipes/broken");
        assertThat(action.recipeStates()).containsEntry("recipes/alpha", "succeeded");
        assertThat(run.printedUnmasked()).doesNotContain(ActionHarness.TOKEN);
    }

    @Test
    void retryRunsAgainOnlyTheRecipesWhoseCheckRunFailedAtTheHead() {
        action.github.stubFor(get(urlPathMatching("/repos/o/r/commits/[0-9a-f]+/check-runs")).willReturn(okJson("""
                {"total_count":2,"check_runs":[
                 {"id":71,"name":"recipes/alpha","external_id":"recipes/alpha@%1$s","status":"completed",
                  "conclusion":"success"},
                 {"id":72,"name":"recipes/beta","external_id":"recipes/beta@%1$s","status":"completed",
                  "conclusion":"failure"}]}""".formatted(change.after()))));
        // beta ran before at this commit with this content: retry submits it again all the same
        Result first = comment("maintainer", "/ogdc run beta");
        int before = action.cluster.workflows().size();

        Result retry = comment("maintainer", "/ogdc retry");

        assertThat(first.code()).as(first.err()).isZero();
        assertThat(retry.code()).as(retry.err()).isZero();
        assertThat(action.cluster.workflows()).hasSize(before + 1).allSatisfy(workflow ->
                assertThat(workflow.path("metadata").path("labels").path(RunLabels.RECIPE_ID).asText())
                        .isEqualTo("beta-contours"));
        assertThat(action.finalCheckRuns().keySet()).containsExactly("recipes/beta");
        assertThat(action.finalCheckRuns().get("recipes/beta").path("conclusion").asText()).isEqualTo("success");
        assertThat(action.createdBodies()).as("the existing check run is updated, not duplicated").isEmpty();
        assertThat(lastComment()).contains("@maintainer asked `/ogdc retry`: running again recipes/beta");
    }

    @Test
    void cancelStopsThePullRequestsRunningWorkflowsAndCancelsTheirCheckRuns() {
        String alpha = action.runningWorkflow("alpha-contours", "recipes/alpha",
                new RunLabels(Optional.of(change.after()), OptionalInt.of(2), "pull_request"));
        String other = action.runningWorkflow("beta-contours", "recipes/beta",
                new RunLabels(Optional.of(change.after()), OptionalInt.of(3), "pull_request"));

        Result run = comment("maintainer", "/ogdc cancel");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(action.shutdownOf(alpha)).isEqualTo("Stop");
        assertThat(action.shutdownOf(other)).as("another pull request's run").isEmpty();
        action.assertCheckRunsEnded(Map.of("recipes/alpha", "cancelled"));
        assertThat(action.createdBodies().get(0).path("head_sha").asText()).isEqualTo(change.after());
        assertThat(lastComment()).contains("@maintainer asked `/ogdc cancel`. Stopped 1 run:",
                "- `recipes/alpha`: stopped `" + alpha + "`");
        action.github.verify(1, postRequestedFor(urlPathEqualTo(REACTIONS)));
    }

    @Test
    void helpIsAnsweredAboveTheLastReportAndRunsNothing() {
        String report = ActionHarness.MARKER + "\n### OGDC run for `abc1234`\n\nthe last report\n";
        ArrayNode comments = JSON.createArrayNode();
        ObjectNode existing = comments.addObject().put("id", ActionHarness.COMMENT_ID).put("body", report);
        existing.putObject("user").put("login", "github-actions[bot]").put("type", "Bot");
        action.github.stubFor(get(urlPathMatching("/repos/o/r/issues/2/comments"))
                .willReturn(okJson(comments.toString())));

        Result run = comment("maintainer", "/ogdc help");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(action.cluster.workflows()).isEmpty();
        assertThat(action.finalCheckRuns()).isEmpty();
        assertThat(lastComment()).startsWith(ActionHarness.MARKER + "\n<!-- ogdc-action:answer -->\n"
                + "@maintainer asked for help.").contains("| `/ogdc cancel [<recipe> …]` |")
                .endsWith("<!-- /ogdc-action:answer -->\n### OGDC run for `abc1234`\n\nthe last report\n");
    }

    @Test
    void aRecipeThatDoesNotExistIsAnsweredOnThePullRequestAndFailsTheJob() {
        Result run = comment("maintainer", "/ogdc run no-such-recipe");

        assertThat(run.code()).as("a usage error").isEqualTo(2);
        assertThat(action.cluster.workflows()).isEmpty();
        assertThat(lastComment()).contains("@maintainer asked `/ogdc run no-such-recipe`",
                "It could not run: no recipe named 'no-such-recipe'");
    }

    @Test
    void someoneWhoMayOnlyReadIsAnsweredAndNothingElseHappensWhateverTheirAssociation() {
        Result run = comment("visitor", "/ogdc run all");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(action.cluster.workflows()).isEmpty();
        assertThat(action.finalCheckRuns()).isEmpty();
        action.github.verify(0, postRequestedFor(urlPathEqualTo(REACTIONS)));
        assertThat(lastComment()).contains("@visitor: `/ogdc run all` needs write access to this repository "
                + "(yours is read); nothing was done.");
    }

    @Test
    void aPermissionGitHubWillNotTellStopsTheJobWithTheReason() {
        action.github.stubFor(get(urlPathEqualTo("/repos/o/r/collaborators/maintainer/permission"))
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                        .withBody("{\"message\":\"Must have push access to view repository collaborators.\"}")));

        Result run = comment("maintainer", "/ogdc run");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("reading the permission of @maintainer on o/r failed", "403",
                "nothing was done");
        assertThat(action.cluster.workflows()).isEmpty();
    }

    /** Runs the action for a new comment on pull request #2 by {@code login} (association OWNER, not trusted). */
    private Result comment(String login, String body) {
        ObjectNode payload = ActionHarness.webhook("issue_comment.created-on-pr.atlantis.json");
        ((ObjectNode) payload.path("issue")).put("number", 2);
        ObjectNode comment = ((ObjectNode) payload.path("comment")).put("body", body).put("id", USER_COMMENT)
                .put("author_association", "OWNER");
        ((ObjectNode) comment.path("user")).put("login", login);
        return action.runAction("issue_comment", payload);
    }

    private void permission(String login, String permission, String role) {
        action.github.stubFor(get(urlPathEqualTo("/repos/o/r/collaborators/" + login + "/permission"))
                .willReturn(okJson("{\"permission\":\"" + permission + "\",\"role_name\":\"" + role
                        + "\",\"user\":{\"login\":\"" + login + "\"}}")));
    }

    private String lastComment() {
        List<String> comments = action.commentBodies();
        assertThat(comments).as("sticky comment bodies sent").isNotEmpty();
        return comments.get(comments.size() - 1);
    }
}
