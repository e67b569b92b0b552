package org.folkmoot.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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

    /**
     * The rooms whose files are JSON see JSON, and no other room does. Each with its reason:
     * <ul>
     * <li>record: the meeting record is JSON Lines, read and written there;
     * <li>verdict: a verdict is a DSSE envelope over a JSON payload, and rosters are signed JSON;
     * <li>combine: a higher body's tally and its signed result are JSON files;
     * <li>proposal: a body's proposal is a signed JSON file;
     * <li>session: the Community's settings file, and the room's timer and queue kept beside the record
     *     ({@code RoomState});
     * <li>cli: the commands that print or edit those files as they stand (audit's first difference, keys, roster);
     * <li>app.console: the form is written as the record's own entry and read back by the record's codec, so that
     *     what the facilitator types is exactly what a replay reads.
     * </ul>
     * Not the ladder (it knows actions), the minutes (they print a meeting), the store (it keeps lines and asks the
     * record for their chain), this laptop's files, nor the other screens (they show values).
     */
    @ArchTest
    static final ArchRule onlyTheRoomsWithJsonFilesSeeJson = noClasses()
            .that().resideOutsideOfPackages("org.folkmoot.record..", "org.folkmoot.verdict..", "org.folkmoot.combine..",
                    "org.folkmoot.proposal..", "org.folkmoot.session..", "org.folkmoot.cli..", "org.folkmoot.app.console..")
            .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml..")
            .because("JSON is a file's format, read and written in the rooms that keep such files");

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

    /**
     * No two rooms lean on each other, however far round. The classes directly in org.folkmoot (Folkmoot, the
     * main class) are in no slice, and rightly: that package is the program's door, which may see everything
     * (it chooses the desktop app or the command line) while nothing sees it — {@link #nothingSeesTheDoor}.
     */
    @ArchTest
    static final ArchRule roomsAreFreeOfCycles = slices().matching("org.folkmoot.(*)..")
            .should().beFreeOfCycles()
            .because("a room that needs a room that needs it back is one room in two places");

    @ArchTest
    static final ArchRule nothingSeesTheDoor = noClasses()
            .that().resideOutsideOfPackage("org.folkmoot")
            .should().dependOnClassesThat().resideInAPackage("org.folkmoot")
            .because("the main class only chooses between the app and the command line; a room that needed it"
                    + " would close a loop through every room");

    /**
     * The screens' packages neither. The classes directly in org.folkmoot.app are in no slice: they open the
     * screens (FolkmootApp, MeetingWindows), so they see them all; the rule below keeps the screens from seeing
     * them back. What the screens share (the words, the room's clock, the tracked change) lives in app.hall.
     */
    @ArchTest
    static final ArchRule screensAreFreeOfCycles = slices().matching("org.folkmoot.app.(*)..")
            .should().beFreeOfCycles()
            .because("the projector listens to the session and to what the console drafts, never to the console itself");

    @ArchTest
    static final ArchRule screensNeverSeeTheAppsDoor = noClasses()
            .that().resideInAPackage("org.folkmoot.app.(*)..")
            .should().dependOnClassesThat().resideInAPackage("org.folkmoot.app")
            .because("the app's own classes open the screens: a screen that needed one back would close a loop"
                    + " the slices above cannot see (the app's own package is in no slice)");

    @ArchTest
    static final ArchRule viewModelsNeverTouchAControl = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
            .because("a view model holds properties and lists the view binds to; it is tested with plain JUnit, no"
                    + " toolkit, so controls, scenes and windows belong to its View");

    /**
     * Who may use whom, bottom up. Each edge is one the code needs, with its reason beside it; files (this
     * laptop's folders and logs) is the base every room may stand on.
     */
    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Program").definedBy("org.folkmoot")
            .layer("App").definedBy("org.folkmoot.app..")
            .layer("Cli").definedBy("org.folkmoot.cli..")
            .layer("Session").definedBy("org.folkmoot.session..")
            .layer("Minutes").definedBy("org.folkmoot.minutes..")
            .layer("Proposal").definedBy("org.folkmoot.proposal..")
            .layer("Combine").definedBy("org.folkmoot.combine..")
            .layer("Verdict").definedBy("org.folkmoot.verdict..")
            .layer("Store").definedBy("org.folkmoot.store..")
            .layer("Record").definedBy("org.folkmoot.record..")
            .layer("Procedure").definedBy("org.folkmoot.procedure..")
            .layer("Files").definedBy("org.folkmoot.files..")
            // the door: it starts the app or the command line, and nothing comes back through it
            .whereLayer("Program").mayNotBeAccessedByAnyLayer()
            // the desktop app and the command line are two ways in, side by side: neither uses the other
            .whereLayer("App").mayOnlyBeAccessedByLayers("Program")
            .whereLayer("Cli").mayOnlyBeAccessedByLayers("Program")
            // a meeting being run: the console runs one; the commands keep the Community's settings and backups
            .whereLayer("Session").mayOnlyBeAccessedByLayers("App", "Cli")
            // the printed minutes: previewed at the console, and printed with a meeting's closing papers
            .whereLayer("Minutes").mayOnlyBeAccessedByLayers("App", "Session")
            // a body's proposal: presented at the console, named in the minutes, kept by the session's papers
            .whereLayer("Proposal").mayOnlyBeAccessedByLayers("App", "Cli", "Session", "Minutes")
            // a higher body's count of verdicts: a proposal says what its count is held against and by
            // which body's rules
            .whereLayer("Combine").mayOnlyBeAccessedByLayers("App", "Cli", "Proposal")
            // keys, rosters and signed verdicts: whatever signs, combines or prints a verdict; the door logs the
            // program's name and version, which every verdict carries
            .whereLayer("Verdict").mayOnlyBeAccessedByLayers("Program", "App", "Cli", "Session", "Minutes", "Proposal", "Combine")
            // the meeting file: the session writes it; the screens and commands see its refusals
            .whereLayer("Store").mayOnlyBeAccessedByLayers("App", "Cli", "Session")
            // the record's lines: what the store keeps, verdicts are made from and replays read
            .whereLayer("Record").mayOnlyBeAccessedByLayers("App", "Cli", "Session", "Proposal", "Combine", "Verdict", "Store")
            // the ladder itself: the rooms above it speak in its actions and resolutions, and word what they
            // refuse as its Reasons (the store too: its lines are not actions, but its refusals are Reasons)
            .whereLayer("Procedure").mayOnlyBeAccessedByLayers("App", "Cli", "Session", "Minutes", "Proposal", "Combine",
                    "Verdict", "Store", "Record")
            // this laptop's folders and logs need nothing of the meeting
            .whereLayer("Files").mayNotAccessAnyLayer()
            .because("data flows one way, from the door down to the ladder: a room never needs one above it");
}
