package net.qgreenland.ogdc.git;

/** Where a {@link CommitDiff} came from, for the log and the plan. */
public enum DiffSource {
    /** Both commits were already in the clone. */
    LOCAL("both commits were in the clone"),
    /** A missing commit was fetched from origin first. */
    FETCHED("fetched the missing commit from origin"),
    /** The base could not be fetched: GitHub's compare API listed the changes. */
    COMPARE_API("GitHub's compare API (the base could not be fetched)");

    private final String description;

    DiffSource(String description) {
        this.description = description;
    }

    /** A phrase for the log, e.g. "fetched the missing commit from origin". */
    public String description() {
        return description;
    }
}
