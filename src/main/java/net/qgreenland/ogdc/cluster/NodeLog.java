package net.qgreenland.ogdc.cluster;

import java.util.List;
import java.util.Objects;

/**
 * The end of one failed node's log: what a report shows next to "failed".
 *
 * @param node the node's display name ({@code cmd-0})
 * @param podName the pod that ran it
 * @param lines its last lines, oldest first (the {@code main} container's)
 * @param problem why the log could not be read (pod already deleted, ...); empty lines then
 */
public record NodeLog(String node, String podName, List<String> lines, java.util.Optional<String> problem) {

    public NodeLog {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(podName, "podName");
        lines = List.copyOf(lines);
        Objects.requireNonNull(problem, "problem");
    }
}
