package net.qgreenland.ogdc.run;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.Consumer;
import net.qgreenland.ogdc.cluster.ArgoGateway;
import net.qgreenland.ogdc.cluster.ClusterException;
import net.qgreenland.ogdc.cluster.LabelSelector;
import net.qgreenland.ogdc.cluster.NodeLog;
import net.qgreenland.ogdc.cluster.RecipeSubmission;
import net.qgreenland.ogdc.cluster.RecipeSubmitter;
import net.qgreenland.ogdc.cluster.RunLabels;
import net.qgreenland.ogdc.cluster.SubmissionStatus;
import net.qgreenland.ogdc.cluster.SubmitOptions;
import net.qgreenland.ogdc.cluster.WorkflowState;
import net.qgreenland.ogdc.report.CheckRunUpdate;
import net.qgreenland.ogdc.report.CheckStatus;
import net.qgreenland.ogdc.report.GitHubChecks;
import net.qgreenland.ogdc.report.GitHubException;
import net.qgreenland.ogdc.report.GitHubRepository;
import net.qgreenland.ogdc.report.GitHubRepository.CheckRunRecord;
import net.qgreenland.ogdc.report.RecipeReport;
import net.qgreenland.ogdc.report.RecipeState;
import net.qgreenland.ogdc.report.RunReport;
import net.qgreenland.ogdc.report.RunReports;
import net.qgreenland.ogdc.report.render.CheckRunSummaryRenderer;

/**
 * {@code sync}: brings the check runs of workflows that outlived the job that submitted them ({@code wait: false},
 * a lost runner, an expired token) up to date. It finds our main workflows by label, lists each of their commits'
 * check runs once, and for each check run not yet completed publishes its workflow's final state (with the failed
 * steps' logs) or its progress; an in-progress check run whose workflow is gone is completed cancelled. One sync at
 * a time per instance.
 */
public final class CheckRunSynchronizer {

    /** Every main workflow this program submitted. */
    public static final LabelSelector MAIN_WORKFLOWS = LabelSelector.of(Map.of(RunLabels.MANAGED_BY,
            RunLabels.MANAGER, RunLabels.ROLE, RunLabels.Role.MAIN.label()));

    private static final Comparator<TrackedWorkflow> NEWEST_FIRST = Comparator
            .comparing((TrackedWorkflow w) -> w.workflow().createdAt().orElse(Instant.MIN))
            .thenComparing(w -> w.workflow().name()).reversed();

    private final ArgoGateway gateway;
    private final GitHubRepository github;
    private final GitHubChecks checks;
    private final SyncContext context;
    private final Clock clock;
    private final Consumer<String> log;
    private int completed;
    private int running;
    private int skipped;
    private int failed;

    public CheckRunSynchronizer(ArgoGateway gateway, GitHubRepository github, GitHubChecks checks,
            SyncContext context, Clock clock, Consumer<String> log) {
        this.gateway = gateway;
        this.github = github;
        this.checks = checks;
        this.context = context;
        this.clock = clock;
        this.log = log;
    }

    /** The workflows found and what was left out. */
    public record Found(List<TrackedWorkflow> workflows, int skipped) {
        public Found {
            workflows = List.copyOf(workflows);
        }
    }

    /**
     * Our main workflows in the gateway's namespace that name their check run, the newest one per check run, by
     * commit and directory; a workflow without its commit label or directory annotation, or an older one of the
     * same check run, is logged and counted as skipped.
     */
    public static Found find(ArgoGateway gateway, Consumer<String> log) {
        Map<String, TrackedWorkflow> newest = new TreeMap<>();
        int skipped = 0;
        for (WorkflowState state : gateway.find(MAIN_WORKFLOWS)) {
            String commit = state.labels().getOrDefault(RunLabels.COMMIT, "");
            String directory = state.annotations().getOrDefault(RunLabels.RECIPE_DIRECTORY_ANNOTATION, "");
            if (commit.isEmpty() || directory.isEmpty()) {
                log.accept("sync: skipped workflow " + state.name() + ": it has no " + (commit.isEmpty()
                        ? "label " + RunLabels.COMMIT : "annotation " + RunLabels.RECIPE_DIRECTORY_ANNOTATION)
                        + " (submitted by an older version, or not for a commit), so it names no check run");
                skipped++;
                continue;
            }
            TrackedWorkflow workflow = new TrackedWorkflow(commit, directory, state);
            TrackedWorkflow other = newest.get(workflow.externalId());
            if (other != null) {
                TrackedWorkflow older = NEWEST_FIRST.compare(workflow, other) < 0 ? other : workflow;
                TrackedWorkflow newer = older == other ? workflow : other;
                log.accept("sync: skipped workflow " + older.workflow().name() + ": " + newer.workflow().name()
                        + " is newer and reports to the same check run " + workflow.shortName());
                skipped++;
                workflow = newer;
            }
            newest.put(workflow.externalId(), workflow);
        }
        return new Found(new ArrayList<>(newest.values()), skipped);
    }

    /**
     * Brings every check run of our workflows up to date; GitHub failures are counted, not thrown.
     *
     * @throws ClusterException when the workflows cannot be listed
     */
    public SyncSummary synchronize() {
        Found found = find(gateway, log);
        completed = 0;
        running = 0;
        skipped = found.skipped();
        failed = 0;
        Map<String, List<TrackedWorkflow>> byCommit = new TreeMap<>();
        found.workflows().forEach(w -> byCommit.computeIfAbsent(w.commit(), c -> new ArrayList<>()).add(w));
        byCommit.forEach(this::synchronize);
        return new SyncSummary(completed, running, skipped, failed);
    }

    private void synchronize(String commit, List<TrackedWorkflow> workflows) {
        List<CheckRunRecord> listed;
        try {
            listed = github.listCheckRuns(commit);
        } catch (GitHubException e) {
            log.accept("sync: " + e.getMessage() + "; " + workflows.size() + " workflow(s) of this commit are left "
                    + "for the next sync");
            failed += workflows.size();
            return;
        }
        // GitHub lists the newest first; an external id that looks like ours but names another check run is not ours
        Map<String, CheckRunRecord> ours = new LinkedHashMap<>();
        listed.forEach(run -> run.externalId().filter(id -> id.equals(run.name() + "@" + commit))
                .ifPresent(id -> ours.putIfAbsent(id, run)));
        OptionalInt pullRequest = pullRequest(workflows);
        for (TrackedWorkflow workflow : workflows) {
            CheckRunRecord run = ours.remove(workflow.externalId());
            if (run == null) {
                skip(workflow.shortName(), "workflow " + workflow.workflow().name() + " has no check run (it was "
                        + "submitted without a GitHub token, or from the command line)");
            } else if (run.isCompleted()) {
                skip(workflow.shortName(), "its check run is already completed (" + run.conclusion().orElse("") + ")");
            } else {
                publish(commit, pullRequest, report(workflow), "workflow " + workflow.workflow().name() + " "
                        + workflow.workflow().phase().argoName());
            }
        }
        for (CheckRunRecord run : ours.values()) {
            if (run.isCompleted()) {
                continue;
            }
            String name = run.name() + "@" + commit.substring(0, Math.min(7, commit.length()));
            if (!run.status().equals(CheckStatus.IN_PROGRESS.apiName())) {
                // a queued check run may belong to a job still working through its recipes
                skip(name, "its check run is " + run.status() + " and no workflow has been submitted for it yet");
                continue;
            }
            publish(commit, pullRequest, gone(run.name()), "no workflow in namespace " + gateway.namespace());
        }
    }

    /** The report of a workflow: its end, with the failed steps' logs, or its progress. */
    private RecipeReport report(TrackedWorkflow tracked) {
        WorkflowState state = tracked.workflow();
        SubmissionStatus status = SubmissionStatus.ofEnd(state.phase());
        List<NodeLog> logs = List.of();
        if (status.isFailure() && !state.failedPods().isEmpty()) {
            try {
                logs = gateway.failedNodeLogs(state, SubmitOptions.DEFAULT_LOG_LINES);
            } catch (ClusterException e) {
                log.accept("sync: could not read the logs of " + state.name() + ": " + e.getMessage());
            }
        }
        String detail = state.name() + ": " + RecipeSubmitter.describe(state) + " (reported by ogdc-action sync).";
        RecipeSubmission submission = new RecipeSubmission(tracked.directory(),
                state.labels().getOrDefault(RunLabels.RECIPE_ID, ""), status, Optional.of(state), true, detail, logs);
        return RunReports.fromSubmission(submission, context.argoUi());
    }

    /** The report of a check run whose workflow no longer exists: cancelled, with how to run it again. */
    private RecipeReport gone(String directory) {
        return new RecipeReport(directory, Optional.empty(), RecipeState.CANCELLED, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                List.of(), List.of(), Optional.empty(), "The workflow of this check run no longer exists in "
                        + "namespace " + gateway.namespace() + " (deleted, or removed after it ended), so its outcome "
                        + "is unknown. To run the recipe again, dispatch the workflow with recipes: " + directory
                        + " and force: true, or comment /ogdc run " + directory + " on its pull request.");
    }

    private void publish(String commit, OptionalInt pullRequest, RecipeReport recipe, String why) {
        RunReport run = new RunReport(context.repository(), commit, pullRequest, "sync", context.actionsRunUrl(),
                clock.instant(), List.of(recipe), Optional.empty());
        CheckRunUpdate update = CheckRunSummaryRenderer.render(recipe, run, context.secrets());
        String target = recipe.directory() + "@" + run.shortSha();
        GitHubChecks.Publication result = checks.publish(update);
        String outcome = update.conclusion().map(c -> "completed (" + c.apiName() + ")").orElse(update.status()
                .apiName());
        if (result != GitHubChecks.Publication.PUBLISHED) {
            failed++;
            log.accept("sync: " + target + ": " + why + ": the check run could not be set " + outcome + " ("
                    + result.name().toLowerCase(java.util.Locale.ROOT) + ")");
            return;
        }
        if (update.status() == CheckStatus.COMPLETED) {
            completed++;
        } else {
            running++;
        }
        log.accept("sync: " + target + ": " + why + " → check run " + outcome);
    }

    private void skip(String target, String why) {
        skipped++;
        log.accept("sync: " + target + ": left alone: " + why);
    }

    private static OptionalInt pullRequest(List<TrackedWorkflow> workflows) {
        return workflows.stream().map(w -> w.workflow().labels().getOrDefault(RunLabels.PULL_REQUEST, ""))
                .filter(n -> n.matches("\\d{1,9}")).mapToInt(Integer::parseInt).findFirst();
    }
}
