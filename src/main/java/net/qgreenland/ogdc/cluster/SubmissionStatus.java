package net.qgreenland.ogdc.cluster;

/** How submitting (and, when asked, waiting for) one recipe's workflows ended. */
public enum SubmissionStatus {
    /** Dry run: written, not submitted. */
    NOT_SUBMITTED("not submitted (dry run)", false),
    /** Submitted (or found already submitted) and not waited for. */
    SUBMITTED("submitted", false),
    /** Its results are already published; nothing was run (use overwrite to replace them). */
    SKIPPED("skipped: already published", false),
    SUCCEEDED("succeeded", false),
    /** The workflow ended {@code Failed}: a step exited non-zero. */
    FAILED("failed", true),
    /** The workflow ended {@code Error}: Argo could not run a step (image, volume, controller trouble). */
    ERRORED("error", true),
    /** It did not end in time; it was stopped, terminated or left running as asked. */
    TIMED_OUT("timed out", true),
    /** It could not be submitted (or a helper workflow failed): the cluster refused, or could not be reached. */
    NOT_RUN("not run", true);

    private final String description;
    private final boolean failure;

    SubmissionStatus(String description, boolean failure) {
        this.description = description;
        this.failure = failure;
    }

    /** Lower-case words for messages: {@code skipped: already published}. */
    public String description() {
        return description;
    }

    /** Whether this counts against the run (a non-zero exit). */
    public boolean isFailure() {
        return failure;
    }

    /** The status for a workflow that ended in {@code phase}. */
    public static SubmissionStatus ofEnd(WorkflowPhase phase) {
        switch (phase) {
            case SUCCEEDED:
                return SUCCEEDED;
            case FAILED:
                return FAILED;
            case ERROR:
                return ERRORED;
            case NOT_SUBMITTED:
                return NOT_SUBMITTED;
            default:
                return SUBMITTED;
        }
    }
}
