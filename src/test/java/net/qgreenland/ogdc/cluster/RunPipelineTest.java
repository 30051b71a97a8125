package net.qgreenland.ogdc.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import net.qgreenland.ogdc.action.WorkflowCommands;
import net.qgreenland.ogdc.change.ChangeRules;
import net.qgreenland.ogdc.git.ChangeScope;
import net.qgreenland.ogdc.git.JGitChanges;
import net.qgreenland.ogdc.plan.RunPlanner;
import net.qgreenland.ogdc.report.CheckConclusion;
import net.qgreenland.ogdc.report.CheckRunUpdate;
import net.qgreenland.ogdc.report.GitHubChecks;
import net.qgreenland.ogdc.report.RunReporter;
import net.qgreenland.ogdc.run.ApprovalGate;
import net.qgreenland.ogdc.run.RunContext;
import net.qgreenland.ogdc.run.RunPipeline;
import net.qgreenland.ogdc.run.RunPlanAssembler;
import net.qgreenland.ogdc.testing.CommitWriter;
import net.qgreenland.ogdc.translate.RecipeTranslator;
import net.qgreenland.ogdc.translate.TranslationSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run pipeline on a fake cluster: each recipe reported the moment its workflow ends, and the job cancelled
 * while its workflows run (they are stopped and every check run ends cancelled).
 */
class RunPipelineTest {

    @TempDir
    Path temp;

    final FakeArgoGateway cluster = new FakeArgoGateway();
    final Map<String, CheckRunUpdate> lastUpdates = new ConcurrentHashMap<>();
    final AtomicReference<Throwable> failure = new AtomicReference<>();

    @Test
    void aRecipeIsReportedTheMomentItsWorkflowEndsWhileAnotherStillRuns() throws Exception {
        cluster.onSubmit = (c, state) -> c.advance(state.name(), WorkflowPhase.RUNNING);
        String head = twoRecipes();
        try (JGitChanges git = JGitChanges.open(temp.resolve("repo"), Optional.empty(), Optional.empty(), l -> {})) {
            RunPipeline pipeline = pipeline(git, head);
            Thread job = start(pipeline, head);
            await().atMost(Duration.ofSeconds(20)).until(() -> running().size() == 2);

            WorkflowState beta = running().stream().filter(w -> w.name().contains("beta")).findFirst().orElseThrow();
            cluster.advance(beta.name(), WorkflowPhase.FAILED);

            await().atMost(Duration.ofSeconds(20)).until(() -> lastUpdates.containsKey("recipes/beta")
                    && lastUpdates.get("recipes/beta").conclusion().isPresent());
            assertThat(lastUpdates.get("recipes/beta").conclusion()).contains(CheckConclusion.FAILURE);
            assertThat(lastUpdates.get("recipes/alpha").conclusion()).as("alpha still runs").isEmpty();
            assertThat(job.isAlive()).isTrue();

            cluster.advance(running().get(0).name(), WorkflowPhase.SUCCEEDED);
            job.join(Duration.ofSeconds(20).toMillis());
            assertThat(job.isAlive()).isFalse();
            assertThat(failure.get()).isNull();
            assertThat(lastUpdates.get("recipes/alpha").conclusion()).contains(CheckConclusion.SUCCESS);
        }
    }

    @Test
    void cancellingTheJobStopsItsWorkflowsAndCompletesEveryCheckRunAsCancelled() throws Exception {
        cluster.onSubmit = (c, state) -> c.advance(state.name(), WorkflowPhase.RUNNING);
        String head = twoRecipes();
        try (JGitChanges git = JGitChanges.open(temp.resolve("repo"), Optional.empty(), Optional.empty(), l -> {})) {
            RunPipeline pipeline = pipeline(git, head);
            Thread job = start(pipeline, head);
            await().atMost(Duration.ofSeconds(20)).until(() -> cluster.submittedAs(RunLabels.Role.MAIN).size() == 2
                    && running().size() == 2);

            pipeline.cancel();
            job.join(Duration.ofSeconds(20).toMillis());

            assertThat(job.isAlive()).isFalse();
            assertThat(failure.get()).isNull();
            assertThat(cluster.stopped).hasSize(2);
            assertThat(lastUpdates.keySet()).containsExactlyInAnyOrder("recipes/alpha", "recipes/beta");
            assertThat(lastUpdates.values()).allSatisfy(update ->
                    assertThat(update.conclusion()).contains(CheckConclusion.CANCELLED));
        }
    }

    private List<WorkflowState> running() {
        return cluster.workflows.all().stream().filter(w -> w.phase() == WorkflowPhase.RUNNING).toList();
    }

    /** A repository of two recipes, alpha and beta; returns the head commit. */
    private String twoRecipes() throws Exception {
        String meta = Files.readString(Path.of("example-recipe-repo/recipes/arcticdem-greenland-contours/meta.yml"));
        String recipe = Files.readString(
                Path.of("example-recipe-repo/recipes/arcticdem-greenland-contours/recipe.sh"));
        try (CommitWriter repository = CommitWriter.init(temp.resolve("repo"))) {
            return repository
                    .write("recipes/alpha/meta.yml", meta.replace("ArcticDEM v4.1 Greenland Contours", "Alpha"))
                    .write("recipes/alpha/recipe.sh", recipe)
                    .write("recipes/beta/meta.yml", meta.replace("ArcticDEM v4.1 Greenland Contours", "Beta"))
                    .write("recipes/beta/recipe.sh", recipe)
                    .commit("two recipes");
        }
    }

    /** A push run of every recipe at {@code head}, two submitted at once, reporting to {@link #lastUpdates}. */
    private RunPipeline pipeline(JGitChanges git, String head) {
        GitHubChecks github = new GitHubChecks() {
            @Override
            public Publication publish(CheckRunUpdate update) {
                lastUpdates.put(update.name(), update);
                return Publication.PUBLISHED;
            }

            @Override
            public Publication editComment(int pullRequest, String marker,
                    java.util.function.Function<Optional<String>, String> edit) {
                return Publication.PUBLISHED;
            }
        };
        RecipeTranslator translator = new RecipeTranslator(TranslationSettings.defaults());
        RunReporter reporter = new RunReporter(Optional.of(github),
                new WorkflowCommands(new PrintWriter(new StringWriter()), Optional.empty(), Optional.empty()),
                List.of(), Optional.empty(), line -> {});
        RunPlanAssembler assembler = new RunPlanAssembler(git, new ChangeRules("recipes",
                ChangeRules.DEFAULT_DOCUMENTATION_GLOBS, false, List.of()),
                new RunPlanner(translator, false, Optional.empty()), line -> {});
        return new RunPipeline(assembler, translator, cluster, reporter,
                new SubmitOptions(true, false, Duration.ofMinutes(5), SubmitOptions.TimeoutAction.STOP, 10),
                false, true, 2, new RunContext("o/r", head, OptionalInt.empty(), "push", Optional.empty(),
                        Optional.empty(), List.of()), Optional.empty(), ApprovalGate.NONE, Clock.systemUTC(),
                line -> {});
    }

    private Thread start(RunPipeline pipeline, String head) {
        Thread job = new Thread(() -> {
            try {
                pipeline.run(new ChangeScope.All(head, "every recipe"));
            } catch (InterruptedException | RuntimeException e) {
                failure.set(e);
            }
        });
        job.start();
        return job;
    }
}
