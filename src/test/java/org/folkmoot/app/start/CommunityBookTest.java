package org.folkmoot.app.start;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.ResourceBundle;
import org.folkmoot.Meetings;
import org.folkmoot.app.FolkmootApp;
import org.folkmoot.procedure.Action;
import org.folkmoot.procedure.Community;
import org.folkmoot.procedure.MeetingInfo;
import org.folkmoot.procedure.Rules;
import org.folkmoot.record.ActionCodec;
import org.folkmoot.record.HeaderCodec;
import org.folkmoot.record.Json;
import org.folkmoot.session.MeetingSession;
import org.folkmoot.store.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which file is the Community's book, when tonight's meeting may continue it, and what starting it records. */
class CommunityBookTest {
    @TempDir
    Path data;

    private static final ResourceBundle TEXT = FolkmootApp.bundle(Locale.ENGLISH);
    private static final Community TEST_1 = new Community("test-1", "Test 1", 150);
    private static final MeetingInfo TONIGHT = new MeetingInfo("2026-12-03", "Hall", "Fay", "Gil");

    /** A book in {@code meetings/name} holding the header and {@code lines}, written at {@code modified}. */
    private Path book(String name, String header, Instant modified, String... lines) throws Exception {
        Path file = Files.createDirectories(data.resolve("meetings")).resolve(name);
        try (MeetingSession s = MeetingSession.create(file, HeaderCodec.read(Json.object(header)), Clock.systemUTC())) {
            for (String line : lines) assertThat(s.take(ActionCodec.read(Json.object(line)))).as(line).isEmpty();
        }
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }

    private static final String[] PASSED = {Meetings.attendance(100), Meetings.present("R1"), Meetings.vote("check-1", 95, 5, 0),
        Meetings.elect("Dee", 80, 10, 0)};

    @Test
    void theBookIsTheFileWrittenLastThatNamesTheCommunity() throws Exception {
        book("2026-11-01-test-1.meeting", Meetings.HEADER, Instant.parse("2026-11-01T20:00:00Z"), Meetings.attendance(90));
        Path latest = book("2026-11-26-test-1.meeting", Meetings.HEADER, Instant.parse("2026-11-26T20:00:00Z"), PASSED);
        book("2026-12-01-other.meeting", Meetings.HEADER.replace("test-1", "other-2"), Instant.parse("2026-12-01T20:00:00Z"));
        Files.writeString(data.resolve("meetings").resolve("notes.meeting"), "not a meeting file");

        CommunityBook.Found found = CommunityBook.find(data, "test-1").orElseThrow();
        assertThat(found.file()).isEqualTo(latest);
        assertThat(found.meeting().book().serving()).extracting(s -> s.delegate().name()).containsExactly("Dee");
        assertThat(CommunityBook.find(data, "nobody-9")).isEmpty();
        assertThat(CommunityBook.files(data).get(0).getFileName().toString()).isEqualTo("notes.meeting");
    }

    @Test
    void aBookKeepsTheCommunityAndRulesItBeganWith() throws Exception {
        book("b.meeting", Meetings.HEADER, Instant.now(), PASSED);
        CommunityBook.Found found = CommunityBook.find(data, "test-1").orElseThrow();
        assertThat(CommunityBook.whyNot(found, TEST_1, Rules.defaults(), TONIGHT, TEXT)).isNull();
        assertThat(CommunityBook.whyNot(found, new Community("test-1", "Test 1", 160), Rules.defaults(), TONIGHT, TEXT))
                .isEqualTo("The book of test-1 keeps what it began with: 150 members (the form says 160). Set the form back to continue the book.");
        Rules stricter = new Rules(new org.folkmoot.procedure.Fraction(19, 20), Rules.DEFAULT_FINAL, Rules.DEFAULT_CONTENTION,
                Rules.DEFAULT_AMENDMENT, Rules.DEFAULT_ELECTION, Rules.defaults().basis(), null);
        assertThat(CommunityBook.whyNot(found, TEST_1, stricter, TONIGHT, TEXT)).contains("its rules (the form's differ)");
    }

    @Test
    void tonightsMeetingNeedsWhoRunsItAndNeverSplitsAnEvening() throws Exception {
        book("b.meeting", Meetings.HEADER, Instant.now(), PASSED);
        CommunityBook.Found found = CommunityBook.find(data, "test-1").orElseThrow();
        assertThat(CommunityBook.whyNot(found, TEST_1, Rules.defaults(), new MeetingInfo("2026-12-03", "Hall", " ", "Gil"), TEXT))
                .startsWith("Give tonight's date, place, facilitator and secretary");
        assertThat(CommunityBook.whyNot(found, TEST_1, Rules.defaults(), new MeetingInfo("2026-11-26", "Hall", "Fay", "Gil"), TEXT))
                .isEqualTo("Meeting 1 of the book is already tonight's (2026-11-26): reopen it below to go on with it.");
        assertThat(CommunityBook.whyNot(found, TEST_1, Rules.defaults(), new MeetingInfo("2026-11-20", "Hall", "Fay", "Gil"), TEXT))
                .isEqualTo("Tonight's date, 2026-11-20, is before that of meeting 1 (2026-11-26): check the date.");
    }

    @Test
    void aMeetingOfAnEarlierDayLeftWithoutItsAdjournmentIsAdjournedThenTonightsBegins() throws Exception {
        Path file = book("b.meeting", Meetings.HEADER, Instant.now(), PASSED);
        try (MeetingSession s = CommunityBook.begin(file, TONIGHT, Clock.systemUTC(), Locale.ENGLISH)) {
            assertThat(s.meeting().size()).isEqualTo(PASSED.length + 2);
            assertThat(s.meeting().entry(PASSED.length + 1)).isInstanceOf(Action.Adjourn.class);
            assertThat(s.meeting().entry(PASSED.length + 2)).isEqualTo(new Action.NextMeeting(TONIGHT));
            assertThat(s.meeting().meetings()).hasSize(2);
            assertThat(s.meeting().present()).as("counted again").isEqualTo(-1);
            assertThat(s.meeting().book().inPlanning()).extracting(r -> r.id()).containsExactly("R1");
        }
        // reopened, it is the same book of two meetings
        try (MeetingSession s = MeetingSession.open(file, Clock.systemUTC())) {
            assertThat(s.meeting().meetings()).extracting(h -> h.sitting().info().date()).containsExactly("2026-11-26", "2026-12-03");
        }
    }

    @Test
    void anAdjournedBookTakesOnlyTonightsMeeting() throws Exception {
        String[] adjourned = java.util.Arrays.copyOf(PASSED, PASSED.length + 1);
        adjourned[PASSED.length] = "{\"do\":\"adjourn\"}";
        Path file = book("b.meeting", Meetings.HEADER, Instant.now(), adjourned);
        try (MeetingSession s = CommunityBook.begin(file, TONIGHT, Clock.systemUTC(), Locale.ENGLISH)) {
            assertThat(s.meeting().size()).isEqualTo(adjourned.length + 1);
            assertThat(s.meeting().book().meeting().number()).isEqualTo(2);
        }
    }

    @Test
    void whatTheLadderRefusesIsSaidInOneLineAndTheFileIsLeftAsItWas() throws Exception {
        Path file = book("b.meeting", Meetings.HEADER, Instant.now(), "{\"do\":\"adjourn\"}");
        assertThatThrownBy(() -> CommunityBook.begin(file, new MeetingInfo("2026-12-03", "Hall", "Fay", null), Clock.systemUTC(), Locale.ENGLISH))
                .isInstanceOf(StoreException.class).hasMessageContaining("secretary");
        try (MeetingSession s = MeetingSession.open(file, Clock.systemUTC())) {
            assertThat(s.meeting().size()).isEqualTo(1);
        }
    }
}
