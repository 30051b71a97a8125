package net.qgreenland.ogdc.action;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The GitHub Actions environment of one step, read once from an environment {@code Map}: the {@code GITHUB_*}
 * variables as {@code Optional}s (a blank value is absent) and the action inputs, which the runner passes as
 * {@code INPUT_<NAME>} (see {@link #inputVariable}).
 *
 * @see <a href="https://docs.github.com/en/actions/reference/workflows-and-actions/variables">default variables</a>
 */
public record ActionEnvironment(
        Optional<String> eventName,
        Optional<Path> eventPath,
        Optional<String> sha,
        Optional<String> ref,
        Optional<String> repository,
        Optional<Path> workspace,
        Optional<String> serverUrl,
        Optional<String> apiUrl,
        Optional<String> runId,
        Optional<String> runAttempt,
        Optional<Path> output,
        Optional<Path> stepSummary,
        Optional<Path> runnerTemp,
        Map<String, String> variables) {

    public ActionEnvironment {
        Objects.requireNonNull(eventName, "eventName");
        Objects.requireNonNull(eventPath, "eventPath");
        Objects.requireNonNull(sha, "sha");
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(serverUrl, "serverUrl");
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(runAttempt, "runAttempt");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(stepSummary, "stepSummary");
        Objects.requireNonNull(runnerTemp, "runnerTemp");
        variables = Map.copyOf(variables);
    }

    /** Reads the environment once; {@code env} is usually {@code System.getenv()}, passed in by the caller. */
    public static ActionEnvironment from(Map<String, String> env) {
        Map<String, String> copy = Map.copyOf(env);
        return new ActionEnvironment(
                nonBlank(copy, "GITHUB_EVENT_NAME"),
                nonBlank(copy, "GITHUB_EVENT_PATH").map(Path::of),
                nonBlank(copy, "GITHUB_SHA"),
                nonBlank(copy, "GITHUB_REF"),
                nonBlank(copy, "GITHUB_REPOSITORY"),
                nonBlank(copy, "GITHUB_WORKSPACE").map(Path::of),
                nonBlank(copy, "GITHUB_SERVER_URL"),
                nonBlank(copy, "GITHUB_API_URL"),
                nonBlank(copy, "GITHUB_RUN_ID"),
                nonBlank(copy, "GITHUB_RUN_ATTEMPT"),
                nonBlank(copy, "GITHUB_OUTPUT").map(Path::of),
                nonBlank(copy, "GITHUB_STEP_SUMMARY").map(Path::of),
                nonBlank(copy, "RUNNER_TEMP").map(Path::of),
                copy);
    }

    /**
     * The variable the runner passes input {@code name} in: {@code INPUT_} and the name upper-cased with only spaces
     * turned into {@code _} ({@code argo-server} → {@code INPUT_ARGO-SERVER}, {@code my input} →
     * {@code INPUT_MY_INPUT}), as {@code actions/runner}'s {@code Handler.AddInputsToEnvironment} does.
     */
    public static String inputVariable(String name) {
        return "INPUT_" + name.replace(' ', '_').toUpperCase(Locale.ROOT);
    }

    /** True when running as a GitHub Actions step ({@code GITHUB_ACTIONS=true}). */
    public boolean isGitHubActions() {
        return "true".equals(variables.get("GITHUB_ACTIONS"));
    }

    /** The value of action input {@code name} (as written in {@code action.yml}); a blank value is absent. */
    public Optional<String> input(String name) {
        return nonBlank(variables, inputVariable(name));
    }

    /** The value of environment variable {@code name}; a blank value is absent. */
    public Optional<String> variable(String name) {
        return nonBlank(variables, name);
    }

    /**
     * A setting by precedence: the command-line flag, else action input {@code inputName}, else environment variable
     * {@code envVariable}, else empty. Blank values count as absent at every level.
     */
    public Optional<String> find(Optional<String> flag, String inputName, String envVariable) {
        return flag.filter(value -> !value.isBlank())
                .or(() -> input(inputName))
                .or(() -> variable(envVariable));
    }

    /** Like {@link #find} with {@code defaultValue} last: flag &gt; input &gt; environment &gt; default. */
    public String resolve(Optional<String> flag, String inputName, String envVariable, String defaultValue) {
        return find(flag, inputName, envVariable).orElse(defaultValue);
    }

    /** Names only: the variables hold secrets (tokens arrive as inputs) and must never be printed. */
    @Override
    public String toString() {
        return "ActionEnvironment[eventName=" + eventName + ", sha=" + sha + ", ref=" + ref + ", repository="
                + repository + ", variables=" + new TreeMap<>(variables).keySet() + "]";
    }

    private static Optional<String> nonBlank(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).filter(value -> !value.isBlank());
    }
}
