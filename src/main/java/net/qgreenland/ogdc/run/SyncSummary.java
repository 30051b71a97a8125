package net.qgreenland.ogdc.run;

/**
 * What one sync did, counted in check runs (and, for {@code skipped}, workflows without one).
 *
 * @param completed check runs completed now: their workflow ended, or no longer exists
 * @param running check runs updated with the progress of a workflow still running
 * @param skipped workflows and check runs left alone: already completed, no check run, not ours to tell
 * @param failed check runs that could not be listed or published (GitHub failed or refused)
 */
public record SyncSummary(int completed, int running, int skipped, int failed) {

    /** {@code 2 completed, 1 still running, 3 skipped, 0 failed}. */
    public String describe() {
        return completed + " completed, " + running + " still running, " + skipped + " skipped, " + failed
                + " failed";
    }
}
