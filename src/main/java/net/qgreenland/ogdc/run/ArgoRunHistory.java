package net.qgreenland.ogdc.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.function.Consumer;
import net.qgreenland.ogdc.cluster.ArgoGateway;
import net.qgreenland.ogdc.cluster.ClusterException;
import net.qgreenland.ogdc.cluster.LabelSelector;
import net.qgreenland.ogdc.cluster.NodeState;
import net.qgreenland.ogdc.cluster.RunLabels;
import net.qgreenland.ogdc.cluster.WorkflowPhase;
import net.qgreenland.ogdc.cluster.WorkflowState;
import net.qgreenland.ogdc.estimate.EarlierRun;
import net.qgreenland.ogdc.estimate.EarlierRuns;

/**
 * {@link RunHistory} from the cluster: the main workflows this program submitted for a recipe (labels
 * {@code app.kubernetes.io/managed-by=ogdc-action}, {@code ogdc/recipe-id}, {@code ogdc/role=main}) that
 * {@code Succeeded}, the newest {@link #RUNS}, each reduced to the durations of its succeeded pods by stage. Only
 * workflows still in the cluster are seen (their TTL keeps them a day, a week for temporary output). After the
 * cluster fails once, it is not asked again.
 */
public final class ArgoRunHistory implements RunHistory {

    /** Earlier runs an estimate learns from at most. */
    public static final int RUNS = 5;
    /** Recipe ids asked for in one list request at most (a label selector is part of the URL). */
    static final int IDS_PER_LIST = 50;

    private final ArgoGateway gateway;
    private final Consumer<String> log;
    private volatile Optional<String> failure = Optional.empty();

    public ArgoRunHistory(ArgoGateway gateway, Consumer<String> log) {
        this.gateway = gateway;
        this.log = log;
    }

    @Override
    public EarlierRuns find(String recipeId) {
        return findAll(List.of(recipeId)).get(recipeId);
    }

    /**
     * Lists the main workflows of up to {@link #IDS_PER_LIST} recipes at a time ({@code ogdc/recipe-id in (…)}), so
     * a run of a hundred recipes asks the cluster twice, not a hundred times.
     */
    @Override
    public Map<String, EarlierRuns> findAll(Collection<String> recipeIds) {
        Map<String, EarlierRuns> runs = new LinkedHashMap<>();
        List<String> ids = List.copyOf(new LinkedHashSet<>(recipeIds));
        for (int from = 0; from < ids.size(); from += IDS_PER_LIST) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_LIST));
            Map<String, List<WorkflowState>> found = list(chunk);
            for (String id : chunk) {
                runs.put(id, failure.isPresent() ? EarlierRuns.none(failure.get())
                        : earlierRuns(found.getOrDefault(RunLabels.labelValue(id), List.of())));
            }
        }
        return runs;
    }

    /** The main workflows of {@code ids} by recipe-id label; empty after a failure, which is remembered. */
    private Map<String, List<WorkflowState>> list(List<String> ids) {
        if (failure.isPresent()) {
            return Map.of();
        }
        Set<String> labels = ids.stream().map(RunLabels::labelValue).collect(Collectors.toSet());
        LabelSelector selector = new LabelSelector(
                new TreeMap<>(Map.of(RunLabels.MANAGED_BY, RunLabels.MANAGER, RunLabels.ROLE,
                        RunLabels.Role.MAIN.label())),
                new TreeMap<>(Map.of(RunLabels.RECIPE_ID, labels)));
        try {
            return gateway.find(selector).stream().collect(Collectors.groupingBy(
                    workflow -> workflow.labels().getOrDefault(RunLabels.RECIPE_ID, "")));
        } catch (RuntimeException e) {
            // a ClusterException's message never holds the token; another exception's might, so only its type
            String why = "earlier runs could not be read from " + gateway.describe() + ": "
                    + (e instanceof ClusterException ? e.getMessage() : e.getClass().getSimpleName());
            log.accept("warning: " + why + "; the estimate uses defaults");
            failure = Optional.of(why);
            return Map.of();
        }
    }

    private EarlierRuns earlierRuns(List<WorkflowState> found) {
        List<EarlierRun> runs = found.stream().filter(workflow -> workflow.phase() == WorkflowPhase.SUCCEEDED)
                .map(ArgoRunHistory::earlierRun).flatMap(Optional::stream)
                .sorted(Comparator.comparing(EarlierRun::finishedAt).reversed()).limit(RUNS).toList();
        return runs.isEmpty() ? EarlierRuns.none("no earlier successful run in " + gateway.describe())
                : new EarlierRuns(runs, "earlier runs in " + gateway.describe());
    }

    /** The run's succeeded pods by stage; none when Argo kept no pod nodes (e.g. offloaded node status). */
    static Optional<EarlierRun> earlierRun(WorkflowState workflow) {
        Map<String, List<Duration>> byStage = new LinkedHashMap<>();
        for (NodeState node : workflow.nodes()) {
            if (node.isPod() && node.phase().equals("Succeeded") && node.startedAt().isPresent()
                    && node.finishedAt().isPresent()) {
                byStage.computeIfAbsent(stage(node), key -> new ArrayList<>())
                        .add(Duration.between(node.startedAt().get(), node.finishedAt().get()));
            }
        }
        if (byStage.isEmpty() || workflow.finishedAt().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new EarlierRun(workflow.name(), workflow.finishedAt().get(), byStage));
    }

    /**
     * The step or task a pod ran for: its display name up to the first {@code (}, which Argo adds for items
     * ({@code cmd-0(0:partition_id:0)}) and retries ({@code step-0(1)}).
     */
    static String stage(NodeState node) {
        String name = node.displayName();
        int paren = name.indexOf('(');
        return paren < 0 ? name : name.substring(0, paren);
    }
}
