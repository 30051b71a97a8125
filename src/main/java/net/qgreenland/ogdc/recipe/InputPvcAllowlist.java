package net.qgreenland.ogdc.recipe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The PVC claims recipes may mount as inputs ({@code OGDC_ALLOWED_INPUT_PVCS}, spec §1.7): a JSON array of claim
 * names or of objects with {@code claimName} (or {@code claim_name}); the workflow PVC is always allowed.
 *
 * @param claims every allowed claim, the workflow PVC included
 */
public record InputPvcAllowlist(Set<String> claims) {

    /** The operator setting this list mirrors. */
    public static final String VARIABLE = "OGDC_ALLOWED_INPUT_PVCS";

    private static final ObjectMapper JSON = new ObjectMapper();

    public InputPvcAllowlist {
        claims = Set.copyOf(claims);
    }

    /**
     * Parses the setting's value; absent, empty or blank means no claim but the workflow PVC.
     *
     * @throws IllegalArgumentException with the runner's message if the value is malformed
     */
    public static InputPvcAllowlist parse(String json, String workflowClaim) {
        Objects.requireNonNull(workflowClaim, "workflowClaim");
        Set<String> claims = new TreeSet<>();
        claims.add(workflowClaim);
        if (json == null || json.isBlank()) {
            return new InputPvcAllowlist(claims);
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(VARIABLE + " must be a JSON array (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException(VARIABLE + " must be a JSON array");
        }
        for (JsonNode entry : root) {
            String claim;
            if (entry.isTextual()) {
                claim = entry.asText();
            } else if (entry.isObject()) {
                JsonNode name = entry.has("claimName") ? entry.get("claimName") : entry.get("claim_name");
                if (name == null || !name.isTextual() || name.asText().isBlank()) {
                    throw new IllegalArgumentException(VARIABLE + " entries must include a non-empty claimName");
                }
                claim = name.asText();
            } else {
                throw new IllegalArgumentException(
                        VARIABLE + " entries must be strings or objects with claimName");
            }
            claims.add(claim.strip());
        }
        return new InputPvcAllowlist(claims);
    }

    /** One problem for a recipe that mounts claims not on this list (none if it mounts only allowed claims). */
    public List<RecipeProblem> check(Recipe recipe) {
        Set<String> refused = new TreeSet<>();
        String firstProperty = "";
        for (int i = 0; i < recipe.inputs().size(); i++) {
            if (recipe.inputs().get(i) instanceof RecipeInput.PvcMount pvc && !claims.contains(pvc.claimName())) {
                refused.add(pvc.claimName());
                firstProperty = firstProperty.isEmpty() ? "input.params[" + i + "].claim_name" : firstProperty;
            }
        }
        if (refused.isEmpty()) {
            return List.of();
        }
        List<RecipeProblem> problems = new ArrayList<>();
        problems.add(RecipeProblem.error(
                SourceLocation.ofFile(recipe.directory() + "/" + RecipeParser.META_FILE), firstProperty,
                "Recipe references input PVC claim(s) that are not configured in " + VARIABLE + ": "
                        + String.join(", ", refused) + ". Ask an operator to add approved claims to the Helm "
                        + "ogdc_input_pvcs value."));
        return problems;
    }
}
