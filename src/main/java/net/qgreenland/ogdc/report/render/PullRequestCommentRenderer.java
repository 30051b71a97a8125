package net.qgreenland.ogdc.report.render;

import java.util.Optional;
import java.util.regex.Pattern;
import net.qgreenland.ogdc.report.RunReport;

/**
 * Writes the one sticky pull-request comment: a hidden marker, a table of recipes, totals, folded failures and the
 * pre-flight estimate.
 */
public final class PullRequestCommentRenderer {

    /** The hidden line by which the comment is found again and edited in place. */
    public static final String MARKER = "<!-- ogdc-action:sticky-comment -->";

    /** GitHub refuses a longer comment body ("Body is too long (maximum is 65536 characters)"). */
    public static final int MAX_BODY_CHARACTERS = 65_536;

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._/-]+");
    private static final TextBudget BODY = TextBudget.characters(MAX_BODY_CHARACTERS);

    private PullRequestCommentRenderer() {}

    /**
     * A marker for one configuration of the action ({@code marker("staging")} is
     * {@code <!-- ogdc-action:sticky-comment:staging -->}), so two workflows in one repository keep two comments.
     */
    public static String marker(String key) {
        if (!KEY.matcher(key).matches() || key.contains("--")) {
            throw new IllegalArgumentException("a comment key is letters, digits, '.', '_', '/' and single '-': "
                    + key);
        }
        return "<!-- ogdc-action:sticky-comment:" + key + " -->";
    }

    /** The comment with the default {@link #MARKER}. */
    public static String render(RunReport run) {
        return render(run, MARKER);
    }

    /**
     * The comment body, at most {@link #MAX_BODY_CHARACTERS}, starting with {@code marker} on its own line: the
     * recipes, the failures, then the pre-flight estimate when the run has one.
     */
    public static String render(RunReport run, String marker) {
        StringBuilder out = new StringBuilder(marker).append('\n')
                .append("### OGDC run for ").append(Markdown.code(run.shortSha())).append("\n\n")
                .append(RecipeTable.table(run)).append('\n')
                .append(RecipeTable.totals(run))
                .append(run.actionsRunUrl().map(url -> " · " + Markdown.link("Actions run", url)).orElse(""))
                .append("\n\n")
                .append(RecipeTable.failures(run));
        run.estimateMarkdown().ifPresent(estimate -> out.append(estimate.endsWith("\n") ? estimate : estimate + "\n")
                .append('\n'));
        out.append("<sub>Updated ").append(run.updatedAt()).append(" · trigger ")
                .append(Markdown.code(run.trigger())).append("</sub>\n");
        String seeAlso = run.actionsRunUrl().map(url -> Markdown.link("the Actions run", url))
                .orElse("the check runs");
        return BODY.fit(out.toString(), seeAlso);
    }

    /**
     * {@code body} (a comment starting with {@code marker}, or empty for none yet) with {@code answer} (Markdown: the
     * reply to a {@code /ogdc} command) in place of the answer it held, just under the marker; the rest (the last
     * run's report) is kept. An answer that would not fit is cut, never the report.
     */
    public static String withAnswer(Optional<String> body, String marker, String answer) {
        String rest = body.filter(text -> text.startsWith(marker)).map(text -> text.substring(marker.length()))
                .orElse("");
        int start = rest.indexOf(ANSWER_START);
        int end = rest.indexOf(ANSWER_END);
        if (start >= 0 && end > start) {
            String after = rest.substring(end + ANSWER_END.length());
            rest = rest.substring(0, start) + (after.startsWith("\n") ? after.substring(1) : after);
        }
        String report = rest.startsWith("\n") ? rest.substring(1) : rest;
        int room = MAX_BODY_CHARACTERS - marker.length() - report.length() - ANSWER_START.length()
                - ANSWER_END.length() - 4;
        String text = answer.strip();
        if (text.length() > room) {
            text = TextBudget.characters(Math.max(room, 0)).fit(text, "the job log");
        }
        return marker + "\n" + ANSWER_START + "\n" + text + "\n" + ANSWER_END + "\n" + report;
    }

    /** The hidden lines around the answer to the last command. */
    static final String ANSWER_START = "<!-- ogdc-action:answer -->";
    static final String ANSWER_END = "<!-- /ogdc-action:answer -->";
}
