package net.qgreenland.ogdc.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import net.qgreenland.ogdc.cluster.NodeLog;
import net.qgreenland.ogdc.cluster.RecipeSubmission;
import net.qgreenland.ogdc.cluster.SubmissionStatus;

/** Prints what became of each submitted recipe, with the log tails of failed steps, and a one-line tally. */
final class SubmissionReport {

    private SubmissionReport() {}

    static void print(PrintWriter out, List<RecipeSubmission> submissions) {
        for (RecipeSubmission submission : submissions) {
            out.println(symbol(submission.status()) + " " + submission.directory() + ": "
                    + submission.status().description() + " - " + submission.detail());
            for (NodeLog log : submission.logs()) {
                if (log.problem().isPresent()) {
                    out.println("    " + log.node() + " (pod " + log.podName() + "): log unavailable: "
                            + log.problem().get());
                    continue;
                }
                out.println("    " + log.node() + " (pod " + log.podName() + "), last " + log.lines().size()
                        + " lines:");
                log.lines().forEach(line -> out.println("      " + line));
            }
        }
        out.println(tally(submissions));
        out.flush();
    }

    /** {@code 3 recipes: 1 succeeded, 1 failed, 1 skipped: already published}. */
    static String tally(List<RecipeSubmission> submissions) {
        Map<SubmissionStatus, Long> counts = submissions.stream()
                .collect(Collectors.groupingBy(RecipeSubmission::status, TreeMap::new, Collectors.counting()));
        return submissions.size() + (submissions.size() == 1 ? " recipe: " : " recipes: ")
                + counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().description())
                        .collect(Collectors.joining(", "));
    }

    private static String symbol(SubmissionStatus status) {
        if (status.isFailure()) {
            return "✗";
        }
        return status == SubmissionStatus.SUCCEEDED ? "✓" : "-";
    }
}
