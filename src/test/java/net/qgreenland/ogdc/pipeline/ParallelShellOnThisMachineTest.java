package net.qgreenland.ogdc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.zip.ZipFile;
import net.qgreenland.ogdc.argo.model.Workflow;
import net.qgreenland.ogdc.recipe.Recipe;
import net.qgreenland.ogdc.recipe.RecipeParseResult;
import net.qgreenland.ogdc.recipe.RecipeParser;
import net.qgreenland.ogdc.translate.RecipeTranslator;
import net.qgreenland.ogdc.translate.TranslationSettings;
import net.qgreenland.ogdc.workspace.FileSystemRecipeFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rendered parallel shell workflows, run on this machine by {@link LocalDag}: the translator's templates, the
 * {@code ogdc-action task} steps, the per-file wrapper and the publish step agree with each other end to end.
 */
class ParallelShellOnThisMachineTest {

    static final TranslationSettings SETTINGS = TranslationSettings.defaults();

    @TempDir
    Path temp;

    LocalDag dag;

    @BeforeEach
    void machine() throws IOException {
        Path bin = Files.createDirectories(temp.resolve("bin"));
        // The recipe image has rsync; this machine may not. The stand-in copies the way `rsync -rtL src/ dst` does.
        Path rsync = bin.resolve("rsync");
        Files.writeString(rsync, "#!/bin/sh\neval \"src=\\${$(($# - 1))}\"\neval \"dst=\\${$#}\"\n"
                + "mkdir -p \"$dst\" && cp -RL \"$src\". \"$dst\"\n");
        Files.setPosixFilePermissions(rsync, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(temp.resolve("run/tmp"));
        dag = new LocalDag(temp.resolve("run"), bin);
    }

    @Test
    void pvcFilesAreListedPartitionedProcessedTwiceAndPublishedIntoTheRecipeDirectory() throws Exception {
        Path vectors = Files.createDirectories(dag.dataDirectory().resolve("ogdc-test-pvc/vectors/nested"));
        for (String name : new String[] {"a.gpkg", "b.gpkg", "nested/c.gpkg", "nested/d.gpkg", "e.gpkg"}) {
            Files.writeString(vectors.getParent().resolve(name), "data of " + name);
        }
        Files.writeString(vectors.getParent().resolve("notes.txt"), "not an input");
        Recipe recipe = recipe("""
                name: "Local pvc"
                workflow:
                  type: "shell"
                  parallel:
                    enabled: true
                    partition_size: 2
                input:
                  params:
                    - type: "pvc_mount"
                      claim_name: "ogdc-test-pvc"
                      path: "/vectors/"
                      glob: "*.gpkg"
                """, "tr a-z A-Z < \"$INPUT_FILE\" > \"$OUTPUT_FILE\"\ncp \"$INPUT_FILE\" \"$OUTPUT_FILE.copy\"\n");

        dag.run(main(recipe));

        Path published = dag.workflowDirectory().resolve("local-pvc");
        assertThat(published.resolve("partition-manifests/pvc-inputs/partition-2.json")).exists();
        assertThat(published.resolve("partition-manifests/pvc-inputs/partition-3.json")).doesNotExist();
        for (String name : new String[] {"a", "b", "c", "d", "e"}) {
            assertThat(published.resolve(name + ".gpkg.copy")).hasContent("DATA OF "
                    + (name.equals("c") || name.equals("d") ? "NESTED/" : "") + name.toUpperCase() + ".GPKG");
        }
        assertThat(published.resolve("notes.txt.copy")).doesNotExist();
        assertThat(String.join("\n", dag.log())).contains("Generated 3 partitions");
    }

    @Test
    void urlsAreFetchedOnceAndEachCommandSeesTheDownloadedFileThenTemporaryOutputIsZipped() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = ("body of " + exchange.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            Recipe recipe = recipe("""
                    name: "Local urls"
                    workflow:
                      type: "shell"
                      parallel:
                        enabled: true
                        partition_size: 2
                    input:
                      params:
                        - {type: "url", value: "%1$s/one.gpkg"}
                        - {type: "url", value: "%1$s/two.gpkg?version=2"}
                        - {type: "url", value: "%1$s/three.gpkg"}
                    output:
                      type: "temporary"
                    """.formatted(base), "echo \"$INPUT_FILE\" > \"$OUTPUT_FILE.input\"\n");

            dag.run(main(recipe));
        } finally {
            server.stop(0);
        }

        Path inputs = dag.workflowDirectory().resolve("local-urls/inputs");
        try (ZipFile zip = new ZipFile(temp.resolve("run/output_dir/local-urls.zip").toFile())) {
            assertThat(zip.stream().map(e -> e.getName().replaceFirst("^\\./", "")))
                    .containsExactlyInAnyOrder("one.gpkg.input", "two.gpkg.input", "three.gpkg.input");
            String seen = new String(zip.getInputStream(zip.getEntry("./two.gpkg.input") != null
                    ? zip.getEntry("./two.gpkg.input") : zip.getEntry("two.gpkg.input")).readAllBytes(),
                    StandardCharsets.UTF_8);
            // Spec §5.3 fixed: INPUT_FILE is the downloaded file, not the URL.
            assertThat(seen.strip()).isEqualTo(inputs.resolve("two.gpkg").toString());
        }
        assertThat(inputs.resolve("one.gpkg")).hasContent("body of /one.gpkg");
    }

    private Recipe recipe(String meta, String script) throws IOException {
        Path directory = Files.createDirectories(temp.resolve("recipe"));
        Files.writeString(directory.resolve("meta.yml"), meta);
        Files.writeString(directory.resolve("recipe.sh"), script);
        RecipeParseResult result = RecipeParser.parse("recipe", new FileSystemRecipeFiles(directory));
        return result.recipe().orElseThrow(() -> new AssertionError(result.problems()));
    }

    private static Workflow main(Recipe recipe) {
        return new RecipeTranslator(SETTINGS).translate(recipe, false).main();
    }
}
