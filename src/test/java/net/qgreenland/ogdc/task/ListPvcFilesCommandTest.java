package net.qgreenland.ogdc.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code task list-pvc-files} end to end on real directories (spec §5.6 "list", with a cap on partitions). */
class ListPvcFilesCommandTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    Path data() {
        return temp.resolve("data");
    }

    Path manifests() {
        return temp.resolve("wf/recipe/partition-manifests/pvc-inputs");
    }

    Path partitionsOut() {
        return temp.resolve("tmp/partitions.json");
    }

    Path pathOut() {
        return temp.resolve("tmp/files_manifest_path.txt");
    }

    void files(String... names) throws IOException {
        for (String name : names) {
            Path file = data().resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, name);
        }
    }

    TaskRun list(String inputs, String... extra) {
        List<String> args = new ArrayList<>(List.of("list-pvc-files", "--inputs", inputs,
                "--manifest-dir", manifests().toString(), "--partitions-out", partitionsOut().toString(),
                "--files-manifest-path-out", pathOut().toString()));
        args.addAll(List.of(extra));
        if (!args.contains("--partition-size")) {
            args.addAll(List.of("--partition-size", "2"));
        }
        return TaskRun.of(args.toArray(String[]::new));
    }

    String pvc(String sub, String glob) {
        return "{\"type\":\"pvc\",\"path\":\"" + data().resolve(sub) + "\",\"glob\":\"" + glob + "\"}";
    }

    List<String> readArray(Path file) throws IOException {
        return List.of(JSON.readValue(file.toFile(), String[].class));
    }

    String abs(String name) {
        return data().resolve(name).toString();
    }

    @Test
    void filesOfAllInputsAreListedSortedOnceAndCutIntoPartitions() throws IOException {
        files("tiles/b.tif", "tiles/deep/er/a.tif", "tiles/notes.txt", "tiles/c.tif", "other/z.tif");

        TaskRun run = list("[" + pvc("tiles", "*.tif") + "," + pvc("tiles", "*.tif") + "," + pvc("other", "*")
                + "]").succeeded();

        List<String> all = List.of(abs("other/z.tif"), abs("tiles/b.tif"), abs("tiles/c.tif"),
                abs("tiles/deep/er/a.tif"));
        assertThat(readArray(manifests().resolve("all-files.json"))).containsExactlyElementsOf(all);
        assertThat(readArray(manifests().resolve("partition-0.json"))).containsExactlyElementsOf(all.subList(0, 2));
        assertThat(readArray(manifests().resolve("partition-1.json"))).containsExactlyElementsOf(all.subList(2, 4));
        assertThat(manifests().resolve("partition-2.json")).doesNotExist();
        assertThat(Files.readString(partitionsOut())).isEqualTo("[{\"partition_id\":0},{\"partition_id\":1}]");
        assertThat(Files.readString(pathOut())).isEqualTo(manifests().resolve("all-files.json").toString());
        assertThat(run.errLines()).last().isEqualTo("Generated 2 partitions");
    }

    @Test
    void aGlobWithASlashMatchesTheTailOfThePath() throws IOException {
        files("a/sub/1.tif", "a/sub/x/2.tif", "sub/3.tif", "a/4.tif");

        list("[" + pvc("", "sub/*.tif") + "]").succeeded();

        assertThat(readArray(manifests().resolve("all-files.json")))
                .containsExactly(abs("a/sub/1.tif"), abs("sub/3.tif"));
    }

    @Test
    void tooManyPartitionsRaiseThePartitionSize() throws IOException {
        files(Stream.iterate(0, i -> i + 1).limit(25).map(i -> String.format("f%02d.tif", i)).toArray(String[]::new));

        TaskRun run = list("[" + pvc("", "*.tif") + "]", "--partition-size", "1", "--max-partitions", "10")
                .succeeded();

        assertThat(run.errLines()).contains(
                "raising partition size from 1 to 3 so that 25 files make at most 10 partitions");
        assertThat(run.errLines()).last().isEqualTo("Generated 9 partitions");
        assertThat(readArray(manifests().resolve("partition-0.json"))).containsExactly(abs("f00.tif"),
                abs("f01.tif"), abs("f02.tif"));
        assertThat(readArray(manifests().resolve("partition-8.json"))).containsExactly(abs("f24.tif"));
        assertThat(JSON.readTree(partitionsOut().toFile())).hasSize(9);
    }

    @Test
    void aRerunReplacesTheManifestsAndDeletesStalePartitions() throws IOException {
        files("1.tif", "2.tif", "3.tif", "4.tif", "5.tif");
        list("[" + pvc("", "*.tif") + "]", "--partition-size", "1").succeeded();
        assertThat(manifests().resolve("partition-4.json")).exists();
        Files.writeString(manifests().resolve("partition-12.json"), "[\"stale\"]");
        Files.writeString(manifests().resolve("partition-notes.json"), "kept: not a partition");

        list("[" + pvc("", "*.tif") + "]", "--partition-size", "2").succeeded();

        try (Stream<Path> left = Files.list(manifests())) {
            assertThat(left.map(p -> p.getFileName().toString()).sorted()).containsExactly(
                    "all-files.json", "partition-0.json", "partition-1.json", "partition-2.json",
                    "partition-notes.json");
        }
        assertThat(readArray(manifests().resolve("partition-2.json"))).containsExactly(abs("5.tif"));
    }

    @Test
    void writingAManifestNeverLeavesAPartialOrTemporaryFile() throws IOException {
        files("1.tif");
        Files.createDirectories(manifests());
        Files.writeString(manifests().resolve("all-files.json"), "[\"old\"]");
        Files.createDirectories(manifests().resolve("partition-0.json")); // a directory cannot be replaced

        TaskRun run = list("[" + pvc("", "*.tif") + "]");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("ogdc-action task list-pvc-files: writing " + manifests().resolve(
                "partition-0.json") + " failed");
        assertThat(Files.readString(manifests().resolve("all-files.json"))).isEqualTo("[\"old\"]");
        try (Stream<Path> left = Files.list(manifests())) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not a directory | FILE  | PVC input path is not a directory: DATA/1.tif",
        "missing path    | NONE  | PVC input path is not a directory: DATA/none",
        "no matches      | NC    | No files found for PVC inputs",
        "no inputs       | EMPTY | No files found for PVC inputs",
        "url input       | URL   | --inputs[0]: url inputs are not accepted here (list-pvc-files lists pvc inputs only)",
        "bad JSON        | BAD   | --inputs is not valid JSON: Unexpected end-of-input: expected close marker for Array (line 1, column 2)",
    })
    void aDataProblemExits1WithOneClearLine(String what, String inputs, String message) throws IOException {
        files("1.tif");
        String json = switch (inputs) {
            case "FILE" -> "[" + pvc("1.tif", "*") + "]";
            case "NONE" -> "[" + pvc("none", "*") + "]";
            case "NC" -> "[" + pvc("", "*.nc") + "]";
            case "EMPTY" -> "[]";
            case "URL" -> "[{\"type\":\"url\",\"url\":\"https://example.org/a.tif\"}]";
            default -> "[";
        };

        TaskRun run = list(json);

        run.failedWith("list-pvc-files", message.replace("DATA", data().toString()));
        assertThat(partitionsOut()).doesNotExist();
        assertThat(manifests()).doesNotExist();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--partition-size 0   | --partition-size must be at least 1, got 0",
        "--partition-size x   | Invalid value for option '--partition-size'",
        "--max-partitions 0   | --max-partitions must be at least 1, got 0",
        "--frobnicate         | Unknown option: '--frobnicate'",
    })
    void badOptionsAreUsageErrors(String options, String message) throws IOException {
        files("1.tif");

        list("[" + pvc("", "*") + "]", options.split(" ")).usageError(message);
    }

    @Test
    void missingRequiredOptionsAreUsageErrors() {
        TaskRun.of("list-pvc-files", "--inputs", "[]").usageError("Missing required options: '--partition-size=N', "
                + "'--manifest-dir=DIR'");
    }
}
