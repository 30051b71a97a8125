package net.qgreenland.ogdc.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.qgreenland.ogdc.cli.Main;

/**
 * Times {@code validate} on a generated repository of 1,000 recipes, against two baselines measured in the same
 * run: the JVM start of {@code --version} and {@code validate} of a single recipe. Not a test: it prints a
 * Markdown table and writes it to {@code target/bench/validate.md}.
 *
 * <pre>
 * ./mvnw -B -q package -DskipTests
 * java -cp target/ogdc-action.jar:target/test-classes net.qgreenland.ogdc.bench.ValidateBenchmark [runs]
 * </pre>
 */
public final class ValidateBenchmark {

    private static final Path JAR = Path.of("target/ogdc-action.jar");
    private static final Path EXAMPLE = Path.of("example-recipe-repo");

    private ValidateBenchmark() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        if (!Files.exists(JAR)) {
            System.err.println("build the jar first: ./mvnw -B -q package -DskipTests");
            System.exit(2);
        }
        Path work = Files.createTempDirectory("ogdc-bench-");
        try {
            Path repo = generateRepository(work.resolve("repo-1000"), 1000);
            Path single = repo.resolve("recipes/r0000");
            List<String> rows = new ArrayList<>();
            rows.add("| case | runs | median ms | min ms | max ms | vs. baseline |");
            rows.add("|---|---:|---:|---:|---:|---:|");
            long[] baseline = timeProcess(runs, "--version");
            rows.add(Measurements.row("`--version` (baseline: JVM start)", baseline, baseline));
            long[] one = timeProcess(runs, "validate", single.toString());
            rows.add(Measurements.row("`validate` 1 recipe", one, baseline));
            long[] example = timeProcess(runs, "validate", EXAMPLE.toString());
            rows.add(Measurements.row("`validate example-recipe-repo` (7 recipes)", example, baseline));
            long[] thousand = timeProcess(runs, "validate", repo.toString());
            rows.add(Measurements.row("`validate` 1,000 recipes", thousand, baseline));
            long[] json = timeProcess(runs, "validate", "--format", "json", repo.toString());
            rows.add(Measurements.row("`validate --format json` 1,000 recipes", json, baseline));
            long[] warm = timeInProcess(runs, repo);
            rows.add(Measurements.row("in-process, warm JVM: 1,000 recipes", warm, baseline));

            String table = String.join("\n", rows) + "\n";
            String header = "validate benchmark: " + runs + " runs each after one warm-up; "
                    + Runtime.getRuntime().availableProcessors() + " cores; java " + System.getProperty("java.version")
                    + "\n" + "per recipe (cold run of 1,000 recipes, median minus the --version baseline): "
                    + String.format("%.3f ms", (Measurements.median(thousand) - Measurements.median(baseline))
                            / 1000.0 / 1000) + "\n\n";
            System.out.print(header + table);
            Path out = Path.of("target/bench/validate.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, header + table);
        } finally {
            Measurements.deleteRecursively(work);
        }
    }

    /** {@code count} recipes made from the example repository's recipes, each with a unique name. */
    static Path generateRepository(Path repo, int count) throws IOException {
        List<Path> templates;
        try (Stream<Path> dirs = Files.list(EXAMPLE.resolve("recipes"))) {
            templates = dirs.filter(d -> Files.exists(d.resolve("meta.yml"))).sorted().toList();
        }
        for (int i = 0; i < count; i++) {
            Path template = templates.get(i % templates.size());
            Path target = Files.createDirectories(repo.resolve(String.format("recipes/r%04d", i)));
            try (Stream<Path> files = Files.list(template)) {
                for (Path file : files.toList()) {
                    String text = Files.readString(file);
                    if (file.getFileName().toString().equals("meta.yml")) {
                        text = text.replaceFirst("(?m)^name: \"([^\"]*)\"", "name: \"$1 " + i + "\"");
                    }
                    Files.writeString(target.resolve(file.getFileName()), text);
                }
            }
        }
        return repo;
    }

    private static long[] timeProcess(int runs, String... args) throws IOException, InterruptedException {
        long[] micros = new long[runs];
        for (int i = -1; i < runs; i++) {
            List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", JAR.toString()));
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            long start = System.nanoTime();
            int code = process.waitFor();
            long elapsed = (System.nanoTime() - start) / 1000;
            if (code != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + code);
            }
            if (i >= 0) {
                micros[i] = elapsed;
            }
        }
        return micros;
    }

    private static long[] timeInProcess(int runs, Path repo) {
        long[] micros = new long[runs];
        for (int i = -1; i < runs; i++) {
            StringWriter sink = new StringWriter();
            long start = System.nanoTime();
            int code = Main.run(new PrintWriter(sink), new PrintWriter(sink), Map.of(), "validate", repo.toString());
            long elapsed = (System.nanoTime() - start) / 1000;
            if (code != 0) {
                throw new IllegalStateException("in-process validate exited with " + code + ":\n" + sink);
            }
            if (i >= 0) {
                micros[i] = elapsed;
            }
        }
        return micros;
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
