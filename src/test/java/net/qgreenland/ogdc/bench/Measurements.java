package net.qgreenland.ogdc.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

/** The statistics and table rows the benchmarks share: timings in microseconds, shown in milliseconds. */
final class Measurements {

    private Measurements() {}

    /** {@code | name | runs | median | min | max | median / baseline median |}, in ms with no decimals. */
    static String row(String name, long[] micros, long[] baseline) {
        return row(name, micros, baseline, 0);
    }

    /** As {@link #row(String, long[], long[])} with {@code decimals} decimals in the ms columns. */
    static String row(String name, long[] micros, long[] baseline, int decimals) {
        String ms = "%." + decimals + "f";
        return String.format("| %s | %d | " + ms + " | " + ms + " | " + ms + " | %.2fx |", name, micros.length,
                median(micros) / 1000.0, min(micros) / 1000.0, max(micros) / 1000.0,
                median(micros) / (double) median(baseline));
    }

    static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    static long min(long[] values) {
        return Arrays.stream(values).min().orElse(0);
    }

    static long max(long[] values) {
        return Arrays.stream(values).max().orElse(0);
    }

    /** Deletes {@code root} and everything below it. */
    static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
