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
 * @param ref the branch a push ran for ({@code main}, {@code feature/x}), so that a newer push to it supersedes
 *     this run; empty for pull requests (their number is the key) and runs from the command line
 */
public record RunLabels(Optional<String> commit, OptionalInt pullRequest, String trigger, Optional<String> ref) {

    public static final String RECIPE_ID = "ogdc/recipe-id";
    public static final String COMMIT = "ogdc/commit";
    public static final String CONTENT_HASH = "ogdc/content-hash";
    public static final String PULL_REQUEST = "ogdc/pull-request";
    public static final String TRIGGER = "ogdc/trigger";
    public static final String ROLE = "ogdc/role";
    /** The branch of a push, made a label value ({@code feature/x} → {@code feature-x}); the annotation is exact. */
    public static final String REF = "ogdc/ref";
    /** Annotations: the recipe's directory (its check run's name) and the exact branch. */
    public static final String RECIPE_DIRECTORY_ANNOTATION = "ogdc/recipe-directory";
    public static final String REF_ANNOTATION = "ogdc/ref";
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
        Objects.requireNonNull(ref, "ref");
        commit = commit.map(RunLabels::labelValue).filter(c -> !c.isEmpty());
        trigger = labelValue(trigger);
        ref = ref.filter(r -> !r.isBlank());
    }

    /** Labels without a branch: a pull request's run, or one from the command line. */
    public RunLabels(Optional<String> commit, OptionalInt pullRequest, String trigger) {
        this(commit, pullRequest, trigger, Optional.empty());
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
        ref.map(RunLabels::labelValue).filter(r -> !r.isEmpty()).ifPresent(r -> labels.put(REF, r));
        labels.put(ROLE, role.label());
        return labels;
    }

    /**
     * The annotations of a workflow of the recipe in {@code directory}: its directory (to find its check run again)
     * and the exact branch, which a label value cannot always hold.
     */
    public Map<String, String> annotations(String directory) {
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put(RECIPE_DIRECTORY_ANNOTATION, directory);
        ref.ifPresent(r -> annotations.put(REF_ANNOTATION, r));
        return annotations;
    }

    /**
     * The selector of earlier submissions of the same workflow: same recipe, commit (when known), content and role.
     * The pull request and trigger are left out on purpose: a push and a pull request of one commit run it once.
     */
    public LabelSelector sameSubmission(String recipeId, Role role, Workflow workflow) {
        Map<String, String> labels = new TreeMap<>(of(recipeId, role, workflow));
        labels.remove(PULL_REQUEST);
        labels.remove(TRIGGER);
        labels.remove(REF);
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
    public static String labelValue(String value) {
        String cleaned = INVALID.matcher(value).replaceAll("-");
        if (cleaned.length() > MAX_VALUE) {
            cleaned = cleaned.substring(0, MAX_VALUE);
        }
        return cleaned.replaceAll("^[^A-Za-z0-9]+", "").replaceAll("[^A-Za-z0-9]+$", "");
    }
}
