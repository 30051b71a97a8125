package net.qgreenland.ogdc.report;

/** A check run's {@code status}; {@code waiting}, {@code requested} and {@code pending} are reserved for Actions. */
public enum CheckStatus {
    QUEUED("queued"),
    IN_PROGRESS("in_progress"),
    COMPLETED("completed");

    private final String apiName;

    CheckStatus(String apiName) {
        this.apiName = apiName;
    }

    /** As the API spells it: {@code in_progress}. */
    public String apiName() {
        return apiName;
    }
}
