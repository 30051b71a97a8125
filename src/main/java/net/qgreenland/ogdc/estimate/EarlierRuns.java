package net.qgreenland.ogdc.estimate;

import java.util.List;
import java.util.Objects;

/**
 * The earlier successful runs of one recipe an estimate may learn from, newest first, and a note: where they were
 * looked for ({@code Kubernetes API https://…, namespace qgnet}) or why there are none to look at
 * ({@code no cluster (dry run)}).
 */
public record EarlierRuns(List<EarlierRun> runs, String note) {

    public EarlierRuns {
        runs = List.copyOf(runs);
        Objects.requireNonNull(note, "note");
    }

    /** No history, because of {@code why}. */
    public static EarlierRuns none(String why) {
        return new EarlierRuns(List.of(), why);
    }
}
