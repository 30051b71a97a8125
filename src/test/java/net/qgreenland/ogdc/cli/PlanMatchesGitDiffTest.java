package net.qgreenland.ogdc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.qgreenland.ogdc.testing.CommitWriter;
import net.qgreenland.ogdc.testing.GitProgram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The property of issue 4: in a recipe repository with a random history, for any two commits A and B,
 * {@code plan --base A --head B --format json} selects exactly the recipe directories that
 * {@code git diff --name-only --no-renames A B} touches (a directory counts when it holds a recipe at A or at B), and
 * among them reports as removed exactly those that are no recipe at B and as documentation-only (validated, not run)
 * exactly those whose changed paths are all documentation; the others run unless invalid. The expectation is computed from the real {@code git} program and from the
 * generator's own record of the files, never from the code under test.
 */
class PlanMatchesGitDiffTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String VALID_META = "name: \"Recipe %s\"\ninput:\n  params:\n    - type: url\n"
            + "      value: https://example.org/%s.zip\nworkflow:\n  type: shell\n";

    @TempDir
    Path directory;

    final Random random = new Random(20261121);
    final Map<String, Map<String, String>> filesAt = new HashMap<>();
    final Map<String, String> files = new TreeMap<>();
    int nextRecipe;

    @Test
    void planSelectsExactlyTheRecipeDirectoriesGitDiffTouches() throws Exception {
        List<String> commits = new ArrayList<>();
        try (CommitWriter repo = CommitWriter.init(directory)) {
            for (int r = 0; r < 6; r++) {
                addRecipe(repo);
            }
            put(repo, "docs/index.md", "# docs\n");
            put(repo, "scripts/common.sh", "echo common\n");
            commits.add(commit(repo, "initial"));
            for (int c = 1; c < 45; c++) {
                int changes = 1 + random.nextInt(4);
                for (int k = 0; k < changes; k++) {
                    change(repo, c, k);
                }
                commits.add(commit(repo, "commit " + c));
            }
        }
        List<int[]> pairs = new ArrayList<>(List.of(new int[] {0, commits.size() - 1},
                new int[] {commits.size() - 1, 0}, new int[] {7, 7}));
        for (int c = 1; c < commits.size(); c++) {
            pairs.add(new int[] {c - 1, c});
        }
        for (int p = 0; p < 40; p++) {
            pairs.add(new int[] {random.nextInt(commits.size()), random.nextInt(commits.size())});
        }
        Map<String, Integer> seen = new TreeMap<>();
        for (int[] pair : pairs) {
            String a = commits.get(pair[0]);
            String b = commits.get(pair[1]);
            Map<String, Set<String>> touched = touchedRecipes(a, b);
            JsonNode plan = plan(a, b);

            Map<String, String> statuses = new TreeMap<>();
            plan.get("recipes").forEach(r -> statuses.put(r.get("directory").asText(),
                    r.get("why").asText() + " -> " + r.get("status").asText()));
            String at = "commits " + pair[0] + ".." + pair[1];
            assertThat(statuses.keySet()).as(at).isEqualTo(touched.keySet());
            for (Map.Entry<String, Set<String>> entry : touched.entrySet()) {
                String actual = statuses.get(entry.getKey());
                seen.merge(actual.substring(actual.indexOf(" -> ") + 4), 1, Integer::sum);
                if (!isRecipe(b, entry.getKey())) {
                    assertThat(actual).as(at + " " + entry.getKey()).isEqualTo("its meta.yml was deleted -> removed");
                } else if (entry.getValue().stream().allMatch(PlanMatchesGitDiffTest::isDocumentation)) {
                    assertThat(actual).as(at + " " + entry.getKey()).isIn(
                            "only documentation changed -> validate-only", "only documentation changed -> invalid");
                } else {
                    assertThat(actual).as(at + " " + entry.getKey()).isIn("changed -> run", "changed -> invalid");
                }
            }
        }
        // The random history must exercise every kind of plan, or the property says little.
        assertThat(seen).containsOnlyKeys("run", "validate-only", "removed", "invalid")
                .allSatisfy((status, count) -> assertThat(count).as(status).isGreaterThanOrEqualTo(3));
    }

    /** The recipe directories (a recipe at A or at B) of the paths {@code git diff --name-only} lists, with them. */
    private Map<String, Set<String>> touchedRecipes(String a, String b) throws Exception {
        Map<String, Set<String>> touched = new TreeMap<>();
        for (String path : GitProgram.run(directory, "diff", "--name-only", "--no-renames", a, b)) {
            String[] parts = path.split("/");
            if (parts.length >= 3 && parts[0].equals("recipes")) {
                String recipe = "recipes/" + parts[1];
                if (isRecipe(a, recipe) || isRecipe(b, recipe)) {
                    touched.computeIfAbsent(recipe, d -> new TreeSet<>()).add(path);
                }
            }
        }
        return touched;
    }

    private JsonNode plan(String a, String b) throws IOException {
        CliRun run = CliRun.withEnv(Map.of(), "plan", "--offline", "--repo", directory.toString(), "--base", a,
                "--head", b, "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isIn(0, 1);
        return JSON.readTree(run.out());
    }

    private void change(CommitWriter repo, int c, int k) {
        List<String> recipes = recipes();
        String recipe = recipes.isEmpty() ? null : recipes.get(random.nextInt(recipes.size()));
        int kind = random.nextInt(recipe == null ? 1 : 16);
        switch (kind) {
            case 0 -> addRecipe(repo);
            case 1, 2 -> put(repo, recipe + "/recipe.sh", "ogr2ogr out" + c + "-" + k + ".gpkg in.shp\n");
            case 3, 4 -> put(repo, recipe + "/README.md", "# revision " + c + "-" + k + "\n");
            case 5 -> put(repo, recipe + "/docs/notes.md", "notes " + c + "\n");
            case 6 -> put(repo, recipe + "/lib/deep/step.py", "print(" + c + ")\n");
            case 7 -> move(repo, recipe, "recipes/moved-" + c + "-" + k);
            case 8 -> delete(repo, recipe);
            case 9 -> delete(repo, recipe + "/meta.yml");
            case 10 -> put(repo, "recipes/stray-" + random.nextInt(3) + "/notes.txt", "stray " + c + "\n");
            case 11 -> put(repo, random.nextBoolean() ? "docs/index.md" : "scripts/common.sh", "v" + c + "\n");
            case 12, 13 -> put(repo, recipe + "/meta.yml", "name: Broken_" + c + "\n");
            default -> put(repo, recipe + "/meta.yml", VALID_META.formatted(c + "x" + k, c));
        }
    }

    private void addRecipe(CommitWriter repo) {
        String name = "r" + nextRecipe++;
        put(repo, "recipes/" + name + "/meta.yml", VALID_META.formatted(name, name));
        put(repo, "recipes/" + name + "/recipe.sh", "ogr2ogr out.gpkg in.shp\n");
        put(repo, "recipes/" + name + "/README.md", "# " + name + "\n");
    }

    private void put(CommitWriter repo, String path, String content) {
        repo.write(path, content);
        files.put(path, content);
    }

    private void delete(CommitWriter repo, String path) {
        repo.delete(path);
        files.keySet().removeIf(p -> p.equals(path) || p.startsWith(path + "/"));
    }

    private void move(CommitWriter repo, String from, String to) {
        repo.move(from, to);
        Map<String, String> moved = new TreeMap<>();
        files.entrySet().removeIf(e -> {
            if (e.getKey().startsWith(from + "/")) {
                moved.put(to + e.getKey().substring(from.length()), e.getValue());
                return true;
            }
            return false;
        });
        files.putAll(moved);
    }

    private String commit(CommitWriter repo, String message) {
        String sha = repo.commit(message);
        filesAt.put(sha, new TreeMap<>(files));
        return sha;
    }

    private List<String> recipes() {
        return files.keySet().stream().filter(p -> p.matches("recipes/[^/]+/meta\\.yml"))
                .map(p -> p.substring(0, p.length() - "/meta.yml".length())).collect(Collectors.toList());
    }

    private boolean isRecipe(String commit, String directory) {
        return filesAt.get(commit).containsKey(directory + "/meta.yml");
    }

    private static boolean isDocumentation(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.endsWith(".md") || name.startsWith("README");
    }

}
