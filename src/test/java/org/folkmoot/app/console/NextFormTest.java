package org.folkmoot.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.folkmoot.Meetings;
import org.folkmoot.app.FolkmootApp;
import org.folkmoot.procedure.ActionKind;
import org.folkmoot.record.HeaderCodec;
import org.folkmoot.record.Json;
import org.folkmoot.session.MeetingSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * After every entry the console shows the form of the step the procedure has come to (issue 14, finding 4),
 * with the category a plea, a weigh-in or an amendment takes up next chosen; and the objections and the
 * tellers' counts are checked as they are typed, by the rule recording holds to (finding 8).
 */
class NextFormTest {
    @TempDir
    Path tmp;

    private static String form(ConsoleViewModel vm) {
        ActionKind k = vm.selectedProperty().get();
        String category = vm.field("category").filter(f -> !f.choices().isEmpty()).map(f -> " " + f.valueProperty().get()).orElse("");
        return k.word() + category;
    }

    @Test
    void afterEveryEntryOfTheBakeryTheFormIsTheNextStepsWithItsCategoryChosen() throws Exception {
        List<String> script = Files.readAllLines(Path.of("assets", "meetings", "bakery.jsonl"), StandardCharsets.UTF_8);
        List<String> shown = new ArrayList<>();
        try (MeetingSession session = MeetingSession.create(tmp.resolve("b.db"), HeaderCodec.read(Json.object(script.get(0))), Clock.systemUTC())) {
            ConsoleViewModel vm = new ConsoleViewModel(session, FolkmootApp.bundle(Locale.ENGLISH));
            for (String line : script.subList(1, script.size())) {
                ConsoleViewModelTest.fill(vm, Json.object(line));
                assertThat(vm.record()).as(line + ": " + vm.messageProperty().get()).isTrue();
                shown.add(form(vm));
                // the form shown is always one the ladder offers now, and empty for the next entry
                assertThat(session.meeting().whyNot(vm.selectedProperty().get())).isEmpty();
            }
        }
        assertThat(shown).containsExactly(
                "present",               // after the count
                "vote",                  // presented: temperature check 1 (discussion and speakers are a click away)
                "vote", "vote", "vote",  // discussion, two speakers
                "objections",            // check 1 failed
                "grievance",             // objections counted: round 1's board
                "grievance",             // Hours holds 9 of 15
                "plead Hours",           // the board is full: the first category pleads
                "agreement Hours",       // then the assembly weighs in on it
                "amend Hours",           // then its amendments
                "amendment-vote",        // A1 offered: voted before anything else
                "plead Staffing",        // Hours is through: the next category
                "agreement Staffing",
                "amend Staffing",
                "amendment-vote",
                "close-round",           // every category through, each with its amendments voted
                "vote",                  // check 2
                "grievance",             // round 2's board
                "plead Flour",
                "agreement Flour",
                "amend Flour",
                "amendment-vote",
                "close-round",           // (the bakery offered a second amendment, A4: one key away)
                "amendment-vote",
                "close-round",
                "vote",                  // the final vote
                "elect",                 // passed: planning, delegates first
                "elect",                 // the contention vote kept it in planning
                "carry-forward",         // Pia serves: planning can be carried forward
                "carry-forward",         // Sam was not elected
                "present",               // carried forward: the next resolution
                "present",               // a note changes nothing
                "present");              // nor does a recall: still the next resolution
    }

    @ParameterizedTest
    @ValueSource(strings = {"bakery.jsonl", "night-market.jsonl", "library.jsonl", "orchard.jsonl"})
    void theNextFormIsAlwaysOneTheLadderOffers(String example) throws Exception {
        List<String> script = Files.readAllLines(Path.of("assets", "meetings", example), StandardCharsets.UTF_8);
        try (MeetingSession session = MeetingSession.create(tmp.resolve("m.db"), HeaderCodec.read(Json.object(script.get(0))), Clock.systemUTC())) {
            ConsoleViewModel vm = new ConsoleViewModel(session, FolkmootApp.bundle(Locale.ENGLISH));
            for (String line : script.subList(1, script.size())) {
                ConsoleViewModelTest.fill(vm, Json.object(line));
                assertThat(vm.record()).as(line + ": " + vm.messageProperty().get()).isTrue();
                ActionKind shown = vm.selectedProperty().get();
                assertThat(shown).as(line).isNotNull();
                assertThat(session.meeting().whyNot(shown)).as(line + " → " + shown).isEmpty();
                assertThat(vm.nextForm()).contains(shown);
                // a fresh form: nothing typed is carried over into the next entry's counts
                vm.fields().stream().filter(f -> f.field().type() == ActionFields.Type.COUNT)
                        .forEach(f -> assertThat(f.valueProperty().get()).as(line + " → " + f.field().key()).isEmpty());
            }
        }
    }

    @Test
    void aMeetingAdjournedGoesOnWithItsResumeAndANewMeetingWithItsCount() throws Exception {
        try (MeetingSession session = MeetingSession.create(tmp.resolve("a.db"), HeaderCodec.read(Json.object(Meetings.HEADER)), Clock.systemUTC())) {
            ConsoleViewModel vm = new ConsoleViewModel(session, FolkmootApp.bundle(Locale.ENGLISH));
            for (String line : new String[] {Meetings.attendance(100), Meetings.adjourn()}) {
                ConsoleViewModelTest.fill(vm, Json.object(line));
                assertThat(vm.record()).isTrue();
            }
            assertThat(vm.selectedProperty().get()).isEqualTo(ActionKind.RESUME);
            ConsoleViewModelTest.fill(vm, Json.object(Meetings.nextMeeting("2026-12-09")));
            assertThat(vm.record()).as(vm.messageProperty().get()).isTrue();
            assertThat(vm.selectedProperty().get()).isEqualTo(ActionKind.ATTENDANCE);
        }
    }

    @Test
    void theObjectionsAreCheckedAgainstTheCheckAsTheyAreTypedByTheRuleRecordingHoldsTo() throws Exception {
        try (MeetingSession session = MeetingSession.create(tmp.resolve("o.db"), HeaderCodec.read(Json.object(Meetings.HEADER)), Clock.systemUTC())) {
            ConsoleViewModel vm = new ConsoleViewModel(session, FolkmootApp.bundle(Locale.ENGLISH));
            for (String line : new String[] {Meetings.attendance(100), Meetings.present("R1"), Meetings.vote("check-1", 75, 20, 5)}) {
                ConsoleViewModelTest.fill(vm, Json.object(line));
                assertThat(vm.record()).isTrue();
            }
            assertThat(vm.selectedProperty().get()).isEqualTo(ActionKind.OBJECTIONS);
            assertThat(vm.sumLineProperty().get()).isEqualTo("20 voted against at temperature check 1: the two counts must add up to it");
            vm.field("nonDealBreakers").orElseThrow().valueProperty().set("12");
            vm.field("dealBreakers").orElseThrow().valueProperty().set("9");
            String refused = "20 voted against at temperature check 1, but the objections add up to 21 (12 non-deal-breakers + 9 deal-breakers)";
            assertThat(vm.sumOkProperty().get()).isFalse();
            assertThat(vm.sumLineProperty().get()).isEqualTo(refused);
            assertThat(vm.wrongFields()).containsExactlyInAnyOrder("nonDealBreakers", "dealBreakers");
            // recording is refused for the very reason shown, and nothing is written
            assertThat(vm.record()).isFalse();
            assertThat(vm.messageProperty().get()).isEqualTo(refused);
            assertThat(session.meeting().size()).isEqualTo(3);
            vm.field("dealBreakers").orElseThrow().valueProperty().set("8");
            assertThat(vm.sumOkProperty().get()).isTrue();
            assertThat(vm.sumLineProperty().get()).isEqualTo("12 + 8 = 20, as many as voted against at temperature check 1");
            assertThat(vm.wrongFields()).isEmpty();
            assertThat(vm.record()).isTrue();
        }
    }

    @Test
    void theTellersCountsAreComparedAsTheyAreTypedEveryPairThatDiffersNamedWithBothFields() throws Exception {
        try (MeetingSession session = MeetingSession.create(tmp.resolve("t.db"), HeaderCodec.read(Json.object(Meetings.HEADER)), Clock.systemUTC())) {
            ConsoleViewModel vm = new ConsoleViewModel(session, FolkmootApp.bundle(Locale.ENGLISH));
            for (String line : new String[] {Meetings.attendance(120), Meetings.present("R1")}) {
                ConsoleViewModelTest.fill(vm, Json.object(line));
                assertThat(vm.record()).isTrue();
            }
            vm.twoTellersProperty().set(true);
            ConsoleViewModelTest.fill(vm, Json.object(Meetings.vote("check-1", 96, 19, 5)));
            assertThat(vm.tellersLineProperty().get()).isEmpty(); // the second teller has not counted yet
            vm.field("teller2.for").orElseThrow().valueProperty().set("95");
            assertThat(vm.tellersLineProperty().get()).isEqualTo("The tellers' counts differ (For: 96 and 95): count again");
            assertThat(vm.wrongFields()).containsExactlyInAnyOrder("for", "teller2.for");
            vm.field("teller2.against").orElseThrow().valueProperty().set("20");
            vm.field("teller2.abstain").orElseThrow().valueProperty().set("5");
            String both = "The tellers' counts differ (For: 96 and 95; Against: 19 and 20): count again";
            assertThat(vm.tellersLineProperty().get()).isEqualTo(both);
            assertThat(vm.wrongFields()).containsExactlyInAnyOrder("for", "teller2.for", "against", "teller2.against");
            assertThat(vm.record()).isFalse();
            assertThat(vm.messageProperty().get()).isEqualTo(both);
            vm.field("for").orElseThrow().valueProperty().set("95");
            vm.field("teller2.against").orElseThrow().valueProperty().set("19");
            assertThat(vm.tellersLineProperty().get()).isEmpty();
            assertThat(vm.wrongFields()).isEmpty();
            assertThat(vm.record()).isTrue();
        }
    }
}
