package net.qgreenland.ogdc.cluster;

import java.util.Locale;

/**
 * Where a workflow is in its life: Argo's {@code status.phase} (empty while the controller has not picked it up,
 * which counts as {@link #PENDING}), and {@link #NOT_SUBMITTED} for a dry run.
 *
 * <p>Terminal phases are {@code Succeeded}, {@code Failed} and {@code Error} (the Python runner waits forever on
 * {@code Error}, spec §7.2) and {@code NOT_SUBMITTED}, which never changes.
 */
public enum WorkflowPhase {
    PENDING("Pending"),
    RUNNING("Running"),
    SUCCEEDED("Succeeded"),
    FAILED("Failed"),
    ERROR("Error"),
    NOT_SUBMITTED("NotSubmitted");

    private final String argoName;

    WorkflowPhase(String argoName) {
        this.argoName = argoName;
    }

    /** The phase as Argo spells it ({@code Succeeded}); {@code NotSubmitted} for a dry run. */
    public String argoName() {
        return argoName;
    }

    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == ERROR || this == NOT_SUBMITTED;
    }

    /** Argo's phase text; a missing, empty or unknown phase is {@link #PENDING} (Argo adds phases rarely). */
    public static WorkflowPhase fromArgo(String phase) {
        if (phase == null) {
            return PENDING;
        }
        for (WorkflowPhase value : values()) {
            if (value.argoName.toLowerCase(Locale.ROOT).equals(phase.toLowerCase(Locale.ROOT))) {
                return value;
            }
        }
        return PENDING;
    }
}
