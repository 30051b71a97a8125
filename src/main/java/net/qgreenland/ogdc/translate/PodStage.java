package net.qgreenland.ogdc.translate;

import java.util.List;
import java.util.Objects;

/**
 * One stage of a main workflow as pods: the step or DAG task {@code name} (what Argo's node display names start
 * with: {@code cmd-0}, {@code step-1}, {@code create-composites-z-10}), its template, what kind of work its pods do,
 * whether it runs one pod or one per partition, and the stages it waits for.
 *
 * @param after the stages that must finish first (a DAG task's {@code depends}, a step's previous group)
 */
public record PodStage(String name, String template, Kind kind, FanOut fanOut, List<String> after) {

    /** What a stage's pods do, which decides their default duration in an estimate. */
    public enum Kind {
        /** Downloads the recipe's URL and DataONE inputs (or links its PVC files): takes longer with more bytes. */
        FETCH,
        /** Short bookkeeping: configuration, listing, manifests, discovery, publishing. */
        HOUSEKEEPING,
        /** The recipe's own work: its shell commands, or a visualization step over tiles. */
        WORK
    }

    /** How many pods a stage runs. */
    public enum FanOut {
        /** Exactly one pod. */
        NONE,
        /** One pod per partition of the recipe's input files (known before the run when the inputs can be counted). */
        INPUT_PARTITIONS,
        /** One pod per partition of files the run itself produces (staged tiles, GeoTIFFs): only known once it runs. */
        DISCOVERED_PARTITIONS
    }

    public PodStage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(fanOut, "fanOut");
        after = List.copyOf(after);
    }
}
