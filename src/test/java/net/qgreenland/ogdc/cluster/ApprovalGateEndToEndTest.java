package net.qgreenland.ogdc.cluster;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;
import net.qgreenland.ogdc.cluster.ActionHarness.Change;
import net.qgreenland.ogdc.cluster.ActionHarness.Result;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The approval gate ({@link ActionHarness}): recipes estimated over {@code max-pod-hours} are not submitted and their
 * check runs ask for action; {@code /ogdc approve} from someone who may push runs them at that head; a new push is
 * gated again; an approval from someone who may not push is refused.
 */
class ApprovalGateEndToEndTest {

    /** Far below any recipe's estimate: every recipe that runs is held. */
    static final Map<String, String> GATED = Map.of("INPUT_MAX-POD-HOURS", "0.001", "INPUT_ESTIMATE", "offline");

    @TempDir
    Path temp;

    ActionHarness action;
    Change change;

    @BeforeEach
    void repositoryWithAChange() {
        action = ActionHarness.start(temp);
        change = action.commitTwoChangedRecipesAndAnInvalidOne();
        stubPermission("maintainer", "write");
        stubPermission("visitor", "read");
        action.github.stubFor(post(urlPathEqualTo("/repos/o/r/issues/comments/555/reactions")).willReturn(
                aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("{\"id\":1}")));
    }

    @AfterEach
    void stop() {
        action.close();
    }

    @Test
    void aPushOverTheThresholdSubmitsNothingAndItsCheckRunsAskForApproval() {
        Result run = action.runAction("push", push(change.before(), change.after()), GATED);

        assertThat(run.code()).as(run.err()).isEqualTo(1);
        assertThat(action.cluster.workflows()).isEmpty();
        action.assertCheckRunsEnded(Map.of("recipes/alpha", "action_required", "recipes/beta", "action_required",
                "recipes/broken", "failure"));
        assertThat(action.finalCheckRuns().get("recipes/alpha").path("output").toString())
                .contains("over the approval threshold of 0.001 (max-pod-hours)", "/ogdc approve recipes/alpha");
        assertThat(action.recipeStates()).containsEntry("recipes/alpha", "awaiting_approval")
                .containsEntry("recipes/beta", "awaiting_approval");
    }

    @Test
    void anApprovalRunsTheRecipeAtTheHeadAndANewPushNeedsANewOne() {
        stubPullRequest(change.after());

        Result approved = action.runAction("issue_comment", comment("maintainer", "/ogdc approve recipes/alpha"),
                GATED);

        assertThat(approved.code()).as(approved.err()).isZero();
        assertThat(action.cluster.workflows()).singleElement().satisfies(workflow ->
                assertThat(workflow.path("metadata").path("labels").path(RunLabels.COMMIT).asText())
                        .isEqualTo(change.after()));
        assertThat(action.finalCheckRuns().get("recipes/alpha").path("conclusion").asText()).isEqualTo("success");
        assertThat(lastComment()).contains("@maintainer approved recipes/alpha at " + change.after().substring(0, 7));

        String next = action.writeRecipe("recipes/alpha", "Alpha Contours", "echo changed again\n").repository
                .commit("change alpha again");
        Result pushed = action.runAction("push", push(change.after(), next), GATED);

        assertThat(pushed.code()).as(pushed.err()).isZero();
        assertThat(action.cluster.workflows()).as("nothing new submitted").hasSize(1);
        assertThat(action.createdBodies().stream().filter(body -> body.path("head_sha").asText().equals(next)
                && body.path("name").asText().equals("recipes/alpha"))).singleElement().satisfies(body ->
                assertThat(body.path("conclusion").asText()).isEqualTo("action_required"));
    }

    @Test
    void aDispatchWithForceApprovesAndOneWithoutIsGated() {
        ObjectNode unforced = ActionHarness.webhook("workflow_dispatch.main.json");
        unforced.putObject("inputs").put("recipes", "alpha");
        ObjectNode forced = ActionHarness.webhook("workflow_dispatch.main.json");
        forced.putObject("inputs").put("recipes", "alpha").put("force", "true");

        Result held = action.runAction("workflow_dispatch", unforced, GATED);
        assertThat(action.cluster.workflows()).isEmpty();
        Result run = action.runAction("workflow_dispatch", forced, GATED);

        assertThat(held.code()).as(held.err()).isZero();
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(action.cluster.workflows()).hasSize(1);
        assertThat(action.recipeStates()).containsEntry("recipes/alpha", "succeeded");
    }

    @Test
    void anApprovalFromSomeoneWhoMayNotPushIsRefused() {
        stubPullRequest(change.after());

        Result run = action.runAction("issue_comment", comment("visitor", "/ogdc approve recipes/alpha"), GATED);

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(action.cluster.workflows()).isEmpty();
        assertThat(action.finalCheckRuns()).isEmpty();
        assertThat(lastComment()).contains("@visitor: `/ogdc approve recipes/alpha` needs write access");
    }

    private ObjectNode push(String before, String after) {
        return ActionHarness.webhook("push.branch-updated.probot.json").put("before", before).put("after", after)
                .put("ref", "refs/heads/main");
    }

    private ObjectNode comment(String login, String body) {
        ObjectNode payload = ActionHarness.webhook("issue_comment.created-on-pr.atlantis.json");
        ((ObjectNode) payload.path("issue")).put("number", 2);
        ObjectNode comment = ((ObjectNode) payload.path("comment")).put("body", body).put("id", 555);
        ((ObjectNode) comment.path("user")).put("login", login);
        return payload;
    }

    private void stubPermission(String login, String permission) {
        action.github.stubFor(get(urlPathEqualTo("/repos/o/r/collaborators/" + login + "/permission"))
                .willReturn(okJson("{\"permission\":\"" + permission + "\",\"role_name\":\"" + permission + "\"}")));
    }

    private void stubPullRequest(String head) {
        action.github.stubFor(get(urlPathEqualTo("/repos/o/r/pulls/2")).willReturn(okJson("""
                {"number":2,"state":"open","draft":false,
                 "base":{"sha":"%s","ref":"main","repo":{"full_name":"o/r"}},
                 "head":{"sha":"%s","ref":"changes","repo":{"full_name":"o/r"}}}"""
                .formatted(change.before(), head))));
    }

    private String lastComment() {
        assertThat(action.commentBodies()).isNotEmpty();
        return action.commentBodies().get(action.commentBodies().size() - 1);
    }
}
