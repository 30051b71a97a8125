package net.qgreenland.ogdc.estimate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/** Writes a {@link RecipeEstimate} for people (lines of text, Markdown table cells) and for programs (JSON). */
public final class EstimateRenderer {

    /** Inputs of unknown size listed in text before "and N more". */
    static final int UNKNOWN_SHOWN = 3;

    private EstimateRenderer() {}

    /**
     * A few lines: pod-hours, wall time and their basis; the inputs and partitions; pods × duration per stage; the
     * inputs whose size is unknown, and why.
     */
    public static List<String> text(RecipeEstimate estimate) {
        List<String> lines = new ArrayList<>();
        String bound = estimate.lowerBound() ? "at least " : "~";
        lines.add("estimate: " + bound + podHours(estimate.podHours().hours()) + " pod-hours, " + bound
                + duration(estimate.wallTime()) + " wall time; durations from " + basis(estimate));
        lines.add("  inputs: " + inputs(estimate, "at least ") + estimate.partitions().stream()
                .mapToObj(n -> " → " + count(n, "partition")).findFirst().orElse(""));
        lines.add("  pods: " + String.join(", ", stages(estimate, true)));
        // a PVC's files being listed in the cluster is said once, by "unknown until run"
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        estimate.inputs().stream().filter(i -> i.unknown().filter(why -> !why.equals(InputSize.UNTIL_RUN)).isPresent())
                .forEach(i -> byReason.computeIfAbsent(i.unknown().get(), why -> new ArrayList<>()).add(i.input()));
        byReason.entrySet().stream().limit(UNKNOWN_SHOWN).forEach(entry -> lines.add("  unknown: "
                + (entry.getValue().size() == 1 ? entry.getValue().get(0) : count(entry.getValue().size(), "input"))
                + ": " + entry.getKey()));
        if (byReason.size() > UNKNOWN_SHOWN) {
            lines.add("  and " + (byReason.size() - UNKNOWN_SHOWN) + " more reasons for inputs not fully known");
        }
        return lines;
    }

    /**
     * Each stage's pods ({@code cmd-0 3}), with each pod's duration ({@code cmd-0 3 × 10 min}) if asked; stages
     * of one template alike in both figures are written once ({@code create-composites-z-8…0 ≥1 each}).
     */
    public static List<String> stages(RecipeEstimate estimate, boolean withDurations) {
        Map<String, List<StageEstimate>> groups = new LinkedHashMap<>();
        for (StageEstimate stage : estimate.stages()) {
            String figures = pods(stage) + (withDurations ? " × " + duration(stage.podDuration()) : "");
            groups.computeIfAbsent(stage.template() + "\n" + figures, key -> new ArrayList<>()).add(stage);
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, List<StageEstimate>> group : groups.entrySet()) {
            List<StageEstimate> stages = group.getValue();
            String figures = group.getKey().substring(group.getKey().indexOf('\n') + 1);
            parts.add(stages.size() == 1 ? stages.get(0).name() + " " + figures
                    : span(stages.get(0).name(), stages.get(stages.size() - 1).name()) + " " + figures + " each");
        }
        return parts;
    }

    /** {@code create-composites-z-8…0} for the first and last of a run of stages. */
    private static String span(String first, String last) {
        int common = 0;
        while (common < Math.min(first.length(), last.length()) && first.charAt(common) == last.charAt(common)) {
            common++;
        }
        return first + "…" + last.substring(common);
    }

    /** A stage's pods: {@code 3}, or {@code ≥1} when they are only known once the run lists its files. */
    public static String pods(StageEstimate stage) {
        return stage.podsFrom() == StageEstimate.Pods.UNKNOWN ? "≥1" : Long.toString(stage.pods());
    }

    /** {@code 1 min to fetch plus 20 MiB/s, 1 min of housekeeping, 10 min of work}. */
    public static String defaults(EstimateDefaults defaults) {
        return duration(defaults.fetchBase()) + " to fetch plus " + bytes(defaults.fetchBytesPerSecond()) + "/s, "
                + duration(defaults.housekeepingPod()) + " of housekeeping, " + duration(defaults.workPod())
                + " of work";
    }

    /** {@code 3 earlier runs}, or {@code defaults (no cluster: dry run)}. */
    public static String basis(RecipeEstimate estimate) {
        return estimate.earlierRuns() == 0 ? "defaults (" + estimate.historyNote() + ")" : estimate.basis();
    }

    /**
     * The inputs in a few words: {@code 5 files, 12.3 MiB}, {@code 3 files, at least 2.0 MiB (1 size unknown)},
     * {@code unknown until run}.
     *
     * @param atLeast how a lower bound is written: {@code at least } or {@code ≥ }
     */
    public static String inputs(RecipeEstimate estimate, String atLeast) {
        List<String> parts = new ArrayList<>();
        OptionalLong files = estimate.files();
        if (files.isPresent()) {
            parts.add(count(files.getAsLong(), "file"));
        } else if (estimate.knownFiles() > 0) {
            parts.add(atLeast + count(estimate.knownFiles(), "file"));
        }
        long unsized = estimate.inputs().stream().filter(i -> i.bytes().isEmpty()).count();
        if (estimate.bytes().isPresent()) {
            parts.add(bytes(estimate.bytes().getAsLong()));
        } else if (estimate.knownBytes() > 0) {
            parts.add(atLeast + bytes(estimate.knownBytes()) + " (" + count(unsized, "size") + " unknown)");
        } else if (!parts.isEmpty()) {
            parts.add("size unknown");
        }
        boolean untilRun = estimate.inputs().stream()
                .anyMatch(i -> i.unknown().filter(InputSize.UNTIL_RUN::equals).isPresent());
        if (parts.isEmpty()) {
            return untilRun ? "unknown until run" : "unknown";
        }
        return String.join(", ", parts) + (untilRun && files.isEmpty() ? " and more listed in the cluster" : "");
    }

    /** The estimate as JSON, every input and stage with where its figures come from (see the README). */
    public static ObjectNode json(RecipeEstimate estimate) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode root = nodes.objectNode();
        root.put("podHours", round(estimate.podHours().hours()));
        root.put("lowerBound", estimate.lowerBound());
        root.put("wallTimeSeconds", estimate.wallTime().toSeconds());
        root.put("basis", estimate.basis());
        root.put("earlierRuns", estimate.earlierRuns());
        root.put("history", estimate.historyNote());
        putOptional(root, "files", estimate.files());
        putOptional(root, "bytes", estimate.bytes());
        putOptional(root, "partitions", estimate.partitions());
        ArrayNode inputs = root.putArray("inputs");
        for (InputSize input : estimate.inputs()) {
            ObjectNode entry = inputs.addObject().put("input", input.input());
            putOptional(entry, "files", input.files());
            putOptional(entry, "bytes", input.bytes());
            entry.put("unknown", input.unknown().orElse(null));
        }
        ArrayNode stages = root.putArray("stages");
        for (StageEstimate stage : estimate.stages()) {
            stages.addObject().put("name", stage.name()).put("kind", stage.kind().name().toLowerCase(Locale.ROOT))
                    .put("pods", stage.pods()).put("podsFrom", stage.podsFrom().key())
                    .put("podSeconds", stage.podDuration().toSeconds())
                    .put("durationFrom", stage.fromHistory() ? "history" : "default");
        }
        return root;
    }

    /** Pod-hours with two significant decimals below 1, one below 10, none above: 0.05, 1.4, 12. */
    public static String podHours(double hours) {
        if (hours < 1) {
            return String.format(Locale.ROOT, "%.2f", hours);
        }
        return String.format(Locale.ROOT, hours < 10 ? "%.1f" : "%.0f", hours);
    }

    /** {@code 45 s}, {@code 14 min}, {@code 2 h 5 min}, {@code 3 d 4 h}. */
    public static String duration(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return seconds + " s";
        }
        long minutes = Math.round(seconds / 60.0);
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 24) {
            return hours + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
        }
        return hours / 24 + " d" + (hours % 24 == 0 ? "" : " " + hours % 24 + " h");
    }

    /** {@code 512 B}, {@code 12.3 MiB}, {@code 2 GiB}. */
    public static String bytes(long bytes) {
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f", value).replaceAll("\\.0$", "") + " " + units[unit];
    }

    /** {@code 1 file}, {@code 3 files}. */
    public static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static double round(double hours) {
        return Math.round(hours * 1000) / 1000.0;
    }

    private static void putOptional(ObjectNode node, String name, OptionalLong value) {
        if (value.isPresent()) {
            node.put(name, value.getAsLong());
        } else {
            node.putNull(name);
        }
    }
}
