package net.qgreenland.ogdc.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import net.qgreenland.ogdc.report.CheckConclusion;
import net.qgreenland.ogdc.report.CheckRunUpdate;
import net.qgreenland.ogdc.report.CheckStatus;
import net.qgreenland.ogdc.report.GitHubChecks;
import net.qgreenland.ogdc.report.GitHubException;
import net.qgreenland.ogdc.report.GitHubRepository;
import net.qgreenland.ogdc.report.GitHubRepository.CheckRunRecord;
import net.qgreenland.ogdc.run.CheckRunSynchronizer;
import net.qgreenland.ogdc.run.SyncContext;
import net.qgreenland.ogdc.run.SyncSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code sync}: each unfinished check run of our workflows brought up to date, everything else left alone. */
class CheckRunSynchronizerTest {

    static final String SHA = "0a1b2c3d4e5f60718293a4b5c6d7e8f901234567";
    static final String OTHER_SHA = "fedcba9876543210fedcba9876543210fedcba98";
    static final String SECRET = "ghs_syncSecret77";

    final FakeArgoGateway cluster = new FakeArgoGateway();
    final FakeRepository github = new FakeRepository();
    final RecordingChecks checks = new RecordingChecks();
    final List<String> log = new ArrayList<>();
    final CheckRunSynchronizer synchronizer = new CheckRunSynchronizer(cluster, github, checks,
            new SyncContext("o/r", Optional.of("https://github.com/o/r/actions/runs/9"),
                    Optional.of("https://argo.example"), List.of(SECRET)),
            Clock.fixed(Instant.parse("2026-03-02T00:00:00Z"), ZoneOffset.UTC), log::add);

    /** GitHub's check runs by commit, and every listing asked for. */
    static final class FakeRepository implements GitHubRepository {
        final Map<String, List<CheckRunRecord>> runs = new HashMap<>();
        final List<String> listed = new ArrayList<>();
        final Set<String> failing = new HashSet<>();

        @Override
        public List<CheckRunRecord> listCheckRuns(String headSha) {
            listed.add(headSha);
            if (failing.contains(headSha)) {
                throw new GitHubException("listing the check runs of " + headSha + " failed: 502 Bad Gateway");
            }
            return runs.getOrDefault(headSha, List.of());
        }

        void add(String sha, long id, String directory, String status, Optional<String> conclusion) {
            runs.computeIfAbsent(sha, s -> new ArrayList<>()).add(new CheckRunRecord(id, directory,
                    Optional.of(directory + "@" + sha), status, conclusion));
        }

        @Override
        public PullRequestState requirePullRequest(int number) {
            throw new UnsupportedOperationException("sync reads no pull request");
        }

        @Override
        public Permission requirePermission(String login) {
            throw new UnsupportedOperationException("sync reads no permission");
        }

        @Override
        public void addReaction(long commentId, String content) {
            throw new UnsupportedOperationException("sync reacts to nothing");
        }
    }

    /** Records every check run update, in order; answers {@link #answer}. */
    static final class RecordingChecks implements GitHubChecks {
        final Map<String, CheckRunUpdate> published = new LinkedHashMap<>();
        Publication answer = Publication.PUBLISHED;

        @Override
        public Publication publish(CheckRunUpdate update) {
            published.put(update.name(), update);
            return answer;
        }

        @Override
        public Publication editComment(int pullRequest, String marker, Function<Optional<String>, String> edit) {
            throw new AssertionError("sync never writes the sticky comment: it knows only some of a run's recipes");
        }
    }

    /** A main workflow of {@code directory} at {@code sha}, created at {@code created} seconds, in {@code phase}. */
    WorkflowState workflow(String name, String sha, String directory, WorkflowPhase phase, long created) {
        Map<String, String> labels = new HashMap<>(Map.of(RunLabels.MANAGED_BY, RunLabels.MANAGER,
                RunLabels.ROLE, "main", RunLabels.RECIPE_ID, name.replaceAll("-shell-.*", "")));
        if (!sha.isEmpty()) {
            labels.put(RunLabels.COMMIT, sha);
        }
        Map<String, String> annotations = directory.isEmpty() ? Map.of()
                : Map.of(RunLabels.RECIPE_DIRECTORY_ANNOTATION, directory);
        List<NodeState> nodes = phase == WorkflowPhase.FAILED || phase == WorkflowPhase.ERROR
                ? List.of(new NodeState(name + "-1", name + "[0].cmd-0", "cmd-0", "cmd", "Pod", phase.argoName(),
                        Optional.of("Error (exit code 3)"), Map.of(), Optional.empty(), Optional.empty()))
                : List.of();
        Instant start = Instant.ofEpochSecond(1_700_000_100L);
        WorkflowState state = new WorkflowState(name, "qgnet", Long.toString(created), phase,
                Optional.of(phase.isTerminal() ? "1/1" : "0/1"), Optional.of(Instant.ofEpochSecond(created)),
                Optional.of(start), phase.isTerminal() ? Optional.of(start.plusSeconds(252)) : Optional.empty(),
                Optional.empty(), labels, annotations, nodes);
        cluster.workflows.put(state);
        return state;
    }

    @ParameterizedTest(name = "a workflow that ended {0} completes its check run with {1}")
    @CsvSource({"SUCCEEDED, SUCCESS", "FAILED, FAILURE", "ERROR, FAILURE"})
    void aWorkflowThatEndedCompletesItsCheckRun(WorkflowPhase phase, CheckConclusion conclusion) {
        workflow("alpha-shell-x7k2p", SHA, "recipes/alpha", phase, 1_000);
        github.add(SHA, 1, "recipes/alpha", "in_progress", Optional.empty());

        SyncSummary summary = synchronizer.synchronize();

        CheckRunUpdate update = checks.published.get("recipes/alpha");
        assertThat(update.externalId()).isEqualTo("recipes/alpha@" + SHA);
        assertThat(update.headSha()).isEqualTo(SHA);
        assertThat(update.status()).isEqualTo(CheckStatus.COMPLETED);
        assertThat(update.conclusion()).contains(conclusion);
        assertThat(update.detailsUrl()).contains("https://argo.example/workflows/qgnet/alpha-shell-x7k2p");
        assertThat(summary).isEqualTo(new SyncSummary(1, 0, 0, 0));
        assertThat(log).containsExactly("sync: recipes/alpha@0a1b2c3: workflow alpha-shell-x7k2p "
                + phase.argoName() + " → check run completed (" + conclusion.apiName() + ")");
    }

    @Test
    void aFailedWorkflowsCheckRunCarriesItsFailedStepsLogWithSecretsMasked() {
        cluster.failedLogLines = List.of("curl -H 'Authorization: Bearer " + SECRET + "'", "gdalwarp: ERROR 4");
        workflow("alpha-shell-x7k2p", SHA, "recipes/alpha", WorkflowPhase.FAILED, 1_000);
        github.add(SHA, 1, "recipes/alpha", "queued", Optional.empty());

        synchronizer.synchronize();

        CheckRunUpdate update = checks.published.get("recipes/alpha");
        assertThat(update.title()).isEqualTo("✗ failed: cmd-0: Error (exit code 3)");
        assertThat(update.text()).hasValueSatisfying(text -> assertThat(text)
                .contains("gdalwarp: ERROR 4", "Bearer ***").doesNotContain(SECRET));
    }

    @Test
    void aRunningWorkflowUpdatesItsCheckRunInProgress() {
        workflow("alpha-shell-x7k2p", SHA, "recipes/alpha", WorkflowPhase.RUNNING, 1_000);
        github.add(SHA, 1, "recipes/alpha", "queued", Optional.empty());

        SyncSummary summary = synchronizer.synchronize();

        CheckRunUpdate update = checks.published.get("recipes/alpha");
        assertThat(update.status()).isEqualTo(CheckStatus.IN_PROGRESS);
        assertThat(update.conclusion()).isEmpty();
        assertThat(update.title()).isEqualTo("running: 0/1 pods done");
        assertThat(summary).isEqualTo(new SyncSummary(0, 1, 0, 0));
    }

    @Test
    void aCompletedCheckRunIsLeftAloneWhateverItsWorkflowSays() {
        workflow("alpha-shell-x7k2p", SHA, "recipes/alpha", WorkflowPhase.FAILED, 1_000);
        github.add(SHA, 1, "recipes/alpha", "completed", Optional.of("cancelled"));

        SyncSummary summary = synchronizer.synchronize();

        assertThat(checks.published).isEmpty();
        assertThat(summary).isEqualTo(new SyncSummary(0, 0, 1, 0));
        assertThat(log).containsExactly("sync: recipes/alpha@0a1b2c3: left alone: its check run is already "
                + "completed (cancelled)");
    }

    @Test
    void workflowsThatNameNoCheckRunAreSkippedWithoutAskingGitHub() {
        workflow("alpha-shell-x7k2p", SHA, "", WorkflowPhase.SUCCEEDED, 1_000);
        workflow("beta-shell-q2w3e", "", "recipes/beta", WorkflowPhase.SUCCEEDED, 1_001);

        SyncSummary summary = synchronizer.synchronize();

        assertThat(github.listed).isEmpty();
        assertThat(checks.published).isEmpty();
        assertThat(summary).isEqualTo(new SyncSummary(0, 0, 2, 0));
        assertThat(log).anySatisfy(line -> assertThat(line).startsWith("sync: skipped workflow alpha-shell-x7k2p: "
                + "it has no annotation ogdc/recipe-directory"));
        assertThat(log).anySatisfy(line -> assertThat(line).startsWith("sync: skipped workflow beta-shell-q2w3e: "
                + "it has no label ogdc/commit"));
    }

    @Test
    void aWorkflowWithoutACheckRunIsLeftAlone() {
        workflow("alpha-shell-x7k2p", SHA, "recipes/alpha", WorkflowPhase.SUCCEEDED, 1_000);

        SyncSummary summary = synchronizer.synchronize();

        assertThat(checks.published).isEmpty();
        assertThat(summary).isEqualTo(new SyncSummary(0, 0, 1, 0));
    }

    @Test
    void anInProgressCheckRunWhoseWorkflowIsGoneIsCompletedCancelledAndAQueuedOneIsLeftForItsJob() {
        workflow("alpha-shell-x7k2p", SHA, "recipes/alpha", WorkflowPhase.SUCCEEDED, 1_000);
        github.add(SHA, 1, "recipes/alpha", "in_progress", Optional.empty());
        github.add(SHA, 2, "recipes/gone", "in_progress", Optional.empty());
        github.add(SHA, 3, "recipes/waiting", "queued", Optional.empty());
        github.add(SHA, 4, "recipes/done", "completed", Optional.of("success"));
        // another tool's check run on the same commit, and one whose external id names another check run
        github.runs.get(SHA).add(new CheckRunRecord(5, "lint", Optional.empty(), "in_progress", Optional.empty()));
        github.runs.get(SHA).add(new CheckRunRecord(6, "build", Optional.of("recipes/x@" + SHA), "in_progress",
                Optional.empty()));

        SyncSummary summary = synchronizer.synchronize();

        assertThat(checks.published.keySet()).containsExactlyInAnyOrder("recipes/alpha", "recipes/gone");
        CheckRunUpdate gone = checks.published.get("recipes/gone");
        assertThat(gone.externalId()).isEqualTo("recipes/gone@" + SHA);
        assertThat(gone.conclusion()).contains(CheckConclusion.CANCELLED);
        assertThat(gone.summary()).contains("no longer exists in namespace qgnet", "recipes: recipes/gone",
                "force: true");
        assertThat(summary).isEqualTo(new SyncSummary(2, 0, 1, 0));
        assertThat(log).contains("sync: recipes/gone@0a1b2c3: no workflow in namespace qgnet → check run completed "
                + "(cancelled)", "sync: recipes/waiting@0a1b2c3: left alone: its check run is queued and no workflow "
                + "has been submitted for it yet");
    }

    @Test
    void eachCommitsCheckRunsAreListedOnce() {
        workflow("alpha-shell-aaaaa", SHA, "recipes/alpha", WorkflowPhase.SUCCEEDED, 1_000);
        workflow("beta-shell-bbbbb", SHA, "recipes/beta", WorkflowPhase.RUNNING, 1_001);
        workflow("alpha-shell-ccccc", OTHER_SHA, "recipes/alpha", WorkflowPhase.FAILED, 1_002);
        workflow("beta-shell-ddddd", OTHER_SHA, "recipes/beta", WorkflowPhase.SUCCEEDED, 1_003);
        for (String sha : List.of(SHA, OTHER_SHA)) {
            github.add(sha, 1, "recipes/alpha", "in_progress", Optional.empty());
            github.add(sha, 2, "recipes/beta", "in_progress", Optional.empty());
        }

        SyncSummary summary = synchronizer.synchronize();

        assertThat(github.listed).containsExactlyInAnyOrder(SHA, OTHER_SHA);
        assertThat(summary).isEqualTo(new SyncSummary(3, 1, 0, 0));
    }

    @Test
    void theNewestOfSeveralWorkflowsOfOneCheckRunWins() {
        workflow("alpha-shell-older", SHA, "recipes/alpha", WorkflowPhase.FAILED, 1_000);
        workflow("alpha-shell-newer", SHA, "recipes/alpha", WorkflowPhase.SUCCEEDED, 2_000);
        workflow("alpha-shell-oldest", SHA, "recipes/alpha", WorkflowPhase.ERROR, 500);
        github.add(SHA, 1, "recipes/alpha", "in_progress", Optional.empty());

        SyncSummary summary = synchronizer.synchronize();

        assertThat(checks.published.get("recipes/alpha").conclusion()).contains(CheckConclusion.SUCCESS);
        assertThat(checks.published.get("recipes/alpha").summary()).contains("alpha-shell-newer");
        assertThat(summary).isEqualTo(new SyncSummary(1, 0, 2, 0));
    }

    @Test
    void aCommitWhoseCheckRunsCannotBeListedIsCountedAndTheOthersStillSync() {
        workflow("alpha-shell-aaaaa", SHA, "recipes/alpha", WorkflowPhase.SUCCEEDED, 1_000);
        workflow("alpha-shell-bbbbb", OTHER_SHA, "recipes/alpha", WorkflowPhase.SUCCEEDED, 1_001);
        github.failing.add(SHA);
        github.add(OTHER_SHA, 1, "recipes/alpha", "in_progress", Optional.empty());

        SyncSummary summary = synchronizer.synchronize();

        assertThat(checks.published.get("recipes/alpha").headSha()).isEqualTo(OTHER_SHA);
        assertThat(summary).isEqualTo(new SyncSummary(1, 0, 0, 1));
        assertThat(log).contains("sync: listing the check runs of " + SHA + " failed: 502 Bad Gateway; 1 workflow(s) "
                + "of this commit are left for the next sync");
    }

    @Test
    void aCheckRunGitHubRefusesIsCountedAsFailed() {
        workflow("alpha-shell-x7k2p", SHA, "recipes/alpha", WorkflowPhase.SUCCEEDED, 1_000);
        github.add(SHA, 1, "recipes/alpha", "in_progress", Optional.empty());
        checks.answer = GitHubChecks.Publication.REFUSED;

        SyncSummary summary = synchronizer.synchronize();

        assertThat(summary).isEqualTo(new SyncSummary(0, 0, 0, 1));
        assertThat(log).containsExactly("sync: recipes/alpha@0a1b2c3: workflow alpha-shell-x7k2p Succeeded: the "
                + "check run could not be set completed (success) (refused)");
    }

    @Test
    void onlyOurMainWorkflowsAreLookedAt() {
        WorkflowState helper = workflow("alpha-check-published-x", SHA, "recipes/alpha", WorkflowPhase.FAILED, 1_000);
        Map<String, String> labels = new HashMap<>(helper.labels());
        labels.put(RunLabels.ROLE, RunLabels.Role.CHECK_PUBLISHED.label());
        cluster.workflows.put(new WorkflowState(helper.name(), helper.namespace(), "2", helper.phase(),
                helper.progress(), helper.createdAt(), helper.startedAt(), helper.finishedAt(), helper.message(),
                labels, helper.annotations(), helper.nodes()));
        github.add(SHA, 1, "recipes/alpha", "in_progress", Optional.empty());

        SyncSummary summary = synchronizer.synchronize();

        assertThat(github.listed).isEmpty();
        assertThat(checks.published).isEmpty();
        assertThat(summary).isEqualTo(new SyncSummary(0, 0, 0, 0));
    }
}
