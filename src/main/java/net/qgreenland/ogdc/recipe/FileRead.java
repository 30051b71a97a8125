package net.qgreenland.ogdc.recipe;

import java.util.Objects;

/** What came of reading one recipe file through {@link RecipeFiles}. */
public sealed interface FileRead {

    /** The file's bytes. */
    record Found(byte[] bytes) implements FileRead {
        public Found {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }

    /** There is no such file. */
    record Missing() implements FileRead {}

    /** The file is larger than the limit asked for. */
    record TooLarge(long size) implements FileRead {}

    /** The path is a symbolic link (or under one) that leads outside the recipe directory. */
    record OutsideRecipe(String target) implements FileRead {
        public OutsideRecipe {
            Objects.requireNonNull(target, "target");
        }
    }

    /** The path exists but is not a regular file (a directory, a device, a socket...). */
    record NotAFile() implements FileRead {}

    /** The file exists but could not be read; {@code reason} says why. */
    record Unreadable(String reason) implements FileRead {
        public Unreadable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
