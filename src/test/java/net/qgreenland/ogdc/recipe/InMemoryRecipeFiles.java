package net.qgreenland.ogdc.recipe;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** A recipe directory held in memory: file contents by relative path, plus reads that fail in a given way. */
final class InMemoryRecipeFiles implements RecipeFiles {

    private final Map<String, byte[]> files = new HashMap<>();
    private final Map<String, FileRead> failures = new HashMap<>();

    static InMemoryRecipeFiles of(Map<String, String> textFiles) {
        InMemoryRecipeFiles result = new InMemoryRecipeFiles();
        textFiles.forEach(result::with);
        return result;
    }

    InMemoryRecipeFiles with(String path, String text) {
        files.put(path, text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    InMemoryRecipeFiles withBytes(String path, byte[] bytes) {
        files.put(path, bytes.clone());
        return this;
    }

    InMemoryRecipeFiles failing(String path, FileRead read) {
        failures.put(path, read);
        return this;
    }

    @Override
    public FileRead read(String relativePath, long maxBytes) {
        if (failures.containsKey(relativePath)) {
            return failures.get(relativePath);
        }
        byte[] bytes = files.get(relativePath);
        if (bytes == null) {
            return new FileRead.Missing();
        }
        return bytes.length > maxBytes ? new FileRead.TooLarge(bytes.length) : new FileRead.Found(bytes);
    }
}
