package net.qgreenland.ogdc.change;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import net.qgreenland.ogdc.change.SelectedRecipe.Reason;
import net.qgreenland.ogdc.recipe.RecipeParser;

/** Decides from changed paths and the recipe directories at the head commit which recipes run, and why. */
public final class ChangedRecipeFinder {

    private final ChangeRules rules;
    private final String prefix;
    private final List<PathGlob> documentation;
    private final List<PathGlob> triggerAll;

    public ChangedRecipeFinder(ChangeRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.prefix = rules.recipesRoot().isEmpty() ? "" : rules.recipesRoot() + "/";
        this.documentation = rules.documentationGlobs().stream().map(PathGlob::of).toList();
        this.triggerAll = rules.triggerAllGlobs().stream().map(PathGlob::of).toList();
    }

    /**
     * The selection for {@code changes}, given {@code recipesAtHead}, the recipe directories that exist at the head
     * commit ({@code <recipes root>/<name>}, as {@code RecipeDiscovery} finds them). Unless {@link #triggersAll}, only
     * the {@link #touchedDirectories} among them matter, so a caller may pass just those.
     *
     * <p>A change at any depth inside a recipe directory selects that recipe: it is removed when its directory is
     * no longer a recipe at head but its {@code meta.yml} is on the old side of the diff (a deletion, or the old side
     * of a rename), validated only when every changed path in it is documentation (unless the rules run on
     * documentation changes), and run otherwise. A directory that is a recipe at neither commit (no {@code meta.yml}
     * on either side) selects nothing, so the diff alone tells a removed recipe from a stray directory. A changed
     * path matching a trigger-all glob runs every recipe at head. Paths outside recipe directories select nothing.
     */
    public RecipeSelection select(List<ChangedPath> changes, Collection<String> recipesAtHead) {
        Set<String> existing = requireRecipeDirectories(recipesAtHead);
        Map<String, Touches> touched = new TreeMap<>();
        SortedSet<String> triggerPaths = new TreeSet<>();
        for (ChangedPath change : changes) {
            if (change.type() != ChangeType.COPY) {
                change.oldPath().filter(path -> path.endsWith("/" + RecipeParser.META_FILE))
                        .ifPresent(path -> findRecipeDirectory(path)
                                .filter(directory -> path.equals(directory + "/" + RecipeParser.META_FILE))
                                .ifPresent(directory -> touched.computeIfAbsent(directory, d -> new Touches())
                                        .wasRecipe = true));
            }
            for (String path : change.affectedPaths()) {
                if (matchesAny(triggerAll, path)) {
                    triggerPaths.add(path);
                }
                findRecipeDirectory(path).ifPresent(directory ->
                        touched.computeIfAbsent(directory, d -> new Touches()).add(path, matchesAny(documentation, path)));
            }
        }

        List<SelectedRecipe> run = new ArrayList<>();
        List<SelectedRecipe> validateOnly = new ArrayList<>();
        List<SelectedRecipe> removed = new ArrayList<>();
        boolean triggered = !triggerPaths.isEmpty();
        Set<String> candidates = new TreeSet<>(touched.keySet());
        if (triggered) {
            candidates.addAll(existing);
        }
        for (String directory : candidates) {
            Touches touches = touched.getOrDefault(directory, new Touches());
            if (!existing.contains(directory)) {
                if (!touches.wasRecipe) {
                    continue;
                }
                removed.add(new SelectedRecipe(directory, List.copyOf(touches.paths), Reason.REMOVED));
            } else if (touches.hasCode || (!touches.paths.isEmpty() && rules.runOnDocumentationChanges())) {
                run.add(new SelectedRecipe(directory, causes(touches, triggerPaths, triggered), Reason.CHANGED));
            } else if (triggered) {
                run.add(new SelectedRecipe(directory, causes(touches, triggerPaths, true), Reason.TRIGGERED_ALL));
            } else {
                validateOnly.add(new SelectedRecipe(directory, List.copyOf(touches.paths), Reason.DOCUMENTATION_ONLY));
            }
        }
        return new RecipeSelection(run, validateOnly, removed, triggered, List.copyOf(triggerPaths));
    }

    /**
     * The directories one level below the recipes root that {@code changes} touch (any path, old or new, at any
     * depth inside them): the only ones {@link #select} needs to know about at head, unless a trigger-all path changed.
     */
    public SortedSet<String> touchedDirectories(List<ChangedPath> changes) {
        SortedSet<String> directories = new TreeSet<>();
        for (ChangedPath change : changes) {
            change.paths().forEach(path -> findRecipeDirectory(path).ifPresent(directories::add));
        }
        return directories;
    }

    /** Whether a path of {@code changes} matches a trigger-all glob, so that every recipe at head runs. */
    public boolean triggersAll(List<ChangedPath> changes) {
        return !triggerAll.isEmpty() && changes.stream().flatMap(change -> change.affectedPaths().stream())
                .anyMatch(path -> matchesAny(triggerAll, path));
    }

    /** The recipe directory ({@code <root>/<name>}) holding the file {@code path}, if it lies inside one. */
    private Optional<String> findRecipeDirectory(String path) {
        if (!path.startsWith(prefix)) {
            return Optional.empty();
        }
        int slash = path.indexOf('/', prefix.length());
        if (slash < 0) {
            return Optional.empty();
        }
        return Optional.of(path.substring(0, slash));
    }

    private Set<String> requireRecipeDirectories(Collection<String> recipesAtHead) {
        Set<String> directories = new TreeSet<>();
        for (String directory : recipesAtHead) {
            String name = directory.startsWith(prefix) ? directory.substring(prefix.length()) : "";
            if (name.isEmpty() || name.contains("/")) {
                throw new IllegalArgumentException("recipe directory '" + directory
                        + "' is not one level below the recipes root '" + rules.recipesRoot() + "'");
            }
            directories.add(directory);
        }
        return directories;
    }

    private static List<String> causes(Touches touches, SortedSet<String> triggerPaths, boolean triggered) {
        SortedSet<String> causes = new TreeSet<>(touches.paths);
        if (triggered) {
            causes.addAll(triggerPaths);
        }
        return List.copyOf(causes);
    }

    private static boolean matchesAny(List<PathGlob> globs, String path) {
        for (PathGlob glob : globs) {
            if (glob.matches(path)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The changed paths inside one recipe directory, whether any of them is not documentation, and whether its
     * {@code meta.yml} is on the old side (so it was a recipe at the base commit).
     */
    private static final class Touches {
        private final SortedSet<String> paths = new TreeSet<>();
        private boolean hasCode;
        private boolean wasRecipe;

        void add(String path, boolean isDocumentation) {
            paths.add(path);
            hasCode |= !isDocumentation;
        }
    }
}
