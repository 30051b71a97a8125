package net.qgreenland.ogdc.report;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The end of one failed step's log, as a report shows it (secrets are redacted when it is rendered).
 *
 * @param node the step's display name ({@code cmd-0})
 * @param pod the pod that ran it
 * @param lines its last lines, oldest first
 * @param problem why the log could not be read, when it could not; {@code lines} is then empty
 */
public record LogExcerpt(String node, String pod, List<String> lines, Optional<String> problem) {

    public LogExcerpt {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(pod, "pod");
        lines = List.copyOf(lines);
        Objects.requireNonNull(problem, "problem");
    }
}
