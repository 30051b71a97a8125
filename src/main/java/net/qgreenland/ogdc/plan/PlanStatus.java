package net.qgreenland.ogdc.plan;

/** What a plan does with one recipe. */
public enum PlanStatus {
    /** Valid, and its workflows would be submitted. */
    RUN("run"),
    /** Valid, but only documentation changed: checked, not submitted. */
    VALIDATE_ONLY("validate only"),
    /** The recipe directory no longer holds a recipe: nothing to run. */
    REMOVED("removed"),
    /** Selected, but it has errors: nothing would be submitted. */
    INVALID("invalid");

    private final String label;

    PlanStatus(String label) {
        this.label = label;
    }

    /** How the status is written for people, e.g. "validate only". */
    public String label() {
        return label;
    }

    /** How the status is written in JSON, e.g. "validate-only". */
    public String key() {
        return label.replace(' ', '-');
    }
}
