package net.qgreenland.ogdc.translate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.qgreenland.ogdc.argo.model.Arguments;
import net.qgreenland.ogdc.argo.model.Container;
import net.qgreenland.ogdc.argo.model.Parameter;
import net.qgreenland.ogdc.argo.model.Template;
import net.qgreenland.ogdc.argo.model.VolumeMount;
import net.qgreenland.ogdc.recipe.Recipe;
import net.qgreenland.ogdc.recipe.RecipeInput;

/**
 * Templates that run this program's {@code ogdc-action task <name>} subcommands in the task image: listing PVC
 * files, resolving DataONE packages, fetching inputs and writing partition manifests happen inside the cluster,
 * so the workflow spec carries each input of {@code meta.yml} once and never a file list.
 */
final class InClusterTasks {

    /** Where listing and manifest tasks write the partition list that feeds {@code withParam}. */
    static final String PARTITIONS_FILE = "/tmp/partitions.json";
    static final String FILES_MANIFEST_PATH_FILE = "/tmp/files_manifest_path.txt";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TranslationSettings settings;
    private final WorkflowEnvelope envelope;

    InClusterTasks(TranslationSettings settings, WorkflowEnvelope envelope) {
        this.settings = settings;
        this.envelope = envelope;
    }

    /**
     * {@code ogdc-action task fetch}: downloads URL inputs, resolves and downloads DataONE inputs and links PVC
     * inputs into {@code destination}, listing the local files in {@code filesOut} when given.
     */
    Container fetch(Recipe recipe, String destination, Optional<String> filesOut, List<VolumeMount> mounts) {
        List<String> args = new ArrayList<>(List.of("--inputs", inputsJson(recipe, recipe.inputs()),
                "--dest", destination));
        filesOut.ifPresent(path -> args.addAll(List.of("--files-out", path)));
        args.addAll(dataoneNode(recipe));
        return container("fetch", args, mounts);
    }

    /**
     * {@code list-pvc-files} (spec §5.4): lists the recipe's PVC inputs into retained manifests under
     * {@code pvc-inputs}; outputs {@code partitions} and {@code files-manifest-path}.
     */
    Template listPvcFiles(Recipe recipe, int partitionSize) {
        List<String> args = List.of("--inputs", inputsJson(recipe, recipe.inputs()),
                "--partition-size", String.valueOf(partitionSize),
                "--max-partitions", String.valueOf(settings.maxPartitions()),
                "--manifest-dir", WorkflowPaths.manifestDirectory(recipe.id().value(), "pvc-inputs"),
                "--partitions-out", PARTITIONS_FILE,
                "--files-manifest-path-out", FILES_MANIFEST_PATH_FILE);
        return Template.container("list-pvc-files", Arguments.parameters(TemplateInputs.input(FanOutStage.RECIPE_ID)),
                Arguments.parameters(Parameter.fromPath("partitions", PARTITIONS_FILE),
                        Parameter.fromPath("files-manifest-path", FILES_MANIFEST_PATH_FILE)),
                container("list-pvc-files", args, envelope.workflowAndInputMounts(recipe)));
    }

    /**
     * A manifest writer named {@code name}: partitions {@code entries} (either {@code --files-from <json file>}
     * or {@code --inputs <json>}) into retained manifests under {@code subdirectory}; outputs {@code partitions}.
     */
    Template writePartitionManifests(String name, Recipe recipe, List<String> entries, String subdirectory,
            int partitionSize) {
        List<String> args = new ArrayList<>(entries);
        args.addAll(List.of("--partition-size", String.valueOf(partitionSize),
                "--max-partitions", String.valueOf(settings.maxPartitions()),
                "--manifest-dir", WorkflowPaths.manifestDirectory(recipe.id().value(), subdirectory),
                "--partitions-out", PARTITIONS_FILE));
        if (entries.contains("--inputs")) {
            args.addAll(dataoneNode(recipe));
        }
        return Template.container(name, Arguments.NONE,
                Arguments.parameters(Parameter.fromPath("partitions", PARTITIONS_FILE)),
                container("write-partition-manifests", args,
                        List.of(WorkflowEnvelope.workflowMount())));
    }

    /** The {@code --inputs} value: the recipe's inputs as the task subcommands read them, in recipe order. */
    static String inputsJson(Recipe recipe, List<RecipeInput> inputs) {
        List<Map<String, String>> specs = new ArrayList<>();
        for (RecipeInput input : inputs) {
            Map<String, String> spec = new LinkedHashMap<>();
            if (input instanceof RecipeInput.Url url) {
                spec.put("type", "url");
                spec.put("url", url.url());
            } else if (input instanceof RecipeInput.DataOne dataOne) {
                spec.put("type", "dataone");
                spec.put("dataset", dataOne.datasetIdentifier());
                dataOne.filenamePattern().ifPresent(pattern -> spec.put("filename", pattern));
            } else if (input instanceof RecipeInput.PvcMount pvc) {
                spec.put("type", "pvc");
                spec.put("path", pvc.fullPath());
                spec.put("glob", pvc.glob());
            }
            specs.add(spec);
        }
        try {
            return JSON.writeValueAsString(specs);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the inputs of " + recipe.directory() + " as JSON", e);
        }
    }

    /** {@code values} as a compact JSON array of strings. */
    static String jsonArray(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a list of strings as JSON", e);
        }
    }

    static boolean hasDataOne(Recipe recipe) {
        return recipe.inputs().stream().anyMatch(RecipeInput.DataOne.class::isInstance);
    }

    static boolean hasPvc(Recipe recipe) {
        return recipe.inputs().stream().anyMatch(RecipeInput.PvcMount.class::isInstance);
    }

    private List<String> dataoneNode(Recipe recipe) {
        if (!hasDataOne(recipe)) {
            return List.of();
        }
        String node = settings.dataoneNodeUrl().orElseThrow(() -> new TranslationException(recipe.directory()
                + " has dataone inputs: set DATAONE_NODE_URL to the DataONE member node that resolves them"
                + " (e.g. https://arcticdata.io/metacat/d1/mn)"));
        return List.of("--dataone-node-url", node);
    }

    private Container container(String subcommand, List<String> args, List<VolumeMount> mounts) {
        return new Container(settings.taskImage(), Optional.of(settings.imagePullPolicy()),
                List.of("ogdc-action", "task", subcommand), args, Optional.empty(), List.of(), Optional.empty(),
                mounts);
    }
}
