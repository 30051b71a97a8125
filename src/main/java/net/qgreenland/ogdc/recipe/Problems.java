package net.qgreenland.ogdc.recipe;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the problems found while reading one recipe, in the order they were found. */
final class Problems {

    private final List<RecipeProblem> found = new ArrayList<>();

    void error(SourceLocation at, String property, String message) {
        found.add(RecipeProblem.error(at, property, message));
    }

    void warning(SourceLocation at, String property, String message) {
        found.add(RecipeProblem.warning(at, property, message));
    }

    void addAll(List<RecipeProblem> problems) {
        found.addAll(problems);
    }

    boolean hasErrors() {
        return found.stream().anyMatch(RecipeProblem::isError);
    }

    /** How many errors have been recorded so far; compare before and after reading a part. */
    long errorCount() {
        return found.stream().filter(RecipeProblem::isError).count();
    }

    /** The problems, file by file (in the order files were first reported), each file's by line and column. */
    List<RecipeProblem> toList() {
        List<String> fileOrder = found.stream().map(p -> p.location().file()).distinct().toList();
        return found.stream()
                .sorted(Comparator.comparingInt((RecipeProblem p) -> fileOrder.indexOf(p.location().file()))
                        .thenComparingInt(p -> p.location().line())
                        .thenComparingInt(p -> p.location().column()))
                .toList();
    }
}
