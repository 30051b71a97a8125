package net.qgreenland.ogdc.workspace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.qgreenland.ogdc.recipe.RecipeIdClashes;
import net.qgreenland.ogdc.recipe.RecipeParseResult;
import net.qgreenland.ogdc.recipe.RecipeParser;

/** Parses every recipe found at paths on the local file system (recipe directories or repository roots). */
public final class LocalRecipes {

    private LocalRecipes() {}

    /**
     * Parses the recipes at each of {@code paths} (as the user wrote them, relative to the working directory
     * {@code workingDirectory}), in the order given and sorted within a repository. Recipes of one repository
     * that share an id are marked invalid.
     *
     * @throws WorkspaceException if a path holds no recipes at all
     */
    public static List<RecipeParseResult> parseAll(Path workingDirectory, List<String> paths, String recipesRoot) {
        List<RecipeParseResult> all = new ArrayList<>();
        for (String path : paths) {
            String display = displayPath(path);
            List<RecipeWorkspace.Candidate> candidates =
                    RecipeWorkspace.locate(workingDirectory.resolve(path), display, recipesRoot);
            List<RecipeParseResult> results = candidates.parallelStream().map(LocalRecipes::parse).toList();
            all.addAll(candidates.size() > 1 ? RecipeIdClashes.mark(results) : results);
        }
        return all;
    }

    private static RecipeParseResult parse(RecipeWorkspace.Candidate candidate) {
        if (candidate instanceof RecipeWorkspace.Candidate.Refused refused) {
            return refused.result();
        }
        RecipeWorkspace.Candidate.Directory directory = (RecipeWorkspace.Candidate.Directory) candidate;
        return RecipeParser.parse(directory.displayPath(), new FileSystemRecipeFiles(directory.path()));
    }

    /** {@code path} as shown in output: normalised, forward slashes, {@code .} for the working directory. */
    static String displayPath(String path) {
        String normalized = Path.of(path).normalize().toString().replace('\\', '/');
        return normalized.isEmpty() ? "." : normalized;
    }
}
