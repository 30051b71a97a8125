package net.qgreenland.ogdc.git;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** The commit checked out where recipes are read from, to label the workflows submitted from them. */
public final class GitHead {

    private GitHead() {}

    /**
     * The full SHA of {@code HEAD} in the repository that contains {@code directory}; empty if it is in none, or the
     * repository has no commit yet, or cannot be read (labels then simply go without a commit).
     */
    public static Optional<String> find(Path directory) {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(directory.toFile());
        if (builder.getGitDir() == null) {
            return Optional.empty();
        }
        try (Repository repository = builder.build()) {
            return Optional.ofNullable(repository.resolve("HEAD")).map(ObjectId::getName);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
