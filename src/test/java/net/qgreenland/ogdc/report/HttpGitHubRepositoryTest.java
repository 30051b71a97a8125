package net.qgreenland.ogdc.report;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import net.qgreenland.ogdc.report.GitHubRepository.Permission;
import net.qgreenland.ogdc.report.GitHubRepository.PullRequestState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the pull-request commands read from GitHub, against a WireMock GitHub. */
class HttpGitHubRepositoryTest extends GitHubWireMockTest {

    HttpGitHubRepository repository() {
        return new HttpGitHubRepository(github.baseUrl(), "o/r", TOKEN, RETRY, sleeps::add,
                Clock.fixed(NOW, ZoneOffset.UTC), new WritePace(WritePace.GITHUB_LIMIT), logs::add);
    }

    @ParameterizedTest(name = "role {0}, permission {1}: {2}")
    @CsvSource({"admin,admin,ADMIN", "maintain,write,MAINTAIN", "write,write,WRITE", "triage,read,TRIAGE",
        "read,read,READ", "deployer,write,WRITE", "'',none,NONE"})
    void theRoleNameDecidesAndACustomRoleCountsAsItsBasePermission(String role, String permission, Permission expected) {
        github.stubFor(get(urlPathEqualTo("/repos/o/r/collaborators/some%20one/permission")).willReturn(okJson(
                "{\"permission\":\"" + permission + "\",\"role_name\":\"" + role + "\",\"user\":{\"login\":\"x\"}}")));

        assertThat(repository().requirePermission("some one")).isEqualTo(expected);
        assertThat(expected.canWrite()).isEqualTo(permission.equals("admin") || permission.equals("write"));
    }

    @Test
    void someoneGitHubDoesNotKnowHasNoPermission() {
        github.stubFor(get(urlPathEqualTo("/repos/o/r/collaborators/ghost/permission"))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                        .withBody("{\"message\":\"Not Found\"}")));

        assertThat(repository().requirePermission("ghost")).isEqualTo(Permission.NONE);
    }

    @Test
    void aPermissionThatCannotBeReadIsAnErrorNotAGuess() {
        github.stubFor(get(urlPathEqualTo("/repos/o/r/collaborators/octocat/permission"))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"message\":\"Bad credentials\"}")));

        assertThatThrownBy(() -> repository().requirePermission("octocat")).isInstanceOf(GitHubException.class)
                .hasMessageContaining("reading the permission of @octocat on o/r failed")
                .hasMessageContaining("401").hasMessageNotContaining(TOKEN);
    }

    @Test
    void aPullRequestFromAForkOrADeletedForkIsAFork() {
        github.stubFor(get(urlPathEqualTo("/repos/o/r/pulls/7")).willReturn(okJson("""
                {"number":7,"state":"open","draft":false,
                 "base":{"sha":"b1","ref":"main","repo":{"full_name":"o/r"}},
                 "head":{"sha":"h1","ref":"feature","repo":{"full_name":"o/r"}}}""")));
        github.stubFor(get(urlPathEqualTo("/repos/o/r/pulls/8")).willReturn(okJson("""
                {"number":8,"state":"closed","draft":true,
                 "base":{"sha":"b2","ref":"main","repo":{"full_name":"o/r"}},
                 "head":{"sha":"h2","ref":"patch","repo":null}}""")));

        assertThat(repository().requirePullRequest(7))
                .isEqualTo(new PullRequestState(7, true, "b1", "h1", "main", "feature", false, false));
        assertThat(repository().requirePullRequest(8))
                .isEqualTo(new PullRequestState(8, false, "b2", "h2", "main", "patch", true, true));
    }

    @Test
    void theReactionIsEyesOnTheComment() {
        github.stubFor(post(urlPathEqualTo("/repos/o/r/issues/comments/99/reactions"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":1,\"content\":\"eyes\"}")));

        repository().addReaction(99, "eyes");

        github.verify(1, postRequestedFor(urlPathEqualTo("/repos/o/r/issues/comments/99/reactions"))
                .withRequestBody(equalTo("{\"content\":\"eyes\"}")));
    }

    @Test
    void checkRunsAreListedAcrossPages() {
        String next = github.baseUrl() + "/repositories/1/commits/abc/check-runs?page=2";
        github.stubFor(get(urlPathEqualTo("/repos/o/r/commits/abc/check-runs")).willReturn(okJson("""
                {"total_count":2,"check_runs":[{"id":1,"name":"recipes/a","external_id":"recipes/a@abc",
                 "status":"completed","conclusion":"failure"}]}""").withHeader("Link", "<" + next + ">; rel=\"next\"")));
        github.stubFor(get(urlPathEqualTo("/repositories/1/commits/abc/check-runs")).willReturn(okJson("""
                {"total_count":2,"check_runs":[{"id":2,"name":"lint","external_id":null,
                 "status":"in_progress","conclusion":null}]}""")));

        assertThat(repository().listCheckRuns("abc")).containsExactly(
                new GitHubRepository.CheckRunRecord(1, "recipes/a", Optional.of("recipes/a@abc"), "completed",
                        Optional.of("failure")),
                new GitHubRepository.CheckRunRecord(2, "lint", Optional.empty(), "in_progress", Optional.empty()));
        github.verify(1, getRequestedFor(urlPathEqualTo("/repos/o/r/commits/abc/check-runs"))
                .withQueryParam("filter", equalTo("latest")));
    }
}
