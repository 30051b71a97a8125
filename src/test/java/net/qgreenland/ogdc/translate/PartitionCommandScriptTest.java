package net.qgreenland.ogdc.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** partition-command.sh (spec §5.5, bugs fixed), run by the real {@code sh} on temporary workflow trees. */
class PartitionCommandScriptTest {

    static final List<String> VARIABLES = List.of("RECIPE_ID", "PARTITION_ID", "CMD_INDEX", "PARTITION_MANIFEST_PATH",
            "WORKFLOW_DIR", "INPUT_FILE", "OUTPUT_FILE", "INPUT_DIR", "OUTPUT_DIR", "LOG");
    static final String LOG_VARIABLES =
            "printf '%s|%s|%s|%s\\n' \"$INPUT_FILE\" \"$OUTPUT_FILE\" \"$INPUT_DIR\" \"$OUTPUT_DIR\" >> \"$LOG\"";

    @TempDir
    Path temp;
    Path workflowDir;
    Path recipeDir;
    Path log;
    Map<String, String> env;

    @BeforeEach
    void workflowTree() throws IOException {
        workflowDir = Files.createDirectories(temp.resolve("workflow"));
        recipeDir = workflowDir.resolve("my-recipe");
        log = temp.resolve("command.log");
        env = new HashMap<>(Map.of("WORKFLOW_DIR", workflowDir.toString(), "RECIPE_ID", "my-recipe",
                "PARTITION_ID", "3", "LOG", log.toString()));
    }

    @Test
    void theFirstCommandRunsOnceForEveryManifestEntryWithExactVariables() throws IOException {
        Path a = inputFile("pvc/tiles/a.tif", "A");
        Path b = inputFile("downloads/b.tif", "B");
        Path manifest = manifest(a.toString(), b.toString());
        Path output = recipeDir.resolve("cmd-0-partition-3");

        ScriptProcess.Result result = runFirstCommand(manifest, LOG_VARIABLES);

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        String inputDir = recipeDir.resolve("inputs").toString();
        assertThat(Files.readAllLines(log)).containsExactly(
                a + "|" + output.resolve("a.tif") + "|" + inputDir + "|" + output,
                b + "|" + output.resolve("b.tif") + "|" + inputDir + "|" + output);
        assertThat(result.stdout().lines()).containsExactly(
                "Reading partition manifest from: " + manifest,
                "Input directory: " + inputDir,
                "Output directory: " + output,
                "Processing file: " + a,
                "Processing file: " + b,
                "Processed 2 files");
        assertThat(result.stderr()).isEmpty();
    }

    @ParameterizedTest(name = "file name [{0}]")
    @ValueSource(strings = {"plain.tif", "with space.tif", "two  spaces and\ttab.tif", "quote's \"both\".tif",
        "dollar $HOME `x`.tif", "star * and ?.tif", "-leading-dash.tif", "ünïcödé.tif"})
    void everyFileNameReachesTheCommandIntact(String name) throws IOException {
        assumeTrue(name.chars().allMatch(c -> c < 128) || "UTF-8".equals(System.getProperty("sun.jnu.encoding")),
                "file names here are not UTF-8");
        Path input = inputFile("in dir/" + name, "content of " + name);

        ScriptProcess.Result result =
                runFirstCommand(manifest(input.toString()), "cp \"$INPUT_FILE\" \"$OUTPUT_FILE.out\"");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(recipeDir.resolve("cmd-0-partition-3").resolve(name + ".out")).hasContent("content of " + name);
        assertThat(result.stdout()).contains("Processed 1 files");
    }

    @ParameterizedTest(name = "[{0}] writes [{1}]")
    @CsvSource(delimiterString = " => ", quoteCharacter = '^', value = {
        "printf '%s' \"it's \\\"quoted\\\"\" > \"$OUTPUT_FILE\" => it's \"quoted\"",
        "printf '%s' '$HOME stays' > \"$OUTPUT_FILE\" => $HOME stays",
        "true && printf a > \"$OUTPUT_FILE\" && printf b >> \"$OUTPUT_FILE\" => ab",
        "false || printf '%s;%s' x y > \"$OUTPUT_FILE\" => x;y",
        "printf '%s' \"$(basename \"$INPUT_FILE\" .tif)\" > \"$OUTPUT_FILE\" => in",
        "printf '%s' '{{inputs.parameters.recipe-id}}' > \"$OUTPUT_FILE\" => {{inputs.parameters.recipe-id}}",
        "printf '%s' \"`echo back`\" > \"$OUTPUT_FILE\" => back",
    })
    void theCommandArrivesIntactWithQuotesDollarsAndOperators(String command, String written) throws IOException {
        Path input = inputFile("in.tif", "x");

        ScriptProcess.Result result = runFirstCommand(manifest(input.toString()), command.strip());

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(recipeDir.resolve("cmd-0-partition-3/in.tif")).hasContent(written.strip());
    }

    @Test
    void laterCommandsReadEveryRegularFileOfThePreviousCommandsPartitionInOrder() throws IOException {
        Path previous = Files.createDirectories(recipeDir.resolve("cmd-1-partition-3"));
        Files.writeString(previous.resolve("b.tif"), "b");
        Files.writeString(previous.resolve("a b.tif"), "a");
        Files.createDirectories(previous.resolve("nested"));
        Files.writeString(previous.resolve("nested/skipped.tif"), "no");
        Files.createDirectories(recipeDir.resolve("cmd-1-partition-4"));
        Files.writeString(recipeDir.resolve("cmd-1-partition-4/other-partition.tif"), "no");
        Path output = recipeDir.resolve("cmd-2-partition-3");

        ScriptProcess.Result result = runLaterCommand(2, LOG_VARIABLES);

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(Files.readAllLines(log)).containsExactly(
                previous.resolve("a b.tif") + "|" + output.resolve("a b.tif") + "|" + previous + "|" + output,
                previous.resolve("b.tif") + "|" + output.resolve("b.tif") + "|" + previous + "|" + output);
        assertThat(result.stdout().lines()).containsExactly(
                "Input directory: " + previous,
                "Output directory: " + output,
                "Processing file: " + previous.resolve("a b.tif"),
                "Processing file: " + previous.resolve("b.tif"),
                "Processed 2 files");
    }

    @Test
    void anEmptyInputDirectoryIsFineAndLogged() throws IOException {
        Path previous = Files.createDirectories(recipeDir.resolve("cmd-0-partition-3"));

        ScriptProcess.Result result = runLaterCommand(1, LOG_VARIABLES);

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(log).doesNotExist();
        assertThat(result.stdout()).contains("No files in input directory: " + previous, "Processed 0 files");
        assertThat(recipeDir.resolve("cmd-1-partition-3")).isEmptyDirectory();
    }

    @Test
    void aMissingInputDirectoryIsAnError() {
        ScriptProcess.Result result = runLaterCommand(1, LOG_VARIABLES);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).isEqualTo(
                "ERROR: Input directory does not exist: " + recipeDir.resolve("cmd-0-partition-3") + "\n");
        assertThat(recipeDir.resolve("cmd-1-partition-3")).doesNotExist();
    }

    @ParameterizedTest(name = "exit {0}")
    @ValueSource(ints = {1, 3, 42})
    void aFailingCommandStopsThePartitionWithItsStatus(int status) throws IOException {
        Path first = inputFile("first.tif", "1");
        Path second = inputFile("second.tif", "2");
        Path third = inputFile("third.tif", "3");
        String command =
                "echo \"$INPUT_FILE\" >> \"$LOG\"; case \"$INPUT_FILE\" in *second*) exit " + status + ";; esac";

        ScriptProcess.Result result = runFirstCommand(manifest(first.toString(), second.toString(), third.toString()),
                command);

        assertThat(result.exitCode()).isEqualTo(status);
        assertThat(result.stderr()).isEqualTo("ERROR: command failed with exit " + status + " on " + second + "\n");
        assertThat(Files.readAllLines(log)).containsExactly(first.toString(), second.toString());
        assertThat(result.stdout()).doesNotContain("Processed");
    }

    @Test
    void aFailureInsideACommandListStopsIt() throws IOException {
        // Like the Python runner's wrapper (set -eu around the pasted command): `a; b` stops when a fails.
        Path only = inputFile("only.tif", "1");

        ScriptProcess.Result result = runFirstCommand(manifest(only.toString()), "false; echo reached >> \"$LOG\"");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(log).doesNotExist();
    }

    @Test
    void staleOutputsOfAnEarlierAttemptAreRemovedBeforeProcessing() throws IOException {
        Path output = recipeDir.resolve("cmd-1-partition-3");
        Files.createDirectories(output.resolve("old-subdir"));
        Files.writeString(output.resolve("old-subdir/stale.tif"), "stale");
        Files.writeString(output.resolve("stale.tif"), "stale");
        Path previous = Files.createDirectories(recipeDir.resolve("cmd-0-partition-3"));
        Files.writeString(previous.resolve("fresh.tif"), "fresh");

        ScriptProcess.Result result = runLaterCommand(1, "cp \"$INPUT_FILE\" \"$OUTPUT_FILE\"");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        try (var files = Files.list(output)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("fresh.tif");
        }
    }

    @Test
    void aCommandReadingStdinCannotSwallowTheFileList() throws IOException {
        Path a = inputFile("a.tif", "a");
        Path b = inputFile("b.tif", "b");
        Path c = inputFile("c.tif", "c");

        ScriptProcess.Result result = runFirstCommand(manifest(a.toString(), b.toString(), c.toString()),
                "cat > /dev/null; echo \"$INPUT_FILE\" >> \"$LOG\"");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(Files.readAllLines(log)).containsExactly(a.toString(), b.toString(), c.toString());
    }

    @ParameterizedTest(name = "{0} unset (cmd {1})")
    @CsvSource({"RECIPE_ID, 0", "PARTITION_ID, 0", "CMD_INDEX, 0", "PARTITION_MANIFEST_PATH, 0", "RECIPE_ID, 1",
        "PARTITION_ID, 1"})
    void aMissingVariableIsReportedBeforeAnythingHappens(String variable, int cmdIndex) throws IOException {
        env.put("CMD_INDEX", String.valueOf(cmdIndex));
        env.put("PARTITION_MANIFEST_PATH", manifest().toString());
        env.remove(variable);

        ScriptProcess.Result result = run(LOG_VARIABLES);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).isEqualTo("ERROR: " + variable + " is not set\n");
        assertThat(result.stdout()).isEmpty();
        assertThat(recipeDir).doesNotExist();
    }

    @Test
    void anEmptyVariableCountsAsUnset() {
        env.put("CMD_INDEX", "");

        ScriptProcess.Result result = run(LOG_VARIABLES);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).isEqualTo("ERROR: CMD_INDEX is not set\n");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"CMD_INDEX, one, CMD_INDEX must be a whole number", "CMD_INDEX, -1, CMD_INDEX must be a whole number",
        "PARTITION_ID, 0;rm, PARTITION_ID must be a whole number", "RECIPE_ID, .., RECIPE_ID must be a single",
        "RECIPE_ID, a/../.., RECIPE_ID must be a single"})
    void unusableIdsAreRejected(String variable, String value, String message) {
        env.put("CMD_INDEX", "1");
        env.put(variable, value);

        ScriptProcess.Result result = run(LOG_VARIABLES);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).startsWith("ERROR: " + message);
    }

    @Test
    void aMissingCommandIsAnError() {
        env.put("CMD_INDEX", "1");

        ScriptProcess.Result result = ScriptProcess.run(List.of("sh", "-c", PodScripts.partitionCommand(),
                "ogdc-partition"), temp, VARIABLES, env);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).startsWith("ERROR: no command given");
    }

    @ParameterizedTest(name = "manifest {0}")
    @CsvSource(delimiter = '|', value = {
        "missing     | | partition manifest does not exist: ",
        "object      | {\"files\": []} | is not a JSON array of strings",
        "numbers     | [1, 2] | is not a JSON array of strings",
        "not-json    | [\"a\", | cannot read partition manifest",
        "relative    | [\"relative/a.tif\"] | an entry that is not an absolute path",
        "absent-file | [\"/nonexistent/ogdc/a.tif\"] | 1 input files of partition manifest",
    })
    void anUnusableManifestIsAnError(String name, String content, String message) throws IOException {
        Path manifest = temp.resolve(name + ".json");
        if (content != null) {
            Files.writeString(manifest, content);
        }

        ScriptProcess.Result result = runFirstCommand(manifest, LOG_VARIABLES);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).startsWith("ERROR: ").contains(message);
        assertThat(log).doesNotExist();
    }

    @Test
    void theWorkflowDirectoryDefaultsToMntWorkflow() {
        env.remove("WORKFLOW_DIR");
        env.put("RECIPE_ID", "ogdc-action-test-recipe-that-does-not-exist");
        env.put("CMD_INDEX", "1");

        ScriptProcess.Result result = run(LOG_VARIABLES);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).isEqualTo("ERROR: Input directory does not exist: "
                + "/mnt/workflow/ogdc-action-test-recipe-that-does-not-exist/cmd-0-partition-3\n");
    }

    private ScriptProcess.Result runFirstCommand(Path manifest, String command) {
        env.put("CMD_INDEX", "0");
        env.put("PARTITION_MANIFEST_PATH", manifest.toString());
        return run(command);
    }

    private ScriptProcess.Result runLaterCommand(int cmdIndex, String command) {
        env.put("CMD_INDEX", String.valueOf(cmdIndex));
        return run(command);
    }

    private ScriptProcess.Result run(String command) {
        return ScriptProcess.run(List.of("sh", "-c", PodScripts.partitionCommand(), "ogdc-partition", command),
                temp, VARIABLES, env);
    }

    private Path inputFile(String relative, String content) throws IOException {
        Path file = temp.resolve("inputs-outside-the-workflow-dir").resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    private Path manifest(String... entries) throws IOException {
        List<String> quoted = new ArrayList<>();
        for (String entry : entries) {
            quoted.add("\"" + entry.replace("\\", "\\\\").replace("\"", "\\\"").replace("\t", "\\t") + "\"");
        }
        return Files.writeString(temp.resolve("manifest.json"),
                quoted.stream().collect(Collectors.joining(", ", "[", "]")));
    }
}
