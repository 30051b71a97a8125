package net.qgreenland.ogdc.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import net.qgreenland.ogdc.recipe.FileRead;
import net.qgreenland.ogdc.recipe.RecipeFiles;

/**
 * Reads a recipe directory's files from the local file system, refusing anything that resolves outside the
 * recipe directory and never reading more than the size asked for.
 */
public final class FileSystemRecipeFiles implements RecipeFiles {

    private final Path directory;

    /** Reads files of {@code directory}, which must exist. */
    public FileSystemRecipeFiles(Path directory) {
        this.directory = directory;
    }

    @Override
    public FileRead read(String relativePath, long maxBytes) {
        Path file = directory.resolve(relativePath);
        try {
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                return new FileRead.Missing();
            }
            Path realDirectory = directory.toRealPath();
            Path real;
            try {
                real = file.toRealPath();
            } catch (NoSuchFileException e) {
                return new FileRead.Unreadable("it is a symbolic link to '" + Files.readSymbolicLink(file)
                        + "', which does not exist");
            }
            if (!real.startsWith(realDirectory)) {
                return new FileRead.OutsideRecipe(Files.isSymbolicLink(file)
                        ? Files.readSymbolicLink(file).toString() : real.toString());
            }
            if (!Files.isRegularFile(real)) {
                return new FileRead.NotAFile();
            }
            long size = Files.size(real);
            if (size > maxBytes) {
                return new FileRead.TooLarge(size);
            }
            try (InputStream in = Files.newInputStream(real)) {
                // The file may grow between size() and reading: never take more than the cap.
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (bytes.length > maxBytes) {
                    return new FileRead.TooLarge(bytes.length);
                }
                return new FileRead.Found(bytes);
            }
        } catch (IOException | SecurityException e) {
            return new FileRead.Unreadable(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
