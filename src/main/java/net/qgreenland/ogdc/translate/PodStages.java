package net.qgreenland.ogdc.translate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.qgreenland.ogdc.argo.model.DagTask;
import net.qgreenland.ogdc.argo.model.Step;
import net.qgreenland.ogdc.argo.model.Template;
import net.qgreenland.ogdc.argo.model.Workflow;

/**
 * The pods a recipe's main workflow runs, stage by stage, with what decides how many: the files per partition, the
 * cap on partitions ({@code OGDC_MAX_PARTITIONS}) and {@code spec.parallelism}. Helper workflows are not included.
 *
 * @param partitionSize files per partition of the fan-out stages (1 when nothing fans out)
 * @param maxPartitions the most partitions one listing makes; more files raise the partition size instead
 * @param parallelism the most pods of the workflow running at once, when limited
 */
public record PodStages(List<PodStage> stages, int partitionSize, int maxPartitions, OptionalInt parallelism) {

    /** The templates whose pods do the recipe's work (besides {@code cmd-<i>} and {@code run-cmd-<i>}). */
    private static final Set<String> WORK_TEMPLATES = Stream.of(VizStep.STAGE_FILES, VizStep.RASTERIZE_MAX_Z,
            VizStep.CREATE_3DTILES, VizStep.CREATE_COMPOSITE_Z, VizStep.CREATE_WEB_TILES, VizStep.RUN_VIZ_SERIAL)
            .map(VizStep::templateName).collect(Collectors.toUnmodifiableSet());

    public PodStages {
        stages = List.copyOf(stages);
        if (partitionSize < 1 || maxPartitions < 1) {
            throw new IllegalArgumentException("partition size and maximum must be at least 1");
        }
        Objects.requireNonNull(parallelism, "parallelism");
    }

    /** The stages of {@code main}'s entry template, in the order the workflow lists them. */
    static PodStages of(Workflow main, String fetchTemplate, int partitionSize, int maxPartitions) {
        Optional<Template> entry = main.spec().templates().stream()
                .filter(template -> template.name().equals(main.spec().entrypoint())).findFirst();
        List<PodStage> stages = new ArrayList<>();
        entry.ifPresent(template -> {
            List<String> previous = List.of();
            for (List<Step> group : template.steps()) {
                for (Step step : group) {
                    stages.add(new PodStage(step.name(), step.template(), kind(step.template(), fetchTemplate),
                            fanOut(step.withParam()), previous));
                }
                previous = group.stream().map(Step::name).toList();
            }
            template.dag().ifPresent(dag -> {
                for (DagTask task : dag.tasks()) {
                    stages.add(new PodStage(task.name(), task.template(), kind(task.template(), fetchTemplate),
                            fanOut(task.withParam()), task.depends().map(PodStages::dependencies).orElse(List.of())));
                }
            });
        });
        OptionalInt parallelism = main.spec().parallelism().map(OptionalInt::of).orElse(OptionalInt.empty());
        return new PodStages(stages, partitionSize, maxPartitions, parallelism);
    }

    private static PodStage.Kind kind(String template, String fetchTemplate) {
        if (template.equals(fetchTemplate)) {
            return PodStage.Kind.FETCH;
        }
        boolean work = template.startsWith("cmd-") || template.startsWith("run-cmd-")
                || WORK_TEMPLATES.contains(template);
        return work ? PodStage.Kind.WORK : PodStage.Kind.HOUSEKEEPING;
    }

    private static PodStage.FanOut fanOut(Optional<String> withParam) {
        if (withParam.isEmpty()) {
            return PodStage.FanOut.NONE;
        }
        return PartitionSource.partitionsInputs(withParam.get()) ? PodStage.FanOut.INPUT_PARTITIONS
                : PodStage.FanOut.DISCOVERED_PARTITIONS;
    }

    /** The tasks of a {@code depends} expression as the translators write it: {@code a && b}. */
    private static List<String> dependencies(String depends) {
        return Stream.of(depends.split("&&")).map(String::strip).filter(name -> !name.isEmpty()).toList();
    }
}
