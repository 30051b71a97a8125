package net.qgreenland.ogdc.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import net.qgreenland.ogdc.argo.model.ArgoDocuments;
import net.qgreenland.ogdc.argo.model.Workflow;
import net.qgreenland.ogdc.recipe.ParallelConfig;
import net.qgreenland.ogdc.recipe.Recipe;
import net.qgreenland.ogdc.recipe.RecipeId;
import net.qgreenland.ogdc.recipe.RecipeInput;
import net.qgreenland.ogdc.recipe.RecipeOutput;
import net.qgreenland.ogdc.recipe.RecipeWorkflow;
import net.qgreenland.ogdc.recipe.ShellCommand;
import net.qgreenland.ogdc.translate.RecipeTranslator;
import net.qgreenland.ogdc.translate.TranslationSettings;

/**
 * How the submitted workflow's size grows with the data: a parallel shell recipe over 10, 10,000 and 1,000,000
 * synthetic PVC files and DataONE objects, and over 10, 100 and 1,000 URLs. Each row renders the workflow with
 * {@link RecipeTranslator} and measures its YAML in bytes; the baseline in the same run is the size the Python runner's
 * spec would have for the same inputs, computed from its rules (spec §5.3, §10: one {@code wget} per URL or object in
 * the fetch arguments, plus the base64 JSON of every file in the manifest writer's arguments). The last column is the
 * {@code withParam} list at run time (partition ids only, with the 10,000-partition cap). Not a test; run:
 *
 * <pre>java -cp target/ogdc-action.jar:target/test-classes net.qgreenland.ogdc.bench.RenderSizeBenchmark</pre>
 */
public final class RenderSizeBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NODE = "https://arcticdata.io/metacat/d1/mn";
    private static final int PARTITION_SIZE = 100;

    public static void main(String[] args) throws Exception {
        System.out.print(measure());
    }

    /** The table, with its header line. */
    static String measure() throws Exception {
        TranslationSettings settings = TranslationSettings.fromEnvironment(Map.of("DATAONE_NODE_URL", NODE), "bench");
        RecipeTranslator translator = new RecipeTranslator(settings);
        StringBuilder table = new StringBuilder("| inputs | count | ogdc-action spec bytes | Python runner spec bytes "
                + "(computed) | withParam bytes at run time |\n|---|---:|---:|---:|---:|\n");
        for (int count : new int[] {10, 10_000, 1_000_000}) {
            Recipe pvc = recipe(List.of(new RecipeInput.PvcMount("arctic-dem-pvc", "/tiles", "**/*.tif")));
            List<String> files = synthetic(count, i -> "/mnt/data/arctic-dem-pvc/tiles/" + (i % 1000) + "/tile_" + i
                    + ".tif");
            // The Python runner also listed PVC files in the cluster, so its spec did not grow either.
            long size = bytes(translator.translate(pvc, false).main());
            table.append(row("PVC files", count, size, size, withParamBytes(files.size(), settings.maxPartitions())));
        }
        for (int count : new int[] {10, 10_000, 1_000_000}) {
            Recipe dataone = recipe(List.of(new RecipeInput.DataOne("resource_map_doi:10.18739/A2NS0M06B",
                    Optional.of("*.tif"))));
            List<String> urls = synthetic(count, i -> NODE + "/v2/object/urn%3Auuid%3A" + UUID.nameUUIDFromBytes(
                    ("object-" + i).getBytes(StandardCharsets.UTF_8)));
            Workflow workflow = translator.translate(dataone, false).main();
            table.append(row("DataONE objects", count, bytes(workflow), pythonSpec(workflow, urls),
                    withParamBytes(urls.size(), settings.maxPartitions())));
        }
        for (int count : new int[] {10, 100, 1_000}) {
            List<String> urls = synthetic(count, i -> "https://data.example.org/arctic/v2/granule_" + i + ".gpkg");
            Recipe recipe = recipe(urls.stream().<RecipeInput>map(RecipeInput.Url::new).toList());
            Workflow workflow = translator.translate(recipe, false).main();
            table.append(row("URLs in meta.yml", count, bytes(workflow), pythonSpec(workflow, urls),
                    withParamBytes(urls.size(), settings.maxPartitions())));
        }
        return "render size benchmark: parallel shell recipe, 1 command, partition_size " + PARTITION_SIZE
                + ", bytes of the main workflow's YAML\n\n" + table;
    }

    private static Recipe recipe(List<RecipeInput> inputs) {
        return new Recipe("recipes/bench", "Bench", RecipeId.fromName("Bench").orElseThrow(), inputs, new RecipeOutput.Pvc(),
                new RecipeWorkflow.Shell("recipe.sh", new ParallelConfig(true, ParallelConfig.FILES,
                        OptionalInt.of(PARTITION_SIZE), OptionalInt.empty()),
                        List.of(new ShellCommand(1, "gdalwarp -t_srs EPSG:3413 \"$INPUT_FILE\" \"$OUTPUT_FILE\""))));
    }

    private static long bytes(Workflow workflow) {
        return ArgoDocuments.toYaml(workflow).getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * Our size plus what the Python runner adds per file: a {@code wget} clause per URL in the fetch arguments and
     * the base64 of {@code [{"partition_id": i, "files": [...]}]} in the manifest writer's, minus the inputs JSON our
     * fetch step carries instead.
     */
    private static long pythonSpec(Workflow ours, List<String> urls) throws Exception {
        long wget = 0;
        for (String url : urls) {
            wget += (" && wget --content-disposition -P /mnt/workflow/bench/inputs/ " + url).length();
        }
        List<Map<String, Object>> partitions = new ArrayList<>();
        for (int start = 0; start < urls.size(); start += PARTITION_SIZE) {
            Map<String, Object> partition = new LinkedHashMap<>();
            partition.put("partition_id", start / PARTITION_SIZE);
            partition.put("files", urls.subList(start, Math.min(urls.size(), start + PARTITION_SIZE)));
            partitions.add(partition);
        }
        long manifest = Base64.getEncoder().encode(JSON.writeValueAsBytes(partitions)).length;
        return bytes(ours) - inputsArgumentBytes(ours) + wget + manifest;
    }

    /**
     * The bytes of our fetch step's {@code --inputs} JSON as the YAML holds it: a double-quoted scalar, escaped as a
     * JSON string is (the inputs are ASCII).
     */
    private static long inputsArgumentBytes(Workflow workflow) throws Exception {
        List<String> args = workflow.spec().templates().stream()
                .flatMap(t -> t.container().stream())
                .filter(c -> c.command().equals(List.of("ogdc-action", "task", "fetch")))
                .findFirst().orElseThrow().args();
        return JSON.writeValueAsString(args.get(args.indexOf("--inputs") + 1)).length();
    }

    /** {@code [{"partition_id":0},…]} for the partitions of {@code files}, at most {@code cap} of them. */
    private static long withParamBytes(int files, int cap) throws Exception {
        int size = Math.max(PARTITION_SIZE, (files + cap - 1) / cap);
        int partitions = (files + size - 1) / size;
        List<Map<String, Integer>> refs = new ArrayList<>();
        for (int i = 0; i < partitions; i++) {
            refs.add(Map.of("partition_id", i));
        }
        return JSON.writeValueAsBytes(refs).length;
    }

    private static List<String> synthetic(int count, java.util.function.IntFunction<String> name) {
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names.add(name.apply(i));
        }
        return names;
    }

    private static String row(String inputs, int count, long ours, long python, long withParam) {
        return String.format("| %s | %,d | %,d | %,d | %,d |%n", inputs, count, ours, python, withParam);
    }
}
