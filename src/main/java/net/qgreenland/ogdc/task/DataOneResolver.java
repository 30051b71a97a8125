package net.qgreenland.ogdc.task;

import java.util.List;
import java.util.Optional;

/**
 * The port to a DataONE member node's search index (spec §1.3.1): the data objects (not the metadata) of a dataset
 * package, e.g. {@code resource_map_doi:10.18739/A2...}. {@link HttpDataOneResolver} is the adapter.
 */
interface DataOneResolver {

    /** How many names a "no match" message lists before it says how many more there are. */
    int LISTED_NAMES = 20;

    /**
     * The data objects of the package {@code dataset} in the index's order; throws {@link TaskFailure}
     * ({@code Failed to resolve DataONE dataset <id>: <reason>}) when the node cannot be asked or answers nonsense.
     */
    List<DataOneObject> findObjects(String dataset);

    /**
     * The data objects of {@code dataset} whose file name matches {@code pattern} (case-insensitive {@code *} and
     * {@code ?}), or all of them; throws {@link TaskFailure} when there are none.
     */
    default List<DataOneObject> requireObjects(String dataset, Optional<String> pattern) {
        List<DataOneObject> objects = findObjects(dataset);
        if (objects.isEmpty()) {
            throw new TaskFailure("No data objects found in dataset " + dataset);
        }
        if (pattern.isEmpty()) {
            return objects;
        }
        FilenamePattern filter = FilenamePattern.of(pattern.get());
        List<DataOneObject> matching = objects.stream().filter(o -> filter.matches(o.filename())).toList();
        if (matching.isEmpty()) {
            List<String> names = objects.stream().map(DataOneObject::filename).toList();
            String listed = names.size() <= LISTED_NAMES ? names.toString()
                    : names.subList(0, LISTED_NAMES).toString().replaceFirst("]$", ", ... (" + (names.size()
                            - LISTED_NAMES) + " more)]");
            throw new TaskFailure("No data objects matching pattern '" + pattern.get() + "' found in dataset "
                    + dataset + ". Available files: " + listed);
        }
        return matching;
    }
}
