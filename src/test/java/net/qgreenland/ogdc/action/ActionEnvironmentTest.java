package net.qgreenland.ogdc.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActionEnvironmentTest {

    @ParameterizedTest(name = "input ''{0}'' arrives as {1}")
    @CsvSource(delimiter = '|', value = {
        "argo-server   | INPUT_ARGO-SERVER",
        "'my input'    | INPUT_MY_INPUT",
        "token         | INPUT_TOKEN",
        "dry_run       | INPUT_DRY_RUN",
        "Mixed-Case x  | INPUT_MIXED-CASE_X",
    })
    void inputsArriveUpperCasedWithOnlySpacesReplaced(String name, String variable) {
        assertThat(ActionEnvironment.inputVariable(name)).isEqualTo(variable);
        ActionEnvironment environment = ActionEnvironment.from(Map.of(variable, "value of " + name));
        assertThat(environment.input(name)).hasValue("value of " + name);
    }

    @Test
    void aHyphenatedInputIsNotFoundUnderAnUnderscoredName() {
        ActionEnvironment environment = ActionEnvironment.from(Map.of("INPUT_ARGO_SERVER", "https://argo"));

        assertThat(environment.input("argo-server")).isEmpty();
        assertThat(environment.input("argo_server")).hasValue("https://argo");
    }

    @ParameterizedTest(name = "input value ''{0}'' is absent")
    @CsvSource({"''", "' '", "'\t'"})
    void blankInputsAreAbsent(String value) {
        assertThat(ActionEnvironment.from(Map.of("INPUT_NAMESPACE", value)).input("namespace")).isEmpty();
    }

    @ParameterizedTest(name = "flag={0} input={1} env={2} → {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        // flag     | input      | environment | resolved
        "from-flag  | from-input | from-env    | from-flag",
        "from-flag  | -          | -           | from-flag",
        "-          | from-input | from-env    | from-input",
        "-          | from-input | -           | from-input",
        "-          | -          | from-env    | from-env",
        "-          | -          | -           | the-default",
        "' '        | from-input | from-env    | from-input",
        "-          | ' '        | from-env    | from-env",
        "-          | -          | ' '         | the-default",
    })
    void flagBeatsInputBeatsEnvironmentBeatsDefault(String flag, String input, String env, String expected) {
        Map<String, String> variables = new HashMap<>();
        if (input != null) {
            variables.put("INPUT_ARGO-SERVER", input);
        }
        if (env != null) {
            variables.put("ARGO_SERVER", env);
        }
        ActionEnvironment environment = ActionEnvironment.from(variables);

        assertThat(environment.resolve(Optional.ofNullable(flag), "argo-server", "ARGO_SERVER", "the-default"))
                .isEqualTo(expected);
        assertThat(environment.find(Optional.ofNullable(flag), "argo-server", "ARGO_SERVER"))
                .isEqualTo(expected.equals("the-default") ? Optional.empty() : Optional.of(expected));
    }

    @Test
    void theGitHubVariablesAreReadOnce() {
        Map<String, String> env = new HashMap<>(Map.ofEntries(
                Map.entry("GITHUB_EVENT_NAME", "pull_request"),
                Map.entry("GITHUB_EVENT_PATH", "/github/workflow/event.json"),
                Map.entry("GITHUB_SHA", "ec26c3e57ca3a959ca5aad62de7213c562f8c821"),
                Map.entry("GITHUB_REF", "refs/pull/2/merge"),
                Map.entry("GITHUB_REPOSITORY", "nsidc/recipes"),
                Map.entry("GITHUB_WORKSPACE", "/github/workspace"),
                Map.entry("GITHUB_SERVER_URL", "https://github.com"),
                Map.entry("GITHUB_API_URL", "https://api.github.com"),
                Map.entry("GITHUB_RUN_ID", "1658821493"),
                Map.entry("GITHUB_RUN_ATTEMPT", "2"),
                Map.entry("GITHUB_OUTPUT", "/github/file_commands/set_output_1"),
                Map.entry("GITHUB_STEP_SUMMARY", "/github/file_commands/step_summary_1"),
                Map.entry("RUNNER_TEMP", "/home/runner/_work/_temp")));

        ActionEnvironment environment = ActionEnvironment.from(env);
        env.clear();

        assertThat(environment).isEqualTo(new ActionEnvironment(
                Optional.of("pull_request"), Optional.of(Path.of("/github/workflow/event.json")),
                Optional.of("ec26c3e57ca3a959ca5aad62de7213c562f8c821"), Optional.of("refs/pull/2/merge"),
                Optional.of("nsidc/recipes"), Optional.of(Path.of("/github/workspace")),
                Optional.of("https://github.com"), Optional.of("https://api.github.com"), Optional.of("1658821493"),
                Optional.of("2"), Optional.of(Path.of("/github/file_commands/set_output_1")),
                Optional.of(Path.of("/github/file_commands/step_summary_1")),
                Optional.of(Path.of("/home/runner/_work/_temp")), environment.variables()));
        assertThat(environment.variables()).hasSize(13);
    }

    @Test
    void missingAndBlankVariablesAreEmpty() {
        ActionEnvironment environment = ActionEnvironment.from(Map.of("GITHUB_SHA", " ", "HOME", "/github/home"));

        assertThat(environment.sha()).isEmpty();
        assertThat(environment.eventName()).isEmpty();
        assertThat(environment.eventPath()).isEmpty();
        assertThat(environment.runnerTemp()).isEmpty();
        assertThat(environment.variable("HOME")).hasValue("/github/home");
    }

    @ParameterizedTest(name = "GITHUB_ACTIONS={0} → {1}")
    @CsvSource(nullValues = "-", value = {"true, true", "false, false", "TRUE, false", "'', false", "-, false"})
    void itIsGitHubActionsOnlyWhenGitHubActionsIsTrue(String value, boolean expected) {
        Map<String, String> env = new HashMap<>();
        if (value != null) {
            env.put("GITHUB_ACTIONS", value);
        }
        assertThat(ActionEnvironment.from(env).isGitHubActions()).isEqualTo(expected);
    }

    @Test
    void toStringNeverShowsValues() {
        ActionEnvironment environment = ActionEnvironment.from(Map.of("INPUT_TOKEN", "ghs_secret123",
                "GITHUB_REPOSITORY", "nsidc/recipes"));

        assertThat(environment.toString()).contains("INPUT_TOKEN", "nsidc/recipes").doesNotContain("ghs_secret123");
    }
}
