package net.qgreenland.ogdc.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FileReader;
import java.io.FileWriter;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/**
 * The pure core (recipe parsing, change detection, the Argo model, translation, report rendering) does no I/O and
 * knows no vendor client: DESIGN.md "Packages".
 */
class PureCoreTest {

    /** The packages that must stay pure; those not written yet are checked as soon as they exist. */
    static final String[] PURE_PACKAGES = {
        "net.qgreenland.ogdc.recipe..",
        "net.qgreenland.ogdc.change..",
        "net.qgreenland.ogdc.argo.model..",
        "net.qgreenland.ogdc.translate..",
        "net.qgreenland.ogdc.report.render..",
        "net.qgreenland.ogdc.plan..",
        "net.qgreenland.ogdc.estimate..",
    };

    static ArchRule pureCode(String... packages) {
        return noClasses().that().resideInAnyPackage(packages)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.eclipse.jgit..", "io.fabric8..", "org.kohsuke.github..", "java.net.http..", "picocli..",
                        "net.qgreenland.ogdc.cli..", "net.qgreenland.ogdc.workspace..", "net.qgreenland.ogdc.git..",
                        "net.qgreenland.ogdc.cluster..", "net.qgreenland.ogdc.action..", "net.qgreenland.ogdc.inputs..")
                .orShould().dependOnClassesThat().belongToAnyOf(Files.class, Paths.class, File.class,
                        FileInputStream.class, FileOutputStream.class, FileReader.class, FileWriter.class,
                        RandomAccessFile.class, java.net.Socket.class, java.net.HttpURLConnection.class)
                .orShould().callMethod(System.class, "getenv")
                .orShould().callMethod(System.class, "getenv", String.class)
                .orShould().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .allowEmptyShould(true)
                .because("the pure core is text in, values out; I/O lives in adapters at the edges");
    }

    @Test
    void thePureCoreDoesNoIo() {
        JavaClasses production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("net.qgreenland.ogdc");
        assertThat(production.contain("net.qgreenland.ogdc.recipe.RecipeParser")).isTrue();

        pureCode(PURE_PACKAGES).check(production);
    }

    @Test
    void theRuleCatchesEveryKindOfIo() {
        JavaClasses impure = new ClassFileImporter().importPackages("net.qgreenland.ogdc.architecture.impure");

        EvaluationResult result = pureCode("net.qgreenland.ogdc.architecture.impure..").evaluate(impure);

        assertThat(result.hasViolation()).isTrue();
        String report = String.join("\n", result.getFailureReport().getDetails());
        assertThat(report).contains("java.lang.System.getenv", "java.lang.System.out", "java.nio.file.Files",
                "picocli.CommandLine");
    }
}
