package net.qgreenland.ogdc.git;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static net.qgreenland.ogdc.change.ChangedPath.added;
import static net.qgreenland.ogdc.change.ChangedPath.copied;
import static net.qgreenland.ogdc.change.ChangedPath.deleted;
import static net.qgreenland.ogdc.change.ChangedPath.modified;
import static net.qgreenland.ogdc.change.ChangedPath.renamed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** GitHub's compare API through hub4j, against WireMock answers shaped like GitHub's. */
class Hub4jGitHubCompareTest {

    static final String TOKEN = "ghs_compareTestToken";
    static final String BASE = "1111111111111111111111111111111111111111";
    static final String HEAD = "2222222222222222222222222222222222222222";
    static final String MERGE_BASE = "3333333333333333333333333333333333333333";
    static final String REPO_PATH = "/repos/o/r";
    static final String COMPARE_PATH = REPO_PATH + "/compare/" + BASE + "..." + HEAD;
    static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static WireMockExtension github = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    GitHubCompare compare;

    @BeforeEach
    void connect() {
        github.stubFor(get(urlPathEqualTo(REPO_PATH)).willReturn(okJson(repository())));
        compare = Hub4jGitHubCompare.connect(github.baseUrl(), "o/r", TOKEN);
    }

    String repository() {
        ObjectNode repo = JSON.createObjectNode().put("id", 1).put("name", "r").put("full_name", "o/r")
                .put("private", false).put("default_branch", "main")
                .put("url", github.baseUrl() + REPO_PATH).put("html_url", "https://github.com/o/r");
        repo.putObject("owner").put("login", "o").put("id", 2).put("type", "User");
        return repo.toString();
    }

    /** A compare answer as GitHub sends it (trimmed to the fields that matter and a few that do not). */
    static String comparison(List<ObjectNode> files) {
        ObjectNode root = JSON.createObjectNode()
                .put("url", "https://api.github.com" + COMPARE_PATH)
                .put("html_url", "https://github.com/o/r/compare/" + BASE + "..." + HEAD)
                .put("status", "diverged").put("ahead_by", 2).put("behind_by", 1).put("total_commits", 2);
        root.putObject("base_commit").put("sha", BASE);
        root.putObject("merge_base_commit").put("sha", MERGE_BASE).putObject("commit").put("message", "base");
        root.putArray("commits").addObject().put("sha", HEAD).putObject("commit").put("message", "head");
        ArrayNode array = root.putArray("files");
        files.forEach(array::add);
        return root.toString();
    }

    static ObjectNode file(String status, String filename) {
        return JSON.createObjectNode().put("sha", "4444444444444444444444444444444444444444")
                .put("filename", filename).put("status", status).put("additions", 1).put("deletions", 0)
                .put("changes", 1).put("patch", "@@ -0,0 +1 @@\n+echo\n");
    }

    static ObjectNode moved(String status, String from, String to) {
        return file(status, to).put("previous_filename", from);
    }

    @Test
    void everyStatusBecomesAChangeAndUnchangedFilesAreSkipped() {
        github.stubFor(get(urlPathEqualTo(COMPARE_PATH)).willReturn(okJson(comparison(List.of(
                file("added", "recipes/a/new.sh"), file("removed", "recipes/a/old.sh"),
                file("modified", "recipes/b/recipe.sh"), file("changed", "recipes/b/mode.sh"),
                moved("renamed", "recipes/c/x.sh", "recipes/d/x.sh"), moved("copied", "recipes/e/y.sh", "recipes/f/y.sh"),
                file("unchanged", "recipes/g/same.sh"))))));

        GitHubCompare.Comparison result = compare.compare(BASE, HEAD);

        assertThat(result).isEqualTo(new GitHubCompare.Comparison(MERGE_BASE, List.of(
                added("recipes/a/new.sh"), deleted("recipes/a/old.sh"), modified("recipes/b/recipe.sh"),
                modified("recipes/b/mode.sh"), renamed("recipes/c/x.sh", "recipes/d/x.sh"),
                copied("recipes/e/y.sh", "recipes/f/y.sh"))));
        github.verify(1, getRequestedFor(urlPathEqualTo(COMPARE_PATH))
                .withHeader("Authorization", equalTo("token " + TOKEN)));
        github.verify(1, getRequestedFor(urlPathEqualTo(REPO_PATH)));
        assertThat(github.getAllServeEvents()).hasSize(2);
    }

    @Test
    void theRepositoryIsLookedUpOnceForManyComparisons() {
        github.stubFor(get(urlPathEqualTo(COMPARE_PATH)).willReturn(okJson(comparison(List.of()))));

        compare.compare(BASE, HEAD);
        compare.compare(BASE, HEAD);

        github.verify(1, getRequestedFor(urlPathEqualTo(REPO_PATH)));
        github.verify(2, getRequestedFor(urlPathEqualTo(COMPARE_PATH)));
    }

    @Test
    void aListAsLongAsGitHubsCapIsTooLargeToTrust() {
        github.stubFor(get(urlPathEqualTo(COMPARE_PATH)).willReturn(okJson(comparison(IntStream.range(0, 300)
                .mapToObj(i -> file("modified", "recipes/r" + i + "/recipe.sh")).toList()))));

        assertThatThrownBy(() -> compare.compare(BASE, HEAD))
                .isInstanceOf(GitException.class)
                .hasMessage("GitHub compare o/r " + BASE + "..." + HEAD + " is too large: GitHub lists at most 300"
                        + " changed files of a comparison and listed 300, so some may be missing");
    }

    @Test
    void aListJustUnderTheCapIsComplete() {
        github.stubFor(get(urlPathEqualTo(COMPARE_PATH)).willReturn(okJson(comparison(IntStream.range(0, 299)
                .mapToObj(i -> file("modified", "recipes/r" + i + "/recipe.sh")).toList()))));

        assertThat(compare.compare(BASE, HEAD).changes()).hasSize(299);
    }

    @Test
    void aRenameWithoutItsPreviousNameIsAnError() {
        github.stubFor(get(urlPathEqualTo(COMPARE_PATH)).willReturn(okJson(comparison(List.of(
                file("renamed", "recipes/d/x.sh"))))));

        assertThatThrownBy(() -> compare.compare(BASE, HEAD))
                .hasMessage("GitHub compare o/r " + BASE + "..." + HEAD
                        + " failed: 'recipes/d/x.sh' is listed as renamed without its previous name");
    }

    @Test
    void anUnknownCommitIsA404Error() {
        github.stubFor(get(urlPathEqualTo(COMPARE_PATH)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"Not Found\",\"documentation_url\":"
                        + "\"https://docs.github.com/rest/commits/commits#compare-two-commits\",\"status\":\"404\"}")));

        assertThatThrownBy(() -> compare.compare(BASE, HEAD))
                .isInstanceOf(GitException.class)
                .hasMessage("GitHub compare o/r " + BASE + "..." + HEAD + " failed: 404 Not Found")
                .hasMessageNotContaining(TOKEN);
        github.verify(1, getRequestedFor(urlPathEqualTo(COMPARE_PATH)));
    }

    @Test
    void githubsOwnMessageIsKept() {
        github.stubFor(get(urlPathEqualTo(COMPARE_PATH)).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"Server Error: Sorry, this diff is taking too long to generate.\"}")));

        assertThatThrownBy(() -> compare.compare(BASE, HEAD))
                .isInstanceOf(GitException.class)
                .hasMessage("GitHub compare o/r " + BASE + "..." + HEAD
                        + " failed: 422 Server Error: Sorry, this diff is taking too long to generate.");
        github.verify(1, getRequestedFor(urlPathEqualTo(COMPARE_PATH)));
    }

    @Test
    void aBadGatewayIsAnError() {
        github.stubFor(get(urlPathEqualTo(COMPARE_PATH)).willReturn(aResponse().withStatus(502).withBody("bad gateway")));

        assertThatThrownBy(() -> compare.compare(BASE, HEAD))
                .isInstanceOf(GitException.class)
                .hasMessage("GitHub compare o/r " + BASE + "..." + HEAD + " failed: 502 bad gateway");
        github.verify(1, getRequestedFor(urlPathEqualTo(COMPARE_PATH)));
    }
}
