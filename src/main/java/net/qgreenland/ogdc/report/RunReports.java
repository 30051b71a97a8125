package net.qgreenland.ogdc.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.qgreenland.ogdc.cluster.NodeLog;
import net.qgreenland.ogdc.cluster.NodeState;
import net.qgreenland.ogdc.cluster.RecipeSubmission;
import net.qgreenland.ogdc.cluster.WorkflowPhase;
import net.qgreenland.ogdc.cluster.WorkflowState;
import net.qgreenland.ogdc.plan.RecipePlan;
import net.qgreenland.ogdc.recipe.RecipeParseResult;

/** Builds recipe reports from what the cluster, the parser and the planner said, so rendering knows none of them. */
public final class RunReports {

    /** A retry attempt's node name: its retry node's name and the attempt's number ({@code wf[0].cmd-0(1)}). */
    private static final Pattern ATTEMPT = Pattern.compile("(.+)\\((0|[1-9][0-9]*)\\)");

    private RunReports() {}

    /**
     * The report of a submitted (or dry-run) recipe; with {@code argoUi} ({@code https://argo.example}) the workflow
     * links to {@code <argoUi>/workflows/<namespace>/<name>}.
     */
    public static RecipeReport fromSubmission(RecipeSubmission submission, Optional<String> argoUi) {
        Optional<WorkflowState> workflow = submission.workflow();
        RecipeState state = state(submission);
        // a dry run's workflow exists only as a file, so there is no page to link to
        Optional<String> argoUrl = state == RecipeState.NOT_SUBMITTED ? Optional.empty()
                : argoUi.filter(url -> !url.isBlank()).flatMap(url -> workflow.map(wf -> argoUrl(url, wf)));
        return new RecipeReport(submission.directory(), Optional.of(submission.recipeId()), state,
                submission.workflowName(), argoUrl, Optional.empty(), workflow.flatMap(WorkflowState::progress),
                workflow.flatMap(WorkflowState::startedAt), workflow.flatMap(WorkflowState::finishedAt),
                workflow.map(RunReports::stages).orElse(List.of()), List.of(),
                submission.logs().stream().map(RunReports::excerpt).toList(), reason(state, workflow),
                submission.detail());
    }

    /** The report of a recipe that did not parse: invalid, with every problem. */
    public static RecipeReport fromInvalid(RecipeParseResult result) {
        if (result.isValid()) {
            throw new IllegalArgumentException("recipe " + result.directory() + " is valid");
        }
        long errors = result.problems().stream().filter(p -> p.isError()).count();
        return new RecipeReport(result.directory(), Optional.empty(), RecipeState.INVALID, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                result.problems(), List.of(), Optional.empty(), "The recipe has " + errors
                        + (errors == 1 ? " error" : " errors") + "; nothing was submitted. Fix "
                        + (errors == 1 ? "it" : "them") + " and push again.");
    }

    /** The report of a planned recipe, before anything is submitted. */
    public static RecipeReport fromPlan(RecipePlan plan) {
        RecipeState state;
        String detail;
        switch (plan.status()) {
            case RUN:
                state = RecipeState.PLANNED;
                detail = "Planned: " + plan.why() + ".";
                break;
            case INVALID:
                state = RecipeState.INVALID;
                detail = "The recipe has errors; nothing will be submitted.";
                break;
            case VALIDATE_ONLY:
                state = RecipeState.SKIPPED;
                detail = "Validated, not run: " + plan.why() + ".";
                break;
            default:
                state = RecipeState.SKIPPED;
                detail = "Nothing to run: " + plan.why() + ".";
                break;
        }
        return new RecipeReport(plan.directory(), plan.recipeId(), state,
                plan.submission().map(outline -> outline.mainWorkflow()), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of(), plan.problems(), List.of(),
                Optional.empty(), detail);
    }

    /**
     * The workflow's stages: its pods grouped by template, counted by phase, timed, in the order they started
     * (stages without times last, by name). A pod is a retry when it is the second or later attempt of a
     * {@code Retry} node: Argo names attempt {@code k} of retry node {@code n} {@code n(k)}.
     */
    public static List<StageSummary> stages(WorkflowState workflow) {
        Set<String> retryNodes = workflow.nodes().stream().filter(node -> node.type().equals("Retry"))
                .map(NodeState::name).collect(Collectors.toSet());
        Map<String, List<NodeState>> byTemplate = new LinkedHashMap<>();
        workflow.nodes().stream().filter(NodeState::isPod).sorted(Comparator.comparing(NodeState::templateName))
                .forEach(node -> byTemplate.computeIfAbsent(
                        node.templateName().isEmpty() ? node.displayName() : node.templateName(),
                        key -> new ArrayList<>()).add(node));
        List<StageSummary> stages = new ArrayList<>();
        byTemplate.forEach((template, nodes) -> {
            Map<String, Long> counts = new TreeMap<>();
            nodes.forEach(node -> counts.merge(node.phase().isEmpty() ? "Pending" : node.phase(), 1L, Long::sum));
            Optional<Instant> start = nodes.stream().flatMap(n -> n.startedAt().stream())
                    .min(Comparator.naturalOrder());
            Optional<Instant> end = nodes.stream().allMatch(n -> n.finishedAt().isPresent())
                    ? nodes.stream().flatMap(n -> n.finishedAt().stream()).max(Comparator.naturalOrder())
                    : Optional.empty();
            List<Duration> durations = nodes.stream().flatMap(n -> n.startedAt().stream().flatMap(s -> n.finishedAt()
                    .stream().map(e -> Duration.between(s, e)))).filter(d -> !d.isNegative()).toList();
            long retries = nodes.stream().filter(n -> isRetry(n, retryNodes)).count();
            stages.add(new StageSummary(template, counts, start, end.filter(e -> start.isPresent()
                    && !e.isBefore(start.get())), durations, retries));
        });
        // a stable sort keeps stages without times in name order after the timed ones
        return stages.stream().sorted(Comparator.comparing(stage -> stage.startedAt().orElse(Instant.MAX))).toList();
    }

    /** Whether {@code pod} is attempt 1 or later ({@code <retry node>(k)}, k > 0) of one of {@code retryNodes}. */
    static boolean isRetry(NodeState pod, Set<String> retryNodes) {
        Matcher attempt = ATTEMPT.matcher(pod.name());
        return attempt.matches() && retryNodes.contains(attempt.group(1)) && !attempt.group(2).equals("0");
    }

    private static RecipeState state(RecipeSubmission submission) {
        switch (submission.status()) {
            case NOT_SUBMITTED:
                return RecipeState.NOT_SUBMITTED;
            case SKIPPED:
                return RecipeState.SKIPPED;
            case SUCCEEDED:
                return RecipeState.SUCCEEDED;
            case FAILED:
                return RecipeState.FAILED;
            case TIMED_OUT:
                return RecipeState.TIMED_OUT;
            case ERRORED:
            case NOT_RUN:
                return RecipeState.ERRORED;
            default:
                return submission.workflow().map(WorkflowState::phase).filter(p -> p == WorkflowPhase.RUNNING)
                        .map(p -> RecipeState.RUNNING).orElse(RecipeState.QUEUED);
        }
    }

    private static Optional<String> reason(RecipeState state, Optional<WorkflowState> workflow) {
        if (!state.isFailure()) {
            return Optional.empty();
        }
        Optional<String> failedPod = workflow.flatMap(wf -> wf.failedPods().stream()
                .sorted(Comparator.comparing(NodeState::displayName)).findFirst())
                .map(node -> node.displayName() + ": " + node.message().orElse(node.phase()));
        return failedPod.or(() -> workflow.flatMap(WorkflowState::message));
    }

    private static String argoUrl(String argoUi, WorkflowState workflow) {
        String base = argoUi.endsWith("/") ? argoUi.substring(0, argoUi.length() - 1) : argoUi;
        return base + "/workflows/" + workflow.namespace() + "/" + workflow.name();
    }

    private static LogExcerpt excerpt(NodeLog log) {
        return new LogExcerpt(log.node(), log.podName(), log.lines(), log.problem());
    }
}
