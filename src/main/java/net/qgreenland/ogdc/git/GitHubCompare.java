package net.qgreenland.ogdc.git;

import java.util.List;
import java.util.Objects;
import net.qgreenland.ogdc.change.ChangedPath;

/**
 * Port: GitHub's compare API ({@code GET /repos/{owner}/{repo}/compare/{base}...{head}}), the fallback when a
 * commit cannot be fetched into the clone. The comparison is three-dot: changes from the merge base of the two
 * commits to {@code head}.
 *
 * @see <a href="https://docs.github.com/en/rest/commits/commits#compare-two-commits">compare two commits</a>
 */
public interface GitHubCompare {

    /**
     * The files changed from the merge base of {@code base} and {@code head} to {@code head}.
     *
     * @throws GitException when the API call fails or the comparison is too large to be listed completely
     */
    Comparison compare(String base, String head);

    /** The merge base GitHub used and the changed files (renames with their previous names). */
    record Comparison(String mergeBase, List<ChangedPath> changes) {
        public Comparison {
            Objects.requireNonNull(mergeBase, "mergeBase");
            changes = List.copyOf(changes);
        }
    }
}
