package net.qgreenland.ogdc.workspace;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import net.qgreenland.ogdc.recipe.RecipeDiscovery;
import net.qgreenland.ogdc.recipe.RecipeParseResult;
import net.qgreenland.ogdc.recipe.RecipeParser;
import net.qgreenland.ogdc.recipe.RecipeProblem;
import net.qgreenland.ogdc.recipe.SourceLocation;

/**
 * Turns a path given on the command line into the recipes it holds: a recipe directory (it has a
 * {@code meta.yml}) is one recipe; a repository root (it has the recipes root directory) holds every
 * {@code <recipes root>/*}{@code /meta.yml}.
 */
public final class RecipeWorkspace {

    /** A recipe directory to parse, or one already known to be unusable. */
    public sealed interface Candidate {
        String displayPath();

        /** A directory to parse. */
        record Directory(String displayPath, Path path) implements Candidate {}

        /** A directory refused before parsing (a link out of the repository, a misnamed meta file). */
        record Refused(RecipeParseResult result) implements Candidate {
            @Override
            public String displayPath() {
                return result.directory();
            }
        }
    }

    private RecipeWorkspace() {}

    /**
     * The recipes at {@code path}, shown as {@code display} (the path as the user wrote it).
     *
     * @throws WorkspaceException if {@code path} is neither a recipe directory nor a repository with recipes
     */
    public static List<Candidate> locate(Path path, String display, String recipesRoot) {
        Objects.requireNonNull(recipesRoot, "recipesRoot");
        if (!Files.exists(path)) {
            throw new WorkspaceException("'" + display + "' does not exist");
        }
        if (!Files.isDirectory(path)) {
            throw new WorkspaceException("'" + display + "' is a file; give a recipe directory (holding meta.yml) "
                    + "or a repository root (holding " + recipesRoot + "/)");
        }
        if (Files.exists(path.resolve(RecipeParser.META_FILE), LinkOption.NOFOLLOW_LINKS)) {
            return List.of(new Candidate.Directory(display, path));
        }
        Path root = path.resolve(recipesRoot);
        if (!Files.isDirectory(root)) {
            throw new WorkspaceException("'" + display + "' is neither a recipe directory (it has no meta.yml) nor "
                    + "a repository root (it has no " + recipesRoot + "/ directory)");
        }
        return discover(path, display, recipesRoot);
    }

    private static List<Candidate> discover(Path repository, String display, String recipesRoot) {
        try {
            Path realRepository = repository.toRealPath();
            Path root = repository.resolve(recipesRoot);
            if (!root.toRealPath().startsWith(realRepository)) {
                throw new WorkspaceException("the recipes directory '" + join(display, recipesRoot)
                        + "' is a symbolic link out of the repository");
            }
            List<String> metaPaths = new ArrayList<>();
            List<Candidate> refused = new ArrayList<>();
            String rootPrefix = RecipeDiscovery.normalizeRoot(recipesRoot);
            try (DirectoryStream<Path> children = Files.newDirectoryStream(root)) {
                for (Path child : children) {
                    String relative = rootPrefix + "/" + child.getFileName();
                    if (!Files.isDirectory(child)) {
                        continue;
                    }
                    if (Files.isSymbolicLink(child) && !child.toRealPath().startsWith(realRepository)) {
                        if (Files.exists(child.resolve(RecipeParser.META_FILE))) {
                            refused.add(linkedOut(join(display, relative), Files.readSymbolicLink(child)));
                        }
                        continue;
                    }
                    for (String name : List.of(RecipeParser.META_FILE, RecipeDiscovery.MISNAMED_META_FILE)) {
                        if (Files.exists(child.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                            metaPaths.add(relative + "/" + name);
                        }
                    }
                }
            }
            RecipeDiscovery.Found found = RecipeDiscovery.find(rootPrefix, metaPaths);
            List<Candidate> candidates = new ArrayList<>();
            for (String directory : found.recipeDirectories()) {
                candidates.add(new Candidate.Directory(join(display, directory), repository.resolve(directory)));
            }
            for (String directory : found.misnamedDirectories()) {
                String shown = join(display, directory);
                candidates.add(new Candidate.Refused(RecipeParseResult.invalid(shown,
                        List.of(RecipeDiscovery.misnamedProblem(shown)))));
            }
            candidates.addAll(refused);
            candidates.sort(java.util.Comparator.comparing(Candidate::displayPath));
            if (candidates.isEmpty()) {
                throw new WorkspaceException("no recipes found in '" + join(display, recipesRoot)
                        + "': a recipe is a directory " + rootPrefix + "/<name>/ holding a meta.yml");
            }
            return candidates;
        } catch (IOException e) {
            throw new WorkspaceException("cannot list the recipes of '" + display + "': " + e.getMessage(), e);
        }
    }

    private static Candidate linkedOut(String shown, Path target) {
        return new Candidate.Refused(RecipeParseResult.invalid(shown, List.of(RecipeProblem.error(
                SourceLocation.ofFile(shown), "", "the recipe directory is a symbolic link to '" + target
                        + "', outside the repository; recipes must live inside the repository"))));
    }

    /** {@code display/relative}, without a leading {@code ./}. */
    static String join(String display, String relative) {
        if (display.isEmpty() || display.equals(".") || display.equals("./")) {
            return relative;
        }
        return (display.endsWith("/") ? display : display + "/") + relative;
    }
}
