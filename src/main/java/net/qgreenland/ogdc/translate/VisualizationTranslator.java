package net.qgreenland.ogdc.translate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.qgreenland.ogdc.argo.model.DagTask;
import net.qgreenland.ogdc.argo.model.Parameter;
import net.qgreenland.ogdc.argo.model.Template;
import net.qgreenland.ogdc.argo.model.Workflow;
import net.qgreenland.ogdc.recipe.Recipe;
import net.qgreenland.ogdc.recipe.RecipeInput;
import net.qgreenland.ogdc.recipe.RecipeWorkflow;
import net.qgreenland.ogdc.recipe.VizConfig;

/**
 * Visualization recipes as a DAG (spec §6): config setup, then either one serial pdgworkflow pod or the parallel
 * pipeline of staging, rasterization, 3D tiles, composite parents one zoom level at a time and web tiles, each a
 * {@link FanOutStage} over partitions listed by the step before.
 */
final class VisualizationTranslator {

    static final String SUFFIX = "visualization";
    static final String DESCRIPTION = "Parallel Viz Workflow (stage→rasterise→composite→web-tile→3d-tile)";
    private static final String SETUP_TASK = "setup-config";
    private static final String LIST_PVC = "list-pvc-files";

    private final TranslationSettings settings;
    private final WorkflowEnvelope envelope;
    private final InClusterTasks tasks;
    private final VizTemplates templates;

    VisualizationTranslator(TranslationSettings settings, WorkflowEnvelope envelope, InClusterTasks tasks) {
        this.settings = settings;
        this.envelope = envelope;
        this.tasks = tasks;
        this.templates = new VizTemplates(settings, envelope);
    }

    Workflow translate(Recipe recipe, RecipeWorkflow.Visualization viz) {
        Graph graph = new Graph();
        graph.add(templates.setupConfig(recipe, viz), Dependencies.task(SETUP_TASK, VizTemplates.SETUP_TEMPLATE,
                List.of()));
        if (viz.parallel().enabled()) {
            parallel(recipe, viz, graph);
        } else {
            serial(recipe, graph);
        }
        Optional<Integer> parallelism = viz.parallel().enabled()
                ? Optional.of(viz.parallel().maxParallelism().orElse(settings.maxParallelism()))
                : Optional.empty();
        return envelope.wrap(recipe, SUFFIX, true, "main", graph.templatesWithMain(), envelope.volumes(recipe),
                parallelism, Map.of("workflows.argoproj.io/archive-strategy", "false"),
                Map.of("workflows.argoproj.io/description", DESCRIPTION));
    }

    /** {@code run-viz-serial} after the setup, reading the URLs inline, or a list written in the cluster. */
    private void serial(Recipe recipe, Graph graph) {
        String id = recipe.id().value();
        Parameter recipeId = Parameter.of(FanOutStage.RECIPE_ID, id);
        Template serial = templates.serial(recipe);
        if (InClusterTasks.hasPvc(recipe)) {
            Template list = tasks.listPvcFiles(recipe, settings.viz().defaultPartitionSize());
            graph.add(list, Dependencies.task(LIST_PVC, LIST_PVC, List.of(SETUP_TASK), recipeId));
            graph.add(serial, Dependencies.task(serial.name(), serial.name(), List.of(LIST_PVC), recipeId,
                    Parameter.of("input-manifest-path",
                            "{{tasks." + LIST_PVC + ".outputs.parameters.files-manifest-path}}")));
        } else if (InClusterTasks.hasDataOne(recipe)) {
            Template resolve = tasks.writePartitionManifests("resolve-inputs", recipe,
                    List.of("--inputs", InClusterTasks.inputsJson(recipe, recipe.inputs())), "serial-inputs",
                    settings.viz().defaultPartitionSize());
            graph.add(resolve, Dependencies.task(resolve.name(), resolve.name(), List.of(SETUP_TASK)));
            graph.add(serial, Dependencies.task(serial.name(), serial.name(), List.of(resolve.name()), recipeId,
                    Parameter.of("input-manifest-path",
                            WorkflowPaths.manifestDirectory(id, "serial-inputs") + "/all-files.json")));
        } else {
            List<String> urls = recipe.inputs().stream()
                    .map(input -> ((RecipeInput.Url) input).url()).toList();
            graph.add(serial, Dependencies.task(serial.name(), serial.name(), List.of(SETUP_TASK), recipeId,
                    Parameter.of("input-manifest", InClusterTasks.jsonArray(urls))));
        }
    }

    /** Files per partition of a parallel visualization recipe: its own, else the settings' default. */
    int partitionSize(RecipeWorkflow.Visualization viz) {
        return viz.parallel().partitionSize().orElse(settings.viz().defaultPartitionSize());
    }

    /** The parallel pipeline of spec §6.3, with its two graph bugs fixed (see the README's decisions). */
    private void parallel(Recipe recipe, RecipeWorkflow.Visualization viz, Graph graph) {
        String id = recipe.id().value();
        VizConfig config = viz.config();
        int partitionSize = partitionSize(viz);
        boolean pvc = InClusterTasks.hasPvc(recipe);
        List<String> after = List.of(SETUP_TASK);
        Optional<PartitionSource> listing = Optional.empty();

        if (config.stager()) {
            PartitionSource inputs;
            if (pvc) {
                inputs = listPvcFiles(recipe, partitionSize, graph);
            } else {
                Template write = tasks.writePartitionManifests("write-stage-partition-manifests", recipe,
                        List.of("--inputs", InClusterTasks.inputsJson(recipe, recipe.inputs())), "stage-files",
                        partitionSize);
                graph.add(write, Dependencies.task(write.name(), write.name(), after));
                inputs = PartitionSource.outputParameter(write.name(), "stage-files");
            }
            FanOutStage stage = templates.worker(recipe, VizStep.STAGE_FILES, "partition-manifest-path", "stage",
                    true, List.of(Parameter.of("partition-id", FanOutStage.ITEM_PARTITION_ID)));
            graph.add(stage.template(), stage.task(id, inputs, List.of(inputs.taskName())));
            after = List.of(stage.template().name());
        } else if (pvc) {
            listing = Optional.of(listPvcFiles(recipe, partitionSize, graph));
        }

        Optional<PartitionSource> stagedTiles = listing;
        if (listing.isEmpty() && (config.raster() || config.tiles3d())) {
            stagedTiles = Optional.of(discover(recipe, VizStep.DISCOVER_STAGED_TILES, "discover-staged-tiles",
                    "staged-tiles", Optional.empty(), partitionSize, after, graph));
        }

        Optional<String> rasterized = Optional.empty();
        if (config.raster() && stagedTiles.isPresent()) {
            rasterized = Optional.of(fanOut(recipe, VizStep.RASTERIZE_MAX_Z, "staged-tiles-manifest-path", "raster",
                    true, stagedTiles.get(), graph));
        }
        if (config.tiles3d() && stagedTiles.isPresent()) {
            fanOut(recipe, VizStep.CREATE_3DTILES, "staged-tiles-manifest-path", "threedtile", true,
                    stagedTiles.get(), graph);
        }

        // Parents are composited from this run's max-z GeoTIFFs, so without rasterization there is nothing to
        // composite: the Python runner still built 2 × z-levels pods that found nothing (spec §10 bug 10).
        Optional<String> last = rasterized;
        if (config.rasterParents() && rasterized.isPresent()) {
            for (int z = config.maxZoom() - 1; z >= config.minZoom(); z--) {
                PartitionSource parents = discover(recipe, VizStep.DISCOVER_PARENT_TILES, "discover-parents-z-" + z,
                        "parent-tiles-z-" + z, Optional.of(z), partitionSize, List.of(last.get()), graph);
                FanOutStage composite = templates.worker(recipe, VizStep.CREATE_COMPOSITE_Z,
                        "parent-tiles-manifest-path", "raster", false, List.of());
                DagTask task = composite.task("create-composites-z-" + z, id, parents, List.of(parents.taskName()));
                graph.add(composite.template(), task);
                last = Optional.of(task.name());
            }
        }

        if (config.webTiles()) {
            PartitionSource geotiffs;
            if (listing.isPresent() && last.isEmpty()) {
                // The listing's files are the GeoTIFFs; the task must wait for the listing (spec §10 bug 5).
                geotiffs = listing.get();
            } else {
                geotiffs = discover(recipe, VizStep.DISCOVER_ALL_GEOTIFFS, "discover-all-geotiffs", "geotiffs",
                        Optional.empty(), partitionSize, last.map(List::of).orElse(after), graph);
            }
            fanOut(recipe, VizStep.CREATE_WEB_TILES, "geotiff-manifest-path", "stage", true, geotiffs, graph);
        }
    }

    private PartitionSource listPvcFiles(Recipe recipe, int partitionSize, Graph graph) {
        Template list = tasks.listPvcFiles(recipe, partitionSize);
        graph.add(list, Dependencies.task(LIST_PVC, LIST_PVC, List.of(SETUP_TASK),
                Parameter.of(FanOutStage.RECIPE_ID, recipe.id().value())));
        return PartitionSource.outputParameter(LIST_PVC, "pvc-inputs");
    }

    private PartitionSource discover(Recipe recipe, VizStep step, String taskName, String subdirectory,
            Optional<Integer> zLevel, int partitionSize, List<String> after, Graph graph) {
        Template template = switch (step) {
            case DISCOVER_STAGED_TILES -> templates.discovery(recipe, step, "staged-tiles-manifest",
                    "/tmp/staged_tiles_manifest.json", false);
            case DISCOVER_PARENT_TILES -> templates.discovery(recipe, step, "parent-tiles-manifest",
                    "/tmp/parent_tiles_manifest.json", true);
            default -> templates.discovery(recipe, step, "geotiff-manifest", "/tmp/geotiffs_manifest.json", false);
        };
        List<Parameter> arguments = new ArrayList<>(List.of(Parameter.of(FanOutStage.RECIPE_ID, recipe.id().value())));
        zLevel.ifPresent(z -> arguments.add(Parameter.of("z-level", String.valueOf(z))));
        arguments.add(Parameter.of("partition-size", String.valueOf(partitionSize)));
        graph.add(template, Dependencies.task(taskName, template.name(), after, arguments.toArray(Parameter[]::new)));
        return PartitionSource.outputResult(taskName, subdirectory);
    }

    private String fanOut(Recipe recipe, VizStep step, String manifestParameter, String profile,
            boolean readsInputFiles, PartitionSource source, Graph graph) {
        FanOutStage stage = templates.worker(recipe, step, manifestParameter, profile, readsInputFiles, List.of());
        DagTask task = stage.task(recipe.id().value(), source, List.of(source.taskName()));
        graph.add(stage.template(), task);
        return task.name();
    }

    /** The DAG being built: tasks in order, and each template once (composite levels share theirs). */
    private static final class Graph {
        private final Map<String, Template> templates = new LinkedHashMap<>();
        private final List<DagTask> tasks = new ArrayList<>();

        void add(Template template, DagTask task) {
            templates.putIfAbsent(template.name(), template);
            tasks.add(task);
        }

        List<Template> templatesWithMain() {
            List<Template> all = new ArrayList<>(templates.values());
            all.add(Template.dag("main", tasks));
            return all;
        }
    }
}
