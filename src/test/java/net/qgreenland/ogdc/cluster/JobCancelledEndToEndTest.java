package net.qgreenland.ogdc.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import net.qgreenland.ogdc.cluster.ActionHarness.ActionProcess;
import net.qgreenland.ogdc.cluster.ActionHarness.Change;
import net.qgreenland.ogdc.cluster.ActionHarness.Result;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job cancelled for real: the program runs in a JVM of its own ({@link ActionHarness#startAction}) while its
 * workflows run, and gets SIGTERM, as the runner sends when a job is cancelled. It must stop its workflows and
 * complete every check run it created before it exits.
 */
class JobCancelledEndToEndTest {

    /** Long enough for a JVM to start and the program to submit on a busy machine; never waited out when it works. */
    static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    ActionHarness action;
    Change change;
    ActionProcess job;

    @BeforeEach
    void repositoryWithAChange() {
        action = ActionHarness.start(temp);
        change = action.commitTwoChangedRecipesAndAnInvalidOne();
    }

    @AfterEach
    void stop() {
        if (job != null && job.process().isAlive()) {
            job.process().destroyForcibly();
        }
        action.close();
    }

    @Test
    void sigtermWhileTheWorkflowsRunStopsThemAndCompletesEveryCheckRunCancelled() {
        ObjectNode push = ActionHarness.webhook("push.branch-updated.probot.json").put("before", change.before())
                .put("after", change.after()).put("ref", "refs/heads/main");
        job = action.startAction("push", push, Map.of());

        await().atMost(PATIENCE).alias("both workflows submitted; the program said:\n" + job.errSoFar())
                .until(() -> action.cluster.workflows().size() == 2 || !job.process().isAlive());
        assertThat(job.process().isAlive()).as(job.errSoFar()).isTrue();
        for (ObjectNode workflow : action.cluster.workflows()) {
            String name = workflow.path("metadata").path("name").asText();
            action.cluster.controller.advance(name);
            action.cluster.controller.advance(name);
        }
        // created in progress (the recipe started within the queued grace) or updated to it
        await().atMost(PATIENCE).alias("both check runs in progress").until(() ->
                action.checkRunsSentInProgress().size() == 2);

        job.process().destroy();

        await().atMost(PATIENCE).alias("the program exits").until(() -> !job.process().isAlive());
        Result result = job.result();
        assertThat(result.code()).as("killed by SIGTERM (128 + 15)\n" + result.err()).isEqualTo(143);
        action.assertCheckRunsEnded(Map.of("recipes/alpha", "cancelled", "recipes/beta", "cancelled",
                "recipes/broken", "failure"));
        assertThat(action.cluster.workflows()).hasSize(2).allSatisfy(workflow -> {
            assertThat(workflow.path("spec").path("shutdown").asText()).isEqualTo("Stop");
            assertThat(workflow.path("status").path("phase").asText()).isEqualTo("Running");
        });
        assertThat(action.recipeStates()).containsExactlyInAnyOrderEntriesOf(Map.of("recipes/alpha",
                "cancelled", "recipes/beta", "cancelled", "recipes/broken", "invalid"));
        assertThat(action.outputs()).containsEntry("result", "failure");
        assertThat(action.summary()).contains("recipes/alpha", "cancelled");
        JsonNode alpha = action.finalCheckRuns().get("recipes/alpha");
        assertThat(alpha.path("output").path("summary").asText()).containsIgnoringCase("cancelled");
        assertThat(result.printedUnmasked()).doesNotContain(ActionHarness.TOKEN);
    }

    @Test
    void sigtermWhileReportsWaitForGitHubsWritePaceStillCompletesEveryCheckRunBeforeTheProcessEnds() {
        ObjectNode push = ActionHarness.webhook("push.branch-updated.probot.json").put("before", change.before())
                .put("after", change.after()).put("ref", "refs/heads/main");
        // one write a minute: the first check run goes out, every other write waits its turn
        job = action.startAction("push", push, Map.of("INPUT_GITHUB-WRITES-PER-MINUTE", "1"));
        await().atMost(PATIENCE).alias("a write waiting for its turn; the program said:\n" + job.errSoFar())
                .until(() -> job.errSoFar().contains("to stay under 1 writes a minute") || !job.process().isAlive());
        assertThat(job.process().isAlive()).as(job.errSoFar()).isTrue();

        job.process().destroy();

        // well before the waiting write's turn (a minute after the first): the final report does not wait
        await().atMost(Duration.ofSeconds(30)).alias("the program exits").until(() -> !job.process().isAlive());
        Result result = job.result();
        assertThat(result.code()).as("killed by SIGTERM (128 + 15)\n" + result.err()).isEqualTo(143);
        action.assertCheckRunsEnded(Map.of("recipes/alpha", "cancelled", "recipes/beta", "cancelled",
                "recipes/broken", "failure"));
        assertThat(action.createdBodies()).as("each check run created once").hasSize(3);
        assertThat(result.printedUnmasked()).doesNotContain(ActionHarness.TOKEN);
    }
}
