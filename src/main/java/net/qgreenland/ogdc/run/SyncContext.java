package net.qgreenland.ogdc.run;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a sync reports with, besides what each workflow's labels say.
 *
 * @param repository {@code owner/name}, whose check runs are completed
 * @param actionsRunUrl the Actions run doing the sync, linked from the check runs it updates
 * @param argoUi the Argo UI's base URL, for links to workflows
 * @param secrets every secret value, kept out of log excerpts
 */
public record SyncContext(String repository, Optional<String> actionsRunUrl, Optional<String> argoUi,
                          List<String> secrets) {

    public SyncContext {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(actionsRunUrl, "actionsRunUrl");
        Objects.requireNonNull(argoUi, "argoUi");
        secrets = List.copyOf(secrets);
    }
}
