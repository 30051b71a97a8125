package net.qgreenland.ogdc.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import net.qgreenland.ogdc.action.WorkflowCommands;
import net.qgreenland.ogdc.argo.model.ObjectMeta;
import net.qgreenland.ogdc.argo.model.Workflow;
import net.qgreenland.ogdc.argo.model.WorkflowSpec;
import net.qgreenland.ogdc.report.CheckConclusion;
import net.qgreenland.ogdc.report.CheckRunUpdate;
import net.qgreenland.ogdc.report.GitHubChecks;
import net.qgreenland.ogdc.report.RunReporter;
import net.qgreenland.ogdc.run.RunContext;
import net.qgreenland.ogdc.run.Supersession;
import net.qgreenland.ogdc.run.WorkflowCanceller;
import org.junit.jupiter.api.Test;

/** Stopping superseded, closed and cancelled runs: which workflows are stopped and which check runs end cancelled. */
class WorkflowCancellerTest {

    static final String OLD = "1111111111111111111111111111111111111111";
    static final String NEW = "2222222222222222222222222222222222222222";

    final FakeArgoGateway cluster = new FakeArgoGateway();
    final List<CheckRunUpdate> published = new ArrayList<>();
    final List<String> comments = new ArrayList<>();
    final GitHubChecks github = new GitHubChecks() {
        @Override
        public Publication publish(CheckRunUpdate update) {
            published.add(update);
            return Publication.PUBLISHED;
        }

        @Override
        public Publication editComment(int pullRequest, String marker, Function<Optional<String>, String> edit) {
            comments.add(edit.apply(Optional.empty()));
            return Publication.PUBLISHED;
        }
    };
    final RunContext context = new RunContext("o/r", NEW, OptionalInt.of(7), "pull_request", Optional.empty(),
            Optional.empty(), List.of());
    final WorkflowCanceller canceller = new WorkflowCanceller(cluster, new RunReporter(Optional.of(github),
            new WorkflowCommands(new PrintWriter(new StringWriter()), Optional.empty(), Optional.empty()), List.of(),
            Optional.empty(), line -> {}), context, Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"),
            ZoneOffset.UTC), line -> {});

    @Test
    void aNewCommitOfAPullRequestStopsTheOlderRunsOfTheSameRecipesOnly() {
        String oldAlpha = submit("alpha", OLD, new RunLabels(Optional.of(OLD), OptionalInt.of(7), "pull_request"),
                RunLabels.Role.MAIN, WorkflowPhase.RUNNING);
        String oldAlphaCheck = submit("alpha", OLD, new RunLabels(Optional.of(OLD), OptionalInt.of(7), "pull_request"),
                RunLabels.Role.CHECK_PUBLISHED, WorkflowPhase.RUNNING);
        submit("beta", OLD, new RunLabels(Optional.of(OLD), OptionalInt.of(7), "pull_request"), RunLabels.Role.MAIN,
                WorkflowPhase.RUNNING);
        submit("alpha", OLD, new RunLabels(Optional.of(OLD), OptionalInt.of(8), "pull_request"), RunLabels.Role.MAIN,
                WorkflowPhase.RUNNING);
        submit("alpha", OLD, new RunLabels(Optional.of(OLD), OptionalInt.of(7), "pull_request"), RunLabels.Role.MAIN,
                WorkflowPhase.SUCCEEDED);
        submit("alpha", NEW, new RunLabels(Optional.of(NEW), OptionalInt.of(7), "pull_request"), RunLabels.Role.MAIN,
                WorkflowPhase.RUNNING);

        List<WorkflowCanceller.CancelledRun> stopped = Supersession.ofPullRequest(canceller, 7, NEW)
                .stopOlder(Set.of("alpha"));

        assertThat(cluster.stopped).containsExactlyInAnyOrder(oldAlpha, oldAlphaCheck);
        assertThat(stopped).containsExactly(new WorkflowCanceller.CancelledRun("recipes/alpha", oldAlpha, OLD));
        assertThat(published).singleElement().satisfies(update -> {
            assertThat(update.name()).isEqualTo("recipes/alpha");
            assertThat(update.headSha()).isEqualTo(OLD);
            assertThat(update.externalId()).isEqualTo("recipes/alpha@" + OLD);
            assertThat(update.conclusion()).contains(CheckConclusion.CANCELLED);
            assertThat(update.summary() + update.title()).contains("Superseded by commit 2222222 of pull request #7");
        });
        assertThat(comments).as("the comment is the new run's, not the canceller's").isEmpty();
    }

    @Test
    void aNewPushStopsOlderRunsOfExactlyThatBranch() {
        String oldMain = submit("alpha", OLD, new RunLabels(Optional.of(OLD), OptionalInt.empty(), "push",
                Optional.of("feature/x")), RunLabels.Role.MAIN, WorkflowPhase.PENDING);
        // the same label value (feature-x), another branch: told apart by the annotation
        submit("alpha", OLD, new RunLabels(Optional.of(OLD), OptionalInt.empty(), "push", Optional.of("feature-x")),
                RunLabels.Role.MAIN, WorkflowPhase.RUNNING);
        submit("alpha", OLD, new RunLabels(Optional.of(OLD), OptionalInt.empty(), "push", Optional.of("main")),
                RunLabels.Role.MAIN, WorkflowPhase.RUNNING);

        Supersession.ofBranch(canceller, "feature/x", NEW).stopOlder(Set.of("alpha", "gamma"));

        assertThat(cluster.stopped).containsExactly(oldMain);
    }

    @Test
    void aClosedPullRequestStopsEveryUnfinishedRunOfIt() {
        String alpha = submit("alpha", OLD, new RunLabels(Optional.of(OLD), OptionalInt.of(7), "pull_request"),
                RunLabels.Role.MAIN, WorkflowPhase.RUNNING);
        String beta = submit("beta", NEW, new RunLabels(Optional.of(NEW), OptionalInt.of(7), "pull_request"),
                RunLabels.Role.MAIN, WorkflowPhase.PENDING);

        canceller.cancel(Map.of(RunLabels.PULL_REQUEST, "7"), workflow -> true, "Pull request #7 was closed.");

        assertThat(cluster.stopped).containsExactlyInAnyOrder(alpha, beta);
        assertThat(published).extracting(CheckRunUpdate::headSha).containsExactlyInAnyOrder(OLD, NEW);
        assertThat(published).allSatisfy(update -> assertThat(update.conclusion()).contains(CheckConclusion.CANCELLED));
    }

    @Test
    void workflowsWithoutTheirRecipeDirectoryAreStoppedButHaveNoCheckRunToComplete() {
        WorkflowState legacy = cluster.submit(Workflow.of(new ObjectMeta(Optional.empty(), Optional.of("alpha-"),
                Optional.empty(), new RunLabels(Optional.of(OLD), OptionalInt.of(7), "pull_request")
                        .of("alpha", RunLabels.Role.MAIN, workflow("alpha")), Map.of()), spec()));

        canceller.cancel(Map.of(RunLabels.PULL_REQUEST, "7"), workflow -> true, "Pull request #7 was closed.");

        assertThat(cluster.stopped).containsExactly(legacy.name());
        assertThat(published).isEmpty();
    }

    private String submit(String recipe, String commit, RunLabels labels, RunLabels.Role role, WorkflowPhase phase) {
        Workflow workflow = workflow(recipe);
        WorkflowState state = cluster.submit(workflow.withLabels(labels.of(recipe, role, workflow))
                .withAnnotations(labels.annotations("recipes/" + recipe)));
        cluster.advance(state.name(), phase);
        return state.name();
    }

    private static Workflow workflow(String recipe) {
        return Workflow.of(new ObjectMeta(Optional.empty(), Optional.of(recipe + "-"), Optional.empty(), Map.of(),
                Map.of()), spec());
    }

    private static WorkflowSpec spec() {
        return new WorkflowSpec("main", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of());
    }
}
