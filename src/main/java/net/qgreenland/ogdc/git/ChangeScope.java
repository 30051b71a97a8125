package net.qgreenland.ogdc.git;

import java.util.List;
import java.util.Objects;

/**
 * Which recipes a run is about, as decided from the event (or the command line) before any diff: the changes
 * between two commits, recipes named at a commit, every recipe at a commit, or nothing; {@code description} says
 * why in one line (e.g. "push to refs/heads/main: before..after"). Commits are full SHAs.
 */
public sealed interface ChangeScope {

    /** One line on how the scope was chosen, for the log and the plan. */
    String description();

    /** The recipes changed from {@code base} to {@code head}. */
    record Diff(String base, String head, String description) implements ChangeScope {
        public Diff {
            Objects.requireNonNull(base, "base");
            Objects.requireNonNull(head, "head");
            Objects.requireNonNull(description, "description");
        }
    }

    /** The recipes {@code names} (directories, directory names or recipe ids) as they are at {@code head}. */
    record Named(String head, List<String> names, String description) implements ChangeScope {
        public Named {
            Objects.requireNonNull(head, "head");
            names = List.copyOf(names);
            Objects.requireNonNull(description, "description");
            if (names.isEmpty()) {
                throw new IllegalArgumentException("a named scope needs at least one recipe name");
            }
        }
    }

    /** Every recipe at {@code head}. */
    record All(String head, String description) implements ChangeScope {
        public All {
            Objects.requireNonNull(head, "head");
            Objects.requireNonNull(description, "description");
        }
    }

    /** Nothing to run, and why (a deleted branch, a closed pull request, a comment that is not a run command). */
    record Nothing(String description) implements ChangeScope {
        public Nothing {
            Objects.requireNonNull(description, "description");
        }
    }
}
