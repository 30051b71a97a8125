package net.qgreenland.ogdc.report.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import net.qgreenland.ogdc.recipe.RecipeProblem;
import net.qgreenland.ogdc.recipe.SourceLocation;
import net.qgreenland.ogdc.report.CheckAnnotation;
import net.qgreenland.ogdc.report.CheckRunUpdate;
import net.qgreenland.ogdc.report.LogExcerpt;
import net.qgreenland.ogdc.report.RecipeReport;
import net.qgreenland.ogdc.report.RecipeState;
import net.qgreenland.ogdc.report.RunReport;
import net.qgreenland.ogdc.report.StageSummary;

/** Writes one recipe's check run: title, summary (status, links, stages, diagram, problems), log text, annotations. */
public final class CheckRunSummaryRenderer {

    /** GitHub's limit on an annotation's title. */
    static final int MAX_TITLE_CHARACTERS = 255;

    private static final TextBudget OUTPUT = TextBudget.characters(CheckRunUpdate.MAX_OUTPUT_CHARACTERS);

    private CheckRunSummaryRenderer() {}

    /**
     * The check run for {@code recipe} in {@code run}: named after the recipe directory, external id
     * {@code <directory>@<head sha>}; every value in {@code secrets} is masked in the log excerpts before anything
     * is cut.
     */
    public static CheckRunUpdate render(RecipeReport recipe, RunReport run, List<String> secrets) {
        RecipeState state = recipe.state();
        String seeAlso = run.actionsRunUrl().map(url -> Markdown.link("the Actions run", url)).orElse("the job log");
        Optional<String> text = text(recipe, secrets).map(markdown -> OUTPUT.fit(markdown, seeAlso));
        return new CheckRunUpdate(recipe.directory(), run.headSha(), recipe.directory() + "@" + run.headSha(),
                state.checkStatus(), state.conclusion(), recipe.argoUrl().or(run::actionsRunUrl), recipe.startedAt(),
                state.isCompleted() ? recipe.finishedAt().or(() -> Optional.of(run.updatedAt())) : Optional.empty(),
                title(recipe), OUTPUT.fit(summary(recipe, run), seeAlso), text, annotations(recipe));
    }

    /** One line: {@code ✓ succeeded in 4m12s}, {@code ✗ failed: cmd-0: Error (exit code 1)}. */
    public static String title(RecipeReport recipe) {
        String title;
        switch (recipe.state()) {
            case SUCCEEDED:
                title = "✓ succeeded" + recipe.duration().map(d -> " in " + Markdown.duration(d)).orElse("");
                break;
            case FAILED:
            case ERRORED:
                title = "✗ " + recipe.state().label() + recipe.reason().map(r -> ": " + r).orElse("");
                break;
            case TIMED_OUT:
                title = "✗ timed out" + recipe.duration().map(d -> " after " + Markdown.duration(d)).orElse("");
                break;
            case INVALID:
                title = "✗ " + problemsTitle(recipe);
                break;
            case RUNNING:
                title = "running" + recipe.progress().map(p -> ": " + p + " pods done").orElse("");
                break;
            default:
                title = recipe.state().label();
                break;
        }
        String line = title.replace("\r", "").replace("\n", " ");
        return line.length() <= MAX_TITLE_CHARACTERS ? line : line.substring(0, MAX_TITLE_CHARACTERS - 1) + "…";
    }

    /** The summary Markdown, uncut. */
    static String summary(RecipeReport recipe, RunReport run) {
        StringBuilder out = new StringBuilder("### ").append(Markdown.badge(recipe.state())).append(": ")
                .append(Markdown.code(recipe.directory())).append("\n\n");
        out.append(Markdown.escape(recipe.detail())).append("\n\n");
        List<String> facts = new ArrayList<>();
        recipe.recipeId().ifPresent(id -> facts.add("recipe " + Markdown.code(id)));
        facts.add("commit " + Markdown.code(run.shortSha()));
        recipe.workflowName().ifPresent(name -> facts.add("workflow " + recipe.argoUrl()
                .map(url -> Markdown.link(Markdown.code(name), url)).orElse(Markdown.code(name))));
        recipe.progress().ifPresent(progress -> facts.add("progress " + Markdown.escape(progress)));
        recipe.duration().ifPresent(duration -> facts.add("took " + Markdown.duration(duration)));
        recipe.argoUrl().ifPresent(url -> facts.add(Markdown.link("Argo UI", url)));
        run.actionsRunUrl().ifPresent(url -> facts.add(Markdown.link("Actions run", url)));
        out.append(String.join(" · ", facts)).append("\n\n");
        if (!recipe.stages().isEmpty()) {
            out.append(stageTable(recipe.stages())).append('\n').append(StageDiagram.mermaid(recipe.stages()))
                    .append('\n');
            String timeline = GanttChart.mermaid(List.of(recipe), run.updatedAt());
            if (!timeline.isEmpty()) {
                out.append("#### Timeline (UTC)\n\n").append(timeline).append('\n');
            }
        }
        if (!recipe.problems().isEmpty()) {
            out.append("#### ").append(Markdown.count(recipe.problems().size(), "problem")).append("\n\n")
                    .append("| Severity | Where | Property | Message |\n|---|---|---|---|\n");
            for (RecipeProblem problem : recipe.problems()) {
                out.append("| ").append(problem.severity().label()).append(" | ")
                        .append(Markdown.code(problem.location().toString())).append(" | ")
                        .append(problem.property().isEmpty() ? "" : Markdown.code(problem.property())).append(" | ")
                        .append(Markdown.escape(problem.message())).append(" |\n");
            }
            out.append('\n');
        }
        if (!recipe.logs().isEmpty()) {
            out.append("The failed steps' logs are below.\n");
        }
        return out.toString();
    }

    /** The failed steps' log excerpts, each folded, secrets masked; empty when there are none. */
    static Optional<String> text(RecipeReport recipe, List<String> secrets) {
        if (recipe.logs().isEmpty()) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder("### Logs of the failed steps\n\n");
        for (LogExcerpt log : recipe.logs()) {
            out.append("<details><summary><code>").append(Markdown.html(log.node())).append("</code> (pod <code>")
                    .append(Markdown.html(log.pod())).append("</code>)");
            if (log.problem().isPresent()) {
                out.append(": log not available</summary>\n\n")
                        .append(Markdown.escape(String.join(" ", Markdown.redact(List.of(log.problem().get()),
                                secrets)))).append("\n\n</details>\n\n");
                continue;
            }
            out.append(": last ").append(Markdown.count(log.lines().size(), "line")).append("</summary>\n\n")
                    .append(Markdown.fenced("text", Markdown.redact(log.lines(), secrets))).append("\n</details>\n\n");
        }
        return Optional.of(out.toString());
    }

    /** One annotation per problem, on the file relative to the repository root. */
    static List<CheckAnnotation> annotations(RecipeReport recipe) {
        List<CheckAnnotation> annotations = new ArrayList<>();
        for (RecipeProblem problem : recipe.problems()) {
            SourceLocation at = problem.location();
            int line = Math.max(1, at.line());
            OptionalInt column = at.hasPosition() && at.column() > 0 ? OptionalInt.of(at.column()) : OptionalInt.empty();
            String title = problem.property().isEmpty() ? "recipe " + problem.severity().label()
                    : problem.property();
            annotations.add(new CheckAnnotation(path(recipe.directory(), at.file()), line, line, column, column,
                    problem.isError() ? CheckAnnotation.Level.FAILURE : CheckAnnotation.Level.WARNING,
                    title.length() <= MAX_TITLE_CHARACTERS ? title : title.substring(0, MAX_TITLE_CHARACTERS),
                    problem.message()));
        }
        return annotations;
    }

    /** A problem's file relative to the repository root: the parser already says so, a bare name is joined. */
    static String path(String directory, String file) {
        String clean = file.startsWith("./") ? file.substring(2) : file;
        return clean.startsWith(directory + "/") ? clean : directory + "/" + clean;
    }

    /** Pods per phase, retries, how long the stage took and, for a fan-out stage, its pods' p50, p95 and max. */
    private static String stageTable(List<StageSummary> stages) {
        StringBuilder out = new StringBuilder("| Stage | Pods | Succeeded | Failed | Running | Retries | Duration "
                + "| Pod p50 | Pod p95 | Pod max |\n|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        for (StageSummary stage : stages) {
            out.append("| ").append(Markdown.code(stage.name())).append(" | ").append(stage.pods()).append(" | ")
                    .append(stage.succeeded()).append(" | ").append(stage.failed()).append(" | ")
                    .append(stage.running()).append(" | ").append(stage.retries()).append(" | ")
                    .append(stage.duration().map(Markdown::duration).orElse("–")).append(" | ")
                    .append(StageStatistics.cells(stage)).append(" |\n");
        }
        return out.toString();
    }

    private static String problemsTitle(RecipeReport recipe) {
        List<String> files = recipe.problems().stream()
                .map(p -> path(recipe.directory(), p.location().file()).substring(recipe.directory().length() + 1))
                .distinct().toList();
        if (files.isEmpty()) {
            return "invalid";
        }
        String where = files.size() == 1 ? files.get(0) : files.size() + " files";
        return Markdown.count(recipe.problems().size(), "problem") + " in " + where;
    }
}
