package net.qgreenland.ogdc.report.render;

import java.util.regex.Pattern;
import net.qgreenland.ogdc.report.RunReport;

/** Writes the one sticky pull-request comment: a hidden marker, a table of recipes, totals and folded failures. */
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

    /** The comment body, at most {@link #MAX_BODY_CHARACTERS}, starting with {@code marker} on its own line. */
    public static String render(RunReport run, String marker) {
        StringBuilder out = new StringBuilder(marker).append('\n')
                .append("### OGDC run for ").append(Markdown.code(run.shortSha())).append("\n\n")
                .append(RecipeTable.table(run)).append('\n')
                .append(RecipeTable.totals(run))
                .append(run.actionsRunUrl().map(url -> " · " + Markdown.link("Actions run", url)).orElse(""))
                .append("\n\n")
                .append(RecipeTable.failures(run))
                .append("<sub>Updated ").append(run.updatedAt()).append(" · trigger ")
                .append(Markdown.code(run.trigger())).append("</sub>\n");
        String seeAlso = run.actionsRunUrl().map(url -> Markdown.link("the Actions run", url))
                .orElse("the check runs");
        return BODY.fit(out.toString(), seeAlso);
    }
}
