package net.qgreenland.ogdc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import net.qgreenland.ogdc.testing.CommitWriter;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code ogdc-action plan} on real repositories written by JGit: flags, the GitHub event, output and exit codes;
 * {@code --offline} keeps the estimate from looking the recipes' URLs up ({@code PlanEstimateCommandTest} does).
 */
class PlanCommandTest {

    static final String META = "name: \"%s\"\ninput:\n  params:\n    - type: url\n      value: https://example.org/%s.zip\n"
            + "workflow:\n  type: shell\n";
    static final String TOKEN = "ghs_planTestTokenThatMustNeverBePrinted";

    @TempDir
    Path temp;

    Path repo;
    String first;
    String second;

    /** Commit 1: recipes alpha, beta, gamma. Commit 2: alpha's script edited, beta's README edited, gamma deleted, delta added broken. */
    @BeforeEach
    void twoCommits() {
        repo = temp.resolve("recipes-repo");
        try (CommitWriter writer = CommitWriter.init(repo)) {
            for (String name : new String[] {"alpha", "beta", "gamma"}) {
                writer.write("recipes/" + name + "/meta.yml", META.formatted("Recipe " + name, name))
                        .write("recipes/" + name + "/recipe.sh", "ogr2ogr out.gpkg in.shp\n")
                        .write("recipes/" + name + "/README.md", "# " + name + "\n");
            }
            writer.write("scripts/common.sh", "echo common\n");
            first = writer.commit("three recipes");
            writer.write("recipes/alpha/recipe.sh", "gdalwarp in.tif out.tif\n")
                    .write("recipes/beta/README.md", "# beta, documented\n")
                    .delete("recipes/gamma")
                    .write("recipes/delta/meta.yml", "name: Broken_name\n");
            second = writer.commit("edit, document, delete, break");
        }
    }

    @Test
    void aDiffPlansEachTouchedRecipeAndExitsOneWhenOneIsInvalid() {
        CliRun run = CliRun.of("plan", "--offline", "--repo", repo.toString(), "--base", first, "--head", second);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).contains(
                "  run           recipes/alpha (id recipe-alpha): changed (recipes/alpha/recipe.sh)",
                "                shell, sequential: recipe-alpha-check-published- then recipe-alpha-shell-",
                "                stages: recipe-alpha-fetch-template- → step-0 → publish-data",
                "  invalid       recipes/delta: changed (recipes/delta/meta.yml)",
                "  validate only recipes/beta (id recipe-beta): only documentation changed (recipes/beta/README.md)",
                "  removed       recipes/gamma: its meta.yml was deleted (recipes/gamma/README.md, "
                        + "recipes/gamma/meta.yml, recipes/gamma/recipe.sh)",
                "1 to run, 1 to validate only, 1 removed, 1 invalid.");
        assertThat(run.err()).contains("both commits were in the clone");
    }

    @Test
    void jsonCarriesEveryRecipeWithItsStatusAndSubmission() throws Exception {
        CliRun run = CliRun.of("plan", "--offline", "--repo", repo.toString(), "--base", first, "--head", second,
                "--format", "json");

        JsonNode plan = new ObjectMapper().readTree(run.out());
        assertThat(plan.get("base").asText()).isEqualTo(first);
        assertThat(plan.get("head").asText()).isEqualTo(second);
        assertThat(plan.get("summary").toString()).isEqualTo(
                "{\"run\":1,\"validate-only\":1,\"removed\":1,\"invalid\":1}");
        JsonNode alpha = plan.get("recipes").get(0);
        assertThat(alpha.get("directory").asText()).isEqualTo("recipes/alpha");
        assertThat(alpha.get("submission").get("knownInputCount").asInt()).isEqualTo(1);
        assertThat(alpha.get("submission").get("partitionSize").isNull()).isTrue();
    }

    @Test
    void markdownIsATableForTheJobSummary() {
        CliRun run = CliRun.of("plan", "--offline", "--repo", repo.toString(), "--base", "HEAD~1", "--format",
                "markdown");

        assertThat(run.out()).startsWith("### OGDC plan\n").contains("| `recipes/delta` | **invalid** |",
                "<details><summary><code>recipes/delta</code>: ");
    }

    @Test
    void aValidChangeExitsZero() {
        CliRun run = CliRun.of("plan", "--offline", "--repo", repo.toString(), "--base", first, "--head", first);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("No recipe selected.");
    }

    @Test
    void allAndNamedRecipesAreReadAtTheHead() {
        CliRun all = CliRun.of("plan", "--offline", "--repo", repo.toString(), "--all", "--head", first);
        CliRun named = CliRun.of("plan", "--offline", "--repo", repo.toString(), "--recipes",
                "alpha,recipes/beta,recipe-gamma", "--head", first);

        assertThat(all.exitCode()).as(all.err()).isZero();
        assertThat(all.out()).contains("recipes/alpha", "recipes/beta", "recipes/gamma", "3 to run,");
        assertThat(named.exitCode()).as(named.err()).isZero();
        assertThat(named.out()).contains("recipes/alpha (id recipe-alpha): named", "recipes/gamma (id recipe-gamma): named",
                "3 to run,");
    }

    @Test
    void anUnknownRecipeNameIsAUsageErrorThatListsSomeThatExist() {
        CliRun run = CliRun.of("plan", "--offline", "--repo", repo.toString(), "--recipes", "nope");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no recipe named 'nope' at ", "there are 3 recipes, e.g. recipes/alpha, "
                + "recipes/beta, recipes/delta").doesNotContain("Exception");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no choice outside Actions      | plan                                  | say what to plan",
        "two choices                    | plan --all --recipes alpha            | choose one of --base, --all and --recipes",
        "--head alone                   | plan --head HEAD                      | --head needs --base, --all or --recipes",
        "an unknown commit              | plan --base no-such-branch            | no-such-branch",
        "a bad trigger-all glob         | plan --all --trigger-all /abs/**      | --trigger-all",
        "a bad recipes root             | plan --all --recipes-root ../x        | --recipes-root must be a directory"})
    void badInvocationsAreUsageErrors(String why, String command, String message) {
        String[] args = (command + " --repo " + repo).split(" ");

        CliRun run = CliRun.of(args);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains(message).doesNotContain("Exception", "\tat ");
    }

    @Test
    void aDirectoryOutsideAnyRepositoryIsAUsageError() throws Exception {
        Path plain = Files.createDirectories(temp.resolve("not-a-repo"));

        CliRun run = CliRun.of("plan", "--offline", "--repo", plain.toString(), "--all");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("not inside a Git repository");
    }

    @Test
    void triggerAllGlobsFromTheActionInputRunEveryRecipe() throws Exception {
        String third;
        try (CommitWriter writer = CommitWriter.openExisting(repo).checkout("main")) {
            writer.write("scripts/common.sh", "echo changed\n");
            third = writer.commit("shared script");
        }
        Map<String, String> env = Map.of("INPUT_TRIGGER-ALL", "scripts/**\n.github/workflows/ogdc.yml");

        CliRun run = CliRun.withEnv(env, "plan", "--offline", "--repo", repo.toString(), "--base", second, "--head",
                third);

        assertThat(run.out()).contains("recipes/alpha (id recipe-alpha): a trigger-all path changed (scripts/common.sh)",
                "recipes/beta (id recipe-beta): a trigger-all path changed",
                "Every recipe runs because these trigger-all paths changed: scripts/common.sh");
    }

    @Test
    void insideActionsThePushEventDecidesAndTheTokenIsMaskedFirst() throws Exception {
        Path event = temp.resolve("event.json");
        Files.writeString(event, """
                {"ref": "refs/heads/main", "before": "%s", "after": "%s", "created": false, "deleted": false,
                 "forced": false, "repository": {"default_branch": "main", "full_name": "o/r"}}
                """.formatted(first, second));
        Map<String, String> env = actionsEnv("push", event);

        CliRun run = CliRun.withEnv(env, "plan", "--offline");

        assertThat(run.err()).startsWith("::add-mask::" + TOKEN + "\n");
        assertThat(run.err().substring(("::add-mask::" + TOKEN).length())).doesNotContain(TOKEN);
        assertThat(run.out()).doesNotContain(TOKEN).startsWith("Plan: push to refs/heads/main: "
                + first.substring(0, 7) + ".." + second.substring(0, 7));
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void insideActionsAPullRequestInADepthOneCloneFetchesItsBaseFromOrigin() throws Exception {
        Path clone = temp.resolve("clone");
        try (Git git = Git.cloneRepository().setURI(repo.toUri().toString()).setDirectory(clone.toFile())
                .setDepth(1).call()) {
            assertThat(git.getRepository().getObjectDatabase().has(org.eclipse.jgit.lib.ObjectId.fromString(first)))
                    .isFalse();
        }
        Path event = temp.resolve("event.json");
        Files.writeString(event, """
                {"action": "synchronize", "number": 7,
                 "pull_request": {"number": 7, "draft": false,
                   "base": {"sha": "%s", "ref": "main", "repo": {"full_name": "o/r"}},
                   "head": {"sha": "%s", "ref": "feature", "repo": {"full_name": "o/r"}}},
                 "repository": {"full_name": "o/r", "default_branch": "main"}}
                """.formatted(first, second));
        Map<String, String> env = new HashMap<>(actionsEnv("pull_request", event));
        env.put("GITHUB_WORKSPACE", clone.toString());

        CliRun run = CliRun.withEnv(env, "plan", "--offline", "--format", "json");

        JsonNode plan = new ObjectMapper().readTree(run.out());
        assertThat(plan.get("scope").asText()).startsWith("pull request #7: ");
        assertThat(plan.get("summary").toString()).isEqualTo(
                "{\"run\":1,\"validate-only\":1,\"removed\":1,\"invalid\":1}");
        assertThat(run.err()).contains("fetched");
    }

    private Map<String, String> actionsEnv(String eventName, Path event) {
        return Map.of("GITHUB_ACTIONS", "true", "GITHUB_EVENT_NAME", eventName, "GITHUB_EVENT_PATH",
                event.toString(), "GITHUB_WORKSPACE", repo.toString(), "GITHUB_SHA", second, "INPUT_TOKEN", TOKEN);
    }
}
