package net.qgreenland.ogdc.report.render;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A limit on Markdown's length, in characters or in UTF-8 bytes, and the cutting that keeps text under it: text that
 * is too long loses its end, open code fences and {@code <details>} blocks are closed again, and a closing note says
 * how much was left out and where to look, all within the limit.
 */
public final class TextBudget {

    /** The smallest limit a note fits in. */
    static final int MIN_LIMIT = 64;

    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})(.*)$");
    private static final Pattern DETAILS_OPEN = Pattern.compile("<details[\\s>]", Pattern.CASE_INSENSITIVE);
    private static final Pattern DETAILS_CLOSE = Pattern.compile("</details\\s*>", Pattern.CASE_INSENSITIVE);
    /** How far back a cut may move to end on a whole line rather than mid-line. */
    private static final int LINE_SEARCH = 4096;

    private final int limit;
    private final boolean bytes;

    private TextBudget(int limit, boolean bytes) {
        if (limit < MIN_LIMIT) {
            throw new IllegalArgumentException("a budget must allow at least " + MIN_LIMIT + ": " + limit);
        }
        this.limit = limit;
        this.bytes = bytes;
    }

    /** At most {@code limit} UTF-16 characters (Java's {@code String.length()}, as GitHub counts). */
    public static TextBudget characters(int limit) {
        return new TextBudget(limit, false);
    }

    /** At most {@code limit} bytes of UTF-8 (the step summary's limit is in bytes). */
    public static TextBudget utf8Bytes(int limit) {
        return new TextBudget(limit, true);
    }

    public int limit() {
        return limit;
    }

    /** The size of {@code text} in this budget's unit. */
    public int measure(String text) {
        return bytes ? text.getBytes(StandardCharsets.UTF_8).length : text.length();
    }

    /**
     * {@code markdown} itself when it fits, else its beginning (on a line boundary where one is near), the closing
     * fences and {@code </details>} it needs, and "… cut: N characters left out; see {@code seeAlso}." (the Markdown
     * of a link, or words), the whole at most {@link #limit()}.
     */
    public String fit(String markdown, String seeAlso) {
        if (measure(markdown) <= limit) {
            return markdown;
        }
        int cut = Math.min(markdown.length(), limit);
        while (true) {
            int end = boundary(markdown, cut);
            String left = String.valueOf(markdown.codePointCount(end, markdown.length()));
            String note = "… cut: " + left + " characters left out; see " + seeAlso + ".\n";
            String prefix = markdown.substring(0, end);
            String kept = prefix + closers(prefix);
            // a blank line keeps the note out of the paragraph, list or table it follows
            String result = end == 0 ? note : kept + (kept.endsWith("\n") ? "\n" : "\n\n") + note;
            int over = measure(result) - limit;
            if (over <= 0) {
                return result;
            }
            if (end == 0) {
                // even the note does not fit with its link: say it without one
                return "… cut: " + left + " characters left out.\n";
            }
            // every character removed frees at least one unit, so this never cuts less than needed
            cut = Math.max(0, end - over);
        }
    }

    /** Where to end the kept text: at or before {@code cut}, after a line break when one is near, never mid-pair. */
    private static int boundary(String text, int cut) {
        if (cut <= 0) {
            return 0;
        }
        int newline = text.lastIndexOf('\n', cut - 1);
        if (newline >= 0 && cut - newline <= LINE_SEARCH) {
            return newline + 1;
        }
        return cut < text.length() && Character.isLowSurrogate(text.charAt(cut)) && Character.isHighSurrogate(text.charAt(cut - 1))
                ? cut - 1 : cut;
    }

    /** What closes the fence and the {@code <details>} blocks still open at the end of {@code prefix}. */
    static String closers(String prefix) {
        String fence = null;
        int details = 0;
        for (String line : prefix.split("\n", -1)) {
            Matcher m = FENCE.matcher(line);
            if (fence == null) {
                if (m.matches() && !(m.group(1).charAt(0) == '`' && m.group(2).contains("`"))) {
                    fence = m.group(1);
                    continue;
                }
                details += count(DETAILS_OPEN, line);
                details = Math.max(0, details - count(DETAILS_CLOSE, line));
            } else if (m.matches() && m.group(1).charAt(0) == fence.charAt(0)
                    && m.group(1).length() >= fence.length() && m.group(2).isBlank()) {
                fence = null;
            }
        }
        StringBuilder out = new StringBuilder();
        boolean atLineStart = prefix.isEmpty() || prefix.endsWith("\n");
        if (fence != null) {
            out.append(atLineStart ? "" : "\n").append(fence).append('\n');
            atLineStart = true;
        }
        for (int i = 0; i < details; i++) {
            out.append(atLineStart ? "\n" : "\n\n").append("</details>\n");
            atLineStart = true;
        }
        return out.toString();
    }

    private static int count(Pattern pattern, String line) {
        Matcher m = pattern.matcher(line);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
