package net.qgreenland.ogdc.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import net.qgreenland.ogdc.action.WorkflowCommands;
import net.qgreenland.ogdc.report.render.CheckRunSummaryRenderer;
import net.qgreenland.ogdc.report.render.JobSummaryRenderer;
import net.qgreenland.ogdc.report.render.PullRequestCommentRenderer;

/**
 * Puts a run's report everywhere it belongs: a check run per recipe and the sticky comment (through
 * {@link GitHubChecks}, when there is a token and a repository), and at the end the job summary, the step outputs,
 * the report directory ({@link RunReportWriter}) and annotations for invalid recipes; calls from several threads are
 * taken one at a time, and nothing is updated after the final report. When GitHub refuses to be written to (a
 * fork's pull request), the failures are also annotated on the run, so nothing is lost. Reporting never changes an
 * outcome and never throws for GitHub.
 */
public final class RunReporter {

    /** Step outputs: the recipes with their states, the workflows by recipe directory, and success or failure. */
    public static final String RECIPES_OUTPUT = "recipes";
    public static final String WORKFLOWS_OUTPUT = "workflows";
    public static final String RESULT_OUTPUT = "result";
    /** Step output: where the run's report files are ({@link RunReportWriter}). */
    public static final String REPORT_DIR_OUTPUT = "report-dir";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Optional<GitHubChecks> checks;
    private final WorkflowCommands commands;
    private final List<String> secrets;
    private final Optional<String> marker;
    private final Consumer<String> log;
    private final Optional<RunReportWriter> reportFiles;
    private final Map<String, CheckRunUpdate> published = new HashMap<>();
    /** When the report behind each check run's last published update was made. */
    private final Map<String, java.time.Instant> publishedAt = new HashMap<>();
    private boolean refused;
    private boolean finished;
    private boolean commented;
    private volatile Optional<String> answer = Optional.empty();

    /**
     * @param checks where check runs and the comment go; empty without a token or outside a repository
     * @param secrets every secret value, redacted from log excerpts
     * @param marker the sticky comment's hidden marker ({@link PullRequestCommentRenderer#MARKER} or a keyed one);
     *     empty for no comment
     */
    public RunReporter(Optional<GitHubChecks> checks, WorkflowCommands commands, List<String> secrets,
            Optional<String> marker, Consumer<String> log) {
        this(checks, commands, secrets, marker, log, Optional.empty());
    }

    /**
     * A reporter that also writes the report files when the run finishes.
     *
     * @param reportFiles where {@link #finish} writes the report directory (and names it in the
     *     {@value #REPORT_DIR_OUTPUT} output); empty for none
     */
    public RunReporter(Optional<GitHubChecks> checks, WorkflowCommands commands, List<String> secrets,
            Optional<String> marker, Consumer<String> log, Optional<RunReportWriter> reportFiles) {
        this.checks = checks;
        this.commands = commands;
        this.secrets = List.copyOf(secrets);
        this.marker = marker;
        this.log = log;
        this.reportFiles = reportFiles;
    }

    /** From now on the sticky comment opens with {@code markdown}: the reply to the command that started the run. */
    public void answer(String markdown) {
        answer = Optional.of(markdown);
    }

    /**
     * Puts {@code answer} (the reply to a command that ran nothing) at the top of pull request
     * {@code pullRequest}'s sticky comment, keeping the last report under it.
     *
     * @return whether GitHub took it (false without a token or a comment, or after a failure, which was logged)
     */
    public synchronized boolean answerOnly(int pullRequest, String answer) {
        if (checks.isEmpty() || marker.isEmpty() || refused) {
            return false;
        }
        String key = marker.get();
        GitHubChecks.Publication published = checks.get().editComment(pullRequest, key,
                existing -> PullRequestCommentRenderer.withAnswer(existing, key, answer));
        if (published != GitHubChecks.Publication.PUBLISHED) {
            log.accept("warning: the answer could not be put in the pull request's comment: " + answer);
            return false;
        }
        return true;
    }

    /** Publishes the run's current state: each recipe's check run and, for a pull request, the comment. */
    public synchronized void update(RunReport run) {
        if (finished) {
            return; // a progress update that comes after the final report must not reopen a completed check run
        }
        publishToGitHub(run, render(run));
    }

    /**
     * Like {@link #update(RunReport)}, with the report taken from {@code current} once this reporter's turn has
     * come: when several threads report at once, each publishes the state as it is then, so a report made before
     * another thread's newer one can never be published after it.
     */
    public synchronized void update(Supplier<RunReport> current) {
        if (!finished) {
            update(current.get());
        }
    }

    /**
     * Publishes the final state, then writes the job summary, the outputs, the report files and the annotations.
     *
     * @return whether GitHub took everything (false after a refusal or a failure, which were logged)
     */
    public synchronized boolean finish(RunReport run) {
        finished = true;
        List<CheckRunUpdate> updates = render(run);
        boolean delivered = publishToGitHub(run, updates);
        commands.appendSummary(JobSummaryRenderer.render(run));
        writeOutputs(run);
        reportFiles.ifPresent(files -> writeReportFiles(files, run));
        annotate(run, updates);
        return delivered;
    }

    /** Each recipe's check run, in the run's order. */
    private List<CheckRunUpdate> render(RunReport run) {
        return run.recipes().stream().map(recipe -> CheckRunSummaryRenderer.render(recipe, run, secrets)).toList();
    }

    private boolean publishToGitHub(RunReport run, List<CheckRunUpdate> updates) {
        if (checks.isEmpty() || refused) {
            return false;
        }
        List<GitHubChecks.Publication> results = new ArrayList<>();
        checks.get().batch(() -> {
            for (int i = 0; i < updates.size(); i++) {
                CheckRunUpdate update = updates.get(i);
                if (unchanged(update, run.recipes().get(i), run)) {
                    continue; // sending it again spends rate limit for nothing
                }
                GitHubChecks.Publication result = checks.get().publish(update);
                if (result == GitHubChecks.Publication.PUBLISHED) {
                    published.put(update.externalId(), update);
                    publishedAt.put(update.externalId(), run.updatedAt());
                }
                results.add(result);
            }
        });
        // The comment is written when the run starts (the plan and estimate, before anything is submitted) and with
        // the final report; the check runs carry the progress in between, so a run costs the comment two writes,
        // not one per phase change.
        if (run.pullRequest().isPresent() && marker.isPresent() && (finished || !commented)) {
            commented = true;
            String body = PullRequestCommentRenderer.render(run, marker.get());
            String comment = answer.map(reply -> PullRequestCommentRenderer.withAnswer(Optional.of(body),
                    marker.get(), reply)).orElse(body);
            results.add(checks.get().upsertComment(run.pullRequest().getAsInt(), marker.get(), comment));
        }
        refused = results.contains(GitHubChecks.Publication.REFUSED);
        return results.stream().allMatch(r -> r == GitHubChecks.Publication.PUBLISHED);
    }

    /**
     * Whether {@code update} says nothing new since the last one published for its check run: equal to it, or equal
     * but for the passing of time (a running stage's timeline bar ends "now"; a recipe that never ran is completed
     * "now"), which alone is not worth a write.
     */
    private boolean unchanged(CheckRunUpdate update, RecipeReport recipe, RunReport run) {
        CheckRunUpdate last = published.get(update.externalId());
        if (last == null) {
            return false;
        }
        if (update.equals(last) || last.status() == CheckStatus.COMPLETED && update.status() != CheckStatus.COMPLETED) {
            return true; // nor is a completed check run ever reopened by an older state
        }
        return update.status() == last.status()
                && CheckRunSummaryRenderer.render(recipe, run.at(publishedAt.get(update.externalId())), secrets)
                        .equals(last);
    }

    private void writeOutputs(RunReport run) {
        ArrayNode recipes = JSON.createArrayNode();
        ObjectNode workflows = JSON.createObjectNode();
        for (RecipeReport recipe : run.recipes()) {
            ObjectNode entry = recipes.addObject().put("directory", recipe.directory())
                    .put("state", recipe.state().name().toLowerCase(Locale.ROOT));
            recipe.recipeId().ifPresent(id -> entry.put("id", id));
            recipe.workflowName().ifPresent(name -> {
                entry.put("workflow", name);
                workflows.put(recipe.directory(), name);
            });
            recipe.argoUrl().ifPresent(url -> entry.put("url", url));
        }
        commands.setOutput(RECIPES_OUTPUT, recipes.toString());
        commands.setOutput(WORKFLOWS_OUTPUT, workflows.toString());
        boolean failed = run.recipes().stream().anyMatch(r -> r.state().isFailure());
        commands.setOutput(RESULT_OUTPUT, failed ? "failure" : "success");
    }

    /** The report directory, and its path as an output; a failure to write it is a warning, as for GitHub. */
    private void writeReportFiles(RunReportWriter files, RunReport run) {
        try {
            files.write(run, secrets);
            commands.setOutput(REPORT_DIR_OUTPUT, files.shownAs());
            log.accept("run: the report is in " + files.shownAs());
        } catch (UncheckedIOException e) {
            log.accept("warning: the report directory could not be written: " + e.getMessage());
        }
    }

    /** Invalid recipes on their lines; when GitHub took no check runs, every failure on the run as well. */
    private void annotate(RunReport run, List<CheckRunUpdate> updates) {
        for (int i = 0; i < updates.size(); i++) {
            RecipeReport recipe = run.recipes().get(i);
            CheckRunUpdate update = updates.get(i);
            for (CheckAnnotation annotation : update.annotations()) {
                commands.annotate(level(annotation.level()), annotation.path(), annotation.startLine(),
                        annotation.startColumn(), annotation.title(), annotation.message());
            }
            if ((refused || checks.isEmpty()) && recipe.state().isFailure() && update.annotations().isEmpty()) {
                commands.annotate("error", recipe.directory() + ": " + recipe.state().label(), recipe.detail());
            }
        }
        if (refused) {
            log.accept("GitHub refused check runs and comments; the job summary and these annotations hold the report");
        }
    }

    private static String level(CheckAnnotation.Level level) {
        switch (level) {
            case FAILURE:
                return "error";
            case WARNING:
                return "warning";
            default:
                return "notice";
        }
    }
}
