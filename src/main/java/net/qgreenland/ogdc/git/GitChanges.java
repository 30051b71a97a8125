package net.qgreenland.ogdc.git;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.qgreenland.ogdc.recipe.RecipeFiles;

/**
 * Port: reads one Git repository's history. Commits are named by revision strings as Git understands them (a full
 * or abbreviated SHA, {@code HEAD}, {@code HEAD~3}, a branch or tag name) and returned as full 40-character SHAs.
 * Paths are repository-relative with {@code /} separators. Implementations may fetch missing objects from the
 * repository's {@code origin} and say so in their log.
 */
public interface GitChanges extends AutoCloseable {

    /**
     * The full SHA of the commit {@code revision} names; a full SHA that is not in the clone (a shallow checkout) is
     * fetched from {@code origin} first.
     *
     * @throws GitException when no commit can be found for it (the message names the revision and the repository)
     */
    String requireCommit(String revision);

    /**
     * The full SHA of the tip of branch {@code branch} (e.g. {@code main}) as {@code origin} has it
     * ({@code refs/remotes/origin/<branch>}, else the local branch), fetching it from {@code origin} when the clone
     * lacks it.
     *
     * @throws GitException when neither the clone nor {@code origin} has the branch
     */
    String requireBranchTip(String branch);

    /**
     * The best common ancestor of commits {@code a} and {@code b} (full SHAs), deepening a shallow clone from
     * {@code origin} as needed; empty when their histories never meet (or the history cannot be fetched).
     */
    Optional<String> findMergeBase(String a, String b);

    /**
     * What changed from commit {@code base} to commit {@code head} (full SHAs): a two-tree diff with rename
     * detection, sorted by path; when {@code base} is missing and cannot be fetched, the compare API's answer
     * ({@link DiffSource} says which).
     *
     * @throws GitException when neither path can produce the diff
     */
    CommitDiff diff(String base, String head);

    /**
     * Every file (blob, symbolic link or submodule) at commit {@code commit} under directory {@code directory}
     * ("" = all), sorted.
     */
    List<String> listFiles(String commit, String directory);

    /**
     * Those of {@code paths} (repository-relative file paths) that exist at commit {@code commit} as a file, symbolic
     * link or submodule, reading only the directories on the way to them (cheaper than {@link #listFiles} of a whole
     * tree when few paths of a large one are asked about).
     */
    Set<String> findFiles(String commit, Collection<String> paths);

    /**
     * The files of directory {@code directory} as they are at commit {@code commit}, for the recipe parser: symbolic
     * links are followed inside the directory and refused outside it, sizes are checked before reading.
     */
    RecipeFiles recipeFiles(String commit, String directory);

    /** The first 7 characters of a SHA, as Git shows them ({@code 3f2a9c1}). */
    static String abbreviate(String sha) {
        return sha.length() > 7 ? sha.substring(0, 7) : sha;
    }

    /** Releases the repository. */
    @Override
    void close();
}
