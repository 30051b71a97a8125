package net.qgreenland.ogdc.report;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one recipe's check run should say now. The publisher creates the run the first time (found again by
 * {@code externalId} on a re-run) and updates it afterwards.
 *
 * @param name the check run's name: the recipe directory ({@code recipes/seal-tags})
 * @param headSha the commit it belongs to: a pull request's head, not the test-merge commit
 * @param externalId {@code <recipe directory>@<head sha>}, how a re-run finds the same check run
 * @param status queued, in progress or completed
 * @param conclusion present exactly when {@code status} is completed
 * @param detailsUrl where "Details" leads: the Argo UI's workflow page, else the Actions run
 * @param startedAt when the recipe's run started
 * @param completedAt when it ended (with a conclusion)
 * @param title the output title (one line)
 * @param summary the output summary, Markdown, already cut to the API's 65,535 characters
 * @param text the output text, Markdown, already cut likewise
 * @param annotations every annotation; the publisher sends them 50 per request
 */
public record CheckRunUpdate(
        String name, String headSha, String externalId, CheckStatus status, Optional<CheckConclusion> conclusion,
        Optional<String> detailsUrl, Optional<Instant> startedAt, Optional<Instant> completedAt, String title,
        String summary, Optional<String> text, List<CheckAnnotation> annotations) {

    /** The Checks API's limit on {@code summary} and on {@code text}, in characters. */
    public static final int MAX_OUTPUT_CHARACTERS = 65_535;

    public CheckRunUpdate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(headSha, "headSha");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(conclusion, "conclusion");
        Objects.requireNonNull(detailsUrl, "detailsUrl");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(completedAt, "completedAt");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(text, "text");
        annotations = List.copyOf(annotations);
        if ((status == CheckStatus.COMPLETED) != conclusion.isPresent()) {
            throw new IllegalArgumentException("a conclusion is given exactly when the status is completed");
        }
        if (summary.length() > MAX_OUTPUT_CHARACTERS || text.map(String::length).orElse(0) > MAX_OUTPUT_CHARACTERS) {
            throw new IllegalArgumentException("summary and text must be cut to " + MAX_OUTPUT_CHARACTERS
                    + " characters before they are published");
        }
    }
}
