package net.qgreenland.ogdc.recipe;

/**
 * Port: reads files of one recipe directory, by path relative to that directory.
 *
 * <p>An implementation must never read more than {@code maxBytes} (it reports {@link FileRead.TooLarge} instead)
 * and must refuse files that are, or resolve through a symbolic link to, something outside the recipe directory
 * ({@link FileRead.OutsideRecipe}). Paths given here have already been checked to be relative and free of
 * {@code ..}.
 */
public interface RecipeFiles {

    /** Reads {@code relativePath} (forward slashes), at most {@code maxBytes} bytes. */
    FileRead read(String relativePath, long maxBytes);
}
