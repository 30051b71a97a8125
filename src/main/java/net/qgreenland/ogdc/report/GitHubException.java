package net.qgreenland.ogdc.report;

/** A GitHub call a command depends on failed after its retries; the message names the call and GitHub's answer. */
public final class GitHubException extends RuntimeException {

    public GitHubException(String message) {
        super(message);
    }
}
