package net.qgreenland.ogdc.report.render;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import net.qgreenland.ogdc.report.RecipeReport;
import net.qgreenland.ogdc.report.StageSummary;

/**
 * Draws when each recipe's stages ran as a Mermaid {@code gantt} chart: a section per recipe, a bar per stage from
 * its first pod's start to its last pod's end (a stage still running ends at the report's time), failed stages
 * {@code crit}, running ones {@code active}, finished ones {@code done}. Times are UTC.
 *
 * @see <a href="https://mermaid.js.org/syntax/gantt.html">Mermaid Gantt diagrams</a>
 */
final class GanttChart {

    /** At most this many bars: a chart with more is unreadable and slow to draw. */
    static final int MAX_BARS = 200;
    /** Mermaid refuses to draw a diagram over 50,000 characters ({@code maxTextSize}); this leaves room. */
    static final int MAX_CHARACTERS = 40_000;
    /** The longest stage or section name shown; longer ones end in an ellipsis. */
    static final int MAX_NAME = 80;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    /**
     * Words Mermaid's Gantt lexer reads as a statement when a line starts with them (case-insensitive, some without
     * a space after), and dates, which it reads as a date token.
     */
    private static final Pattern KEYWORD = Pattern.compile("(?i)(gantt|dateformat|inclusiveenddates|topaxis"
            + "|axisformat|tickinterval|includes|excludes|todaymarker|weekday|title|accdescription|accdescr"
            + "|acctitle|section|click|call|href|\\d{4}-\\d{2}-\\d{2}).*", Pattern.DOTALL);

    private GanttChart() {}

    /** A bar of the chart. */
    private record Bar(String stage, String tags, Instant start, Instant end) {}

    /**
     * A fenced {@code mermaid} block of the recipes' timed stages, then a line saying what was left out when the
     * chart would exceed {@link #MAX_BARS} bars or {@link #MAX_CHARACTERS} characters; empty when no stage has a
     * start. {@code now} ends the bars of stages still running.
     */
    static String mermaid(List<RecipeReport> recipes, Instant now) {
        List<String> sections = new ArrayList<>();
        List<List<Bar>> bars = new ArrayList<>();
        Instant first = Instant.MAX;
        Instant last = Instant.MIN;
        for (RecipeReport recipe : recipes) {
            List<Bar> recipeBars = new ArrayList<>();
            for (StageSummary stage : recipe.stages()) {
                bar(stage, now).ifPresent(recipeBars::add);
            }
            if (!recipeBars.isEmpty()) {
                sections.add(recipe.directory());
                bars.add(recipeBars);
                for (Bar bar : recipeBars) {
                    first = bar.start().isBefore(first) ? bar.start() : first;
                    last = bar.end().isAfter(last) ? bar.end() : last;
                }
            }
        }
        if (sections.isEmpty()) {
            return "";
        }
        List<String> lines = new ArrayList<>(List.of("gantt", "  dateFormat YYYY-MM-DD HH:mm:ss",
                "  axisFormat " + (Duration.between(first, last).toHours() >= 24 ? "%m-%d %H:%M" : "%H:%M")));
        int size = lines.stream().mapToInt(line -> line.length() + 1).sum();
        int drawn = 0;
        int total = bars.stream().mapToInt(List::size).sum();
        int recipesCut = 0;
        for (int i = 0; i < sections.size(); i++) {
            String section = "  section " + text(sections.get(i));
            boolean sectionShown = false;
            for (Bar bar : bars.get(i)) {
                String line = "  " + taskText(bar.stage()) + " :" + bar.tags() + TIME.format(bar.start()) + ", "
                        + TIME.format(bar.end());
                int grows = line.length() + 1 + (sectionShown ? 0 : section.length() + 1);
                if (drawn >= MAX_BARS || size + grows > MAX_CHARACTERS) {
                    break;
                }
                if (!sectionShown) {
                    lines.add(section);
                    sectionShown = true;
                }
                lines.add(line);
                size += grows;
                drawn++;
            }
            recipesCut += sectionShown ? 0 : 1;
        }
        String chart = Markdown.fenced("mermaid", lines);
        if (drawn == total) {
            return chart;
        }
        return chart + "\nThe chart leaves out " + Markdown.count(total - drawn, "stage") + " ("
                + Markdown.count(recipesCut, "recipe") + " entirely) to stay drawable; report.json has them all.\n";
    }

    private static Optional<Bar> bar(StageSummary stage, Instant now) {
        if (stage.startedAt().isEmpty()) {
            return Optional.empty();
        }
        Instant start = stage.startedAt().get();
        String tags = stage.failed() > 0 ? "crit, " : "";
        if (stage.finishedAt().isPresent()) {
            return Optional.of(new Bar(stage.name(), tags + "done, ", start, stage.finishedAt().get()));
        }
        if (stage.running() > 0 && !now.isBefore(start)) {
            return Optional.of(new Bar(stage.name(), tags + "active, ", start, now));
        }
        return Optional.empty();
    }

    /**
     * A section's or bar's name as Mermaid's Gantt lexer takes it: {@code #} (a comment), {@code :} (ends the
     * name), {@code ;} (ends the statement) and {@code %} (a comment, as {@code %%}) become their full-width forms,
     * backticks quotes (the block is fenced), line breaks spaces; at most {@link #MAX_NAME} characters.
     */
    static String text(String name) {
        String clean = name.replace("#", "＃").replace(":", "：").replace(";", "；").replace("%", "％")
                .replace("`", "'").replace("\r", "").replace("\n", " ").strip();
        if (clean.codePointCount(0, clean.length()) > MAX_NAME) {
            clean = clean.substring(0, clean.offsetByCodePoints(0, MAX_NAME - 1)) + "…";
        }
        return clean.isEmpty() ? "–" : clean;
    }

    /** A bar's name: {@link #text}, and {@code stage } in front of a name the lexer would read as a statement. */
    static String taskText(String name) {
        String clean = text(name);
        return KEYWORD.matcher(clean).matches() ? "stage " + clean : clean;
    }
}
