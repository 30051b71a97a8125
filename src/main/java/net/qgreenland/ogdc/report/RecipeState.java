package net.qgreenland.ogdc.report;

import java.util.Optional;

/**
 * Where one recipe of a run stands, as a report shows it; each state maps to a check run's status and, once
 * completed, its conclusion.
 */
public enum RecipeState {
    /** Selected and valid; nothing submitted yet. */
    PLANNED("planned", CheckStatus.QUEUED, null, false),
    /** It has errors: nothing was submitted. */
    INVALID("invalid", CheckStatus.COMPLETED, CheckConclusion.FAILURE, true),
    /** Submitted; the controller has not started it. */
    QUEUED("queued", CheckStatus.QUEUED, null, false),
    RUNNING("running", CheckStatus.IN_PROGRESS, null, false),
    SUCCEEDED("succeeded", CheckStatus.COMPLETED, CheckConclusion.SUCCESS, false),
    /** A step exited non-zero. */
    FAILED("failed", CheckStatus.COMPLETED, CheckConclusion.FAILURE, true),
    /** Argo could not run a step, or the cluster refused or could not be reached. */
    ERRORED("error", CheckStatus.COMPLETED, CheckConclusion.FAILURE, true),
    TIMED_OUT("timed out", CheckStatus.COMPLETED, CheckConclusion.TIMED_OUT, true),
    CANCELLED("cancelled", CheckStatus.COMPLETED, CheckConclusion.CANCELLED, false),
    /** Nothing to run: its results are already published, or only documentation changed. */
    SKIPPED("skipped", CheckStatus.COMPLETED, CheckConclusion.NEUTRAL, false),
    /** Dry run: translated and written, not submitted. */
    NOT_SUBMITTED("not submitted (dry run)", CheckStatus.COMPLETED, CheckConclusion.NEUTRAL, false),
    /** Waiting for someone allowed to approve the run (the approval gate). */
    AWAITING_APPROVAL("awaiting approval", CheckStatus.COMPLETED, CheckConclusion.ACTION_REQUIRED, false);

    private final String label;
    private final CheckStatus checkStatus;
    private final CheckConclusion conclusion;
    private final boolean failure;

    RecipeState(String label, CheckStatus checkStatus, CheckConclusion conclusion, boolean failure) {
        this.label = label;
        this.checkStatus = checkStatus;
        this.conclusion = conclusion;
        this.failure = failure;
    }

    /** Lower-case words for people: {@code timed out}. */
    public String label() {
        return label;
    }

    /** The check run's status in this state. */
    public CheckStatus checkStatus() {
        return checkStatus;
    }

    /** The check run's conclusion, present exactly when {@link #checkStatus()} is completed. */
    public Optional<CheckConclusion> conclusion() {
        return Optional.ofNullable(conclusion);
    }

    /** Whether this state counts against the run. */
    public boolean isFailure() {
        return failure;
    }

    /** Whether the recipe's fate is known (its check run is completed). */
    public boolean isCompleted() {
        return checkStatus == CheckStatus.COMPLETED;
    }
}
