package dev.gilscope;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the rooms of the house apart: data flows workload → runtime → trace → ui / export. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.gilscope");
    }

    @Test
    void onlyTheUiUsesJavaFx() {
        noClasses().that().resideOutsideOfPackages("dev.gilscope.ui..", "dev.gilscope")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "org.jfree..")
                .because("the runtime, recorder and command line must run on machines and in CI without a display")
                .check(classes);
    }

    @Test
    void workloadsKnowOnlyTheirInterpreterContract() {
        noClasses().that().resideInAPackage("dev.gilscope.workload..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.gilscope.runtime..", "dev.gilscope.trace..",
                        "dev.gilscope.sampling..", "dev.gilscope.cli..", "dev.gilscope.ui..")
                .because("the same workload code must run unchanged under every mode and in child processes")
                .check(classes);
    }

    @Test
    void traceDoesNotReachBackIntoTheRuntime() {
        noClasses().that().resideInAnyPackage("dev.gilscope.trace..", "dev.gilscope.sampling..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.gilscope.runtime..", "dev.gilscope.workload..",
                        "dev.gilscope.cli..", "dev.gilscope.ui..")
                .because("recorded runs are plain data that can be saved, reopened and drawn without running anything")
                .check(classes);
    }

    @Test
    void runtimeKnowsNothingOfItsFrontEnds() {
        noClasses().that().resideInAPackage("dev.gilscope.runtime..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.gilscope.cli..", "dev.gilscope.ui..")
                .because("the command line and the window are two front ends of one runtime")
                .check(classes);
    }
}
