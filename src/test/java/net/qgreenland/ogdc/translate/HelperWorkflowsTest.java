package net.qgreenland.ogdc.translate;

import net.qgreenland.ogdc.testing.GoldenFiles;
import static org.assertj.core.api.Assertions.assertThat;

import net.qgreenland.ogdc.argo.model.ArgoDocuments;
import net.qgreenland.ogdc.argo.model.ArgoSchemas;
import net.qgreenland.ogdc.argo.model.Workflow;
import net.qgreenland.ogdc.recipe.Recipe;
import org.junit.jupiter.api.Test;

/** The check-published and remove-existing-data workflows of spec §4. */
class HelperWorkflowsTest {

    static final String SEAL_TAGS = "src/test/resources/fixtures/ogdc-recipes/recipes/seal-tags";
    static final String SHELL_TEST = "src/test/resources/fixtures/runner-tests/test_shell_workflow_recipe_dir";

    final HelperWorkflows helpers = new HelperWorkflows(TranslationSettings.defaults());

    @Test
    void checkPublishedMatchesItsGoldenFileAndArgosSchemas() {
        Workflow workflow = helpers.checkPublished(TestRecipes.load(SHELL_TEST));

        assertThat(ArgoSchemas.errors(workflow)).isEmpty();
        GoldenFiles.assertMatches("helpers/test-ogdc-workflow-check-published.yaml", ArgoDocuments.toYaml(workflow));
    }

    @Test
    void removeExistingDataMatchesItsGoldenFileAndArgosSchemas() {
        Workflow workflow = helpers.removeExistingData(TestRecipes.load(SHELL_TEST));

        assertThat(ArgoSchemas.errors(workflow)).isEmpty();
        GoldenFiles.assertMatches("helpers/test-ogdc-workflow-remove-existing-data.yaml",
                ArgoDocuments.toYaml(workflow));
    }

    @Test
    void helpersAreNotArchivedAndKeepTheRecipesTtl() {
        Recipe temporary = TestRecipes.load(SEAL_TAGS);

        Workflow check = helpers.checkPublished(temporary);

        assertThat(check.metadata().generateName()).hasValue("water-measurements-from-seal-tag-data-check-published-");
        assertThat(check.metadata().labels()).containsEntry("ogdc/persist-workflow-in-archive", "false");
        assertThat(check.spec().ttlStrategy().orElseThrow().secondsAfterSuccess()).hasValue(604_800);
        assertThat(check.spec().entrypoint()).isEqualTo("steps");
        assertThat(check.spec().templates().get(0).container().orElseThrow().args())
                .containsExactly("test -d /mnt/water-measurements-from-seal-tag-data && echo \"yes\" > "
                        + "/tmp/published.txt || echo \"no\" > /tmp/published.txt");
    }
}
