package net.qgreenland.ogdc.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Loading the pod scripts from the class path; the scripts themselves are run in their own tests. */
class PodScriptsTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(VizStep.class)
    void aVizSourceIsThePreludeOnceThenTheStepsOwnBody(VizStep step) {
        String source = PodScripts.vizSource(step);

        assertThat(source).startsWith(PodScripts.load(PodScripts.VIZ_PRELUDE));
        assertThat(source.split("from pdgworkflow import WorkflowManager", -1)).hasSize(2);
        assertThat(source).contains("# " + step.templateName() + " (spec")
                .contains("run(\"" + step.templateName() + "\", main");
        assertThat(source).doesNotContain("{{");
    }

    @Test
    void templateNamesAreDistinctKebabCase() {
        assertThat(Arrays.stream(VizStep.values()).map(VizStep::templateName))
                .doesNotHaveDuplicates().allMatch(name -> name.matches("[a-z0-9]+(-[a-z0-9]+)*"))
                .contains("stage-files", "discover-parent-tiles", "create-3dtiles", "run-viz-serial");
    }

    @Test
    void theWebTilesStepAcceptsDictsAndBarePaths() {
        assertThat(PodScripts.vizSource(VizStep.CREATE_WEB_TILES)).contains("isinstance(item, dict)");
    }

    @Test
    void thePartitionCommandTakesTheCommandAsAnArgumentNotAsText() {
        String script = PodScripts.partitionCommand();

        assertThat(script).contains("set -eu", "COMMAND=$1", "sh -euc \"$COMMAND\"").doesNotContain("{{");
    }

    @Test
    void aMissingResourceIsNamedInTheError() {
        assertThatThrownBy(() -> PodScripts.load("viz/no-such-step.py"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("pod script resource 'net/qgreenland/ogdc/translate/scripts/viz/no-such-step.py' is missing"
                        + " from the class path");
    }
}
