package net.qgreenland.ogdc.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The visualization scripts (spec §6.2, §6.4) run by the real {@code python3} against a fake {@code pdgworkflow}
 * ({@code src/test/resources/fake-pdgworkflow}) that records every call and serves tile listings.
 */
class VizScriptsPythonTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String RECIPE = "viz-recipe";
    static final List<String> VARIABLES = List.of("RECIPE_ID", "WORKFLOW_DIR", "MANIFEST_PATH", "MANIFEST",
            "INPUT_MANIFEST_PATH", "INPUT_MANIFEST", "PARTITION_SIZE", "MAX_PARTITIONS", "Z_LEVEL",
            "REFS_ARTIFACT_PATH", "FAKE_PDG_LOG", "FAKE_PDG_TILES", "FAKE_PDG_FAIL", "FAKE_PDG_NOISE", "PYTHONPATH",
            "PYTHONSTARTUP", "PYTHONDONTWRITEBYTECODE");

    @TempDir
    Path temp;
    Path recipeDir;
    Map<String, String> env;
    HttpServer server;

    @BeforeAll
    static void python() {
        assumeTrue(ScriptProcess.available("python3"), "python3 is not installed");
    }

    @BeforeEach
    void workflowTree() throws IOException, URISyntaxException {
        recipeDir = Files.createDirectories(temp.resolve("workflow").resolve(RECIPE)).toRealPath();
        Path fake = Path.of(VizScriptsPythonTest.class.getResource("/fake-pdgworkflow/pdgworkflow/__init__.py")
                .toURI()).getParent().getParent();
        env = new HashMap<>(Map.of("RECIPE_ID", RECIPE, "WORKFLOW_DIR", recipeDir.getParent().toString(),
                "FAKE_PDG_LOG", temp.resolve("calls.jsonl").toString(),
                "REFS_ARTIFACT_PATH", temp.resolve("refs.json").toString(),
                "PYTHONPATH", fake.toString(), "PYTHONDONTWRITEBYTECODE", "1"));
        config("{}");
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(VizStep.class)
    void everyStepCompiles(VizStep step) throws IOException {
        Path script = Files.writeString(temp.resolve(step.templateName() + ".py"), PodScripts.vizSource(step));

        ScriptProcess.Result result = ScriptProcess.run(List.of("python3", "-m", "py_compile", script.toString()),
                temp, VARIABLES, Map.of("PYTHONDONTWRITEBYTECODE", "1"));

        assertThat(result.exitCode()).as(result.stderr()).isZero();
    }

    @ParameterizedTest(name = "config {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '^', value = {"{} | input", "{'dir_input': 'raw'} | raw"})
    void stageFilesStagesLocalFilesAndDownloadsUrlsUnderTheirNames(String config, String dirInput) throws IOException {
        config(config);
        serve(Map.of("/data/ice%20basins.gpkg", "ice", "/data/land.gpkg", "land",
                "/cn/v2/resolve/urn%3Auuid%3Acfe3", "seal", "/cn/v2/resolve/doi%3A10.18739%2FA2", "doi"));
        Path local = Files.writeString(Files.createDirectories(temp.resolve("pvc")).resolve("local.gpkg"), "local");
        env.put("MANIFEST_PATH", file("manifest.json", "['" + local + "', 'BASE/data/ice%20basins.gpkg',"
                + " 'BASE/data/land.gpkg?version=2', {'url': 'BASE/cn/v2/resolve/urn%3Auuid%3Acfe3',"
                + " 'filename': 'ct71_ODV.csv'}, 'BASE/cn/v2/resolve/doi%3A10.18739%2FA2']").toString());

        Run run = run(VizStep.STAGE_FILES);

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.actions()).containsExactly("stage [\"" + local + "\"]",
                "stage [\"" + dirInput + "/ice basins.gpkg\"]", "stage [\"" + dirInput + "/land.gpkg\"]",
                "stage [\"" + dirInput + "/ct71_ODV.csv\"]", "stage [\"" + dirInput + "/doi:10.18739_A2\"]");
        Path downloads = recipeDir.resolve(dirInput);
        assertThat(downloads.resolve("ice basins.gpkg")).hasContent("ice");
        assertThat(downloads.resolve("land.gpkg")).hasContent("land");
        assertThat(downloads.resolve("ct71_ODV.csv")).hasContent("seal");
        assertThat(downloads.resolve("doi:10.18739_A2")).hasContent("doi");
        try (Stream<Path> files = Files.list(downloads)) {
            assertThat(files.map(Path::toString)).noneMatch(name -> name.endsWith(".part"));
        }
        Call constructor = run.calls().get(0);
        assertThat(constructor.method()).isEqualTo("WorkflowManager");
        assertThat(constructor.args().get(0)).isEqualTo(JSON.readTree(json(config)));
        assertThat(constructor.cwd()).isEqualTo(recipeDir.toString());
        assertThat(run.stdout()).isEmpty();
    }

    @ParameterizedTest(name = "path {0}, inline {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '^', value = {
        "['/pvc/a.gpkg'] | ['/pvc/b.gpkg'] | /pvc/a.gpkg",
        "                | ['/pvc/b.gpkg', '/pvc/c.gpkg'] | /pvc/b.gpkg;/pvc/c.gpkg",
        "''              | ['/pvc/b.gpkg'] | /pvc/b.gpkg",
        "['/pvc/a.gpkg'] |                 | /pvc/a.gpkg",
        "                |                 | ",
    })
    void aManifestPathWinsOverTheInlineManifest(String pathItems, String inline, String staged) throws IOException {
        if (pathItems != null) {
            env.put("MANIFEST_PATH", pathItems.equals("''") ? "" : file("manifest.json", pathItems).toString());
        }
        if (inline != null) {
            env.put("MANIFEST", json(inline));
        }

        Run run = run(VizStep.STAGE_FILES);

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        List<String> expected = staged == null ? List.of()
                : Stream.of(staged.split(";")).map(path -> "stage [\"" + path + "\"]").toList();
        assertThat(run.actions()).containsExactlyElementsOf(expected);
    }

    @Test
    void aFailedDownloadFailsTheStepAndLeavesNoPartialFile() throws IOException {
        serve(Map.of());
        env.put("MANIFEST", json("['/pvc/a.gpkg', 'BASE/missing.gpkg', '/pvc/c.gpkg']"));

        Run run = run(VizStep.STAGE_FILES);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("FAILED downloading " + base() + "/missing.gpkg: HTTP Error 404");
        assertThat(run.actions()).containsExactly("stage [\"/pvc/a.gpkg\"]");
        assertThat(recipeDir.resolve("input")).isEmptyDirectory();
    }

    static Stream<Arguments> workers() {
        return Stream.of(
                arguments(VizStep.RASTERIZE_MAX_Z, "['staged/5/1/1.gpkg', 'staged/5/1/2.gpkg']",
                        List.of("rasterize_vector [\"staged/5/1/1.gpkg\"]",
                                "rasterize_vector [\"staged/5/1/2.gpkg\"]")),
                arguments(VizStep.CREATE_3DTILES, "['staged/5/1/1.gpkg', 'staged/5/1/2.gpkg']",
                        List.of("staged_to_3dtile [\"staged/5/1/1.gpkg\"]",
                                "staged_to_3dtile [\"staged/5/1/2.gpkg\"]")),
                arguments(VizStep.CREATE_COMPOSITE_Z, "[{'z': 4, 'path': 'geotiff/4/1/2.tif'},"
                        + " {'z': 4, 'path': 'geotiff/4/3/0.tif'}]",
                        List.of("init_raster_tiler []", "parent_geotiff_from_children [[1,2,4]]",
                                "parent_geotiff_from_children [[3,0,4]]")),
                arguments(VizStep.CREATE_WEB_TILES, "[{'z': 3, 'path': 'geotiff/3/0/1.tif'}, 'geotiff/5/7/7.tif']",
                        List.of("init_raster_tiler []", "webtile_from_geotiff [\"geotiff/3/0/1.tif\"]",
                                "webtile_from_geotiff [\"geotiff/5/7/7.tif\"]")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workers")
    void fanOutWorkersCallPdgworkflowForEveryItemOfTheirManifest(VizStep step, String manifest, List<String> actions)
            throws IOException {
        env.put("MANIFEST_PATH", file("manifest.json", manifest).toString());
        env.put("FAKE_PDG_NOISE", "1");

        Run run = run(step);

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.actions()).containsExactlyElementsOf(actions);
        assertThat(run.stdout()).isEmpty();
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                arguments(VizStep.STAGE_FILES, "stage:/pvc/b", List.of("stage [\"/pvc/a\"]", "stage [\"/pvc/b\"]"),
                        "FAILED staging /pvc/b: fake stage failed"),
                arguments(VizStep.RASTERIZE_MAX_Z, "rasterize_vector:/pvc/a", List.of("rasterize_vector [\"/pvc/a\"]"),
                        "FAILED rasterizing /pvc/a: fake rasterize_vector failed"),
                arguments(VizStep.CREATE_3DTILES, "staged_to_3dtile:/pvc/b",
                        List.of("staged_to_3dtile [\"/pvc/a\"]", "staged_to_3dtile [\"/pvc/b\"]"),
                        "FAILED creating the 3D tile of /pvc/b"),
                arguments(VizStep.CREATE_WEB_TILES, "webtile_from_geotiff",
                        List.of("init_raster_tiler []", "webtile_from_geotiff [\"/pvc/a\"]"),
                        "FAILED creating web tiles from /pvc/a"),
                arguments(VizStep.RUN_VIZ_SERIAL, "run_rasterization",
                        List.of("stage [\"/pvc/a\"]", "stage [\"/pvc/b\"]", "stage [\"/pvc/c\"]",
                                "run_rasterization []"),
                        "FAILED serial viz workflow: rasterization: fake run_rasterization failed"),
                arguments(VizStep.DISCOVER_STAGED_TILES, "get_filenames_from_dir",
                        List.of("get_filenames_from_dir [\"staged\"] {\"z\":13}"),
                        "FAILED discover-staged-tiles: fake get_filenames_from_dir failed"),
                arguments(VizStep.DISCOVER_ALL_GEOTIFFS, "WorkflowManager", List.of(),
                        "FAILED discover-all-geotiffs: fake WorkflowManager failed"));
    }

    @ParameterizedTest(name = "{0} when {1} fails")
    @MethodSource("failures")
    void aFailingCallEndsTheStepWithFailedAndExit1(VizStep step, String failing, List<String> actions, String message) {
        env.put("MANIFEST", json("['/pvc/a', '/pvc/b', '/pvc/c']"));
        env.put("INPUT_MANIFEST", json("['/pvc/a', '/pvc/b', '/pvc/c']"));
        env.put("FAKE_PDG_FAIL", failing);
        env.put("FAKE_PDG_NOISE", "1");

        Run run = run(step);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains(message);
        assertThat(run.actions()).containsExactlyElementsOf(actions);
        assertThat(run.stdout()).isEmpty();
        assertThat(temp.resolve("refs.json")).doesNotExist();
    }

    static Stream<Arguments> discoveries() {
        return Stream.of(
                arguments(VizStep.DISCOVER_STAGED_TILES, "{'z_range': [0, 5]}", Map.of(),
                        List.of("staged/WGS1984Quad/5/0/2.gpkg", "staged/WGS1984Quad/5/0/0.gpkg",
                                "staged/WGS1984Quad/5/0/1.gpkg", "staged/WGS1984Quad/4/0/0.gpkg"),
                        "staged-tiles",
                        List.of("['staged/WGS1984Quad/5/0/0.gpkg', 'staged/WGS1984Quad/5/0/1.gpkg']",
                                "['staged/WGS1984Quad/5/0/2.gpkg']")),
                arguments(VizStep.DISCOVER_PARENT_TILES, "{'dir_geotiff': 'tiff'}", Map.of("Z_LEVEL", "1"),
                        List.of("tiff/WGS1984Quad/2/5/5.tif", "tiff/WGS1984Quad/2/0/0.tif",
                                "tiff/WGS1984Quad/2/1/1.tif",
                                "tiff/WGS1984Quad/2/4/4.tif", "tiff/WGS1984Quad/2/0/1.tif",
                                "tiff/WGS1984Quad/1/7/7.tif"),
                        "parent-tiles-z-1",
                        List.of("[{'z': 1, 'path': 'tiff/1/0/0.tif'}, {'z': 1, 'path': 'tiff/1/2/2.tif'}]")),
                arguments(VizStep.DISCOVER_ALL_GEOTIFFS, "{}",
                        Map.of("FAKE_PDG_TILES", "{\"geotiff\": [\"g/2/0/1.tif\", \"g/0/0/0.tif\", \"g/1/0/0.tif\"]}"),
                        List.of(), "geotiffs",
                        List.of("[{'z': 0, 'path': 'g/0/0/0.tif'}, {'z': 1, 'path': 'g/1/0/0.tif'}]",
                                "[{'z': 2, 'path': 'g/2/0/1.tif'}]")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("discoveries")
    void discoveryStepsWriteRetainedManifestsAndPrintOnlyTheRefs(VizStep step, String config, Map<String, String> more,
            List<String> tiles, String subdir, List<String> partitions) throws IOException {
        config(config);
        for (String tile : tiles) {
            Files.createDirectories(recipeDir.resolve(tile).getParent());
            Files.writeString(recipeDir.resolve(tile), "");
        }
        env.putAll(more);
        env.put("PARTITION_SIZE", "2");
        env.put("FAKE_PDG_NOISE", "1");

        Run run = run(step);

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        String refs = refs(partitions.size());
        assertThat(run.stdout()).isEqualTo(refs + "\n");
        assertThat(temp.resolve("refs.json")).hasContent(refs);
        assertThat(run.stderr()).contains("noise from import", "fd noise from WorkflowManager");
        assertThat(manifests(subdir)).isEqualTo(partitions.stream().map(VizScriptsPythonTest::tree).toList());
    }

    @Test
    void parentTilesAreFoundFromTheLevelBelow() throws IOException {
        env.put("FAKE_PDG_TILES", json("{'geotiff': ['geotiff/0/0/0.tif', 'geotiff/1/1/1.tif']}"));
        env.put("Z_LEVEL", "0");

        Run run = run(VizStep.DISCOVER_PARENT_TILES);

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.actions()).containsExactly("get_filenames_from_dir [\"geotiff\"] {\"z\":1}");
        assertThat(manifests("parent-tiles-z-0")).containsExactly(tree("[{'z': 0, 'path': 'geotiff/0/0/0.tif'}]"));
    }

    @ParameterizedTest(name = "MAX_PARTITIONS={0}")
    @CsvSource({"2, '3,2', true", "5, '1,1,1,1,1', false", "3, '2,2,1', true"})
    void tooManyPartitionsRaiseThePartitionSizeAndSaySo(int cap, String sizes, boolean raised) throws IOException {
        List<String> tiles = new ArrayList<>();
        for (int x = 0; x < 5; x++) {
            tiles.add("staged/13/0/" + x + ".gpkg");
        }
        env.put("FAKE_PDG_TILES", JSON.writeValueAsString(Map.of("staged", tiles)));
        env.put("PARTITION_SIZE", "1");
        env.put("MAX_PARTITIONS", String.valueOf(cap));

        Run run = run(VizStep.DISCOVER_STAGED_TILES);

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(manifests("staged-tiles")).extracting(JsonNode::size)
                .containsExactlyElementsOf(Stream.of(sizes.split(",")).map(Integer::valueOf).toList());
        String message = "Raising partition size from 1 to ";
        if (raised) {
            assertThat(run.stderr()).contains(message + sizes.split(",")[0] + ": 5 items would make 5 partitions,"
                    + " more than MAX_PARTITIONS=" + cap);
        } else {
            assertThat(run.stderr()).doesNotContain(message);
        }
        assertThat(run.stdout()).isEqualTo(refs(sizes.split(",").length) + "\n");
    }

    @Test
    void aSmallerRunRemovesTheManifestsOfALargerOneAndNothingElse() throws IOException {
        Path directory = Files.createDirectories(recipeDir.resolve("partition-manifests/staged-tiles"));
        for (int i = 0; i < 4; i++) {
            Files.writeString(directory.resolve("partition-" + i + ".json"), "[\"old\"]");
        }
        Files.writeString(directory.resolve("notes.json"), "{}");
        env.put("FAKE_PDG_TILES", json("{'staged': ['staged/13/0/0.gpkg']}"));

        Run run = run(VizStep.DISCOVER_STAGED_TILES);

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("partition-0.json",
                    "notes.json");
        }
        assertThat(directory.resolve("partition-0.json")).hasContent("[\"staged/13/0/0.gpkg\"]");
    }

    @Test
    void nothingDiscoveredMeansNoPartitions() throws IOException {
        Run run = run(VizStep.DISCOVER_ALL_GEOTIFFS);

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).isEqualTo("[]\n");
        assertThat(manifests("geotiffs")).isEmpty();
    }

    static Stream<Arguments> serialConfigs() {
        List<String> staged = List.of("stage [\"/pvc/a.gpkg\"]", "stage [\"/pvc/b.gpkg\"]");
        return Stream.of(
                arguments("{}", concat(staged, "run_rasterization []", "run_3d_tiling []",
                        "generate_wmts_capabilities []")),
                arguments("{'enable_raster': false, 'enable_3dtiles': false}",
                        concat(staged, "generate_wmts_capabilities []")),
                arguments("{'enable_3dtiles': 'false', 'fake_generate_wmts': false}",
                        concat(staged, "run_rasterization []")),
                arguments("{'enable_stager': false, 'enable_raster': false, 'enable_web_tiles': false}",
                        List.of("run_3d_tiling []")),
                arguments("{'enable_stager': false, 'enable_raster': false, 'enable_3dtiles': false}",
                        List.of("generate_wmts_capabilities []")));
    }

    @ParameterizedTest(name = "config {0}")
    @MethodSource("serialConfigs")
    void runVizSerialFollowsTheConfigsEnableFlags(String config, List<String> actions) {
        config(config);
        env.put("INPUT_MANIFEST", json("['/pvc/a.gpkg', '/pvc/b.gpkg']"));
        env.put("FAKE_PDG_NOISE", "1");

        Run run = run(VizStep.RUN_VIZ_SERIAL);

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.actions()).containsExactlyElementsOf(actions);
        assertThat(run.stdout()).isEmpty();
    }

    @Test
    void runVizSerialReadsItsManifestPathAndDownloadsDataOneObjectsUnderTheirFileNames() throws IOException {
        config("{'enable_raster': false, 'enable_3dtiles': false, 'fake_generate_wmts': false}");
        serve(Map.of("/cn/v2/resolve/urn%3Auuid%3A42", "basins"));
        env.put("INPUT_MANIFEST", json("['/not/this.gpkg']"));
        env.put("INPUT_MANIFEST_PATH", file("files.json",
                "[{'url': 'BASE/cn/v2/resolve/urn%3Auuid%3A42', 'filename': 'ice_basins.gpkg'}]").toString());

        Run run = run(VizStep.RUN_VIZ_SERIAL);

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.actions()).containsExactly("stage [\"input/ice_basins.gpkg\"]");
        assertThat(recipeDir.resolve("input/ice_basins.gpkg")).hasContent("basins");
    }

    static Stream<Arguments> unusableParameters() {
        return Stream.of(
                arguments(VizStep.STAGE_FILES, Map.of("RECIPE_ID", ""), "FAILED RECIPE_ID is not set"),
                arguments(VizStep.STAGE_FILES, Map.of("RECIPE_ID", "no-such-recipe"), "FAILED reading viz config "),
                arguments(VizStep.CREATE_3DTILES, Map.of("RECIPE_ID", "../viz-recipe"),
                        "FAILED RECIPE_ID must be a single directory name"),
                arguments(VizStep.DISCOVER_STAGED_TILES, Map.of("PARTITION_SIZE", "0"),
                        "FAILED PARTITION_SIZE must be a whole number >= 1, got '0'"),
                arguments(VizStep.DISCOVER_ALL_GEOTIFFS, Map.of("MAX_PARTITIONS", "many"),
                        "FAILED MAX_PARTITIONS must be a whole number >= 1, got 'many'"),
                arguments(VizStep.DISCOVER_PARENT_TILES, Map.of(), "FAILED Z_LEVEL is not set"),
                arguments(VizStep.RASTERIZE_MAX_Z, Map.of("MANIFEST", "[\"a\","), "FAILED MANIFEST is not JSON"),
                arguments(VizStep.CREATE_WEB_TILES, Map.of("MANIFEST", "{\"a\": 1}"),
                        "FAILED manifest MANIFEST is not a JSON array"),
                arguments(VizStep.CREATE_COMPOSITE_Z, Map.of("MANIFEST", "[{\"z\": 1}]"),
                        "FAILED manifest item is neither a path nor a {z, path} object"),
                arguments(VizStep.RUN_VIZ_SERIAL, Map.of("INPUT_MANIFEST_PATH", "/nonexistent/files.json"),
                        "FAILED reading manifest /nonexistent/files.json"));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("unusableParameters")
    void unusableParametersFailTheStep(VizStep step, Map<String, String> more, String message) {
        env.putAll(more);

        Run run = run(step);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains(message);
        assertThat(run.stdout()).isEmpty();
    }

    /** One recorded pdgworkflow call. */
    record Call(String method, JsonNode args, JsonNode kwargs, String cwd) {

        /** {@code method [args]}, with {@code {kwargs}} when there are any non-null ones. */
        String action() {
            boolean keywords = kwargs.properties().stream().anyMatch(entry -> !entry.getValue().isNull());
            return method + " " + args + (keywords ? " " + kwargs : "");
        }
    }

    /** A script's end and the calls it made. */
    record Run(int exitCode, String stdout, String stderr, List<Call> calls) {

        /** The calls other than the constructor, as {@link Call#action()}. */
        List<String> actions() {
            return calls.stream().filter(call -> !call.method().equals("WorkflowManager")).map(Call::action).toList();
        }
    }

    private Run run(VizStep step) {
        try {
            Path script = Files.writeString(temp.resolve("script.py"), PodScripts.vizSource(step));
            Path log = temp.resolve("calls.jsonl");
            Files.deleteIfExists(log);
            ScriptProcess.Result result =
                    ScriptProcess.run(List.of("python3", script.toString()), temp, VARIABLES, env);
            List<Call> calls = new ArrayList<>();
            if (Files.exists(log)) {
                for (String line : Files.readAllLines(log)) {
                    JsonNode node = JSON.readTree(line);
                    calls.add(new Call(node.get("method").asText(), node.get("args"), node.get("kwargs"),
                            node.get("cwd").asText()));
                }
            }
            return new Run(result.exitCode(), result.stdout(), result.stderr(), calls);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void config(String config) {
        try {
            Files.writeString(recipeDir.resolve("config.json"), json(config));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<JsonNode> manifests(String subdir) throws IOException {
        Path directory = recipeDir.resolve("partition-manifests").resolve(subdir);
        List<JsonNode> manifests = new ArrayList<>();
        for (int i = 0; Files.exists(directory.resolve("partition-" + i + ".json")); i++) {
            manifests.add(JSON.readTree(directory.resolve("partition-" + i + ".json").toFile()));
        }
        return manifests;
    }

    private Path file(String name, String jsonWithSingleQuotes) throws IOException {
        return Files.writeString(temp.resolve(name), json(jsonWithSingleQuotes));
    }

    /** JSON written with single quotes, and {@code BASE} standing for the test server's URL. */
    private String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"').replace("BASE", server == null ? "BASE" : base());
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void serve(Map<String, String> files) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = files.get(exchange.getRequestURI().getRawPath());
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    private static String refs(int partitions) {
        List<String> refs = new ArrayList<>();
        for (int i = 0; i < partitions; i++) {
            refs.add("{\"partition_id\": " + i + "}");
        }
        return "[" + String.join(", ", refs) + "]";
    }

    private static JsonNode tree(String singleQuoted) {
        try {
            return JSON.readTree(singleQuoted.replace('\'', '"'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> concat(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }
}
