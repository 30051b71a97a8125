package net.qgreenland.ogdc.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.qgreenland.ogdc.cluster.NodeLog;
import net.qgreenland.ogdc.cluster.NodeState;
import net.qgreenland.ogdc.cluster.RecipeSubmission;
import net.qgreenland.ogdc.cluster.SubmissionStatus;
import net.qgreenland.ogdc.cluster.WorkflowPhase;
import net.qgreenland.ogdc.cluster.WorkflowState;
import net.qgreenland.ogdc.plan.PlanStatus;
import net.qgreenland.ogdc.plan.RecipePlan;
import net.qgreenland.ogdc.recipe.RecipeParseResult;
import net.qgreenland.ogdc.recipe.RecipeProblem;
import net.qgreenland.ogdc.recipe.SourceLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reports are built from what the cluster, the parser and the planner said. */
class RunReportsTest {

    static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    static NodeState pod(String id, String template, String phase, int startSecond, Integer endSecond) {
        return new NodeState(id, "wf[0]." + id, id, template, "Pod", phase,
                phase.equals("Failed") ? Optional.of("Error (exit code 1)") : Optional.empty(), Map.of(),
                Optional.of(T0.plusSeconds(startSecond)),
                Optional.ofNullable(endSecond).map(T0::plusSeconds));
    }

    static WorkflowState workflow(WorkflowPhase phase, List<NodeState> nodes) {
        return new WorkflowState("seal-tags-shell-x7k2p", "qgnet", "1", phase, Optional.of("3/4"), Optional.of(T0),
                Optional.of(T0), phase.isTerminal() ? Optional.of(T0.plusSeconds(252)) : Optional.empty(),
                Optional.of("child failed"), Map.of(), Map.of(), nodes);
    }

    static final List<NodeState> NODES = List.of(
            pod("cmd-0-b", "cmd-0", "Failed", 40, 100),
            new NodeState("wf", "wf", "wf", "main", "Steps", "Failed", Optional.empty(), Map.of(), Optional.empty(),
                    Optional.empty()),
            pod("list", "list-pvc-files", "Succeeded", 2, 12),
            pod("cmd-0-a", "cmd-0", "Succeeded", 30, 90),
            pod("publish", "publish-data", "Pending", 200, null));

    @Test
    void stagesArePodsGroupedByTemplateInTheOrderTheyStarted() {
        List<StageSummary> stages = RunReports.stages(workflow(WorkflowPhase.FAILED, NODES));

        assertThat(stages).extracting(StageSummary::name).containsExactly("list-pvc-files", "cmd-0", "publish-data");
        assertThat(stages.get(1).podsByPhase()).containsExactly(Map.entry("Failed", 1L), Map.entry("Succeeded", 1L));
        assertThat(stages.get(1).duration()).contains(Duration.ofSeconds(70));
        assertThat(stages.get(0).duration()).contains(Duration.ofSeconds(10));
        assertThat(stages.get(2).duration()).as("a pod still going has no end").isEmpty();
        assertThat(stages.get(2).running()).isEqualTo(1);
        assertThat(stages.get(1).startedAt()).contains(T0.plusSeconds(30));
        assertThat(stages.get(1).finishedAt()).contains(T0.plusSeconds(100));
        assertThat(stages.get(1).podDurations()).containsExactly(Duration.ofSeconds(60), Duration.ofSeconds(60));
        assertThat(stages.get(2).startedAt()).contains(T0.plusSeconds(200));
        assertThat(stages.get(2).finishedAt()).isEmpty();
        assertThat(stages.get(2).podDurations()).as("only pods with both ends are timed").isEmpty();
    }

    static NodeState node(String name, String template, String type, String phase, int start, int end) {
        return new NodeState(name, name, name.substring(name.lastIndexOf('.') + 1), template, type, phase,
                Optional.empty(), Map.of(), Optional.of(T0.plusSeconds(start)), Optional.of(T0.plusSeconds(end)));
    }

    @Test
    void podsAfterTheFirstAttemptOfARetryNodeAreRetries() {
        List<NodeState> nodes = List.of(
                node("wf", "main", "Steps", "Succeeded", 0, 500),
                // a fan-out item (its name holds parentheses too) whose first attempt failed
                node("wf[1].cmd-0(0:p-0)", "cmd-0", "Retry", "Succeeded", 10, 200),
                node("wf[1].cmd-0(0:p-0)(0)", "cmd-0", "Pod", "Failed", 10, 40),
                node("wf[1].cmd-0(0:p-0)(1)", "cmd-0", "Pod", "Succeeded", 50, 200),
                node("wf[1].cmd-0(1:p-1)", "cmd-0", "Retry", "Succeeded", 10, 100),
                node("wf[1].cmd-0(1:p-1)(0)", "cmd-0", "Pod", "Succeeded", 10, 100),
                // one step, tried three times
                node("wf[2].publish", "publish", "Retry", "Succeeded", 210, 300),
                node("wf[2].publish(0)", "publish", "Pod", "Error", 210, 220),
                node("wf[2].publish(1)", "publish", "Pod", "Error", 230, 240),
                node("wf[2].publish(2)", "publish", "Pod", "Succeeded", 250, 300),
                // parentheses without a retry node are not an attempt
                node("wf[3].tidy(1)", "tidy", "Pod", "Succeeded", 300, 301));

        List<StageSummary> stages = RunReports.stages(workflow(WorkflowPhase.SUCCEEDED, nodes));

        assertThat(stages).extracting(StageSummary::name).containsExactly("cmd-0", "publish", "tidy");
        assertThat(stages).extracting(StageSummary::retries).containsExactly(1L, 2L, 0L);
        assertThat(stages).extracting(StageSummary::isFanOut).containsExactly(true, false, false);
        assertThat(stages.get(0).statistics()).contains(new DurationStatistics(3, Duration.ofSeconds(90),
                Duration.ofSeconds(150), Duration.ofSeconds(150)));
        assertThat(stages.get(1).statistics()).as("one step tried three times is not a fan-out").isEmpty();
        assertThat(stages.get(1).duration()).contains(Duration.ofSeconds(90));
    }

    @Test
    void aFailedSubmissionLinksToTheArgoUiAndSaysWhichStepFailed() {
        RecipeSubmission submission = new RecipeSubmission("recipes/seal-tags", "seal-tags", SubmissionStatus.FAILED,
                Optional.of(workflow(WorkflowPhase.FAILED, NODES)), false, "The workflow failed.",
                List.of(new NodeLog("cmd-0", "pod-1", List.of("boom"), Optional.empty())));

        RecipeReport report = RunReports.fromSubmission(submission, Optional.of("https://argo.example/"));

        assertThat(report.state()).isEqualTo(RecipeState.FAILED);
        assertThat(report.argoUrl()).contains("https://argo.example/workflows/qgnet/seal-tags-shell-x7k2p");
        assertThat(report.reason()).contains("cmd-0-b: Error (exit code 1)");
        assertThat(report.duration()).contains(Duration.ofSeconds(252));
        assertThat(report.logs()).singleElement().satisfies(log -> assertThat(log.lines()).containsExactly("boom"));
        assertThat(report.detailsLink()).isEqualTo(report.argoUrl());
        assertThat(report.withCheckRunUrl("https://github.com/o/r/runs/1").detailsLink())
                .contains("https://github.com/o/r/runs/1");
    }

    @ParameterizedTest(name = "{0} with a {1} workflow is {2}")
    @CsvSource({
        "SUCCEEDED, SUCCEEDED, SUCCEEDED",
        "FAILED, FAILED, FAILED",
        "ERRORED, ERROR, ERRORED",
        "NOT_RUN, PENDING, ERRORED",
        "TIMED_OUT, RUNNING, TIMED_OUT",
        "SKIPPED, SUCCEEDED, SKIPPED",
        "NOT_SUBMITTED, NOT_SUBMITTED, NOT_SUBMITTED",
        "SUBMITTED, PENDING, QUEUED",
        "SUBMITTED, RUNNING, RUNNING",
    })
    void aSubmissionStatusBecomesARecipeState(SubmissionStatus status, WorkflowPhase phase, RecipeState expected) {
        RecipeSubmission submission = new RecipeSubmission("recipes/a", "a", status,
                Optional.of(workflow(phase, List.of())), false, "detail", List.of());

        RecipeReport report = RunReports.fromSubmission(submission, Optional.of("https://argo.example"));

        assertThat(report.state()).isEqualTo(expected);
        assertThat(report.argoUrl().isPresent()).as("a dry run has no Argo page")
                .isEqualTo(expected != RecipeState.NOT_SUBMITTED);
    }

    @Test
    void anInvalidRecipeKeepsEveryProblem() {
        List<RecipeProblem> problems = List.of(
                RecipeProblem.error(new SourceLocation("recipes/broken/meta.yml", 1, 1), "workflow", "missing"),
                RecipeProblem.warning(new SourceLocation("recipes/broken/meta.yml", 4, 3), "name", "odd"));

        RecipeReport report = RunReports.fromInvalid(RecipeParseResult.invalid("recipes/broken", problems));

        assertThat(report.state()).isEqualTo(RecipeState.INVALID);
        assertThat(report.problems()).isEqualTo(problems);
        assertThat(report.detail()).startsWith("The recipe has 1 error;");
    }

    @ParameterizedTest(name = "a plan to {0} is {1}")
    @CsvSource({"INVALID, INVALID", "VALIDATE_ONLY, SKIPPED", "REMOVED, SKIPPED"})
    void aPlannedRecipeThatWillNotRunSaysWhy(PlanStatus status, RecipeState expected) {
        RecipePlan plan = new RecipePlan("recipes/a", Optional.of("a"), status, "changed", List.of(), List.of(),
                Optional.empty(), List.of());

        assertThat(RunReports.fromPlan(plan).state()).isEqualTo(expected);
    }
}
