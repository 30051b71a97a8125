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

/** The job cancelled while its workflows run: they are stopped and every check run ends cancelled. */
class RunCancellationTest {

    @TempDir
    Path temp;

    @Test
    void cancellingTheJobStopsItsWorkflowsAndCompletesEveryCheckRunAsCancelled() throws Exception {
        String meta = Files.readString(Path.of("example-recipe-repo/recipes/arcticdem-greenland-contours/meta.yml"));
        String recipe = Files.readString(
                Path.of("example-recipe-repo/recipes/arcticdem-greenland-contours/recipe.sh"));
        String head;
        try (CommitWriter repository = CommitWriter.init(temp.resolve("repo"))) {
            head = repository
                    .write("recipes/alpha/meta.yml", meta.replace("ArcticDEM v4.1 Greenland Contours", "Alpha"))
                    .write("recipes/alpha/recipe.sh", recipe)
                    .write("recipes/beta/meta.yml", meta.replace("ArcticDEM v4.1 Greenland Contours", "Beta"))
                    .write("recipes/beta/recipe.sh", recipe)
                    .commit("two recipes");
        }
        FakeArgoGateway cluster = new FakeArgoGateway();
        cluster.onSubmit = (c, state) -> c.advance(state.name(), WorkflowPhase.RUNNING);
        Map<String, CheckRunUpdate> lastUpdates = new ConcurrentHashMap<>();
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
        try (JGitChanges git = JGitChanges.open(temp.resolve("repo"), Optional.empty(), Optional.empty(), l -> {})) {
            RunPlanAssembler assembler = new RunPlanAssembler(git, new ChangeRules("recipes",
                    ChangeRules.DEFAULT_DOCUMENTATION_GLOBS, false, List.of()),
                    new RunPlanner(translator, false, Optional.empty()), line -> {});
            RunPipeline pipeline = new RunPipeline(assembler, translator, cluster, reporter,
                    new SubmitOptions(true, false, Duration.ofMinutes(5), SubmitOptions.TimeoutAction.STOP, 10),
                    false, true, 2, new RunContext("o/r", head, OptionalInt.empty(), "push", Optional.empty(),
                            Optional.empty(), List.of()), Optional.empty(), ApprovalGate.NONE, Clock.systemUTC(),
                    line -> {});
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread job = new Thread(() -> {
                try {
                    pipeline.run(new ChangeScope.All(head, "every recipe"));
                } catch (InterruptedException | RuntimeException e) {
                    failure.set(e);
                }
            });
            job.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> cluster.submittedAs(RunLabels.Role.MAIN).size() == 2
                    && cluster.workflows.all().stream().filter(w -> w.phase() == WorkflowPhase.RUNNING).count() == 2);

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
}
