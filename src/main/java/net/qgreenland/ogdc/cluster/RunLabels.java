package net.qgreenland.ogdc.cluster;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.regex.Pattern;
import net.qgreenland.ogdc.argo.model.ArgoDocuments;
import net.qgreenland.ogdc.argo.model.Workflow;

/**
 * The labels this program puts on every workflow it submits, so that runs can be found, re-attached to and never
 * duplicated: which recipe, at which commit, with which content, for which pull request and trigger, and the
 * workflow's role among the recipe's workflows.
 *
 * @param commit the commit the recipe was read at, when known
 * @param pullRequest the pull request number, when the run is for one
 * @param trigger what started the run: a GitHub event name ({@code push}, {@code pull_request}) or {@code cli}
 */
public record RunLabels(Optional<String> commit, OptionalInt pullRequest, String trigger) {

    public static final String RECIPE_ID = "ogdc/recipe-id";
    public static final String COMMIT = "ogdc/commit";
    public static final String CONTENT_HASH = "ogdc/content-hash";
    public static final String PULL_REQUEST = "ogdc/pull-request";
    public static final String TRIGGER = "ogdc/trigger";
    public static final String ROLE = "ogdc/role";
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String MANAGER = "ogdc-action";

    private static final int MAX_VALUE = 63;
    private static final Pattern INVALID = Pattern.compile("[^A-Za-z0-9._-]");

    /** A workflow's part in running a recipe. */
    public enum Role {
        CHECK_PUBLISHED("check-published"),
        REMOVE_EXISTING_DATA("remove-existing-data"),
        MAIN("main");

        private final String label;

        Role(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public RunLabels {
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(pullRequest, "pullRequest");
        Objects.requireNonNull(trigger, "trigger");
        commit = commit.map(RunLabels::labelValue).filter(c -> !c.isEmpty());
        trigger = labelValue(trigger);
    }

    /**
     * The labels of {@code workflow}, one of recipe {@code recipeId}'s workflows, in {@code role}: ours, with the
     * content hash of the workflow as translated (before these labels are added).
     */
    public Map<String, String> of(String recipeId, Role role, Workflow workflow) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(MANAGED_BY, MANAGER);
        labels.put(RECIPE_ID, labelValue(recipeId));
        commit.ifPresent(c -> labels.put(COMMIT, c));
        labels.put(CONTENT_HASH, contentHash(workflow));
        pullRequest.ifPresent(n -> labels.put(PULL_REQUEST, Integer.toString(n)));
        if (!trigger.isEmpty()) {
            labels.put(TRIGGER, trigger);
        }
        labels.put(ROLE, role.label());
        return labels;
    }

    /**
     * The selector of earlier submissions of the same workflow: same recipe, commit (when known), content and role.
     * The pull request and trigger are left out on purpose: a push and a pull request of one commit run it once.
     */
    public LabelSelector sameSubmission(String recipeId, Role role, Workflow workflow) {
        Map<String, String> labels = new TreeMap<>(of(recipeId, role, workflow));
        labels.remove(PULL_REQUEST);
        labels.remove(TRIGGER);
        return LabelSelector.of(labels);
    }

    /**
     * The SHA-256 of the workflow's JSON as translated, first 32 hex digits: a change to the recipe's files, or to
     * the settings it is translated with (image tags, PVC names), is new content; the same recipe at the same
     * commit translated the same way is not.
     */
    public static String contentHash(Workflow workflow) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(ArgoDocuments.toJson(workflow).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * {@code value} made a valid label value: characters other than letters, digits, {@code -_.} become {@code -},
     * at most 63 characters, starting and ending with a letter or digit.
     */
    static String labelValue(String value) {
        String cleaned = INVALID.matcher(value).replaceAll("-");
        if (cleaned.length() > MAX_VALUE) {
            cleaned = cleaned.substring(0, MAX_VALUE);
        }
        return cleaned.replaceAll("^[^A-Za-z0-9]+", "").replaceAll("[^A-Za-z0-9]+$", "");
    }
}
