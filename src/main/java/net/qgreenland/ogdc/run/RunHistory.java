package net.qgreenland.ogdc.run;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import net.qgreenland.ogdc.estimate.EarlierRuns;

/**
 * Port: the earlier successful runs of a recipe, for the pre-flight estimate. Adapters: {@link ArgoRunHistory}
 * (finished workflows in the cluster, found by label) and {@link #none} (no cluster to ask).
 *
 * <p>Contract: never throws; a history that cannot be read is empty and its note says why.
 */
public interface RunHistory {

    /** The newest few successful runs of recipe {@code recipeId}'s main workflow, newest first. */
    EarlierRuns find(String recipeId);

    /**
     * {@link #find} for each of {@code recipeIds}, by recipe id; an adapter may answer all of them with fewer
     * questions than one per recipe.
     */
    default Map<String, EarlierRuns> findAll(Collection<String> recipeIds) {
        Map<String, EarlierRuns> runs = new LinkedHashMap<>();
        recipeIds.forEach(id -> runs.put(id, find(id)));
        return runs;
    }

    /** No history, because of {@code why} ({@code no cluster (dry run)}). */
    static RunHistory none(String why) {
        return recipeId -> EarlierRuns.none(why);
    }
}
