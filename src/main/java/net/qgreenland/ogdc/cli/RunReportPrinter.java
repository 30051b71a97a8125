package net.qgreenland.ogdc.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.qgreenland.ogdc.report.RecipeReport;
import net.qgreenland.ogdc.report.RecipeState;
import net.qgreenland.ogdc.report.RunReport;

/** The run's report as text, for a terminal: one line per recipe (with its problems), then the totals. */
final class RunReportPrinter {

    private RunReportPrinter() {}

    static void print(PrintWriter out, RunReport report) {
        for (RecipeReport recipe : report.recipes()) {
            out.println((recipe.state().isFailure() ? "✗ " : recipe.state() == RecipeState.SUCCEEDED ? "✓ " : "- ")
                    + recipe.directory() + ": " + recipe.state().label()
                    + recipe.workflowName().map(name -> " (" + name + ")").orElse("") + " - " + recipe.detail());
            recipe.problems().forEach(problem -> out.println("    " + problem.location() + ": "
                    + problem.severity().name().toLowerCase(Locale.ROOT) + ": " + problem.message()));
        }
        out.println(report.recipes().size() + (report.recipes().size() == 1 ? " recipe" : " recipes")
                + (report.recipes().isEmpty() ? " selected" : ": " + counts(report)));
        out.flush();
    }

    private static String counts(RunReport report) {
        List<String> parts = new ArrayList<>();
        report.counts().forEach((state, count) -> parts.add(count + " " + state.label()));
        return String.join(", ", parts);
    }
}
