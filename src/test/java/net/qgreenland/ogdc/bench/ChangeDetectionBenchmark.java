package net.qgreenland.ogdc.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import net.qgreenland.ogdc.change.ChangeRules;
import net.qgreenland.ogdc.change.RecipeSelection;
import net.qgreenland.ogdc.git.CommitDiff;
import net.qgreenland.ogdc.git.GitChanges;
import net.qgreenland.ogdc.git.JGitChanges;
import net.qgreenland.ogdc.plan.RunPlanner;
import net.qgreenland.ogdc.run.RunPlanAssembler;
import net.qgreenland.ogdc.testing.GitProgram;
import net.qgreenland.ogdc.translate.RecipeTranslator;
import net.qgreenland.ogdc.translate.TranslationSettings;

/**
 * Times changed-recipe detection on a generated repository of 5,000 recipes and 2,000 commits, between two commits
 * 1,000 apart: in-process (JGit two-tree diff with rename detection, the touched recipes looked up at head and
 * {@code ChangedRecipeFinder}, as {@code plan} does) against {@code git diff --name-only} run in the same benchmark as the baseline. Not a
 * test: it prints a Markdown table and writes it to {@code target/bench/change-detection.md}. The repository is made
 * with {@code git fast-import} (one pack, as a clone has), so {@code git} must be on the PATH.
 *
 * <pre>
 * ./mvnw -B -q package -DskipTests &amp;&amp; ./mvnw -B -q test-compile
 * java -cp target/ogdc-action.jar:target/test-classes net.qgreenland.ogdc.bench.ChangeDetectionBenchmark [runs]
 * </pre>
 */
public final class ChangeDetectionBenchmark {

    static final int RECIPES = 5_000;
    static final int COMMITS = 2_000;
    static final int BASE_COMMIT = 500;
    static final int HEAD_COMMIT = 1_500;

    private ChangeDetectionBenchmark() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 21;
        Path work = Files.createTempDirectory("ogdc-change-bench-");
        try {
            Path repo = work.resolve("recipes-repo");
            long generation = System.nanoTime();
            List<String> commits = generate(repo, new Random(20261121));
            long generated = System.nanoTime() - generation;
            String base = commits.get(BASE_COMMIT);
            String head = commits.get(HEAD_COMMIT);
            List<String> gitPaths = GitProgram.run(repo, "diff", "--name-only", base, head);

            List<String> rows = new ArrayList<>();
            rows.add("| case | runs | median ms | min ms | max ms | vs. `git diff --name-only` |");
            rows.add("|---|---:|---:|---:|---:|---:|");
            long[] gitTimes = new long[runs];
            for (int i = -2; i < runs; i++) {
                long start = System.nanoTime();
                GitProgram.run(repo, "diff", "--name-only", base, head);
                if (i >= 0) {
                    gitTimes[i] = (System.nanoTime() - start) / 1000;
                }
            }
            rows.add(Measurements.row("`git diff --name-only A B` (baseline, a process)", gitTimes, gitTimes, 1));

            long coldStart = System.nanoTime();
            Detection cold;
            try (GitChanges git = JGitChanges.open(repo, Optional.empty(), Optional.empty(), line -> { })) {
                cold = detect(git, assembler(git), base, head);
            }
            long[] coldTimes = {(System.nanoTime() - coldStart) / 1000};
            rows.add(Measurements.row("in-process, first run in this JVM (open + diff + index + select)",
                    coldTimes, gitTimes, 1));

            long[] warmDiff = new long[runs];
            long[] warmAll = new long[runs];
            Detection warm = cold;
            try (GitChanges git = JGitChanges.open(repo, Optional.empty(), Optional.empty(), line -> { })) {
                RunPlanAssembler assembler = assembler(git);
                for (int i = -30; i < runs; i++) {
                    long start = System.nanoTime();
                    git.diff(base, head);
                    long diffed = System.nanoTime();
                    warm = detect(git, assembler, base, head);
                    long detected = System.nanoTime();
                    if (i >= 0) {
                        warmDiff[i] = (diffed - start) / 1000;
                        warmAll[i] = (detected - diffed) / 1000;
                    }
                }
            }
            rows.add(Measurements.row("in-process, warm: JGit diff with rename detection", warmDiff, gitTimes, 1));
            rows.add(Measurements.row("in-process, warm: diff + recipe index at head + select", warmAll,
                    gitTimes, 1));

            long selected = warm.selection().run().size() + warm.selection().validateOnly().size()
                    + warm.selection().removed().size();
            double ratio = (double) Measurements.median(warmAll) / Measurements.median(gitTimes);
            String header = "change-detection benchmark: " + RECIPES + " recipes, " + COMMITS + " commits, commit "
                    + BASE_COMMIT + " .. commit " + HEAD_COMMIT + "; " + runs + " runs each after warm-up; "
                    + Runtime.getRuntime().availableProcessors() + " cores; java " + System.getProperty("java.version")
                    + "; " + GitProgram.run(repo, "--version").get(0) + "\n"
                    + "repository generated in " + TimeUnit.NANOSECONDS.toMillis(generated) + " ms; "
                    + gitPaths.size() + " paths from git diff --name-only, " + warm.diff().changes().size()
                    + " changes from JGit (renames count once), " + selected + " recipes selected ("
                    + warm.selection().run().size() + " run, " + warm.selection().validateOnly().size()
                    + " validate only, " + warm.selection().removed().size() + " removed)\n"
                    + String.format("ratio, warm in-process detection / git diff --name-only: %.2f (target <= 1.0)",
                            ratio) + "\n\n";
            String table = String.join("\n", rows) + "\n";
            System.out.print(header + table);
            Path out = Path.of("target/bench/change-detection.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, header + table);
            if (cold.selection().run().size() != warm.selection().run().size()) {
                throw new IllegalStateException("the cold and warm runs selected different recipes");
            }
        } finally {
            Measurements.deleteRecursively(work);
        }
    }

    /** What one detection found. */
    record Detection(CommitDiff diff, RecipeSelection selection) {}

    /** The detection {@code plan} does before parsing: the diff, then the selection ({@link RunPlanAssembler#select}). */
    static Detection detect(GitChanges git, RunPlanAssembler assembler, String base, String head) {
        CommitDiff diff = git.diff(base, head);
        return new Detection(diff, assembler.select(diff));
    }

    static RunPlanAssembler assembler(GitChanges git) {
        return new RunPlanAssembler(git, ChangeRules.defaults(), new RunPlanner(
                new RecipeTranslator(TranslationSettings.defaults()), false, Optional.empty()), line -> { });
    }

    /**
     * A repository with {@link #RECIPES} recipes (meta.yml, recipe.sh, README.md) in its first commit, then
     * {@link #COMMITS} - 1 commits of one to three changes each: mostly edited scripts, some README edits, nested
     * files added, files deleted and recipe directories renamed. Returns the commit SHAs in order.
     */
    static List<String> generate(Path repo, Random random) throws IOException, InterruptedException {
        GitProgram.run(repo.getParent(), "init", "-q", "-b", "main", repo.toString());
        Process importer = new ProcessBuilder("git", "fast-import", "--quiet", "--export-marks=marks.txt")
                .directory(repo.toFile()).redirectErrorStream(true).start();
        List<String> names = new ArrayList<>();
        for (int r = 0; r < RECIPES; r++) {
            names.add(String.format("r%05d", r));
        }
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(importer.getOutputStream(),
                StandardCharsets.UTF_8))) {
            StringBuilder first = new StringBuilder();
            for (String name : names) {
                file(first, "recipes/" + name + "/meta.yml", "name: \"Recipe " + name + "\"\ninput:\n  params:\n"
                        + "    - type: url\n      value: https://example.org/" + name + ".zip\nworkflow:\n"
                        + "  type: shell\n");
                file(first, "recipes/" + name + "/recipe.sh", "ogr2ogr -f GPKG /output_dir/" + name
                        + ".gpkg /input_dir/" + name + ".shp\n");
                file(first, "recipes/" + name + "/README.md", "# " + name + "\n");
            }
            commit(out, 1, first);
            for (int c = 2; c <= COMMITS; c++) {
                StringBuilder ops = new StringBuilder();
                int changes = 1 + random.nextInt(3);
                for (int k = 0; k < changes; k++) {
                    int which = random.nextInt(names.size());
                    String dir = "recipes/" + names.get(which);
                    int kind = random.nextInt(100);
                    if (kind < 70) {
                        file(ops, dir + "/recipe.sh", "gdalwarp -t_srs EPSG:3413 /input_dir/in.tif /output_dir/"
                                + c + "-" + k + ".tif\n");
                    } else if (kind < 85) {
                        file(ops, dir + "/README.md", "# " + names.get(which) + "\n\nRevision " + c + ".\n");
                    } else if (kind < 93) {
                        file(ops, dir + "/lib/step-" + c + "/helper.py", "print(" + c + ")\n");
                    } else if (kind < 97) {
                        ops.append("D ").append(dir).append("/README.md\n");
                    } else {
                        String renamed = names.get(which) + "-v" + c;
                        ops.append("R ").append(dir).append(" recipes/").append(renamed).append('\n');
                        names.set(which, renamed);
                    }
                }
                commit(out, c, ops);
            }
        }
        String output = new String(importer.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (importer.waitFor() != 0) {
            throw new IllegalStateException("git fast-import failed: " + output);
        }
        List<String> commits = new ArrayList<>();
        commits.add("");
        for (String line : Files.readAllLines(repo.resolve("marks.txt"))) {
            commits.add(line.split(" ")[1]);
        }
        Files.delete(repo.resolve("marks.txt"));
        GitProgram.run(repo, "reset", "-q", "--hard", "main");
        return commits;
    }

    private static void file(StringBuilder ops, String path, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        ops.append("M 100644 inline ").append(path).append("\ndata ").append(bytes.length).append('\n')
                .append(content).append('\n');
    }

    private static void commit(BufferedWriter out, int mark, CharSequence operations) throws IOException {
        String message = "commit " + mark;
        out.write("commit refs/heads/main\nmark :" + mark + "\ncommitter OGDC Bench <bench@example.org> "
                + (1_700_000_000L + mark * 60L) + " +0000\ndata " + message.length() + "\n" + message + "\n");
        out.append(operations);
        out.write('\n');
    }

}
