package net.qgreenland.ogdc.recipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The input PVC allowlist of spec §1.7: its format, and which recipes it refuses. */
class InputPvcAllowlistTest {

    static final String WORKFLOW_PVC = "cephfs-qgnet-ogdc-workflow-pvc";

    @ParameterizedTest(name = "{0} allows ogdc-test-pvc")
    @ValueSource(strings = {
        "[\"ogdc-test-pvc\"]",
        "[{\"claimName\": \"ogdc-test-pvc\", \"description\": \"test data\"}]",
        "[{\"claim_name\": \"ogdc-test-pvc\"}]",
    })
    void entriesAreNamesOrObjectsWithAClaimName(String json) {
        assertThat(InputPvcAllowlist.parse(json, WORKFLOW_PVC).claims())
                .containsExactlyInAnyOrder("ogdc-test-pvc", WORKFLOW_PVC);
    }

    @ParameterizedTest(name = "''{0}'' allows only the workflow PVC")
    @NullSource
    @ValueSource(strings = {"", "   ", "[]"})
    void theWorkflowPvcIsAlwaysAllowed(String json) {
        assertThat(InputPvcAllowlist.parse(json, WORKFLOW_PVC).claims()).containsExactly(WORKFLOW_PVC);
    }

    @ParameterizedTest(name = "{0} is refused")
    @CsvSource(delimiter = '|', value = {
        "{\"claimName\": \"x\"}       | OGDC_ALLOWED_INPUT_PVCS must be a JSON array",
        "not json                     | OGDC_ALLOWED_INPUT_PVCS must be a JSON array",
        "[42]                         | OGDC_ALLOWED_INPUT_PVCS entries must be strings or objects with claimName",
        "[{\"description\": \"x\"}]   | OGDC_ALLOWED_INPUT_PVCS entries must include a non-empty claimName",
        "[{\"claimName\": \"\"}]      | OGDC_ALLOWED_INPUT_PVCS entries must include a non-empty claimName",
    })
    void malformedListsAreRefusedWithTheRunnersMessage(String json, String message) {
        assertThatThrownBy(() -> InputPvcAllowlist.parse(json, WORKFLOW_PVC))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(message);
    }

    @Test
    void aRecipeMountingUnlistedClaimsGetsOneProblemNamingThemSorted() {
        Recipe recipe = pvcRecipe("zeta-pvc", "alpha-pvc", "ogdc-test-pvc");

        assertThat(InputPvcAllowlist.parse("[\"ogdc-test-pvc\"]", WORKFLOW_PVC).check(recipe)).singleElement()
                .satisfies(p -> {
                    assertThat(p.location().file()).isEqualTo("recipes/x/meta.yml");
                    assertThat(p.property()).isEqualTo("input.params[0].claim_name");
                    assertThat(p.message()).isEqualTo("Recipe references input PVC claim(s) that are not configured "
                            + "in OGDC_ALLOWED_INPUT_PVCS: alpha-pvc, zeta-pvc. Ask an operator to add approved "
                            + "claims to the Helm ogdc_input_pvcs value.");
                });
    }

    @Test
    void listedClaimsAndTheWorkflowPvcPass() {
        assertThat(InputPvcAllowlist.parse("[]", WORKFLOW_PVC).check(pvcRecipe(WORKFLOW_PVC))).isEmpty();
        assertThat(InputPvcAllowlist.parse("[\"a\"]", WORKFLOW_PVC).check(pvcRecipe("a"))).isEmpty();
    }

    private static Recipe pvcRecipe(String... claims) {
        StringBuilder meta = new StringBuilder("name: x\nworkflow:\n  type: shell\ninput:\n  params:\n");
        for (String claim : claims) {
            meta.append("    - {type: pvc_mount, claim_name: ").append(claim).append(", path: /data}\n");
        }
        RecipeParseResult result = RecipeParser.parse("recipes/x",
                InMemoryRecipeFiles.of(Map.of("meta.yml", meta.toString(), "recipe.sh", "gdalinfo \"$INPUT_FILE\"\n")));
        return result.recipe().orElseThrow(() -> new AssertionError(result.problems()));
    }
}
