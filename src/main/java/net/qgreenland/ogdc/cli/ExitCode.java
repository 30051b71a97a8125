package net.qgreenland.ogdc.cli;

/** The process exit codes of ogdc-action; {@link Main} is the one place that chooses among them. */
public enum ExitCode {
    /** Everything asked for was done and found valid. */
    OK(0),
    /** The work ran, and something in it failed: an invalid recipe, a failed workflow. */
    FAILED(1),
    /** The command line or the paths given cannot be used; nothing was done. */
    USAGE(2),
    /** A bug or an environment failure we did not expect; the message says what was being attempted. */
    INTERNAL(3),
    /** The cluster or the Argo Server refused (401, 403) or could not be reached, still after retrying. */
    CLUSTER(4);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
