package net.qgreenland.ogdc.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every recipe state maps to the check run's status and conclusion GitHub expects. */
class RecipeStateTest {

    @ParameterizedTest(name = "{0} is {1} with conclusion ''{2}''")
    @CsvSource({
        "PLANNED, QUEUED, ",
        "QUEUED, QUEUED, ",
        "RUNNING, IN_PROGRESS, ",
        "SUCCEEDED, COMPLETED, SUCCESS",
        "FAILED, COMPLETED, FAILURE",
        "ERRORED, COMPLETED, FAILURE",
        "INVALID, COMPLETED, FAILURE",
        "CANCELLED, COMPLETED, CANCELLED",
        "TIMED_OUT, COMPLETED, TIMED_OUT",
        "SKIPPED, COMPLETED, NEUTRAL",
        "NOT_SUBMITTED, COMPLETED, NEUTRAL",
        "AWAITING_APPROVAL, COMPLETED, ACTION_REQUIRED",
    })
    void aStateMapsToACheckRunStatusAndConclusion(RecipeState state, CheckStatus status, CheckConclusion conclusion) {
        assertThat(state.checkStatus()).isEqualTo(status);
        assertThat(state.conclusion().orElse(null)).isEqualTo(conclusion);
        assertThat(state.isCompleted()).isEqualTo(conclusion != null);
    }

    @Test
    void exactlyTheFailingStatesCountAgainstTheRun() {
        assertThat(Arrays.stream(RecipeState.values()).filter(RecipeState::isFailure))
                .containsExactlyInAnyOrder(RecipeState.INVALID, RecipeState.FAILED, RecipeState.ERRORED,
                        RecipeState.TIMED_OUT);
        assertThat(Arrays.stream(RecipeState.values()).filter(RecipeState::isFailure))
                .allSatisfy(state -> assertThat(state.conclusion()).isPresent()
                        .get().isIn(CheckConclusion.FAILURE, CheckConclusion.TIMED_OUT));
    }
}
