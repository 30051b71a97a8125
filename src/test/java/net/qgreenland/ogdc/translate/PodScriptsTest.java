package net.qgreenland.ogdc.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Loading the pod scripts from the class path; the scripts themselves are run in their own tests. */
class PodScriptsTest {

    @Test
    void thePartitionCommandTakesTheCommandAsAnArgumentNotAsText() {
        String script = PodScripts.partitionCommand();

        assertThat(script).contains("set -eu", "COMMAND=$1", "sh -c \"$COMMAND\"").doesNotContain("{{");
    }

    @Test
    void aMissingResourceIsNamedInTheError() {
        assertThatThrownBy(() -> PodScripts.load("no-such-script.sh"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("pod script resource 'net/qgreenland/ogdc/translate/scripts/no-such-script.sh' is missing"
                        + " from the class path");
    }
}
