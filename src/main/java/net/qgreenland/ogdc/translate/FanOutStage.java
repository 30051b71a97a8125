package net.qgreenland.ogdc.translate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import net.qgreenland.ogdc.argo.model.Arguments;
import net.qgreenland.ogdc.argo.model.DagTask;
import net.qgreenland.ogdc.argo.model.Parameter;
import net.qgreenland.ogdc.argo.model.Template;

/**
 * One execution function fanned out over partitions (the Python system's {@code ParallelExecutionOrchestrator}):
 * its template, and the task that runs it once per partition of a {@link PartitionSource}, handing each pod the
 * path of its retained manifest. Shell commands and visualization steps are all built this way; translators only
 * wire stages together.
 *
 * @param template the template each partition runs
 * @param manifestParameter the template input that receives the manifest path, e.g. {@code partition-manifest-path}
 * @param manifestFirst whether that argument comes before {@code recipe-id} (shell) or after it (visualization),
 *     the order operators and the Python tests know
 * @param extraArguments arguments after those two, e.g. {@code partition-id} and {@code cmd-index}
 */
record FanOutStage(Template template, String manifestParameter, boolean manifestFirst, List<Parameter> extraArguments) {

    static final String RECIPE_ID = "recipe-id";
    static final String ITEM_PARTITION_ID = "{{item.partition_id}}";

    FanOutStage {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(manifestParameter, "manifestParameter");
        extraArguments = List.copyOf(extraArguments);
    }

    /** The fan-out task named after the template. */
    DagTask task(String recipeId, PartitionSource source, List<String> dependencies) {
        return task(template.name(), recipeId, source, dependencies);
    }

    /**
     * The fan-out task {@code name}: one pod per item of {@code source}, after {@code dependencies} (which must
     * include the source's task, directly or through another dependency).
     */
    DagTask task(String name, String recipeId, PartitionSource source, List<String> dependencies) {
        Parameter manifest = Parameter.of(manifestParameter, source.itemManifestPath(recipeId));
        Parameter id = Parameter.of(RECIPE_ID, recipeId);
        List<Parameter> arguments = new ArrayList<>(manifestFirst ? List.of(manifest, id) : List.of(id, manifest));
        arguments.addAll(extraArguments);
        return new DagTask(name, template.name(), Dependencies.expression(dependencies),
                Optional.of(source.withParam()), List.of(), Optional.empty(), Optional.empty(),
                Optional.of(new Arguments(arguments, List.of())));
    }
}
