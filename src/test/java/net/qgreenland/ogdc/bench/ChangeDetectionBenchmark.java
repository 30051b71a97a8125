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
 * Times changed-recipe detection on generated repositories of 1,000, 5,000 and 20,000 recipes and 2,000 commits, between two commits
 * 1,000 apart: in-process (JGit two-tree diff with rename detection, the touched recipes looked up at head and
 * {@code ChangedRecipeFinder}, as {@code plan} does) against {@code git diff --name-only} run in the same benchmark as the baseline. Not a
 * test: it prints a Markdown table (a row per size) and writes it to {@code target/bench/change-detection.md}. The repository is made
 * with {@code git fast-import} (one pack, as a clone has), so {@code git} must be on the PATH.
 *
 * <pre>
 * ./mvnw -B -q package -DskipTests &amp;&amp; ./mvnw -B -q test-compile
 * java -cp target/ogdc-action.jar:target/test-classes net.qgreenland.ogdc.bench.ChangeDetectionBenchmark [runs] [recipe counts]
 * </pre>
 */
public final class ChangeDetectionBenchmark {

    static final int[] SIZES = {1_000, 5_000, 20_000};
    static final int COMMITS = 2_000;
    static final int BASE_COMMIT = 500;
    static final int HEAD_COMMIT = 1_500;
    static final int WARM_UP_SECONDS = 10;

    private ChangeDetectionBenchmark() {}

    /** Arguments: {@code [runs, default 21] [recipe counts, default 1000 5000 20000]}. */
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 21;
        int[] sizes = args.length > 1 ? java.util.Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt)
                .toArray() : SIZES;
        String table = measure(runs, sizes);
        System.out.print(table);
        Path out = Path.of("target/bench/change-detection.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
    }

    /** One Markdown table, a row per repository size, with its header lines. */
    static String measure(int runs, int... sizes) throws Exception {
        List<String> rows = new ArrayList<>();
        rows.add("| recipes | paths changed | `git diff --name-only` median ms (baseline) | in-process: JGit diff ms"
                + " | in-process: diff + index + select ms | ratio in-process / git | first call on the repository"
                + " ms | recipes selected | repository generated s |");
        rows.add("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        String gitVersion = "";
        for (int recipes : sizes) {
            Path work = Files.createTempDirectory("ogdc-change-bench-");
            try {
                Path repo = work.resolve("recipes-repo");
                long generation = System.nanoTime();
                List<String> commits = generate(repo, recipes, new Random(20261121));
                long generated = System.nanoTime() - generation;
                gitVersion = GitProgram.run(repo, "--version").get(0);
                String base = commits.get(BASE_COMMIT);
                String head = commits.get(HEAD_COMMIT);
                List<String> gitPaths = GitProgram.run(repo, "diff", "--name-only", base, head);
                long[] gitTimes = new long[runs];
                for (int i = -2; i < runs; i++) {
                    long start = System.nanoTime();
                    GitProgram.run(repo, "diff", "--name-only", base, head);
                    if (i >= 0) {
                        gitTimes[i] = (System.nanoTime() - start) / 1000;
                    }
                }
                long coldStart = System.nanoTime();
                Detection cold;
                try (GitChanges git = JGitChanges.open(repo, Optional.empty(), Optional.empty(), line -> { })) {
                    cold = detect(git, assembler(git), base, head);
                }
                long coldMicros = (System.nanoTime() - coldStart) / 1000;
                long[] warmDiff = new long[runs];
                long[] warmAll = new long[runs];
                Detection warm = cold;
                try (GitChanges git = JGitChanges.open(repo, Optional.empty(), Optional.empty(), line -> { })) {
                    RunPlanAssembler assembler = assembler(git);
                    // Warm up by count and by time: 30 iterations were not enough for the first repository in a
                    // JVM (the JIT was still compiling; later sizes then looked faster than smaller ones).
                    long warmUpEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(WARM_UP_SECONDS);
                    for (int w = 0; w < 30 || System.nanoTime() < warmUpEnd; w++) {
                        detect(git, assembler, base, head);
                    }
                    for (int i = -1; i < runs; i++) {
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
                if (cold.selection().run().size() != warm.selection().run().size()) {
                    throw new IllegalStateException("the first and later runs selected different recipes");
                }
                long selected = warm.selection().run().size() + warm.selection().validateOnly().size()
                        + warm.selection().removed().size();
                double gitMedian = Measurements.median(gitTimes) / 1000.0;
                rows.add(String.format(java.util.Locale.ROOT,
                        "| %,d | %,d | %.1f | %.1f | %.1f | %.2f | %.0f | %,d | %.1f |", recipes, gitPaths.size(),
                        gitMedian, Measurements.median(warmDiff) / 1000.0, Measurements.median(warmAll) / 1000.0,
                        Measurements.median(warmAll) / 1000.0 / gitMedian, coldMicros / 1000.0, selected,
                        generated / 1e9));
                System.err.println(rows.get(rows.size() - 1));
            } finally {
                Measurements.deleteRecursively(work);
            }
        }
        String header = "change-detection benchmark: generated repositories of N recipes (3 files each) and " + COMMITS
                + " commits of 1-3 changes; commit " + BASE_COMMIT + " .. commit " + HEAD_COMMIT + "; medians of "
                + runs + " runs after warm-up (in-process: at least 30 warm-up iterations and " + WARM_UP_SECONDS
                + " s per repository in this JVM); "
                + Runtime.getRuntime().availableProcessors() + " cores; java " + System.getProperty("java.version")
                + "; " + gitVersion + "\n\n";
        return header + String.join("\n", rows) + "\n";
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
     * A repository with {@code recipes} recipes (meta.yml, recipe.sh, README.md) in its first commit, then
     * {@link #COMMITS} - 1 commits of one to three changes each: mostly edited scripts, some README edits, nested
     * files added, files deleted and recipe directories renamed. Returns the commit SHAs in order.
     */
    static List<String> generate(Path repo, int recipes, Random random) throws IOException, InterruptedException {
        GitProgram.run(repo.getParent(), "init", "-q", "-b", "main", repo.toString());
        Process importer = new ProcessBuilder("git", "fast-import", "--quiet", "--export-marks=marks.txt")
                .directory(repo.toFile()).redirectErrorStream(true).start();
        List<String> names = new ArrayList<>();
        for (int r = 0; r < recipes; r++) {
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
