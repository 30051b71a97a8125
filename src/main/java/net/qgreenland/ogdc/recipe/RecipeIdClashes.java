package net.qgreenland.ogdc.recipe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds recipes of one repository that share an id: they would share {@code /mnt/workflow/<id>/} on the
 * workflow PVC and overwrite each other's results, so each of them gets an error.
 */
public final class RecipeIdClashes {

    private RecipeIdClashes() {}

    /** {@code results} with an error added to every valid recipe whose id another valid recipe also has. */
    public static List<RecipeParseResult> mark(List<RecipeParseResult> results) {
        Map<String, List<String>> directoriesById = new LinkedHashMap<>();
        for (RecipeParseResult result : results) {
            result.recipe().ifPresent(r ->
                    directoriesById.computeIfAbsent(r.id().value(), k -> new ArrayList<>()).add(r.directory()));
        }
        List<RecipeParseResult> marked = new ArrayList<>(results.size());
        for (RecipeParseResult result : results) {
            List<String> sharing = result.recipe()
                    .map(r -> directoriesById.get(r.id().value()))
                    .filter(dirs -> dirs.size() > 1)
                    .orElse(List.of());
            if (sharing.isEmpty()) {
                marked.add(result);
                continue;
            }
            String id = result.recipe().orElseThrow().id().value();
            List<String> others = sharing.stream().filter(d -> !d.equals(result.directory())).toList();
            String metaFile = result.directory() + "/" + RecipeParser.META_FILE;
            marked.add(result.withProblems(List.of(RecipeProblem.error(SourceLocation.ofFile(metaFile), "name",
                    "the recipe id '" + id + "' is also the id of " + String.join(", ", others)
                            + "; recipes with one id would overwrite each other's results, so rename one"))));
        }
        return marked;
    }
}
