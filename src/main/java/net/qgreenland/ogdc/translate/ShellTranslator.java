package net.qgreenland.ogdc.translate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.qgreenland.ogdc.argo.model.Arguments;
import net.qgreenland.ogdc.argo.model.Artifact;
import net.qgreenland.ogdc.argo.model.Container;
import net.qgreenland.ogdc.argo.model.DagTask;
import net.qgreenland.ogdc.argo.model.Parameter;
import net.qgreenland.ogdc.argo.model.Step;
import net.qgreenland.ogdc.argo.model.Template;
import net.qgreenland.ogdc.argo.model.VolumeMount;
import net.qgreenland.ogdc.argo.model.Workflow;
import net.qgreenland.ogdc.recipe.Recipe;
import net.qgreenland.ogdc.recipe.RecipeOutput;
import net.qgreenland.ogdc.recipe.RecipeWorkflow;
import net.qgreenland.ogdc.recipe.ShellCommand;

/**
 * Shell recipes as workflows (spec §5): a Steps template passing {@code /input_dir/} → {@code /output_dir/}
 * artifacts from command to command, or, when parallel, a DAG of fan-out stages over partitions of the input files
 * on the workflow PVC. Both end with a publish step for the recipe's output.
 */
final class ShellTranslator {

    static final String SUFFIX = "shell";
    static final String PUBLISH_TEMPLATE = "publish-data-";
    static final String PUBLISH_TASK = "publish-data";
    /** Files per partition when the recipe gives none: URL/DataONE and PVC inputs, as the Python runner had them. */
    static final int DEFAULT_URL_PARTITION_SIZE = 1000;
    static final int DEFAULT_PVC_PARTITION_SIZE = 1;

    private static final String INPUT_DIR = "/input_dir/";
    private static final String OUTPUT_DIR = "/output_dir/";

    private final TranslationSettings settings;
    private final WorkflowEnvelope envelope;
    private final InClusterTasks tasks;

    ShellTranslator(TranslationSettings settings, WorkflowEnvelope envelope, InClusterTasks tasks) {
        this.settings = settings;
        this.envelope = envelope;
        this.tasks = tasks;
    }

    Workflow translate(Recipe recipe, RecipeWorkflow.Shell shell) {
        return shell.parallel().enabled() ? parallel(recipe, shell) : sequential(recipe, shell);
    }

    private Workflow sequential(Recipe recipe, RecipeWorkflow.Shell shell) {
        List<VolumeMount> inputMounts = envelope.inputMounts(recipe);
        List<Template> templates = new ArrayList<>();
        List<List<Step>> steps = new ArrayList<>();

        String fetch = fetchTemplateName(recipe);
        templates.add(Template.container(fetch, Arguments.NONE, outputDirectory(),
                tasks.fetch(recipe, OUTPUT_DIR, Optional.empty(), inputMounts)));
        steps.add(List.of(Step.of(fetch, fetch, Arguments.NONE)));

        String previous = fetch;
        for (int i = 0; i < shell.commands().size(); i++) {
            String template = "run-cmd-" + i;
            templates.add(Template.container(template, inputDirectory(), outputDirectory(),
                    recipeContainer(List.of("mkdir -p " + OUTPUT_DIR + " && " + shell.commands().get(i).text()),
                            inputMounts)));
            steps.add(List.of(Step.of("step-" + i, template, fromStep(previous))));
            previous = "step-" + i;
        }

        templates.add(sequentialPublish(recipe));
        steps.add(List.of(Step.of(PUBLISH_TASK, PUBLISH_TEMPLATE, fromStep(previous))));
        templates.add(Template.steps("main", steps));
        return envelope.wrap(recipe, SUFFIX, true, "main", templates, envelope.volumes(recipe), Optional.empty(),
                Map.of(), Map.of());
    }

    /** Files per partition of a parallel shell recipe: its own, else one per PVC file or 1000 downloads. */
    static int partitionSize(Recipe recipe, RecipeWorkflow.Shell shell) {
        return shell.parallel().partitionSize()
                .orElse(InClusterTasks.hasPvc(recipe) ? DEFAULT_PVC_PARTITION_SIZE : DEFAULT_URL_PARTITION_SIZE);
    }

    private Workflow parallel(Recipe recipe, RecipeWorkflow.Shell shell) {
        String id = recipe.id().value();
        List<Template> templates = new ArrayList<>();
        List<DagTask> dag = new ArrayList<>();
        PartitionSource source;
        if (InClusterTasks.hasPvc(recipe)) {
            Template list = tasks.listPvcFiles(recipe, partitionSize(recipe, shell));
            templates.add(list);
            dag.add(Dependencies.task(list.name(), list.name(), List.of(), Parameter.of(FanOutStage.RECIPE_ID, id)));
            source = PartitionSource.outputParameter(list.name(), "pvc-inputs");
        } else {
            String fetched = WorkflowPaths.manifestDirectory(id, "shell-inputs") + "/fetched-files.json";
            String fetch = fetchTemplateName(recipe);
            templates.add(Template.container(fetch, Arguments.NONE, Arguments.NONE,
                    tasks.fetch(recipe, WorkflowPaths.recipeDirectory(id) + "/inputs", Optional.of(fetched),
                            List.of(WorkflowEnvelope.workflowMount()))));
            dag.add(Dependencies.task("fetch", fetch, List.of()));
            Template write = tasks.writePartitionManifests("write-partition-manifests", recipe,
                    List.of("--files-from", fetched), "shell-inputs", partitionSize(recipe, shell));
            templates.add(write);
            dag.add(Dependencies.task(write.name(), write.name(), List.of("fetch")));
            source = PartitionSource.outputParameter(write.name(), "shell-inputs");
        }

        String previous = source.taskName();
        for (int i = 0; i < shell.commands().size(); i++) {
            FanOutStage stage = commandStage(recipe, i, shell.commands().get(i));
            templates.add(stage.template());
            DagTask task = stage.task(id, source, List.of(previous));
            dag.add(task);
            previous = task.name();
        }

        templates.add(parallelPublish(recipe, shell.commands().size() - 1, source.manifestSubdirectory()));
        dag.add(Dependencies.task(PUBLISH_TASK, PUBLISH_TEMPLATE, List.of(previous)));
        templates.add(Template.dag("main", dag));
        int parallelism = shell.parallel().maxParallelism().orElse(settings.maxParallelism());
        return envelope.wrap(recipe, SUFFIX, true, "main", templates, envelope.volumes(recipe),
                Optional.of(parallelism), Map.of(), Map.of());
    }

    /**
     * {@code cmd-<i>}: the recipe image runs the per-file wrapper with the command as {@code $1}, never pasted
     * into the script, for every file of one partition (stage 0) or of the previous stage's output directory.
     */
    private FanOutStage commandStage(Recipe recipe, int index, ShellCommand command) {
        Container container = new Container(settings.recipeImage(), Optional.of(settings.imagePullPolicy()),
                List.of("sh", "-c"), List.of(PodScripts.partitionCommand(), "ogdc-partition", command.text()),
                Optional.empty(),
                List.of(TemplateInputs.fromInput("RECIPE_ID", FanOutStage.RECIPE_ID),
                        TemplateInputs.fromInput("PARTITION_ID", "partition-id"),
                        TemplateInputs.fromInput("CMD_INDEX", "cmd-index"),
                        TemplateInputs.fromInput("PARTITION_MANIFEST_PATH", "partition-manifest-path")),
                Optional.empty(), envelope.workflowAndInputMounts(recipe));
        Arguments inputs = Arguments.parameters(TemplateInputs.input("partition-manifest-path"),
                TemplateInputs.input(FanOutStage.RECIPE_ID), TemplateInputs.input("partition-id"),
                TemplateInputs.input("cmd-index"));
        Template template = Template.container("cmd-" + index, inputs, Arguments.NONE,
                container);
        return new FanOutStage(template, "partition-manifest-path", true, List.of(
                Parameter.of("partition-id", FanOutStage.ITEM_PARTITION_ID),
                Parameter.of("cmd-index", String.valueOf(index))));
    }

    /** Sequential publish (spec §5.2): rsync into {@code <id>/} on the workflow PVC, or a temporary zip. */
    private Template sequentialPublish(Recipe recipe) {
        String id = recipe.id().value();
        List<VolumeMount> mounts = new ArrayList<>(envelope.inputMounts(recipe));
        if (recipe.output() instanceof RecipeOutput.Temporary) {
            return Template.container(PUBLISH_TEMPLATE, inputDirectory(), publishedZip(id), recipeContainer(
                    List.of("mkdir -p " + OUTPUT_DIR + " && cd " + INPUT_DIR + " && zip -r " + OUTPUT_DIR + id
                            + ".zip ."),
                    mounts));
        }
        mounts.add(0, new VolumeMount(WorkflowEnvelope.WORKFLOW_VOLUME, OUTPUT_DIR, Optional.of(id),
                Optional.empty()));
        return Template.container(PUBLISH_TEMPLATE, inputDirectory(), Arguments.NONE,
                recipeContainer(List.of("rsync -rtL --progress " + INPUT_DIR + " " + OUTPUT_DIR), mounts));
    }

    /**
     * Parallel publish (missing in the Python runner): the last command's outputs of every current partition
     * (those with a manifest, so stale directories of an older run are left out) are copied into {@code <id>/},
     * or zipped for temporary output, exactly where the sequential path puts them.
     */
    private Template parallelPublish(Recipe recipe, int lastCommand, String manifestSubdirectory) {
        String id = recipe.id().value();
        String eachPartition = "cd " + WorkflowPaths.recipeDirectory(id)
                + " && for m in partition-manifests/" + manifestSubdirectory + "/partition-*.json; do"
                + " p=${m##*/partition-}; p=${p%.json}; d=cmd-" + lastCommand + "-partition-$p;"
                + " [ -d \"$d\" ] || continue; ";
        List<VolumeMount> mounts = envelope.workflowAndInputMounts(recipe);
        if (recipe.output() instanceof RecipeOutput.Temporary) {
            String zip = OUTPUT_DIR + id + ".zip";
            String script = "set -eu; mkdir -p " + OUTPUT_DIR + " && rm -f " + zip + " && " + eachPartition
                    + "(cd \"$d\" && zip -r " + zip + " .) || [ $? -eq 12 ]; done;"
                    + " [ -f " + zip + " ] || { echo 'no output files to publish' >&2; exit 1; }";
            return Template.container(PUBLISH_TEMPLATE, Arguments.NONE, publishedZip(id),
                    recipeContainer(List.of(script), mounts));
        }
        String script = "set -eu; " + eachPartition + "rsync -rtL --progress \"$d/\" ./; done";
        return Template.container(PUBLISH_TEMPLATE, Arguments.NONE,
                Arguments.NONE, recipeContainer(List.of(script), mounts));
    }

    /** {@code <id>-fetch-template-}: the spec's name, which operators know from the Argo UI. */
    static String fetchTemplateName(Recipe recipe) {
        return recipe.id().value() + "-fetch-template-";
    }

    private Container recipeContainer(List<String> args, List<VolumeMount> mounts) {
        return envelope.shellContainer(settings.recipeImage(), args, mounts);
    }

    private static Arguments fromStep(String step) {
        return new Arguments(List.of(), List.of(new Artifact("input-dir", Optional.empty(),
                Optional.of("{{steps." + step + ".outputs.artifacts.output-dir}}"), Optional.empty())));
    }

    private static Arguments inputDirectory() {
        return new Arguments(List.of(), List.of(artifact("input-dir", INPUT_DIR)));
    }

    private static Arguments outputDirectory() {
        return new Arguments(List.of(), List.of(artifact("output-dir", OUTPUT_DIR)));
    }

    private static Arguments publishedZip(String id) {
        return new Arguments(List.of(), List.of(new Artifact("published_zip", Optional.of(OUTPUT_DIR + id + ".zip"),
                Optional.empty(), Optional.of(Map.of("none", Map.of())))));
    }

    private static Artifact artifact(String name, String path) {
        return new Artifact(name, Optional.of(path), Optional.empty(), Optional.empty());
    }
}
