package org.folkmoot.app.start;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import org.folkmoot.Meetings;
import org.folkmoot.app.FolkmootApp;
import org.folkmoot.procedure.Community;
import org.folkmoot.procedure.Rules;
import org.folkmoot.record.ActionCodec;
import org.folkmoot.record.HeaderCodec;
import org.folkmoot.record.Json;
import org.folkmoot.session.CommunitySettings;
import org.folkmoot.session.MeetingSession;
import org.folkmoot.verdict.CommunityKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start screen without its window: what it lists, the form's checks and their one-line messages, and what a
 * file that cannot be read does. Its background work runs at once ({@code Runnable::run}): no screen, no waiting.
 */
class StartViewModelTest {
    @TempDir
    Path data;

    private static final ResourceBundle TEXT = FolkmootApp.bundle(Locale.ENGLISH);
    /** 3 December 2026, evening: tonight's meeting. */
    private static final Clock TONIGHT = Clock.fixed(Instant.parse("2026-12-03T18:00:00Z"), ZoneOffset.UTC);
    private static final CommunityKey KEY = CommunityKey.fromSeed(new byte[32]);
    private static final String[] PASSED = {Meetings.attendance(100), Meetings.present("R1"), Meetings.vote("check-1", 95, 5, 0),
        Meetings.elect("Dee", 80, 10, 0)};

    /** The meetings the start screen handed over to be put on screen. */
    private final List<MeetingSession> opened = new ArrayList<>();
    /** How many pieces of background work the screen asked for. */
    private int asked;

    @AfterEach
    void closeSessions() {
        opened.forEach(MeetingSession::close);
    }

    private StartViewModel screen() {
        Executor now = work -> {
            asked++;
            work.run();
        };
        return new StartViewModel(data, KEY, TEXT, TONIGHT, now, opened::add);
    }

    /** Fills the form as a secretary would for Test 1 tonight. */
    private static void fill(StartViewModel m) {
        m.idProperty().set("test-1");
        m.nameProperty().set("Test 1");
        m.membersProperty().set("150");
        m.placeProperty().set("Hall");
        m.facilitatorProperty().set("Fay");
        m.secretaryProperty().set("Gil");
    }

    private Path book(String name, String... lines) throws Exception {
        Path file = Files.createDirectories(data.resolve("meetings")).resolve(name);
        try (MeetingSession s = MeetingSession.create(file, HeaderCodec.read(Json.object(Meetings.HEADER)), Clock.systemUTC())) {
            for (String line : lines) assertThat(s.take(ActionCodec.read(Json.object(line)))).as(line).isEmpty();
        }
        return file;
    }

    @Test
    void theFirstRunSaysWhatToDoAndTheBookIsNotBegunYet() {
        StartViewModel m = screen();
        assertThat(m.firstRun()).isTrue();
        assertThat(m.guide()).hasSize(3);
        assertThat(m.guide().get(1)).contains("key id " + KEY.keyId());
        assertThat(m.guide().get(2)).contains(data.toString());
        assertThat(m.keyLine()).isEqualTo("This laptop's Community key: " + KEY.keyId() + "   (data folder: " + data + ")");
        assertThat(m.book()).isNull();
        assertThat(m.meetings()).isEmpty();
        assertThat(m.chosenAtOpening()).isNull();
        assertThat(m.idProperty().get()).isEmpty();
        assertThat(m.dateProperty().get()).as("today, by the clock").isEqualTo("2026-12-03");
    }

    @Test
    void aFormWithoutItsCommunityDateOrRulesIsRefusedInOneLineAndNothingIsWritten() {
        StartViewModel m = screen();
        m.start();
        assertThat(m.problemProperty().get()).isEqualTo("Give the Community's id and its number of members.");
        fill(m);
        for (String members : new String[] {"0", "many", "1234567890", " "}) {
            m.membersProperty().set(members);
            m.start();
            assertThat(m.problemProperty().get()).as(members).isEqualTo("Give the Community's id and its number of members.");
        }
        m.membersProperty().set("150");
        m.idProperty().set("x".repeat(65)); // too long: an id names the meeting's file and a line of the roster
        m.start();
        assertThat(m.problemProperty().get()).isEqualTo("Give the Community's id and its number of members.");
        m.idProperty().set("test-1");
        m.dateProperty().set("3/12/2026");
        m.start();
        assertThat(m.problemProperty().get()).startsWith("Write the meeting's date as YYYY-MM-DD");
        m.dateProperty().set("2026-12-03");
        m.rules().consensus.set("two thirds");
        m.start();
        assertThat(m.problemProperty().get()).startsWith("consensus: ").doesNotContain("\n");

        assertThat(opened).isEmpty();
        assertThat(data.resolve("meetings")).doesNotExist();
        assertThat(CommunitySettings.load(data)).isEmpty();
    }

    @Test
    void theFirstMeetingBeginsTheBookInAFileNamedForTheDayAndCommunity() throws Exception {
        StartViewModel m = screen();
        fill(m);
        m.start();
        assertThat(m.problemProperty().get()).isEmpty();
        assertThat(opened).singleElement().satisfies(s -> {
            assertThat(s.meeting().header().community()).isEqualTo(new Community("test-1", "Test 1", 150));
            assertThat(s.meeting().book().meeting().info().facilitator()).isEqualTo("Fay");
        });
        assertThat(data.resolve("meetings").resolve("2026-12-03-test-1.meeting")).exists();
        assertThat(CommunitySettings.load(data)).contains(new Community("test-1", "Test 1", 150));

        // the laptop knows its Community now: the next start screen has it filled in, and lists the book
        opened.forEach(MeetingSession::close);
        opened.clear();
        StartViewModel next = screen();
        assertThat(next.firstRun()).isFalse();
        assertThat(next.idProperty().get()).isEqualTo("test-1");
        assertThat(next.membersProperty().get()).isEqualTo("150");
        assertThat(next.placeProperty().get()).as("the last meeting's hall").isEqualTo("Hall");
        assertThat(next.book().next()).isEqualTo("Meeting 1 of the book is already tonight's (2026-12-03): reopen it below to go on with it.");
    }

    @Test
    void theScreenListsTheBookWhatStandsOpenAndEachMeetingByWhatItHolds() throws Exception {
        book("2026-11-26-test-1.meeting", PASSED);
        CommunitySettings.save(data, new Community("test-1", "Test 1", 150), Rules.defaults());
        StartViewModel m = screen();
        StartViewModel.Book b = m.book();
        assertThat(b.title()).isEqualTo("The book of Test 1 — 1 meeting (2026-11-26-test-1.meeting)");
        assertThat(b.earlier()).isNull();
        assertThat(b.meetings()).containsExactly(new StartViewModel.Held("Meeting 1", "2026-11-26", "Hall", "not adjourned"));
        assertThat(b.standing()).extracting(s -> s.heading()).containsExactly("In planning", "Delegates serving");
        assertThat(b.adjourned()).isFalse();
        assertThat(b.next()).isEqualTo("Meeting 1 (2026-11-26) was not adjourned. Start tonight's meeting adjourns it first and continues "
                + "the book as meeting 2; to go on with it instead, reopen it below.");
        assertThat(m.meetings()).containsExactly("2026-11-26-test-1.meeting");
        assertThat(m.chosenAtOpening()).as("the book, chosen for a reopen after a crash").isEqualTo("2026-11-26-test-1.meeting");
        assertThat(asked).as("the files are read off the screen's thread, in one piece of work").isEqualTo(1);
        assertThat(m.description("2026-11-26-test-1.meeting")).startsWith("Test 1 · Meeting 1 · 2026-11-26 · Hall — R1");
        assertThat(m.description("elsewhere.meeting")).isEqualTo("reading…");

        // tonight's meeting continues the book: meeting 1 adjourned first, then meeting 2
        fill(m);
        m.start();
        assertThat(opened).singleElement().satisfies(s -> assertThat(s.meeting().meetings()).hasSize(2));
        assertThat(data.resolve("meetings")).isDirectoryContaining(p -> p.getFileName().toString().equals("2026-11-26-test-1.meeting"));
        try (var files = Files.list(data.resolve("meetings"))) {
            assertThat(files.count()).as("no second book begun").isEqualTo(1);
        }
    }

    @Test
    void aFileThatCannotBeReadIsListedAsSuchAndReopeningItSaysWhyInOneLine() throws Exception {
        Path notes = Files.createDirectories(data.resolve("meetings")).resolve("notes.meeting");
        Files.writeString(notes, "not a meeting file\n");
        StartViewModel m = screen();
        assertThat(m.meetings()).containsExactly("notes.meeting");
        assertThat(m.description("notes.meeting")).isEqualTo("cannot be read here (Reopen says why)");
        m.reopen("notes.meeting");
        assertThat(opened).isEmpty();
        assertThat(m.workingProperty().get()).isFalse();
        assertThat(m.problemProperty().get()).isNotBlank().doesNotContain("\n").doesNotContain("Exception");
        assertThat(Files.readString(notes)).as("left as it was").isEqualTo("not a meeting file\n");
    }

    @Test
    void aMeetingReopenedIsHandedOverToBeShown() throws Exception {
        book("b.meeting", PASSED);
        StartViewModel m = screen();
        m.reopen(null);
        assertThat(opened).isEmpty();
        m.reopen("b.meeting");
        assertThat(m.problemProperty().get()).isEmpty();
        assertThat(m.workingProperty().get()).isFalse();
        assertThat(opened).singleElement().satisfies(s -> assertThat(s.meeting().size()).isEqualTo(PASSED.length));
    }

    @Test
    void theKeyIsExportedForTheCommunityOfTheFormAndTheCommunityKept() throws Exception {
        StartViewModel m = screen();
        assertThat(m.keyFileName()).isNull();
        assertThat(m.keyMessageProperty().get()).isEqualTo("Give the Community's id and its number of members.");
        assertThat(m.keyDoneProperty().get()).isFalse();
        fill(m);
        assertThat(m.keyFileName()).isEqualTo("test-1.key.json");
        Path file = data.resolve("test-1.key.json");
        m.exportKey(file);
        assertThat(m.keyDoneProperty().get()).isTrue();
        assertThat(m.keyMessageProperty().get()).isEqualTo("Wrote " + file + " (key " + KEY.keyId() + "): take it to your Municipality's clerk");
        assertThat(Files.readString(file)).contains(KEY.keyId());
        assertThat(CommunitySettings.load(data)).contains(new Community("test-1", "Test 1", 150));
    }
}
