package net.qgreenland.ogdc.task;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Stages pvc inputs as symbolic links {@code DEST/<basename>} to each matching file, flattening directories, with
 * the collision rules of spec §5.6 (stage_pvc_inputs.sh); an identical link from an earlier run is kept.
 */
final class PvcStager {

    private final Path destination;
    private final NameClaims claims;

    PvcStager(Path destination, NameClaims claims) {
        this.destination = destination;
        this.claims = claims;
    }

    /** Links the matches of {@code input} (sorted) and returns the links' paths in that order. */
    List<Path> stage(InputSpec.Pvc input) {
        TreeSet<String> matches = new RecursiveGlob(input.path(), input.glob()).matches();
        if (matches.isEmpty()) {
            throw new TaskFailure("No files found for PVC input path=" + input.path() + " glob=" + input.glob());
        }
        List<Path> sources = matches.stream().map(Path::of).toList();
        for (Path source : sources) {
            String name = source.getFileName().toString();
            claims.claim(name, source.toString()).ifPresent(other -> {
                throw new TaskFailure("PVC input basename collision for " + name + ": " + other + " and " + source);
            });
        }
        List<Path> links = new ArrayList<>(sources.size());
        for (Path source : sources) {
            links.add(link(source));
        }
        return links;
    }

    private Path link(Path source) {
        Path target = destination.resolve(source.getFileName().toString());
        try {
            if (Files.isSymbolicLink(target) && Files.readSymbolicLink(target).equals(source)) {
                return target;
            }
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new TaskFailure("Input basename collision at " + target + "; refusing to overwrite it");
            }
            Files.createSymbolicLink(target, source);
            return target;
        } catch (IOException e) {
            throw new TaskFailure("linking " + target + " to " + source + " failed: " + TaskFailure.reason(e), e);
        }
    }
}
