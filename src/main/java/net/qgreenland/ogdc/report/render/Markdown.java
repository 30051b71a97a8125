package net.qgreenland.ogdc.report.render;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.qgreenland.ogdc.report.RecipeState;

/** The small Markdown pieces every report shares: escaping, code, links, fences, durations and state badges. */
final class Markdown {

    static final String MASK = "***";

    private static final Pattern BACKTICKS = Pattern.compile("`+");

    private Markdown() {}

    /**
     * Text safe inside a table cell or a list item: pipes and line breaks would end the cell, HTML would be rendered
     * and {@code *}, {@code _}, {@code `} and {@code [} would turn into emphasis, code or links.
     */
    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("|", "\\|").replace("*", "\\*").replace("_", "\\_").replace("`", "\\`")
                .replace("[", "\\[").replace("\r", "").replace("\n", " ");
    }

    /** Text safe inside HTML ({@code <summary>}, {@code <code>}), on one line. */
    static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "&#124;")
                .replace("\r", "").replace("\n", " ");
    }

    /** A code span that is safe in a table cell (a pipe ends the cell even inside code). */
    static String code(String text) {
        return "`" + text.replace("`", "'").replace("|", "\\|").replace("\r", "").replace("\n", " ") + "`";
    }

    /** A link whose URL cannot end the link early. */
    static String link(String text, String url) {
        return "[" + text + "](" + url.replace(" ", "%20").replace("(", "%28").replace(")", "%29") + ")";
    }

    /** A fenced code block whose fence is longer than any run of backticks in {@code lines}. */
    static String fenced(String info, List<String> lines) {
        int longest = 0;
        for (String line : lines) {
            Matcher m = BACKTICKS.matcher(line);
            while (m.find()) {
                longest = Math.max(longest, m.group().length());
            }
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        StringBuilder out = new StringBuilder(fence).append(info).append('\n');
        lines.forEach(line -> out.append(line.replace("\r", "")).append('\n'));
        return out.append(fence).append('\n').toString();
    }

    /**
     * {@code lines} with every occurrence of every secret replaced by {@value #MASK}, longest secret first so that
     * one secret inside another leaves nothing behind; a secret may span lines.
     */
    static List<String> redact(List<String> lines, List<String> secrets) {
        String text = String.join("\n", lines);
        List<String> ordered = secrets.stream().filter(s -> s != null && !s.isBlank())
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        for (String secret : ordered) {
            text = text.replace(secret, MASK);
        }
        return List.of(text.split("\n", -1));
    }

    /** {@code 45s}, {@code 4m12s}, {@code 1h02m}; under a second is {@code 0s}. */
    static String duration(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m" + twoDigits(seconds % 60) + "s";
        }
        return seconds / 3600 + "h" + twoDigits(seconds % 3600 / 60) + "m";
    }

    private static String twoDigits(long n) {
        return (n < 10 ? "0" : "") + n;
    }

    /** An emoji and the state's words: {@code ❌ failed}. */
    static String badge(RecipeState state) {
        return emoji(state) + " " + state.label();
    }

    static String emoji(RecipeState state) {
        switch (state) {
            case SUCCEEDED:
                return "✅";
            case FAILED:
            case ERRORED:
            case INVALID:
                return "❌";
            case TIMED_OUT:
                return "⏱️";
            case CANCELLED:
                return "🚫";
            case SKIPPED:
                return "⏭️";
            case NOT_SUBMITTED:
                return "📝";
            case RUNNING:
                return "🔄";
            case AWAITING_APPROVAL:
                return "✋";
            default:
                return "⏳";
        }
    }

    /** {@code 1 problem}, {@code 3 problems}. */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
