package net.qgreenland.ogdc.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The program as the action's container starts it: {@code java} with the image's JVM options
 * ({@code action/Dockerfile}'s ENTRYPOINT, with a class-data-sharing archive made here the way the image makes it)
 * and {@code -jar target/ogdc-action.jar}, in a process of its own. Measures start-up ({@code --version}, and
 * {@code run} on a push that touches no recipe) against plain {@code java -jar} as the baseline, and the peak
 * resident memory (GNU {@code /usr/bin/time}'s maximum RSS) of {@code run} with 0, 10 and 100 changed recipes
 * against the stubs of {@link EndToEndBenchmark}. Not a test: prints two Markdown tables and writes them to
 * {@code target/bench/start-up.md} and {@code target/bench/memory.md}.
 *
 * <p>Argument: {@code [runs per start-up case, default 7]}. Needs {@code ./mvnw -B -o package -DskipTests} first.
 */
public final class ProcessBenchmark {

    static final Path JAR = Path.of("target/ogdc-action.jar");
    static final Path ARCHIVE = Path.of("target/bench/app.jsa");
    static final Path TIME = Path.of("/usr/bin/time");

    private ProcessBenchmark() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        String[] tables = measure(runs);
        System.out.print(tables[0] + "\n" + tables[1]);
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/start-up.md"), tables[0]);
        Files.writeString(Path.of("target/bench/memory.md"), tables[1]);
    }

    /** The JVM options of the image's ENTRYPOINT, with this machine's archive. */
    static List<String> imageOptions() {
        return List.of("-XX:SharedArchiveFile=" + ARCHIVE, "-Xlog:disable", "-Xlog:all=warning:stderr",
                "-XX:MaxRAMPercentage=75");
    }

    /** The start-up table and the memory table. */
    static String[] measure(int runs) throws Exception {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException("build the jar first: ./mvnw -B -o package -DskipTests");
        }
        makeArchive();
        Path temp = Files.createTempDirectory("ogdc-process-bench-");
        try (ActionFixture quick = new ActionFixture(temp.resolve("quick"), 0);
                ActionFixture slow = new ActionFixture(temp.resolve("slow"), EndToEndBenchmark.DELAY_MILLIS);
                SlowArgoServer argo = SlowArgoServer.start(EndToEndBenchmark.DELAY_MILLIS,
                        EndToEndBenchmark.FINISH_MILLIS)) {
            Files.createDirectories(quick.temp);
            Files.createDirectories(slow.temp);
            ActionFixture.Change none = quick.repository("no-recipe", 100, 0);
            Map<String, String> noRecipe = quick.environment("push", none, ActionFixture.argoServer(argo.url()));
            Map<String, String> bare = Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"),
                    "HOME", temp.toString());

            List<String> rows = new ArrayList<>();
            rows.add("| case | runs | median ms | min ms | max ms | vs. baseline |");
            rows.add("|---|---:|---:|---:|---:|---:|");
            long[] baseline = time(runs, List.of(), bare, "--version");
            rows.add(Measurements.row("`java -jar ogdc-action.jar --version` (baseline: no JVM options)", baseline,
                    baseline));
            long[] version = time(runs, imageOptions(), bare, "--version");
            rows.add(Measurements.row("`--version`, the image's JVM options (CDS archive)", version, baseline));
            quick.resetGitHub();
            long[] plainRun = time(runs, List.of(), noRecipe, "run");
            int githubRequests = quick.githubRequests() / (runs + 1);
            rows.add(Measurements.row("`run`, push touching no recipe (100 in the repository), no JVM options",
                    plainRun, baseline));
            long[] imageRun = time(runs, imageOptions(), noRecipe, "run");
            rows.add(Measurements.row("`run`, push touching no recipe, the image's JVM options", imageRun,
                    baseline));
            String startUp = "start-up benchmark: whole processes (`java ... -jar target/ogdc-action.jar`), wall clock"
                    + " from start to exit, " + runs + " runs each after one warm-up; image options: `"
                    + String.join(" ", imageOptions()) + "` (archive made as action/Dockerfile does: "
                    + "-XX:ArchiveClassesAtExit while rendering example-recipe-repo); the no-recipe `run` made "
                    + githubRequests + " GitHub requests and talks to a stub Argo Server (no delay); "
                    + Runtime.getRuntime().availableProcessors() + " cores; java " + System.getProperty("java.version")
                    + "\n\n" + String.join("\n", rows) + "\n";

            List<String> memory = new ArrayList<>();
            memory.add("| case | peak RSS MiB | wall s | vs. `--version` |");
            memory.add("|---|---:|---:|---:|");
            long[] versionRss = rss(imageOptions(), bare, "--version");
            memory.add(memoryRow("`--version` (baseline)", versionRss, versionRss));
            memory.add(memoryRow("`run`, push touching no recipe", rss(imageOptions(), noRecipe, "run"), versionRss));
            for (int r : new int[] {10, 100}) {
                ActionFixture.Change change = slow.repository("changed-" + r, r, r);
                try (SlowArgoServer server = SlowArgoServer.start(EndToEndBenchmark.DELAY_MILLIS,
                        EndToEndBenchmark.FINISH_MILLIS)) {
                    memory.add(memoryRow("`run`, pull request changing " + r + " recipes", rss(imageOptions(),
                            slow.environment("pull_request", change, ActionFixture.argoServer(server.url())),
                            "run"), versionRss));
                }
            }
            String memoryTable = "peak memory benchmark: maximum resident set size of the `java` process (GNU "
                    + "/usr/bin/time %M) with the image's JVM options, against the end-to-end stubs (50 ms per "
                    + "request, workflows finish after 1 s); one run each; "
                    + Runtime.getRuntime().availableProcessors() + " cores, "
                    + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB max heap in this JVM; java "
                    + System.getProperty("java.version") + "\n\n" + String.join("\n", memory) + "\n";
            return new String[] {startUp, memoryTable};
        } finally {
            Measurements.deleteRecursively(temp);
        }
    }

    /** Makes the class-data-sharing archive as the image's build does, if it is missing or older than the jar. */
    static void makeArchive() throws IOException, InterruptedException {
        if (!Files.exists(ARCHIVE) || Files.getLastModifiedTime(ARCHIVE).compareTo(Files.getLastModifiedTime(JAR)) <= 0) {
            createArchive();
        }
        // The JVM ignores an archive made for another jar (path, size and time) with only a warning, which the
        // image's options send to stderr: check that it is used, or every "image options" row would measure nothing.
        Process check = new ProcessBuilder(command(List.of("-XX:SharedArchiveFile=" + ARCHIVE, "-Xshare:on"),
                "--version")).redirectErrorStream(true).start();
        String said = new String(check.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (check.waitFor() != 0) {
            createArchive();
            if (new ProcessBuilder(command(List.of("-XX:SharedArchiveFile=" + ARCHIVE, "-Xshare:on"), "--version"))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor() != 0) {
                throw new IllegalStateException("the class-data-sharing archive " + ARCHIVE + " cannot be used: "
                        + said);
            }
        }
    }

    private static void createArchive() throws IOException, InterruptedException {
        Files.deleteIfExists(ARCHIVE);
        Files.createDirectories(ARCHIVE.getParent());
        ProcessBuilder builder = new ProcessBuilder(java(), "-XX:ArchiveClassesAtExit=" + ARCHIVE, "-jar",
                JAR.toString(), "render", "example-recipe-repo").redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("DATAONE_NODE_URL", "https://arcticdata.io/metacat/d1/mn");
        if (builder.start().waitFor() != 0 || !Files.exists(ARCHIVE)) {
            throw new IllegalStateException("making the class-data-sharing archive " + ARCHIVE + " failed");
        }
    }

    /** Wall times in microseconds of {@code runs} processes after one warm-up. */
    static long[] time(int runs, List<String> options, Map<String, String> env, String... args) throws Exception {
        long[] micros = new long[runs];
        for (int i = -1; i < runs; i++) {
            ProcessBuilder builder = new ProcessBuilder(command(options, args))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
            builder.environment().clear();
            builder.environment().putAll(env);
            long start = System.nanoTime();
            int code = builder.start().waitFor();
            long elapsed = (System.nanoTime() - start) / 1000;
            if (code != 0) {
                throw new IllegalStateException(String.join(" ", builder.command()) + " exited " + code);
            }
            if (i >= 0) {
                micros[i] = elapsed;
            }
        }
        return micros;
    }

    /** {@code {peak RSS in KiB, wall time in microseconds}} of one process under GNU time. */
    static long[] rss(List<String> options, Map<String, String> env, String... args) throws Exception {
        Path report = Files.createTempFile("ogdc-rss-", ".txt");
        Path err = Files.createTempFile("ogdc-rss-", ".err");
        try {
            List<String> command = new ArrayList<>(List.of(TIME.toString(), "-f", "%M", "-o", report.toString()));
            command.addAll(command(options, args));
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(err.toFile());
            builder.environment().clear();
            builder.environment().putAll(env);
            long start = System.nanoTime();
            Process process = builder.start();
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroy();
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + Files.readString(err));
            }
            long elapsed = (System.nanoTime() - start) / 1000;
            List<String> lines = Files.readAllLines(report);
            return new long[] {Long.parseLong(lines.get(lines.size() - 1).strip()), elapsed};
        } finally {
            Files.deleteIfExists(report);
            Files.deleteIfExists(err);
        }
    }

    private static String memoryRow(String name, long[] measured, long[] baseline) {
        return String.format(Locale.ROOT, "| %s | %.0f | %.2f | %.2fx |", name, measured[0] / 1024.0,
                measured[1] / 1e6, (double) measured[0] / baseline[0]);
    }

    private static List<String> command(List<String> options, String... args) {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(options);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        return command;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
