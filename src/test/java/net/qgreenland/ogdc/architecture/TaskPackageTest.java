package net.qgreenland.ogdc.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * The in-pod tasks get their environment and output streams from the command line and never import {@code cli}
 * (which registers them): DESIGN.md "Packages" and the {@code task} package-info.
 */
class TaskPackageTest {

    static ArchRule taskRule(String pkg) {
        return noClasses().that().resideInAPackage(pkg)
                .should().dependOnClassesThat().resideInAPackage("net.qgreenland.ogdc.cli..")
                .orShould().callMethod(System.class, "getenv")
                .orShould().callMethod(System.class, "getenv", String.class)
                .orShould().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .because("tasks are given the environment and the writers by Main.run, and cli depends on them");
    }

    @Test
    void tasksReadNoEnvironmentAndImportNoCli() {
        JavaClasses production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("net.qgreenland.ogdc");
        assertThat(production.contain("net.qgreenland.ogdc.task.TaskCommand")).isTrue();

        taskRule("net.qgreenland.ogdc.task..").check(production);
    }

    @Test
    void theRuleCatchesEachBreach() {
        JavaClasses misbehaving = new ClassFileImporter()
                .importPackages("net.qgreenland.ogdc.architecture.impuretask");

        EvaluationResult result = taskRule("net.qgreenland.ogdc.architecture.impuretask..").evaluate(misbehaving);

        String report = String.join("\n", result.getFailureReport().getDetails());
        assertThat(report).contains("java.lang.System.getenv", "java.lang.System.out",
                "net.qgreenland.ogdc.cli.ExitCode");
    }
}
