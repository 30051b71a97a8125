package net.qgreenland.ogdc.report;

/** A completed check run's {@code conclusion} ({@code stale} is GitHub's own and never sent). */
public enum CheckConclusion {
    SUCCESS("success"),
    FAILURE("failure"),
    NEUTRAL("neutral"),
    CANCELLED("cancelled"),
    SKIPPED("skipped"),
    TIMED_OUT("timed_out"),
    ACTION_REQUIRED("action_required");

    private final String apiName;

    CheckConclusion(String apiName) {
        this.apiName = apiName;
    }

    /** As the API spells it: {@code timed_out}. */
    public String apiName() {
        return apiName;
    }
}
