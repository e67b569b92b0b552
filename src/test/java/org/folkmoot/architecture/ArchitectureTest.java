package org.folkmoot.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The rooms of docs/architecture.md and their doors. */
@AnalyzeClasses(packages = "org.folkmoot", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule procedureIsPureJava = classes()
            .that().resideInAPackage("org.folkmoot.procedure..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.folkmoot.procedure..", "java.lang..",
                    "java.util..", "java.math..", "java.security..", "java.nio.charset..")
            .because("the ladder is pure Java: no JavaFX, no SQL, no JSON, no clock, no I/O");

    @ArchTest
    static final ArchRule procedureReadsNoClockAndNoFiles = noClasses()
            .that().resideInAPackage("org.folkmoot.procedure..")
            .should().dependOnClassesThat().resideInAnyPackage("java.time..", "java.io..", "java.nio.file..", "java.net..")
            .because("a replay of the same entries must always give the same meeting");

    @ArchTest
    static final ArchRule onlyTheStoreSeesSql = noClasses()
            .that().resideOutsideOfPackage("org.folkmoot.store..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.jooq..", "org.flywaydb..", "org.sqlite..")
            .because("the store is the only room with a database in it");

    @ArchTest
    static final ArchRule onlyTheAppSeesJavaFx = noClasses()
            .that().resideOutsideOfPackage("org.folkmoot.app..")
            .and().doNotHaveFullyQualifiedName("org.folkmoot.Folkmoot")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("the engine, the record and the command line run without a screen");

    @ArchTest
    static final ArchRule onlyTheRecordSeesJson = noClasses()
            .that().resideInAnyPackage("org.folkmoot.procedure..")
            .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml..")
            .because("the ladder knows actions, not their JSON");

    @ArchTest
    static final ArchRule onlyTheMinutesSeePdf = noClasses()
            .that().resideOutsideOfPackage("org.folkmoot.minutes..")
            .should().dependOnClassesThat().resideInAnyPackage("com.lowagie..", "org.openpdf..", "org.apache.pdfbox..")
            .because("the minutes are the one printed document");

    @ArchTest
    static final ArchRule onlyTheVerdictRoomSeesCryptography = noClasses()
            .that().resideOutsideOfPackage("org.folkmoot.verdict..")
            .should().dependOnClassesThat().resideInAnyPackage("org.bouncycastle..")
            .because("keys and signatures live in one room, where they can be audited");

    @ArchTest
    static final ArchRule theEngineDoesNotReachUp = noClasses()
            .that().resideInAnyPackage("org.folkmoot.procedure..", "org.folkmoot.record..", "org.folkmoot.store..")
            .should().dependOnClassesThat().resideInAnyPackage("org.folkmoot.cli..", "org.folkmoot.app..")
            .because("data flows one way: the screens and commands use the engine, never the reverse");
}
