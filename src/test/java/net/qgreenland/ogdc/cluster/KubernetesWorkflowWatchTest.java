package net.qgreenland.ogdc.cluster;

import static net.qgreenland.ogdc.cluster.MockCluster.workflow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import net.qgreenland.ogdc.cluster.FaultInjectingDispatcher.Gone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link KubernetesArgoGateway#watch} against the CRUD mock API server, the test playing Argo's controller step by
 * step: states arrive in order, a dropped or expired watch loses no final state and repeats none.
 */
class KubernetesWorkflowWatchTest {

    static final Map<String, String> RUN = Map.of("ogdc/commit", "abc1234");
    static final LabelSelector SELECTOR = LabelSelector.of(RUN);
    static final Duration PATIENCE = Duration.ofSeconds(10);

    private MockCluster cluster;
    private KubernetesArgoGateway gateway;
    private final Recorder listener = new Recorder();

    @BeforeEach
    void start() {
        cluster = new MockCluster();
        gateway = cluster.gateway();
    }

    @AfterEach
    void stop() {
        gateway.close();
        cluster.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Succeeded", "Failed", "Error"})
    void deliversEveryStepOfTheControllerInOrderOnTheWatchThread(String outcome) {
        String name = submit(outcome);
        try (WorkflowWatch watch = gateway.watch(SELECTOR, listener)) {
            awaitStates(name, 1);
            for (int step = 1; step <= 3; step++) {
                cluster.controller.advance(name);
                awaitStates(name, 1 + step);
            }

            List<WorkflowState> states = listener.states(name);
            assertThat(states).extracting(WorkflowState::phase).containsExactly(WorkflowPhase.PENDING,
                    WorkflowPhase.PENDING, WorkflowPhase.RUNNING, WorkflowPhase.fromArgo(outcome));
            assertThat(states).extracting(WorkflowState::resourceVersion).doesNotHaveDuplicates();
            assertThat(states.get(2).progress()).contains("1/3");
            assertThat(states.get(2).startedAt()).contains(ArgoTestController.STARTED);
            WorkflowState last = states.get(3);
            assertThat(last.finishedAt()).contains(ArgoTestController.FINISHED);
            assertThat(last.failedPods()).extracting(NodeState::displayName)
                    .containsExactlyElementsOf(outcome.equals("Succeeded") ? List.of() : List.of("cmd-1"));
            assertThat(listener.threads).containsOnly("ogdc-watch-qgnet");
            assertThat(listener.notices).isEmpty();
        }
    }

    @Test
    void aDroppedWatchReListsSoTheFinalStateArrivesExactlyOnce() {
        String name = submit("Succeeded");
        try (WorkflowWatch watch = gateway.watch(SELECTOR, listener)) {
            awaitStates(name, 1);

            // the connection goes quiet, the workflow runs to its end unseen, then the server closes the connection
            cluster.dispatcher.quietenOpenWatches();
            cluster.controller.finish(name);
            cluster.dispatcher.dropOpenWatches();
            String sentinel = afterReconnect(2);

            assertThat(listener.states(name)).extracting(WorkflowState::phase)
                    .containsExactly(WorkflowPhase.PENDING, WorkflowPhase.SUCCEEDED);
            assertThat(listener.states(sentinel)).hasSize(1);
            assertThat(listener.notices).singleElement().satisfies(n -> assertThat(n)
                    .startsWith("watching Workflows labelled 'ogdc/commit=abc1234' in namespace 'qgnet' of"
                            + " Kubernetes API " + cluster.apiUrl() + ": the connection dropped; re-listing in "));
            assertThat(listLike()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(Gone.class)
    void aWatchAnsweredGoneReListsAtOnceAndLosesNothing(Gone how) {
        String name = submit("Failed");
        try (WorkflowWatch watch = gateway.watch(SELECTOR, listener)) {
            awaitStates(name, 1);

            cluster.dispatcher.goneOnNextWatch(how);
            cluster.dispatcher.quietenOpenWatches();
            cluster.controller.advance(name);
            cluster.controller.advance(name);
            cluster.dispatcher.dropOpenWatches();
            await().atMost(PATIENCE).until(() -> listLike() >= 2);
            cluster.controller.advance(name);
            String sentinel = afterReconnect(2);

            List<WorkflowPhase> phases = listener.states(name).stream().map(WorkflowState::phase).toList();
            assertThat(phases).startsWith(WorkflowPhase.PENDING).endsWith(WorkflowPhase.FAILED)
                    .containsOnlyOnce(WorkflowPhase.FAILED).isSubsetOf(WorkflowPhase.PENDING,
                            WorkflowPhase.RUNNING, WorkflowPhase.FAILED);
            assertThat(listener.states(name)).extracting(WorkflowState::resourceVersion).doesNotHaveDuplicates();
            assertThat(listener.states(sentinel)).hasSize(1);
            assertThat(listLike()).as("initial list, after the drop, after 410 Gone").isEqualTo(3);
            assertThat(listener.notices).as("a drop is news, an expired version is routine").hasSize(1);
            assertThat(cluster.log).anySatisfy(l -> assertThat(l).contains("expired (410 Gone); re-listing"));
        }
    }

    @Test
    void aReListThatFailsIsReportedAndRetriedLater() {
        String name = submit("Succeeded");
        try (WorkflowWatch watch = gateway.watch(SELECTOR, listener)) {
            awaitStates(name, 1);

            cluster.dispatcher.fail("GET", "/workflows?", MockCluster.NO_WAIT.attempts(), 503, "ServiceUnavailable",
                    "the API server is shutting down");
            cluster.dispatcher.quietenOpenWatches();
            cluster.controller.finish(name);
            cluster.dispatcher.dropOpenWatches();
            String sentinel = afterReconnect(2);

            assertThat(listener.states(name)).extracting(WorkflowState::phase)
                    .containsExactly(WorkflowPhase.PENDING, WorkflowPhase.SUCCEEDED);
            assertThat(listener.states(sentinel)).hasSize(1);
            assertThat(listener.notices).hasSize(2);
            assertThat(listener.notices.get(1)).startsWith("listing Workflows labelled 'ogdc/commit=abc1234' in"
                    + " namespace 'qgnet' of Kubernetes API " + cluster.apiUrl() + " failed: 503 Service"
                    + " Unavailable: the API server is shutting down.").contains(" Re-listing in ");
        }
    }

    @Test
    void closingAWatchStopsDeliveryAndReleasesItsConnection() {
        String name = submit("Succeeded");
        WorkflowWatch watch = gateway.watch(SELECTOR, listener);
        awaitStates(name, 1);
        await().atMost(PATIENCE).until(() -> cluster.dispatcher.openWatchCount() == 1);

        watch.close();
        await().atMost(PATIENCE).until(() -> cluster.dispatcher.openWatchCount() == 0);
        cluster.controller.finish(name);

        Recorder later = new Recorder();
        WorkflowWatch second = gateway.watch(SELECTOR, later);
        try {
            await().atMost(PATIENCE).until(() -> later.states(name).stream().anyMatch(WorkflowState::isTerminal));
        } finally {
            second.close();
        }
        assertThat(listener.states(name)).extracting(WorkflowState::phase).containsExactly(WorkflowPhase.PENDING);
    }

    @Test
    void closingTheGatewayClosesItsWatches() {
        submit("Succeeded");
        gateway.watch(SELECTOR, listener);
        gateway.watch(LabelSelector.of(Map.of("ogdc/recipe-id", "seal-tags")), new Recorder());
        await().atMost(PATIENCE).until(() -> cluster.dispatcher.openWatchCount() == 2);

        gateway.close();

        await().atMost(PATIENCE).until(() -> cluster.dispatcher.openWatchCount() == 0);
    }

    private String submit(String outcome) {
        return gateway.submit(workflow("seal-tags-shell-", Map.of("ogdc/commit", "abc1234",
                ArgoTestController.OUTCOME_LABEL, outcome))).name();
    }

    /**
     * Waits for the watch's {@code opened}th connection, then submits a sentinel workflow and waits for it: the
     * server sends on one connection in order, so whatever it sent about the others before has been seen too.
     */
    private String afterReconnect(int opened) {
        await().atMost(PATIENCE).until(() -> cluster.dispatcher.watchesOpened() >= opened
                && cluster.dispatcher.openWatchCount() == 1);
        String sentinel = gateway.submit(workflow("sentinel-", RUN)).name();
        awaitStates(sentinel, 1);
        return sentinel;
    }

    private long listLike() {
        return cluster.dispatcher.count("GET", p -> p.contains("/workflows?") && !p.contains("watch=true"));
    }

    private void awaitStates(String name, int count) {
        await().atMost(PATIENCE).until(() -> listener.states(name).size() >= count);
        assertThat(listener.states(name)).hasSize(count);
    }

    /** Records what a watch delivers and on which thread. */
    static final class Recorder implements WorkflowListener {

        final List<WorkflowState> changes = new CopyOnWriteArrayList<>();
        final List<String> notices = new CopyOnWriteArrayList<>();
        final List<String> threads = new CopyOnWriteArrayList<>();

        @Override
        public void onChange(WorkflowState state) {
            threads.add(Thread.currentThread().getName());
            changes.add(state);
        }

        @Override
        public void onNotice(String notice) {
            notices.add(notice);
        }

        List<WorkflowState> states(String name) {
            List<WorkflowState> result = new ArrayList<>();
            changes.stream().filter(s -> s.name().equals(name)).forEach(result::add);
            return result;
        }
    }
}
