package net.qgreenland.ogdc.recipe;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Finds the recipes of a repository from its file paths, as the Python runner does: every directory matched by
 * {@code <recipes root>/*}{@code /meta.yml}, exactly one level deep, sorted. Directories holding a
 * {@code meta.yaml} instead are reported, since the runner would silently skip them.
 */
public final class RecipeDiscovery {

    /** The recipes root of the Python runner and of ogdc-recipes. */
    public static final String DEFAULT_RECIPES_ROOT = "recipes";

    /** The meta file name the runner silently skips, reported as a misnamed recipe. */
    public static final String MISNAMED_META_FILE = "meta.yaml";

    /**
     * @param recipeDirectories repository-relative recipe directories, sorted, e.g. {@code recipes/seal-tags}
     * @param misnamedDirectories directories with a {@code meta.yaml} but no {@code meta.yml}
     */
    public record Found(List<String> recipeDirectories, List<String> misnamedDirectories) {
        public Found {
            recipeDirectories = List.copyOf(recipeDirectories);
            misnamedDirectories = List.copyOf(misnamedDirectories);
        }
    }

    private RecipeDiscovery() {}

    /**
     * The recipe directories among {@code paths} (repository-relative file paths with {@code /} separators)
     * under {@code recipesRoot} (a relative directory such as {@code recipes} or {@code pipelines/ogdc}).
     */
    public static Found find(String recipesRoot, Collection<String> paths) {
        Objects.requireNonNull(recipesRoot, "recipesRoot");
        String root = normalizeRoot(recipesRoot);
        String prefix = root.isEmpty() ? "" : root + "/";
        Set<String> recipes = new TreeSet<>();
        Set<String> misnamed = new TreeSet<>();
        for (String path : paths) {
            if (!path.startsWith(prefix)) {
                continue;
            }
            String[] rest = path.substring(prefix.length()).split("/", -1);
            if (rest.length != 2 || rest[0].isEmpty()) {
                continue;
            }
            if (rest[1].equals(RecipeParser.META_FILE)) {
                recipes.add(prefix + rest[0]);
            } else if (rest[1].equals(MISNAMED_META_FILE)) {
                misnamed.add(prefix + rest[0]);
            }
        }
        misnamed.removeAll(recipes);
        return new Found(List.copyOf(recipes), misnamed.stream().collect(Collectors.toList()));
    }

    /** A recipes root as a repository-relative path without leading or trailing slashes. */
    public static String normalizeRoot(String recipesRoot) {
        return Edges.strip(recipesRoot.replace('\\', '/'), '/');
    }

    /** The problem for a directory found with {@code meta.yaml} instead of {@code meta.yml}. */
    public static RecipeProblem misnamedProblem(String directory) {
        return RecipeProblem.error(SourceLocation.ofFile(directory + "/meta.yaml"), "",
                "the recipe file must be named meta.yml (not meta.yaml); rename it");
    }
}
