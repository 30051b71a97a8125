package net.qgreenland.ogdc.task;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The file names a {@code fetch} run has given out, each to one source (a URL or a PVC file); thread-safe. */
final class NameClaims {

    private final ConcurrentMap<String, String> sources = new ConcurrentHashMap<>();

    /** Gives {@code name} to {@code source}, or returns the other source that has it already. */
    Optional<String> claim(String name, String source) {
        String previous = sources.putIfAbsent(name, source);
        return previous == null || previous.equals(source) ? Optional.empty() : Optional.of(previous);
    }
}
