package net.qgreenland.ogdc.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.qgreenland.ogdc.cli.Main;
import net.qgreenland.ogdc.cluster.ActionHarness.Change;
import net.qgreenland.ogdc.cluster.ActionHarness.Result;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pre-flight estimate end to end: {@code plan} learning from finished workflows in the (mock) cluster, and
 * {@code run} showing the estimate in the sticky comment before anything is submitted, and in the job summary.
 */
class EstimateEndToEndTest {

    @TempDir
    Path temp;

    ActionHarness action;
    Change change;

    @BeforeEach
    void twoChangedRecipesWithOneEarlierRunOfAlpha() {
        action = ActionHarness.start(temp);
        change = action.commitTwoChangedRecipesAndAnInvalidOne();
        try (FinishedRuns finished = new FinishedRuns(action.cluster)) {
            finished.add("alpha-contours-shell-old", FinishedRuns.labels("alpha-contours", RunLabels.Role.MAIN),
                    "Succeeded", Instant.parse("2026-11-20T12:00:00Z"), Map.of(
                            "alpha-contours-fetch-template-", List.of(30), "step-0", List.of(1800),
                            "step-1", List.of(600), "step-2", List.of(60), "step-3", List.of(60),
                            "publish-data", List.of(30)));
        }
    }

    @AfterEach
    void stop() {
        action.close();
    }

    @Test
    void planLearnsFromTheFinishedWorkflowsOfTheSameRecipeInTheCluster() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), Map.of("HOME", temp.toString()),
                new String[] {"plan", "--repo", action.repository.directory().toString(), "--base", change.before(),
                    "--head", change.after(), "--kubeconfig", kubeconfig().toString()});

        assertThat(code).as(err.toString()).isEqualTo(1);
        assertThat(out.toString()).contains(
                "estimate: ~0.72 pod-hours, ~43 min wall time; durations from 1 earlier run\n",
                "  pods: alpha-contours-fetch-template- 1 × 30 s, step-0 1 × 30 min, step-1 1 × 10 min, "
                        + "step-2 1 × 1 min, step-3 1 × 1 min, publish-data 1 × 30 s",
                "estimate: ~0.70 pod-hours, ~42 min wall time; durations from defaults (no earlier successful run in "
                        + "Kubernetes API " + action.cluster.apiUrl() + ", namespace qgnet)",
                "  inputs: unknown until run",
                "Estimated: ~1.4 pod-hours in all.");
        assertThat(err.toString()).contains("estimate: earlier runs from Kubernetes API " + action.cluster.apiUrl());
    }

    @Test
    void runShowsTheEstimateInTheCommentBeforeSubmittingAndInTheJobSummary() {
        ObjectNode payload = ActionHarness.webhook("pull_request.opened.json");
        ObjectNode pull = (ObjectNode) payload.path("pull_request");
        ((ObjectNode) pull.path("base")).put("sha", change.before()).put("ref", "main");
        ((ObjectNode) pull.path("head")).put("sha", change.after()).put("ref", "changes");

        Result run = action.runAction("pull_request", payload);

        assertThat(run.code()).as(run.err()).isEqualTo(1);
        String beforeSubmission = action.commentBodies().get(0);
        assertThat(beforeSubmission).contains("#### Pre-flight estimate",
                "| `recipes/alpha` | unknown until run | – | alpha-contours-fetch-template- 1, step-0 1, step-1 1, "
                        + "step-2 1, step-3 1, publish-data 1 | 0.72 | 43 min | 1 earlier run |",
                "| `recipes/beta` | unknown until run | – |", "| 0.70 | 42 min | defaults |",
                "**About 1.4 pod-hours** in all.")
                .doesNotContain("| `recipes/broken` | unknown");
        assertThat(beforeSubmission).contains("queued").doesNotContain("succeeded");
        assertThat(action.summary()).contains("#### Pre-flight estimate", "| 0.72 | 43 min | 1 earlier run |");
    }

    private Path kubeconfig() {
        return action.cluster.writeKubeconfig(temp.resolve("plan-kubeconfig"));
    }
}
