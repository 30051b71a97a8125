package net.qgreenland.ogdc.action;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.qgreenland.ogdc.action.ActionEvent.CheckRunRerequested;
import net.qgreenland.ogdc.action.ActionEvent.CommentCommand;
import net.qgreenland.ogdc.action.ActionEvent.Dispatch;
import net.qgreenland.ogdc.action.ActionEvent.Ignored;
import net.qgreenland.ogdc.action.ActionEvent.PullRequest;
import net.qgreenland.ogdc.action.ActionEvent.Push;
import net.qgreenland.ogdc.testing.Webhooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every real webhook payload in {@code ../shared/reference/github/webhooks/} parses into the expected event. */
class RealPayloadsTest {

    static final Path WEBHOOKS = Webhooks.DIRECTORY;
    /** The id of the comment in {@code issue_comment.created-on-pr.atlantis.json}. */
    static final long COMMENT_ID = 396_926_483L;
    static final String ZEROS = "0000000000000000000000000000000000000000";
    static final String PR_BASE = "f95f852bd8fca8fcc58a9a2d6c842781e32a215e";
    static final String PR_HEAD = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
    static final String TAG_SHA = "6113728f27ae82c7b1a177c8d03f9e96e0adf246";

    static Stream<Arguments> payloads() {
        return Stream.of(
            Arguments.of("push.branch-created.json", "push", new Push(ZEROS, TAG_SHA, "refs/heads/master",
                    true, false, false, false, Optional.of("master"))),
            Arguments.of("push.branch-updated.probot.json", "push", new Push(
                    "f5cd85485562ec4b0855c77cf44ecbed40c8e689", "738a951dba49dfec487000ef85ae80291d7ab32a",
                    "refs/heads/bkeepers-patch-3", false, false, false, false, Optional.of("master"))),
            Arguments.of("push.tag-created.json", "push", new Push(ZEROS, TAG_SHA, "refs/tags/simple-tag",
                    true, false, false, true, Optional.of("master"))),
            Arguments.of("push.tag-deleted.json", "push", new Push(TAG_SHA, ZEROS, "refs/tags/simple-tag",
                    false, true, false, true, Optional.of("master"))),
            Arguments.of("pull_request.opened.json", "pull_request",
                    new PullRequest("opened", 2, PR_BASE, PR_HEAD, "master", "changes", false, false)),
            Arguments.of("pull_request.synchronize.json", "pull_request",
                    new PullRequest("synchronize", 2, PR_BASE, PR_HEAD, "master", "changes", false, false)),
            Arguments.of("pull_request.reopened.json", "pull_request",
                    new PullRequest("reopened", 2, PR_BASE, PR_HEAD, "master", "changes", false, false)),
            Arguments.of("pull_request.closed.json", "pull_request",
                    new PullRequest("closed", 2, PR_BASE, PR_HEAD, "master", "changes", false, false)),
            Arguments.of("workflow_dispatch.main.json", "workflow_dispatch", new Dispatch(List.of(), false, false)),
            Arguments.of("workflow_dispatch.master.json", "workflow_dispatch",
                    new Dispatch(List.of(), false, false)),
            Arguments.of("issue_comment.created-on-issue.json", "issue_comment",
                    new Ignored("comment on issue #1, which is not a pull request")),
            Arguments.of("issue_comment.created-on-pr.atlantis.json", "issue_comment",
                    new Ignored("comment has no line starting with /ogdc")),
            Arguments.of("check_run.rerequested.json", "check_run", new CheckRunRerequested("randscape",
                    "d6fde92930d4715a2b49857d24b940956b26d2d3", Optional.empty())),
            Arguments.of("check_run.requested_action.json", "check_run",
                    new Ignored("check_run action 'requested_action' has nothing to run")),
            Arguments.of("check_run.created.json", "check_run",
                    new Ignored("check_run action 'created' has nothing to run")),
            Arguments.of("check_run.completed-github-actions.json", "check_run",
                    new Ignored("check_run action 'completed' has nothing to run")),
            Arguments.of("check_suite.rerequested.json", "check_suite",
                    new Ignored("event 'check_suite' is not one this action runs recipes for")));
    }

    @ParameterizedTest(name = "{0} ({1}) parses into {2}")
    @MethodSource("payloads")
    void everyRealPayloadParsesIntoTheExpectedEvent(String file, String eventName, ActionEvent expected)
            throws IOException {
        assertThat(ActionEvent.parse(eventName, Files.readString(WEBHOOKS.resolve(file)))).isEqualTo(expected);
    }

    @Test
    void theTableCoversEveryPayloadAndAgreesWithTheIndex() throws IOException {
        Map<String, String> tableEvents = payloads().collect(Collectors.toMap(
                arguments -> (String) arguments.get()[0], arguments -> (String) arguments.get()[1]));
        try (Stream<Path> files = Files.list(WEBHOOKS)) {
            assertThat(files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".json")))
                    .containsExactlyInAnyOrderElementsOf(tableEvents.keySet());
        }
        List<String> rows = Files.readAllLines(WEBHOOKS.resolve("INDEX.tsv"));
        assertThat(rows).hasSizeGreaterThan(10);
        for (String row : rows.subList(1, rows.size())) {
            String[] columns = row.split("\t");
            assertThat(tableEvents).as("INDEX.tsv row %s", row).containsEntry(columns[0], columns[1]);
        }
    }

    @ParameterizedTest(name = "PR comment ''{0}'' is {1}")
    @MethodSource("comments")
    void commandsInTheAtlantisPullRequestCommentParse(String body, ActionEvent expected) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode payload = (ObjectNode) json.readTree(
                WEBHOOKS.resolve("issue_comment.created-on-pr.atlantis.json").toFile());
        ((ObjectNode) payload.get("comment")).put("body", body);

        assertThat(ActionEvent.parse("issue_comment", json.writeValueAsString(payload))).isEqualTo(expected);
    }

    static Stream<Arguments> comments() {
        return Stream.of(
            Arguments.of("/ogdc run a b", onPr(new Command.Run(List.of("a", "b"), false))),
            Arguments.of("/ogdc run all", onPr(new Command.Run(List.of(), true))),
            Arguments.of("/ogdc retry", onPr(new Command.Retry(List.of()))),
            Arguments.of("/ogdc cancel x", onPr(new Command.Cancel(List.of("x")))),
            Arguments.of("/ogdc approve seal-tags, b", onPr(new Command.Approve(List.of("seal-tags", "b")))),
            Arguments.of("/ogdc help", onPr(new Command.Help())),
            Arguments.of("/ogdc frobnicate", onPr(new Command.Unknown("frobnicate"))),
            Arguments.of("Looks good to me!", new Ignored("comment has no line starting with /ogdc")));
    }

    private static ActionEvent onPr(Command command) {
        return new CommentCommand(1, COMMENT_ID, "runatlantis", "OWNER", command);
    }

    @ParameterizedTest(name = "issue_comment action ''{0}'' is ignored")
    @MethodSource("editedOrDeleted")
    void onlyNewCommentsCarryCommands(String action) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode payload = (ObjectNode) json.readTree(
                WEBHOOKS.resolve("issue_comment.created-on-pr.atlantis.json").toFile());
        payload.put("action", action);
        ((ObjectNode) payload.get("comment")).put("body", "/ogdc run all");

        assertThat(ActionEvent.parse("issue_comment", json.writeValueAsString(payload))).isEqualTo(
                new Ignored("issue_comment action '" + action + "': only new comments carry commands"));
    }

    static Stream<String> editedOrDeleted() {
        return Stream.of("edited", "deleted");
    }
}
