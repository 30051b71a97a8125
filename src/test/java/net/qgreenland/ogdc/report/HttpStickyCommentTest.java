package net.qgreenland.ogdc.report;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.qgreenland.ogdc.report.GitHubChecks.Publication;
import org.junit.jupiter.api.Test;

/** The one sticky pull-request comment against a WireMock GitHub: found by marker and author, edited in place. */
class HttpStickyCommentTest extends GitHubWireMockTest {

    static final String MARKER = "<!-- ogdc-action:o/r -->";
    static final String COMMENTS = "/repos/o/r/issues/5/comments";
    static final String PAGE_2 = "/repositories/1000/issues/5/comments";
    static final String BOT = "github-actions[bot]";

    static ObjectNode comment(long id, String login, String type, String body) {
        ObjectNode comment = JSON.createObjectNode().put("id", id).put("body", body)
                .put("html_url", "https://github.com/o/r/pull/5#issuecomment-" + id);
        comment.putObject("user").put("login", login).put("type", type);
        return comment;
    }

    static String page(ObjectNode... comments) {
        ArrayNode array = JSON.createArrayNode();
        for (ObjectNode comment : comments) {
            array.add(comment);
        }
        return array.toString();
    }

    void onePage(ObjectNode... comments) {
        github.stubFor(get(urlPathEqualTo(COMMENTS)).withQueryParam("per_page", equalTo("100"))
                .willReturn(okJson(page(comments)).withHeaders(recordedHeaders())));
    }

    void twoPages(ObjectNode[] first, ObjectNode... second) {
        String next = github.baseUrl() + PAGE_2 + "?per_page=100&page=2";
        github.stubFor(get(urlPathEqualTo(COMMENTS)).withQueryParam("per_page", equalTo("100"))
                .withQueryParam("page", absent())
                .willReturn(okJson(page(first)).withHeaders(recordedHeaders())
                        .withHeader("Link", "<" + next + ">; rel=\"next\", <" + next + ">; rel=\"last\"")));
        github.stubFor(get(urlPathEqualTo(PAGE_2)).withQueryParam("page", equalTo("2"))
                .willReturn(okJson(page(second))));
    }

    void writesSucceed() {
        github.stubFor(post(urlPathEqualTo(COMMENTS)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody(comment(900, BOT, "Bot", "created").toString())));
        github.stubFor(patch(urlPathMatching("/repos/o/r/issues/comments/\\d+"))
                .willReturn(okJson(comment(77, BOT, "Bot", "edited").toString())));
    }

    @Test
    void theFirstRunPostsOnceAndTheSameBodyAgainSendsNothing() {
        onePage(comment(1, "octocat", "User", "looks good"));
        writesSucceed();
        GitHubChecks checks = checks(github.baseUrl());

        assertThat(checks.upsertComment(5, MARKER, MARKER + "\n2 recipes ran")).isEqualTo(Publication.PUBLISHED);
        assertThat(checks.upsertComment(5, MARKER, MARKER + "\n2 recipes ran")).isEqualTo(Publication.PUBLISHED);

        github.verify(1, getRequestedFor(urlPathEqualTo(COMMENTS)));
        github.verify(1, postRequestedFor(urlPathEqualTo(COMMENTS)));
        assertThat(body(github.findAll(postRequestedFor(urlPathEqualTo(COMMENTS))).get(0)).get("body").asText())
                .isEqualTo(MARKER + "\n2 recipes ran");
        assertThat(github.getAllServeEvents()).hasSize(2);
    }

    @Test
    void onAJustOpenedPullRequestTheCommentIsCreatedWithoutLookingForOneThenEdited() {
        onePage(comment(77, BOT, "Bot", MARKER + "\nnot to be found"));
        writesSucceed();
        GitHubChecks checks = checks(github.baseUrl()).assumingNoCommentOn(5);

        assertThat(checks.upsertComment(5, MARKER, MARKER + "\nthe plan")).isEqualTo(Publication.PUBLISHED);
        assertThat(checks.upsertComment(5, MARKER, MARKER + "\n2 recipes ran")).isEqualTo(Publication.PUBLISHED);

        github.verify(0, getRequestedFor(urlPathEqualTo(COMMENTS)));
        github.verify(1, postRequestedFor(urlPathEqualTo(COMMENTS)));
        github.verify(1, patchRequestedFor(urlPathEqualTo("/repos/o/r/issues/comments/900")));
        assertThat(github.getAllServeEvents()).hasSize(2);
    }

    @Test
    void whenTheFirstCommentOfAJustOpenedPullRequestFailsTheNextWriteLooksForIt() {
        onePage(comment(77, BOT, "Bot", MARKER + "\ncreated although GitHub answered 502"));
        writesSucceed();
        github.stubFor(post(urlPathEqualTo(COMMENTS)).willReturn(aResponse().withStatus(502)));
        GitHubChecks checks = checks(github.baseUrl()).assumingNoCommentOn(5);

        assertThat(checks.upsertComment(5, MARKER, MARKER + "\nthe plan")).isEqualTo(Publication.FAILED);
        assertThat(checks.upsertComment(5, MARKER, MARKER + "\n2 recipes ran")).isEqualTo(Publication.PUBLISHED);

        github.verify(1, getRequestedFor(urlPathEqualTo(COMMENTS)));
        github.verify(1, patchRequestedFor(urlPathEqualTo("/repos/o/r/issues/comments/77")));
    }

    @Test
    void aSecondRunEditsItsCommentFoundOnTheSecondPageAndLeavesAUsersQuoteAlone() {
        twoPages(new ObjectNode[] {comment(10, "octocat", "User", "quoting " + MARKER + " here"),
            comment(11, "renovate[bot]", "Bot", "an update")},
                comment(77, BOT, "Bot", MARKER + "\n1 recipe ran"), comment(78, "octocat", "User", "thanks"));
        writesSucceed();
        GitHubChecks checks = checks(github.baseUrl());

        assertThat(checks.upsertComment(5, MARKER, MARKER + "\n2 recipes ran")).isEqualTo(Publication.PUBLISHED);
        assertThat(checks.upsertComment(5, MARKER, MARKER + "\n3 recipes ran")).isEqualTo(Publication.PUBLISHED);

        // the comment is looked up once; both edits go to it, none to the user's comment, nothing is created
        github.verify(1, getRequestedFor(urlPathEqualTo(COMMENTS)));
        github.verify(1, getRequestedFor(urlPathEqualTo(PAGE_2)));
        github.verify(2, patchRequestedFor(urlPathEqualTo("/repos/o/r/issues/comments/77")));
        github.verify(0, patchRequestedFor(urlPathEqualTo("/repos/o/r/issues/comments/10")));
        github.verify(0, postRequestedFor(anyUrl()));
        assertThat(github.getAllServeEvents()).hasSize(4);
    }

    @Test
    void anAnswerToACommandGoesAboveTheLastReportWhichIsKept() {
        onePage(comment(77, BOT, "Bot", MARKER + "\n### OGDC run for `abc1234`\n2 recipes ran\n"));
        writesSucceed();
        String answer = "@octocat asked for help.";

        assertThat(checks(github.baseUrl()).editComment(5, MARKER, existing ->
                net.qgreenland.ogdc.report.render.PullRequestCommentRenderer.withAnswer(existing, MARKER, answer)))
                .isEqualTo(Publication.PUBLISHED);

        String sent = body(github.findAll(patchRequestedFor(urlPathEqualTo("/repos/o/r/issues/comments/77")))
                .get(0)).get("body").asText();
        assertThat(sent).startsWith(MARKER + "\n<!-- ogdc-action:answer -->\n" + answer)
                .endsWith("### OGDC run for `abc1234`\n2 recipes ran\n");
    }

    @Test
    void anUnchangedBodyIsNotSentAgain() {
        onePage(comment(77, BOT, "Bot", MARKER + "\n2 recipes ran"));
        writesSucceed();

        assertThat(checks(github.baseUrl()).upsertComment(5, MARKER, MARKER + "\n2 recipes ran"))
                .isEqualTo(Publication.PUBLISHED);

        github.verify(1, getRequestedFor(urlPathEqualTo(COMMENTS)));
        github.verify(0, patchRequestedFor(anyUrl()));
        github.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void aUsersCommentCarryingTheMarkerIsNeverEdited() {
        onePage(comment(10, "octocat", "User", MARKER + "\nI pasted your marker"));
        writesSucceed();

        assertThat(checks(github.baseUrl()).upsertComment(5, MARKER, MARKER + "\n2 recipes ran"))
                .isEqualTo(Publication.PUBLISHED);

        github.verify(0, patchRequestedFor(anyUrl()));
        github.verify(1, postRequestedFor(urlPathEqualTo(COMMENTS)));
    }

    @Test
    void aForkTokenIsRefusedWhenCommentingAndNotAskedAgain() {
        onePage();
        github.stubFor(post(urlPathEqualTo(COMMENTS)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"Resource not accessible by integration\",\"status\":\"403\"}")));
        GitHubChecks checks = checks(github.baseUrl());

        assertThat(checks.upsertComment(5, MARKER, MARKER + " a")).isEqualTo(Publication.REFUSED);
        assertThat(checks.upsertComment(5, MARKER, MARKER + " b")).isEqualTo(Publication.REFUSED);

        github.verify(2, anyRequestedFor(anyUrl()));
        assertThat(logs).hasSize(1);
    }

    @Test
    void aBodyLongerThanGitHubTakesIsNotSent() {
        String body = MARKER + "x".repeat(HttpGitHubChecks.MAX_COMMENT_CHARACTERS);

        assertThat(checks(github.baseUrl()).upsertComment(5, MARKER, body)).isEqualTo(Publication.FAILED);

        github.verify(0, anyRequestedFor(anyUrl()));
        assertThat(logs).singleElement().asString().contains("65536");
    }
}
