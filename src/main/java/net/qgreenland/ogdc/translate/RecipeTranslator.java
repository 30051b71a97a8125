package net.qgreenland.ogdc.translate;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import net.qgreenland.ogdc.argo.model.Workflow;
import net.qgreenland.ogdc.recipe.Recipe;
import net.qgreenland.ogdc.recipe.RecipeInput;
import net.qgreenland.ogdc.recipe.RecipeOutput;
import net.qgreenland.ogdc.recipe.RecipeWorkflow;
import net.qgreenland.ogdc.recipe.VizConfig;

/** Turns a valid recipe into the workflows that run it (spec §4–§6): helpers first, then the main workflow. */
public final class RecipeTranslator {

    private final HelperWorkflows helpers;
    private final ShellTranslator shell;
    private final VisualizationTranslator visualization;
    private final int maxPartitions;

    public RecipeTranslator(TranslationSettings settings) {
        WorkflowEnvelope envelope = new WorkflowEnvelope(settings);
        InClusterTasks tasks = new InClusterTasks(settings, envelope);
        this.helpers = new HelperWorkflows(settings);
        this.shell = new ShellTranslator(settings, envelope, tasks);
        this.visualization = new VisualizationTranslator(settings, envelope, tasks);
        this.maxPartitions = settings.maxPartitions();
    }

    /**
     * The workflows for {@code recipe}.
     *
     * @param overwrite run {@code remove-existing-data} first (except for temporary output, which has nothing on
     *     the PVC to remove) instead of checking whether the results are already published
     * @throws TranslationException if the settings lack something the recipe needs (a DataONE node URL)
     */
    public RecipeWorkflows translate(Recipe recipe, boolean overwrite) {
        Workflow main = recipe.workflow() instanceof RecipeWorkflow.Visualization viz
                ? visualization.translate(recipe, viz)
                : shell.translate(recipe, (RecipeWorkflow.Shell) recipe.workflow());
        List<Workflow> before = new ArrayList<>();
        boolean temporary = recipe.output() instanceof RecipeOutput.Temporary;
        if (overwrite && !temporary) {
            before.add(helpers.removeExistingData(recipe));
        } else if (!overwrite && !temporary) {
            before.add(helpers.checkPublished(recipe));
        }
        return new RecipeWorkflows(before, main, notes(recipe, overwrite));
    }

    /** A few lines on what submitting {@code workflows}, translated from {@code recipe}, means (for a plan). */
    public WorkflowOutline outline(Recipe recipe, RecipeWorkflows workflows) {
        return WorkflowOutline.of(recipe, workflows, OptionalInt.of(partitionSize(recipe)));
    }

    /**
     * The pods of {@code workflows}' main workflow, translated from {@code recipe}, stage by stage (for an
     * estimate).
     */
    public PodStages podStages(Recipe recipe, RecipeWorkflows workflows) {
        return PodStages.of(workflows.main(), ShellTranslator.fetchTemplateName(recipe), partitionSize(recipe),
                maxPartitions);
    }

    /** Files per partition of the recipe's fan-out stages: its own, else the default of its kind and inputs. */
    private int partitionSize(Recipe recipe) {
        return recipe.workflow() instanceof RecipeWorkflow.Visualization viz
                ? visualization.partitionSize(viz)
                : ShellTranslator.partitionSize(recipe, (RecipeWorkflow.Shell) recipe.workflow());
    }

    /** What the user should know about how this recipe was translated. */
    static List<String> notes(Recipe recipe, boolean overwrite) {
        List<String> notes = new ArrayList<>();
        if (recipe.output() instanceof RecipeOutput.DataOne) {
            notes.add("output type 'dataone' cannot be uploaded to DataONE yet; the results are published to the"
                    + " workflow PVC under /" + recipe.id().value() + "/ as for output type 'pvc'");
        }
        if (recipe.output() instanceof RecipeOutput.Temporary) {
            notes.add(overwrite
                    ? "--overwrite has nothing to remove for temporary output (it lives in the artifact store)"
                    : "temporary output is never checked for earlier results: it is produced again");
        }
        if (recipe.workflow() instanceof RecipeWorkflow.Visualization viz) {
            VizConfig config = viz.config();
            boolean downloads = recipe.inputs().stream().anyMatch(i -> !(i instanceof RecipeInput.PvcMount));
            if (viz.parallel().enabled() && !config.stager() && downloads) {
                notes.add("enable_stager is false, so the recipe's url/dataone inputs are not used: the pipeline"
                        + " starts from the staged tiles already on the workflow PVC");
            }
            if (viz.parallel().enabled() && config.rasterParents() && !config.raster()) {
                notes.add("enable_raster_parents has no effect while enable_raster is false: composite levels are"
                        + " made from this run's max-zoom GeoTIFFs, so none are built");
            }
            if (recipe.output() instanceof RecipeOutput.Temporary) {
                notes.add("visualization workflows leave their tiles on the workflow PVC; output type 'temporary'"
                        + " only keeps the finished workflow for 7 days");
            }
        }
        return notes;
    }
}
