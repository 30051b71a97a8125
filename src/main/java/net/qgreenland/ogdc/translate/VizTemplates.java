package net.qgreenland.ogdc.translate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import net.qgreenland.ogdc.argo.model.Arguments;
import net.qgreenland.ogdc.argo.model.Artifact;
import net.qgreenland.ogdc.argo.model.Container;
import net.qgreenland.ogdc.argo.model.Parameter;
import net.qgreenland.ogdc.argo.model.Template;
import net.qgreenland.ogdc.argo.model.VolumeMount;
import net.qgreenland.ogdc.recipe.Recipe;
import net.qgreenland.ogdc.recipe.RecipeWorkflow;
import net.qgreenland.ogdc.recipe.VizConfig;

/**
 * The visualization pipeline's templates (spec §6.1, §6.4): the config setup container, and one pdgworkflow script
 * per step with its resource profile. Scripts read their parameters from environment variables the template sets
 * from its inputs, so Argo never substitutes into Python source.
 */
final class VizTemplates {

    static final String SETUP_TEMPLATE = "stage-viz-config";

    private final TranslationSettings settings;
    private final WorkflowEnvelope envelope;

    VizTemplates(TranslationSettings settings, WorkflowEnvelope envelope) {
        this.settings = settings;
        this.envelope = envelope;
    }

    /**
     * {@code stage-viz-config}: creates {@code /mnt/workflow/<id>}, the relative {@code dir_*} of enabled stages
     * and writes the recipe's config there verbatim.
     */
    Template setupConfig(Recipe recipe, RecipeWorkflow.Visualization viz) {
        String base = WorkflowPaths.recipeDirectory(recipe.id().value());
        VizConfig config = viz.config();
        TreeSet<String> directories = new TreeSet<>();
        directories.add(base);
        addRelative(directories, base, config.directory("dir_input"));
        if (config.stager()) {
            addRelative(directories, base, config.directory("dir_staged"));
        }
        if (config.raster()) {
            addRelative(directories, base, config.directory("dir_geotiff"));
        }
        if (config.webTiles()) {
            addRelative(directories, base, config.directory("dir_web_tiles"));
        }
        if (config.tiles3d()) {
            addRelative(directories, base,
                    Optional.of(config.directory("dir_3dtiles").orElse(VizConfig.DEFAULT_3DTILES_DIR)));
        }
        String delimiter = heredocDelimiter(config.json());
        String script = "mkdir -p " + base + " && mkdir -p " + String.join(" ", directories) + " && cat > " + base
                + "/config.json << '" + delimiter + "'\n" + config.json() + (config.json().endsWith("\n") ? "" : "\n")
                + delimiter;
        Container container = envelope.shellContainer(settings.viz().setupImage(), List.of(script),
                List.of(VolumeMount.of(WorkflowEnvelope.WORKFLOW_VOLUME, WorkflowPaths.WORKFLOW_MOUNT + "/")));
        return Template.container(SETUP_TEMPLATE, Arguments.NONE, Arguments.NONE, container);
    }

    /** A worker that reads one partition's manifest from {@code manifestParameter}. */
    FanOutStage worker(Recipe recipe, VizStep step, String manifestParameter, String profile,
            boolean readsInputFiles, List<Parameter> extraArguments) {
        List<Parameter> inputs = new ArrayList<>(List.of(TemplateInputs.input(FanOutStage.RECIPE_ID),
                TemplateInputs.input(manifestParameter, "")));
        List<Container.EnvVar> env = new ArrayList<>(List.of(TemplateInputs.fromInput("RECIPE_ID", FanOutStage.RECIPE_ID),
                TemplateInputs.fromInput("MANIFEST_PATH", manifestParameter)));
        for (Parameter extra : extraArguments) {
            inputs.add(TemplateInputs.input(extra.name()));
        }
        Template template = script(recipe, step, inputs, env, profile, readsInputFiles, List.of());
        return new FanOutStage(template, manifestParameter, false, extraArguments);
    }

    /**
     * A discovery step: lists what the previous stage produced, writes retained manifests and prints the
     * partition list as its only standard output ({@code outputs.result}).
     */
    Template discovery(Recipe recipe, VizStep step, String artifact, String artifactPath,
            boolean hasZLevel) {
        List<Parameter> inputs = new ArrayList<>(List.of(TemplateInputs.input(FanOutStage.RECIPE_ID)));
        List<Container.EnvVar> env = new ArrayList<>(List.of(TemplateInputs.fromInput("RECIPE_ID", FanOutStage.RECIPE_ID)));
        if (hasZLevel) {
            inputs.add(TemplateInputs.input("z-level"));
            env.add(TemplateInputs.fromInput("Z_LEVEL", "z-level"));
        }
        inputs.add(TemplateInputs.input("partition-size", String.valueOf(settings.viz().defaultPartitionSize())));
        env.add(TemplateInputs.fromInput("PARTITION_SIZE", "partition-size"));
        env.add(new Container.EnvVar("MAX_PARTITIONS", String.valueOf(settings.maxPartitions())));
        return script(recipe, step, inputs, env, "discovery", false,
                List.of(new Artifact(artifact, Optional.of(artifactPath), Optional.empty(), Optional.empty())));
    }

    /** {@code run-viz-serial}: the whole pipeline in one pod over an inline or on-PVC input list (spec §6.2). */
    Template serial(Recipe recipe) {
        List<Parameter> inputs = List.of(TemplateInputs.input(FanOutStage.RECIPE_ID),
                TemplateInputs.input("input-manifest", "[]"), TemplateInputs.input("input-manifest-path", ""));
        List<Container.EnvVar> env = List.of(TemplateInputs.fromInput("RECIPE_ID", FanOutStage.RECIPE_ID),
                TemplateInputs.fromInput("INPUT_MANIFEST", "input-manifest"), TemplateInputs.fromInput("INPUT_MANIFEST_PATH", "input-manifest-path"));
        return script(recipe, VizStep.RUN_VIZ_SERIAL, inputs, env, "raster", true, List.of());
    }

    private Template script(Recipe recipe, VizStep step, List<Parameter> inputs,
            List<Container.EnvVar> env, String profile, boolean readsInputFiles, List<Artifact> outputs) {
        List<VolumeMount> mounts = readsInputFiles ? envelope.workflowAndInputMounts(recipe)
                : List.of(WorkflowEnvelope.workflowMount());
        Container script = new Container(settings.viz().image(), Optional.of(settings.viz().imagePullPolicy()),
                List.of("python"), List.of(), Optional.of(PodScripts.vizSource(step)), env,
                Optional.of(settings.viz().profile(profile)), mounts);
        return new Template(step.templateName(), Optional.of(new Arguments(inputs, List.of())),
                Optional.of(new Arguments(List.of(), outputs)), Map.of(), Optional.empty(), Optional.empty(),
                Optional.of(script), List.of(), Optional.empty());
    }

    private static void addRelative(TreeSet<String> directories, String base, Optional<String> directory) {
        directory.map(String::strip)
                .filter(d -> !d.isEmpty() && !d.startsWith("/"))
                .ifPresent(d -> directories.add(base + "/" + d));
    }

    /** {@code OGDC_CONFIG_EOF}, numbered if the config happens to contain that line. */
    static String heredocDelimiter(String text) {
        String delimiter = "OGDC_CONFIG_EOF";
        String candidate = delimiter;
        for (int n = 1; text.lines().anyMatch(candidate::equals); n++) {
            candidate = delimiter + "_" + n;
        }
        return candidate;
    }

}
