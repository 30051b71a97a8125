package net.qgreenland.ogdc.run;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import net.qgreenland.ogdc.cluster.ArgoGateway;
import net.qgreenland.ogdc.cluster.ClusterException;
import net.qgreenland.ogdc.cluster.LabelSelector;
import net.qgreenland.ogdc.cluster.RunLabels;
import net.qgreenland.ogdc.cluster.WorkflowState;
import net.qgreenland.ogdc.report.RecipeReport;
import net.qgreenland.ogdc.report.RecipeState;
import net.qgreenland.ogdc.report.RunReport;
import net.qgreenland.ogdc.report.RunReporter;

/**
 * Stops runs that should not go on (superseded by a newer push, their pull request closed, {@code /ogdc cancel}):
 * every unfinished workflow of ours that a selector and a filter pick is stopped, and the check run of each main
 * workflow, found again by the recipe directory and commit the workflow carries, is completed as cancelled.
 */
public final class WorkflowCanceller {

    private final ArgoGateway gateway;
    private final RunReporter reporter;
    private final RunContext context;
    private final Clock clock;
    private final Consumer<String> log;

    /** {@code reporter} publishes the cancelled check runs (give it no comment marker: the comment is the run's). */
    public WorkflowCanceller(ArgoGateway gateway, RunReporter reporter, RunContext context, Clock clock,
            Consumer<String> log) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.reporter = Objects.requireNonNull(reporter, "reporter");
        this.context = Objects.requireNonNull(context, "context");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.log = Objects.requireNonNull(log, "log");
    }

    /** A run that was stopped: the recipe directory, the main workflow and the commit its check run is on. */
    public record CancelledRun(String directory, String workflow, String commit) {}

    /**
     * Stops the unfinished workflows of ours carrying {@code labels} that {@code which} keeps, saying
     * {@code reason} (a sentence: "Superseded by a push of abc1234.") in the workflows and the check runs.
     *
     * @return the main workflows stopped, with their recipes
     */
    public List<CancelledRun> cancel(Map<String, String> labels, Predicate<WorkflowState> which, String reason) {
        Map<String, String> ours = new LinkedHashMap<>(labels);
        ours.put(RunLabels.MANAGED_BY, RunLabels.MANAGER);
        List<CancelledRun> cancelled = new ArrayList<>();
        for (WorkflowState workflow : gateway.find(LabelSelector.of(ours))) {
            if (workflow.isTerminal() || !which.test(workflow)) {
                continue;
            }
            try {
                gateway.stop(workflow.name(), "ogdc-action: " + reason);
            } catch (ClusterException e) {
                log.accept("could not stop " + workflow.name() + ": " + e.getMessage());
                continue;
            }
            Optional<String> directory = Optional.ofNullable(
                    workflow.annotations().get(RunLabels.RECIPE_DIRECTORY_ANNOTATION));
            Optional<String> commit = Optional.ofNullable(workflow.labels().get(RunLabels.COMMIT));
            log.accept("stopped " + workflow.name() + directory.map(d -> " (" + d + ")").orElse("") + ": " + reason);
            if ("main".equals(workflow.labels().get(RunLabels.ROLE)) && directory.isPresent() && commit.isPresent()) {
                cancelled.add(new CancelledRun(directory.get(), workflow.name(), commit.get()));
            }
        }
        publish(cancelled, reason);
        return cancelled;
    }

    /** One report per commit, so each check run is completed on the commit it belongs to. */
    private void publish(List<CancelledRun> cancelled, String reason) {
        Map<String, List<RecipeReport>> byCommit = new LinkedHashMap<>();
        for (CancelledRun run : cancelled) {
            byCommit.computeIfAbsent(run.commit(), commit -> new ArrayList<>()).add(new RecipeReport(run.directory(),
                    Optional.empty(), RecipeState.CANCELLED, Optional.of(run.workflow()), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(clock.instant()), List.of(),
                    List.of(), List.of(), Optional.empty(), reason));
        }
        byCommit.forEach((commit, recipes) -> reporter.update(new RunReport(context.repository(), commit,
                context.pullRequest(), context.trigger(), context.actionsRunUrl(), clock.instant(), recipes,
                Optional.empty())));
    }
}
