package net.qgreenland.ogdc.recipe;

/** How bad a recipe problem is: an error makes the recipe invalid, a warning does not. */
public enum Severity {
    ERROR,
    WARNING;

    /** Lower-case label used in output: {@code error} or {@code warning}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
