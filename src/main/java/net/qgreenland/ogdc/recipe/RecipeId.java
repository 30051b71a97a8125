package net.qgreenland.ogdc.recipe;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A recipe's id: the name in lower case with spaces turned into dashes, as the Python runner computes it
 * ({@code "Water measurements from seal tag data"} → {@code water-measurements-from-seal-tag-data}).
 *
 * <p>Unlike the Python runner, the id is always usable in Kubernetes and Argo names and label values: a
 * {@code .} becomes a dash and dashes at either end are dropped (Argo rejects the Python runner's workflows
 * for such names). An id is at most {@value #MAX_LENGTH} characters, the limit of a Kubernetes label value.
 */
public record RecipeId(String value) {

    /** The longest id: it is a Kubernetes label value on every workflow. */
    public static final int MAX_LENGTH = 63;

    private static final Pattern VALID = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    public RecipeId {
        Objects.requireNonNull(value, "value");
        if (value.length() > MAX_LENGTH || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("not a valid recipe id: '" + value + "'");
        }
    }

    /** The id exactly as the Python runner computes it from {@code name}, which may not be a valid id. */
    public static String pythonRunnerId(String name) {
        return name.toLowerCase(Locale.ROOT).replace(' ', '-');
    }

    /**
     * The id for {@code name} (a name that matches the recipe name pattern), or empty when nothing usable is
     * left (a name of only dots and dashes) or it is too long.
     */
    public static Optional<RecipeId> fromName(String name) {
        String trimmed = Edges.strip(pythonRunnerId(name).replace('.', '-'), '-');
        if (trimmed.isEmpty() || trimmed.length() > MAX_LENGTH || !VALID.matcher(trimmed).matches()) {
            return Optional.empty();
        }
        return Optional.of(new RecipeId(trimmed));
    }

    @Override
    public String toString() {
        return value;
    }
}
