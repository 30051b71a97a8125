package net.qgreenland.ogdc.run;

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

    /** No history, because of {@code why} ({@code no cluster (dry run)}). */
    static RunHistory none(String why) {
        return recipeId -> EarlierRuns.none(why);
    }
}
