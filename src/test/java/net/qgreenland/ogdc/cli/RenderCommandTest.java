package net.qgreenland.ogdc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.qgreenland.ogdc.argo.model.ArgoDocuments;
import net.qgreenland.ogdc.argo.model.ArgoSchemas;
import net.qgreenland.ogdc.argo.model.Workflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code render}: a YAML stream or one file per workflow, helpers first, nothing rendered when anything is wrong. */
class RenderCommandTest {

    static final String ETOPO = "example-recipe-repo/recipes/etopo-arctic-relief-cog";
    static final Map<String, String> DATAONE = Map.of("DATAONE_NODE_URL", "https://arcticdata.io/metacat/d1/mn");

    @Test
    void printsTheHelperThenTheMainWorkflowAsAStreamArgoAccepts() {
        CliRun run = CliRun.of("render", ETOPO);

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<Workflow> workflows = documents(run.out());
        assertThat(workflows).extracting(w -> w.metadata().generateName().orElseThrow())
                .containsExactly("etopo-2022-arctic-relief-cog-check-published-", "etopo-2022-arctic-relief-cog-shell-");
        assertThat(workflows).allSatisfy(w -> assertThat(ArgoSchemas.errors(w)).isEmpty());
    }

    @Test
    void overwriteRendersRemoveExistingDataFirst() {
        CliRun run = CliRun.of("render", "--overwrite", ETOPO);

        assertThat(documents(run.out())).extracting(w -> w.metadata().generateName().orElseThrow())
                .containsExactly("etopo-2022-arctic-relief-cog-remove-existing-data-",
                        "etopo-2022-arctic-relief-cog-shell-");
    }

    @Test
    void aWholeRepositoryRendersEveryRecipeWithNotesOnStandardError() {
        CliRun run = CliRun.withEnv(DATAONE, "render", "example-recipe-repo");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(documents(run.out())).hasSizeGreaterThanOrEqualTo(12);
        assertThat(run.err()).contains("note: example-recipe-repo/recipes/arcticdem-greenland-contours: temporary");
    }

    @Test
    void dataoneInputsWithoutANodeUrlRenderNothing() {
        CliRun run = CliRun.of("render", "example-recipe-repo");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("✗ example-recipe-repo/recipes/pan-arctic-plant-biomass has dataone inputs: "
                + "set DATAONE_NODE_URL").contains("Nothing rendered: 1 recipe(s) cannot be translated.");
    }

    @Test
    void anInvalidRecipeIsReportedWithItsLocationAndNothingIsRendered(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("meta.yml"), "name: \"Broken\"\nworkflow:\n  type: \"shel\"\n");

        CliRun run = CliRun.of("render", dir.toString(), ETOPO);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("meta.yml:3:").contains("Nothing rendered: fix the recipes above first.");
    }

    @Test
    void theWorkflowPvcOptionIsTheClaimTheWorkflowsMount() {
        CliRun run = CliRun.withEnv(Map.of("OGDC_WORKFLOW_PVC_NAME", "from-env-pvc"), "render", "--workflow-pvc",
                "my-workflow-pvc", ETOPO);

        assertThat(documents(run.out())).allSatisfy(w -> assertThat(w.spec().volumes().get(0)
                .persistentVolumeClaim().orElseThrow().claimName()).isEqualTo("my-workflow-pvc"));
        assertThat(documents(CliRun.withEnv(Map.of("OGDC_WORKFLOW_PVC_NAME", "from-env-pvc"), "render", ETOPO).out()))
                .allSatisfy(w -> assertThat(w.spec().volumes().get(0).persistentVolumeClaim().orElseThrow()
                        .claimName()).isEqualTo("from-env-pvc"));
    }

    @Test
    void aBadSettingIsAUsageErrorNamingTheVariable() {
        CliRun run = CliRun.withEnv(Map.of("OGDC_MAX_PARTITIONS", "0"), "render", ETOPO);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("OGDC_MAX_PARTITIONS must be >= 1").doesNotContain("Exception");
    }

    @Test
    void outputDirectoryGetsOneFilePerWorkflowAndKeepsFilesTheUserChanged(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("rendered");

        CliRun first = CliRun.of("render", ETOPO, "-o", out.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).isEmpty();
        Path main = out.resolve("etopo-2022-arctic-relief-cog-shell.yaml");
        assertThat(out.resolve("etopo-2022-arctic-relief-cog-check-published.yaml")).exists();
        assertThat(ArgoDocuments.fromYaml(Files.readString(main)).spec().entrypoint()).isEqualTo("main");
        assertThat(CliRun.of("render", ETOPO, "-o", out.toString()).exitCode()).as("identical re-render").isZero();

        Files.writeString(main, "# my edits\n");
        CliRun refused = CliRun.of("render", ETOPO, "-o", out.toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("already has etopo-2022-arctic-relief-cog-shell.yaml with other content; "
                + "use --force");
        assertThat(Files.readString(main)).isEqualTo("# my edits\n");

        assertThat(CliRun.of("render", ETOPO, "-o", out.toString(), "--force").exitCode()).isZero();
        assertThat(Files.readString(main)).startsWith("apiVersion: argoproj.io/v1alpha1");
        try (var files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString())).allSatisfy(f -> assertThat(f).endsWith(".yaml"));
        }
    }

    private static List<Workflow> documents(String stream) {
        return Arrays.stream(stream.split("(?m)^---\\n")).map(ArgoDocuments::fromYaml).toList();
    }
}
