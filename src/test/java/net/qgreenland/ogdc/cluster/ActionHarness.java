package net.qgreenland.ogdc.cluster;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.qgreenland.ogdc.argo.model.Workflow;
import net.qgreenland.ogdc.cli.Main;
import net.qgreenland.ogdc.report.GitHubRequestSchemas;
import net.qgreenland.ogdc.report.render.PullRequestCommentRenderer;
import net.qgreenland.ogdc.testing.CommitWriter;
import net.qgreenland.ogdc.testing.Webhooks;
import org.eclipse.jgit.lib.ObjectId;

/**
 * {@code ogdc-action run} as GitHub runs the action, for end-to-end tests: a recipe repository built in a temp
 * directory ({@link #repository}), a WireMock GitHub ({@link #github}) answering the Checks API and the sticky
 * comment, the Fabric8 mock server as the cluster ({@link #cluster}), the step's output and summary files, and the
 * action's environment around a real webhook payload.
 *
 * <p>Use one per test: {@code harness = ActionHarness.start(tempDir)} in {@code @BeforeEach}, {@code harness.close()}
 * in {@code @AfterEach}. {@link #close} fails the test if any body sent to GitHub breaks GitHub's request schemas or
 * any request matched no stub, so add stubs ({@code harness.github.stubFor(...)}) for the other endpoints a test
 * needs; later stubs win over the defaults.
 *
 * <p>Default GitHub answers: no check runs listed on any commit ({@link #listCheckRunsCreatedSoFar} changes that);
 * a created check run gets the next id from 1001; updates answer 200; no comments on any pull request; a created
 * comment gets id {@value #COMMENT_ID}, written by {@code github-actions[bot]}. The workflows go to {@link #cluster}
 * (mode kubernetes) unless a test passes the inputs of another mode, e.g. {@link FakeArgoServer}'s.
 */
final class ActionHarness implements AutoCloseable {

    /** The repository in {@code GITHUB_REPOSITORY}: every GitHub path starts with {@code /repos/o/r}. */
    static final String REPOSITORY = "o/r";
    /** The GitHub token (input {@code token}): it must never be printed except in {@code ::add-mask::}. */
    static final String TOKEN = "ghs_actionHarnessToken42";
    static final String MARKER = PullRequestCommentRenderer.MARKER;
    static final long COMMENT_ID = 9001;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EXAMPLE = Path.of("example-recipe-repo/recipes/arcticdem-greenland-contours");
    private static final Pattern CHECK_RUNS = Pattern.compile("/repos/o/r/check-runs(/\\d+)?");
    private static final Pattern COMMENTS = Pattern.compile("/repos/o/r/issues/(\\d+/comments|comments/\\d+)");

    final Path temp;
    final CommitWriter repository;
    final WireMockServer github;
    final MockCluster cluster;
    private final CheckRunIds checkRunIds = new CheckRunIds();

    /** The commits of {@link #commitTwoChangedRecipesAndAnInvalidOne}. */
    record Change(String before, String after) {}

    /** What one run of the program left: its exit code and everything it printed. */
    record Result(int code, String out, String err) {

        /** Standard output and error with the {@code ::add-mask::} lines removed: no secret may remain. */
        String printedUnmasked() {
            return (out + "\n" + err).lines().filter(line -> !line.startsWith("::add-mask::"))
                    .collect(Collectors.joining("\n"));
        }
    }

    private ActionHarness(Path temp) {
        this.temp = temp;
        this.repository = CommitWriter.init(temp.resolve("repo"));
        this.cluster = new MockCluster();
        this.github = new WireMockServer(wireMockConfig().dynamicPort().extensions(checkRunIds));
        github.start();
        github.stubFor(get(urlPathMatching("/repos/o/r/commits/[0-9a-f]+/check-runs"))
                .willReturn(okJson("{\"total_count\":0,\"check_runs\":[]}")));
        github.stubFor(post(urlPathEqualTo("/repos/o/r/check-runs"))
                .willReturn(aResponse().withTransformers(CheckRunIds.NAME)));
        github.stubFor(patch(urlPathMatching("/repos/o/r/check-runs/\\d+")).willReturn(okJson("{\"id\":1}")));
        github.stubFor(get(urlPathMatching("/repos/o/r/issues/\\d+/comments")).willReturn(okJson("[]")));
        String comment = "{\"id\":" + COMMENT_ID + ",\"user\":{\"login\":\"github-actions[bot]\",\"type\":\"Bot\"}}";
        github.stubFor(post(urlPathMatching("/repos/o/r/issues/\\d+/comments")).willReturn(aResponse()
                .withStatus(201).withHeader("Content-Type", "application/json").withBody(comment)));
        github.stubFor(patch(urlPathMatching("/repos/o/r/issues/comments/\\d+")).willReturn(okJson(comment)));
    }

    /** A new harness in {@code temp} (a JUnit {@code @TempDir}): an empty repository on branch main, GitHub up. */
    static ActionHarness start(Path temp) {
        return new ActionHarness(temp);
    }

    // ---- the recipe repository

    /**
     * Writes a valid shell recipe into {@code directory} (not committed): the example repository's
     * arcticdem-greenland-contours named {@code title} (its id is {@code title} in kebab case), its script ending
     * with {@code scriptTail}.
     */
    ActionHarness writeRecipe(String directory, String title, String scriptTail) {
        repository.write(directory + "/meta.yml", read(EXAMPLE.resolve("meta.yml"))
                        .replace("ArcticDEM v4.1 Greenland Contours", title))
                .write(directory + "/recipe.sh", read(EXAMPLE.resolve("recipe.sh")) + scriptTail);
        return this;
    }

    /**
     * Commits recipes {@code recipes/alpha}, {@code recipes/beta} and {@code recipes/untouched} (before), then a
     * change to alpha's and beta's scripts and a new recipe {@code recipes/broken} whose meta.yml is invalid (after),
     * on the current branch (main unless the test moved on).
     */
    Change commitTwoChangedRecipesAndAnInvalidOne() {
        String before = writeRecipe("recipes/alpha", "Alpha Contours", "")
                .writeRecipe("recipes/beta", "Beta Contours", "")
                .writeRecipe("recipes/untouched", "Untouched", "")
                .repository.commit("recipes");
        String after = writeRecipe("recipes/alpha", "Alpha Contours", "echo changed\n")
                .writeRecipe("recipes/beta", "Beta Contours", "echo changed too\n")
                .repository.write("recipes/broken/meta.yml", "name: Broken\nworkflow: {type: shell}\n")
                .commit("change alpha and beta, add broken");
        return new Change(before, after);
    }

    // ---- events and running

    /** A recorded payload from {@code ../shared/reference/github/webhooks/}, e.g. {@code push.tag-created.json}. */
    static ObjectNode webhook(String file) {
        return Webhooks.payload(file);
    }

    /**
     * The step's environment for event {@code eventName} with {@code payload} (written to a file): the
     * {@code GITHUB_*} variables pointing at the repository, WireMock GitHub and fresh output and summary files,
     * {@code RUNNER_TEMP}, input {@code token} and mode kubernetes. {@code GITHUB_SHA} is main's tip and
     * {@code GITHUB_REF} refs/heads/main; {@code extra} (e.g. {@code INPUT_FORCE}) is added last and wins.
     */
    Map<String, String> environment(String eventName, JsonNode payload, Map<String, String> extra) {
        Path event = temp.resolve("event.json");
        try {
            Files.writeString(event, payload.toString());
            Files.deleteIfExists(outputFile());
            Files.deleteIfExists(summaryFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> env = new HashMap<>();
        env.put("HOME", temp.toString());
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_EVENT_NAME", eventName);
        env.put("GITHUB_EVENT_PATH", event.toString());
        env.put("GITHUB_SHA", mainTip());
        env.put("GITHUB_REF", "refs/heads/main");
        env.put("GITHUB_REPOSITORY", REPOSITORY);
        env.put("GITHUB_WORKSPACE", repository.directory().toString());
        env.put("GITHUB_API_URL", github.baseUrl());
        env.put("GITHUB_SERVER_URL", "https://github.com");
        env.put("GITHUB_RUN_ID", "777");
        env.put("GITHUB_OUTPUT", outputFile().toString());
        env.put("GITHUB_STEP_SUMMARY", summaryFile().toString());
        env.put("RUNNER_TEMP", temp.toString());
        env.put("INPUT_TOKEN", TOKEN);
        env.put("INPUT_MODE", "kubernetes");
        env.put("INPUT_TIMEOUT", "5m");
        env.putAll(extra);
        return env;
    }

    /**
     * Runs {@code ogdc-action run --kubeconfig <the mock cluster>} in this JVM ({@link Main#run}) with
     * {@link #environment}, while the mock cluster finishes every workflow submitted to it (Succeeded unless its
     * {@value ArgoTestController#OUTCOME_LABEL} label says otherwise). With {@code INPUT_MODE=argo-server} in
     * {@code extra} the kubeconfig is ignored.
     */
    Result runAction(String eventName, JsonNode payload, Map<String, String> extra) {
        return runPrepared(environment(eventName, payload, extra));
    }

    /** {@link #runAction} with an environment made by {@link #environment} (whose files a test may have changed). */
    Result runPrepared(Map<String, String> env) {
        AutoCloseable controller = cluster.finishingEverySubmittedWorkflow();
        try {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.run(new PrintWriter(out), new PrintWriter(err), env, arguments());
            return new Result(code, out.toString(), err.toString());
        } finally {
            try {
                controller.close();
            } catch (Exception e) {
                throw new IllegalStateException("stopping the mock cluster's controller failed", e);
            }
        }
    }

    /** {@link #runAction(String, JsonNode, Map)} with nothing extra. */
    Result runAction(String eventName, JsonNode payload) {
        return runAction(eventName, payload, Map.of());
    }

    /**
     * Starts the program as the action's container does, in a JVM of its own ({@code java -cp <test classpath>
     * net.qgreenland.ogdc.cli.Main run --kubeconfig ...}) with {@link #environment} only (nothing inherited), so a
     * test can signal it. Nothing finishes its workflows: drive them with {@code cluster.controller}.
     */
    ActionProcess startAction(String eventName, JsonNode payload, Map<String, String> extra) {
        // Surefire may start tests from a manifest-only jar; it names the real class path in this property.
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", classPath, Main.class.getName()));
        command.addAll(List.of(arguments()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(temp.toFile())
                .redirectOutput(temp.resolve("process.out").toFile())
                .redirectError(temp.resolve("process.err").toFile());
        builder.environment().clear();
        builder.environment().putAll(environment(eventName, payload, extra));
        try {
            return new ActionProcess(builder.start(), temp.resolve("process.out"), temp.resolve("process.err"));
        } catch (IOException e) {
            throw new UncheckedIOException("starting the program in a JVM of its own failed", e);
        }
    }

    /** The program running in a JVM of its own, printing into two files. */
    record ActionProcess(Process process, Path out, Path err) {

        /** Its exit code and what it printed, once it has exited. */
        Result result() {
            if (process.isAlive()) {
                throw new IllegalStateException("the program is still running");
            }
            return new Result(process.exitValue(), read(out), read(err));
        }

        /** What it printed on standard error so far. */
        String errSoFar() {
            return Files.exists(err) ? read(err) : "";
        }
    }

    private String[] arguments() {
        Path kubeconfig = cluster.writeKubeconfig(temp.resolve("kubeconfig"));
        return new String[] {"run", "--kubeconfig", kubeconfig.toString()};
    }

    // ---- what GitHub received

    /** Every body sent to create a check run, in order. */
    List<JsonNode> createdBodies() {
        return writes("POST", CHECK_RUNS).stream().filter(w -> !w.path().matches(".*/\\d+")).map(Write::body)
                .toList();
    }

    /** Every body sent to update a check run, in order. */
    List<JsonNode> updateBodies() {
        return writes("PATCH", CHECK_RUNS).stream().map(Write::body).toList();
    }

    /**
     * The names of the check runs sent {@code in_progress} so far: created so (a recipe that started within the
     * queued grace) or updated to it.
     */
    List<String> checkRunsSentInProgress() {
        return writes(null, CHECK_RUNS).stream().map(Write::body)
                .filter(body -> body.path("status").asText().equals("in_progress"))
                .map(body -> body.path("name").asText()).distinct().toList();
    }

    /**
     * The last state sent for each check run, by name: the create or the latest update carrying a status (updates
     * that only add annotations carry none), in the order the check runs were first sent.
     */
    Map<String, JsonNode> finalCheckRuns() {
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        for (Write write : writes(null, CHECK_RUNS)) {
            if (write.body().has("name") && write.body().has("status")) {
                byName.put(write.body().path("name").asText(), write.body());
            }
        }
        return byName;
    }

    /**
     * Asserts that exactly the check runs named in {@code conclusions} were sent, and that the last state sent for
     * each is {@code completed} with the conclusion given ({@code success}, {@code failure}, {@code cancelled}...).
     */
    void assertCheckRunsEnded(Map<String, String> conclusions) {
        Map<String, JsonNode> checkRuns = finalCheckRuns();
        assertThat(checkRuns.keySet()).as("check runs").containsExactlyInAnyOrderElementsOf(conclusions.keySet());
        conclusions.forEach((name, conclusion) -> {
            assertThat(checkRuns.get(name).path("status").asText()).as(name).isEqualTo("completed");
            assertThat(checkRuns.get(name).path("conclusion").asText()).as(name).isEqualTo(conclusion);
        });
    }

    /** Every body of the sticky comment sent (created, then edited), in order. */
    List<String> commentBodies() {
        return writes(null, COMMENTS).stream().map(w -> w.body().path("body").asText()).toList();
    }

    /**
     * From now on GitHub lists the check runs created so far on every commit, as it would the next time a run looks
     * for them (each with its id, name, external id and the last status sent).
     */
    void listCheckRunsCreatedSoFar() {
        ArrayNode runs = JSON.createArrayNode();
        Map<String, JsonNode> last = finalCheckRuns();
        checkRunIds.created().forEach((externalId, id) -> {
            JsonNode created = createdBodies().stream()
                    .filter(b -> b.path("external_id").asText().equals(externalId)).findFirst().orElseThrow();
            String name = created.path("name").asText();
            runs.addObject().put("id", id).put("name", name).put("external_id", externalId)
                    .put("head_sha", created.path("head_sha").asText())
                    .put("status", last.get(name).path("status").asText());
        });
        ObjectNode listing = JSON.createObjectNode().put("total_count", runs.size());
        listing.set("check_runs", runs);
        github.stubFor(get(urlPathMatching("/repos/o/r/commits/[0-9a-f]+/check-runs"))
                .willReturn(okJson(listing.toString())));
    }

    // ---- the step's files and the cluster

    Path outputFile() {
        return temp.resolve("output");
    }

    Path summaryFile() {
        return temp.resolve("summary.md");
    }

    /** The outputs the last run set ({@code name<<delimiter} blocks of GITHUB_OUTPUT), by name. */
    Map<String, String> outputs() {
        Map<String, String> outputs = new LinkedHashMap<>();
        List<String> lines = read(outputFile()).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String[] start = lines.get(i).split("<<", 2);
            StringBuilder value = new StringBuilder();
            for (i++; !lines.get(i).equals(start[1]); i++) {
                value.append(value.length() == 0 ? "" : "\n").append(lines.get(i));
            }
            outputs.put(start[0], value.toString());
        }
        return outputs;
    }

    /** The {@code recipes} output: directory → state ({@code succeeded}, {@code invalid}, ...). */
    Map<String, String> recipeStates() {
        Map<String, String> states = new LinkedHashMap<>();
        readJson(outputs().get("recipes")).forEach(r -> states.put(r.path("directory").asText(),
                r.path("state").asText()));
        return states;
    }

    String summary() {
        return read(summaryFile());
    }

    /**
     * Puts a main workflow of recipe {@code recipeId} (in {@code directory}) with {@code labels} into the cluster, as
     * an earlier run left it, and moves it to Running: nothing finishes it.
     *
     * @return its name
     */
    String runningWorkflow(String recipeId, String directory, RunLabels labels) {
        Workflow workflow = MockCluster.workflow(recipeId + "-shell-", Map.of());
        String name;
        try (KubernetesArgoGateway gateway = cluster.gateway()) {
            name = gateway.submit(workflow.withLabels(labels.of(recipeId, RunLabels.Role.MAIN, workflow))
                    .withAnnotations(labels.annotations(directory))).name();
        }
        cluster.controller.advance(name);
        cluster.controller.advance(name);
        return name;
    }

    /** The stored workflow {@code name}'s {@code spec.shutdown}: {@code Stop} once stopped, else empty. */
    String shutdownOf(String name) {
        return cluster.workflows().stream().filter(w -> w.path("metadata").path("name").asText().equals(name))
                .findFirst().orElseThrow().path("spec").path("shutdown").asText();
    }

    /** The main workflows stored in the mock cluster for recipe id {@code recipeId} (alpha-contours). */
    List<ObjectNode> mainWorkflowsOf(String recipeId) {
        return cluster.workflows().stream().filter(w -> recipeId.equals(w.path("metadata").path("labels")
                .path(RunLabels.RECIPE_ID).asText()) && "main".equals(w.path("metadata").path("labels")
                .path(RunLabels.ROLE).asText())).toList();
    }

    /**
     * Stops GitHub and the cluster and closes the repository.
     *
     * @throws AssertionError if a body sent to GitHub broke GitHub's request schema, or a request matched no stub
     */
    @Override
    public void close() {
        List<String> problems = new ArrayList<>();
        try {
            problems.addAll(GitHubRequestSchemas.errors(github.getAllServeEvents()));
            github.findAllUnmatchedRequests().forEach(r -> problems.add("no stub for " + r.getMethod() + " "
                    + r.getUrl()));
        } finally {
            github.stop();
            cluster.close();
            repository.close();
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("GitHub got requests it should not have:\n" + String.join("\n", problems));
        }
    }

    private String mainTip() {
        try {
            ObjectId tip = repository.repository().resolve("refs/heads/main");
            if (tip == null) {
                throw new IllegalStateException("the repository has no commit on main yet");
            }
            return tip.name();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Write(String method, String path, JsonNode body) {}

    /** The writes ({@code method}, or POST and PATCH when null) to paths matching {@code path}, oldest first. */
    private List<Write> writes(String method, Pattern path) {
        List<ServeEvent> events = new ArrayList<>(github.getAllServeEvents());
        Collections.reverse(events);
        List<Write> writes = new ArrayList<>();
        for (ServeEvent event : events) {
            String verb = event.getRequest().getMethod().getName();
            String url = event.getRequest().getUrl().replaceAll("\\?.*", "");
            if ((method == null ? !verb.equals("GET") : verb.equals(method)) && path.matcher(url).matches()) {
                writes.add(new Write(verb, url, readJson(event.getRequest().getBodyAsString())));
            }
        }
        return writes;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode readJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    /** Answers a created check run with the next id, as GitHub does, and remembers it by external id. */
    private static final class CheckRunIds implements ResponseDefinitionTransformerV2 {
        static final String NAME = "ogdc-check-run-ids";
        private final AtomicLong next = new AtomicLong(1001);
        private final Map<String, Long> created = new LinkedHashMap<>();

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            JsonNode body = readJson(event.getRequest().getBodyAsString());
            long id = next.getAndIncrement();
            synchronized (created) {
                created.put(body.path("external_id").asText(), id);
            }
            ObjectNode answer = JSON.createObjectNode().put("id", id).put("name", body.path("name").asText())
                    .put("external_id", body.path("external_id").asText())
                    .put("head_sha", body.path("head_sha").asText());
            return new ResponseDefinitionBuilder().withStatus(201).withHeader("Content-Type", "application/json")
                    .withBody(answer.toString()).build();
        }

        Map<String, Long> created() {
            synchronized (created) {
                return new LinkedHashMap<>(created);
            }
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }
    }
}
