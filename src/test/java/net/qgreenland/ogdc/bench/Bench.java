package net.qgreenland.ogdc.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Runs every benchmark of issue 9 in one JVM, prints each table, and puts each into {@code bench/RESULTS.md}
 * between its markers ({@code <!-- bench:NAME -->} ... {@code <!-- /bench:NAME -->}), leaving the prose around them
 * as written. Not a test. Run it with {@code bench/run.sh} (which builds the jar and the class path first), or:
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/test-classpath.txt) net.qgreenland.ogdc.bench.Bench [names]
 * </pre>
 *
 * <p>Names (all when none are given): {@code change-detection end-to-end status-latency render-size start-up}
 * ({@code start-up} also fills {@code memory}), and {@code end-to-end-full}, which is {@code end-to-end} with the
 * script baseline measured at R = 100 as well instead of computed (not part of "all"). Run from the repository
 * root.
 */
public final class Bench {

    static final Path RESULTS = Path.of("bench/RESULTS.md");

    private Bench() {}

    public static void main(String[] args) throws Exception {
        Map<String, Callable<Map<String, String>>> items = new LinkedHashMap<>();
        items.put("change-detection", () -> Map.of("change-detection",
                ChangeDetectionBenchmark.measure(11, ChangeDetectionBenchmark.SIZES)));
        items.put("end-to-end", () -> Map.of("end-to-end", EndToEndBenchmark.measure(3, 10)));
        // the same, with the hand-written script measured at R = 100 too (about nine minutes more), not computed
        items.put("end-to-end-full", () -> Map.of("end-to-end", EndToEndBenchmark.measure(3, 100)));
        items.put("status-latency", () -> Map.of("status-latency", StatusLatencyBenchmark.measure(5)));
        items.put("render-size", () -> Map.of("render-size", RenderSizeBenchmark.measure()));
        items.put("start-up", () -> {
            String[] tables = ProcessBenchmark.measure(7);
            return Map.of("start-up", tables[0], "memory", tables[1]);
        });
        List<String> wanted = args.length == 0
                ? items.keySet().stream().filter(name -> !name.equals("end-to-end-full")).toList() : List.of(args);
        String results = Files.readString(RESULTS);
        for (String name : wanted) {
            Callable<Map<String, String>> item = items.get(name);
            if (item == null) {
                throw new IllegalArgumentException("no benchmark '" + name + "'; there are " + items.keySet());
            }
            System.err.println("== " + name);
            String before = loadAverage();
            long start = System.nanoTime();
            Map<String, String> tables = item.call();
            System.err.printf("== %s took %.0f s%n", name, (System.nanoTime() - start) / 1e9);
            String load = "load average (1 min) before " + before + ", after " + loadAverage() + " on "
                    + Runtime.getRuntime().availableProcessors() + " cores";
            for (Map.Entry<String, String> table : tables.entrySet()) {
                System.out.println(table.getValue());
                results = replace(results, table.getKey(), table.getValue(), load);
                Files.writeString(RESULTS, results);
            }
        }
    }

    /** {@code results} with the text between {@code name}'s markers replaced by {@code table}, dated. */
    static String replace(String results, String name, String table, String load) {
        String open = "<!-- bench:" + name + " -->";
        String close = "<!-- /bench:" + name + " -->";
        int from = results.indexOf(open);
        int to = results.indexOf(close);
        if (from < 0 || to < from) {
            throw new IllegalStateException(RESULTS + " has no " + open + " ... " + close + " markers");
        }
        return results.substring(0, from + open.length()) + "\nMeasured " + LocalDate.now(ZoneOffset.UTC)
                + " by `bench/run.sh` (" + load + "):\n\n```\n" + table.strip() + "\n```\n"
                + results.substring(to);
    }

    /** The machine's 1-minute load average: other work on the machine shows up in every timing. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
