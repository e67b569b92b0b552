package org.folkmoot.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.folkmoot.Meetings;
import org.folkmoot.app.FolkmootApp;
import org.folkmoot.app.hall.StandingBusiness;
import org.folkmoot.procedure.ActionKind;
import org.folkmoot.procedure.Meeting;
import org.folkmoot.record.HeaderCodec;
import org.folkmoot.record.Json;
import org.folkmoot.record.Replay;
import org.folkmoot.session.MeetingSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console over a Community's book of several meetings, without a screen: the next meeting begun from it,
 * planning entries that choose their resolution from those the ladder lets them name (a contention vote on
 * R1 while R2 is on the ladder), a recall that chooses a serving delegate, and the actions greyed exactly
 * as {@link Meeting#whyNot} refuses them.
 */
class BookConsoleTest {
    @TempDir
    Path tmp;

    private static final String GARDEN = "{\"do\":\"present\",\"resolution\":\"R1\",\"title\":\"Garden\","
            + "\"text\":\"We turn the east lot into a garden.\",\"proposer\":\"Cy\"}";
    private static final String BAKERY = "{\"do\":\"present\",\"resolution\":\"R2\",\"title\":\"Bakery\","
            + "\"text\":\"We open a bakery.\",\"proposer\":\"Eli\"}";
    private static final String NEXT = "{\"do\":\"meeting\",\"date\":\"2026-12-03\",\"place\":\"Hall\",\"facilitator\":\"Fay\",\"secretary\":\"Gil\"}";

    /** Meeting 1: R1 passed by consensus, Dee elected for it; left as {@code more} leaves it. */
    private MeetingSession book(String name, String... more) throws Exception {
        MeetingSession session = MeetingSession.create(tmp.resolve(name), HeaderCodec.read(Json.object(Meetings.HEADER)), Clock.systemUTC());
        ConsoleViewModel vm = new ConsoleViewModel(session, FolkmootApp.bundle(Locale.ENGLISH));
        List<String> lines = new java.util.ArrayList<>(List.of(Meetings.attendance(100), GARDEN, Meetings.vote("check-1", 95, 5, 0),
                Meetings.elect("Dee", 80, 10, 0)));
        lines.addAll(List.of(more));
        for (String line : lines) record(vm, line);
        return session;
    }

    private static void record(ConsoleViewModel vm, String line) {
        ConsoleViewModelTest.fill(vm, json(line));
        assertThat(vm.record()).as(line + ": " + vm.messageProperty().get()).isTrue();
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode json(String line) {
        try {
            return Json.object(line);
        } catch (org.folkmoot.record.FormatException e) {
            throw new AssertionError(e);
        }
    }

    private static ConsoleViewModel.Option option(ConsoleViewModel vm, ActionKind kind) {
        return vm.options().stream().filter(o -> o.kind() == kind).findFirst().orElseThrow();
    }

    @Test
    void theNextMeetingIsOfferedOnlyWhileAdjournedAndBeginsWithItsCount() throws Exception {
        try (MeetingSession session = book("next.meeting")) {
            ConsoleViewModel vm = new ConsoleViewModel(session, FolkmootApp.bundle(Locale.ENGLISH));
            assertThat(option(vm, ActionKind.MEETING).enabledProperty().get()).isFalse();
            assertThat(option(vm, ActionKind.MEETING).reasonProperty().get()).isEqualTo("the next meeting begins only once this one is adjourned");
            assertThat(vm.meetingLineProperty().get()).isEqualTo("Meeting 1 · 2026-11-26 · Hall");
            record(vm, "{\"do\":\"adjourn\"}");
            assertThat(option(vm, ActionKind.MEETING).enabledProperty().get()).isTrue();
            assertThat(vm.nextStepProperty().get()).isEqualTo("The meeting is adjourned: resume it, or begin the next meeting");

            vm.selectedProperty().set(ActionKind.MEETING);
            assertThat(vm.fields().stream().map(f -> f.field().key())).containsExactly("date", "place", "facilitator", "secretary");
            assertThat(vm.field("place").orElseThrow().valueProperty().get()).as("the same hall, most likely").isEqualTo("Hall");
            vm.field("date").orElseThrow().valueProperty().set("2026-12-03");
            vm.field("facilitator").orElseThrow().valueProperty().set("Fay");
            assertThat(vm.record()).as("tonight's secretary is needed").isFalse();
            assertThat(vm.messageProperty().get()).isEqualTo("Secretary: this field is needed");
            vm.field("secretary").orElseThrow().valueProperty().set("Gil");
            assertThat(vm.record()).as(vm.messageProperty().get()).isTrue();

            assertThat(session.meeting().meetings()).hasSize(2);
            assertThat(vm.meetingLineProperty().get()).isEqualTo("Meeting 2 · 2026-12-03 · Hall");
            assertThat(vm.presentLineProperty().get()).isEqualTo("No attendance yet");
            assertThat(vm.nextStepProperty().get()).startsWith("Count those present (Ctrl+1)");
            assertThat(vm.selectedProperty().get()).as("the count comes first").isEqualTo(ActionKind.ATTENDANCE);
            assertThat(option(vm, ActionKind.MEETING).enabledProperty().get()).isFalse();
            // what the book holds open, carried into the new meeting
            assertThat(vm.standing()).extracting(StandingBusiness.Section::heading).containsExactly("In planning", "Delegates serving");
            assertThat(vm.standing().get(0).items()).containsExactly("R1 — Garden · passed, consensus (presented at meeting 1)");
            assertThat(vm.standing().get(1).items()).containsExactly("Dee — for R1: Carry it out.");
        }
    }

    @Test
    void aContentionVoteOnAnEarlierResolutionIsChosenWhileTheNextIsOnTheLadder() throws Exception {
        try (MeetingSession session = book("contention.meeting", "{\"do\":\"adjourn\"}", NEXT, Meetings.attendance(100), BAKERY)) {
            ConsoleViewModel vm = new ConsoleViewModel(session, FolkmootApp.bundle(Locale.ENGLISH));
            vm.selectedProperty().set(ActionKind.VOTE);
            ConsoleViewModel.FieldModel on = vm.field("resolution").orElseThrow();
            assertThat(on.choices()).containsExactly("R2 — Bakery (at temperature check 1)", "R1 — Garden (in planning)");
            assertThat(on.valueProperty().get()).as("the latest, preselected").isEqualTo("R2 — Bakery (at temperature check 1)");
            vm.field("for").orElseThrow().valueProperty().set("30");
            vm.field("against").orElseThrow().valueProperty().set("70");
            vm.field("abstain").orElseThrow().valueProperty().set("0");
            assertThat(vm.supportLineProperty().get()).contains("needs ≥ 9/10");
            on.valueProperty().set("R1 — Garden (in planning)");
            // measured against the contention rule as soon as R1 is chosen
            assertThat(vm.supportLineProperty().get()).isEqualTo("Support 30/100 (30.0%), needs ≥ 1/2 to stay in planning: it would be tabled — needs 20 more in favour");
            assertThat(vm.record()).as(vm.messageProperty().get()).isTrue();

            var r1 = session.meeting().book().resolution("R1").orElseThrow();
            var r2 = session.meeting().book().resolution("R2").orElseThrow();
            assertThat(r1.outcome()).hasValueSatisfying(o -> assertThat(o.name()).isEqualTo("TABLED"));
            assertThat(r2.votes()).as("R2 untouched, still at its check").isEmpty();
            String written = session.record().get(session.record().size() - 1);
            assertThat(json(written).path("resolution").asText()).isEqualTo("R1");

            // now dismissal is offered, and only for R1
            assertThat(option(vm, ActionKind.DISMISS).enabledProperty().get()).isTrue();
            vm.selectedProperty().set(ActionKind.DISMISS);
            assertThat(vm.field("resolution").orElseThrow().choices()).containsExactly("R1 — Garden (tabled)");
            // a check on R2 still names none: the record keeps its usual form
            vm.selectedProperty().set(ActionKind.VOTE);
            assertThat(vm.field("resolution").orElseThrow().choices()).containsExactly("R2 — Bakery (at temperature check 1)");
            vm.field("for").orElseThrow().valueProperty().set("95");
            vm.field("against").orElseThrow().valueProperty().set("5");
            vm.field("abstain").orElseThrow().valueProperty().set("0");
            assertThat(vm.record()).isTrue();
            assertThat(json(session.record().get(session.record().size() - 1)).has("resolution")).isFalse();

            Replay.Result replayed = Replay.run(String.join("\n", session.record()).getBytes(StandardCharsets.UTF_8), null, null, Meetings.FIXED);
            assertThat(Meetings.outcomes(replayed)).isEqualTo("R1 tabled - 30/100\nR2 passed consensus 95/100");
        }
    }

    @Test
    void aRecallChoosesAServingDelegateWithTheResolutionThatElectedThem() throws Exception {
        try (MeetingSession session = book("recall.meeting", "{\"do\":\"adjourn\"}", NEXT, Meetings.attendance(100), BAKERY,
                Meetings.vote("check-1", 95, 5, 0))) {
            ConsoleViewModel vm = new ConsoleViewModel(session, FolkmootApp.bundle(Locale.ENGLISH));
            // an election chooses its resolution too: both are in planning, R2 the latest
            vm.selectedProperty().set(ActionKind.ELECT);
            assertThat(vm.field("resolution").orElseThrow().choices()).containsExactly("R2 — Bakery (in planning)", "R1 — Garden (in planning)");
            vm.field("name").orElseThrow().valueProperty().set("Eve");
            vm.field("mandate").orElseThrow().valueProperty().set("Open the bakery.");
            vm.field("for").orElseThrow().valueProperty().set("70");
            vm.field("against").orElseThrow().valueProperty().set("20");
            vm.field("abstain").orElseThrow().valueProperty().set("0");
            assertThat(vm.record()).as(vm.messageProperty().get()).isTrue();

            vm.selectedProperty().set(ActionKind.RECALL);
            ConsoleViewModel.FieldModel who = vm.field("name").orElseThrow();
            assertThat(who.choices()).containsExactly("Eve — for R2: Bakery", "Dee — for R1: Garden");
            who.valueProperty().set("Dee — for R1: Garden");
            vm.field("for").orElseThrow().valueProperty().set("60");
            vm.field("against").orElseThrow().valueProperty().set("30");
            vm.field("abstain").orElseThrow().valueProperty().set("0");
            assertThat(vm.supportLineProperty().get()).contains("needs > 1/2: reached");
            assertThat(vm.record()).as(vm.messageProperty().get()).isTrue();

            var line = json(session.record().get(session.record().size() - 1));
            assertThat(line.path("name").asText()).isEqualTo("Dee");
            assertThat(line.path("resolution").asText()).isEqualTo("R1");
            assertThat(session.meeting().book().serving()).extracting(s -> s.delegate().name()).containsExactly("Eve");
            vm.selectedProperty().set(ActionKind.RECALL);
            assertThat(vm.field("name").orElseThrow().choices()).containsExactly("Eve — for R2: Bakery");
        }
    }

    @Test
    void noRecallIsOfferedWhileNoDelegateServes() throws Exception {
        try (MeetingSession session = MeetingSession.create(tmp.resolve("none.meeting"), HeaderCodec.read(Json.object(Meetings.HEADER)),
                Clock.systemUTC())) {
            ConsoleViewModel vm = new ConsoleViewModel(session, FolkmootApp.bundle(Locale.ENGLISH));
            record(vm, Meetings.attendance(100));
            record(vm, GARDEN);
            record(vm, Meetings.vote("check-1", 95, 5, 0));
            assertThat(option(vm, ActionKind.RECALL).enabledProperty().get()).isFalse();
            assertThat(option(vm, ActionKind.RECALL).reasonProperty().get()).isEqualTo("no delegate holds a mandate");
            assertThat(option(vm, ActionKind.DISMISS).reasonProperty().get()).isNotBlank();
            // asked for anyway (its shortcut), it says why in the message line, and the form stays as it was
            vm.selectedProperty().set(ActionKind.ELECT);
            vm.explain(ActionKind.RECALL);
            assertThat(vm.messageProperty().get()).isEqualTo("Recall a delegate is not offered now: no delegate holds a mandate");
            assertThat(vm.messageIsRefusalProperty().get()).isTrue();
            assertThat(vm.selectedProperty().get()).isEqualTo(ActionKind.ELECT);
        }
    }

    @Test
    void aChecksTallyIsCorrectedTogetherWithTheObjectionsThatFollowFromIt() throws Exception {
        try (MeetingSession session = MeetingSession.create(tmp.resolve("correct.meeting"), HeaderCodec.read(Json.object(Meetings.HEADER)),
                Clock.systemUTC())) {
            ConsoleViewModel vm = new ConsoleViewModel(session, FolkmootApp.bundle(Locale.ENGLISH));
            for (String line : Meetings.toObjections(15, 5)) record(vm, line); // check 1 80/20, objections 15 + 5
            vm.selectedProperty().set(ActionKind.CORRECT);
            ConsoleViewModel.FieldModel entry = vm.field("entry").orElseThrow();
            entry.valueProperty().set(entry.choices().stream().filter(c -> c.startsWith("#3 ")).findFirst().orElseThrow());
            assertThat(vm.fields()).extracting(ConsoleViewModel.FieldModel::label).containsExactly("Entry", "Reason", "For", "Against",
                    "Abstain", "Non-deal-breakers (entry #4, which follows from it)", "Deal-breakers (entry #4, which follows from it)");
            assertThat(vm.field("follows.nonDealBreakers").orElseThrow().valueProperty().get()).isEqualTo("15");
            vm.field("reason").orElseThrow().valueProperty().set("Recounted: one more against, a non-deal-breaker.");
            vm.field("for").orElseThrow().valueProperty().set("79");
            vm.field("against").orElseThrow().valueProperty().set("21");
            // the tally alone no longer fits the objections recorded after it
            assertThat(vm.record()).isFalse();
            assertThat(vm.messageProperty().get()).contains("entry 4");
            assertThat(session.meeting().size()).isEqualTo(4);
            vm.field("follows.nonDealBreakers").orElseThrow().valueProperty().set("16");
            assertThat(vm.record()).as(vm.messageProperty().get()).isTrue();

            var line = json(session.record().get(session.record().size() - 1));
            assertThat(line.path("entries").size()).isEqualTo(2);
            assertThat(line.path("entries").get(1).path("with").path("nonDealBreakers").asLong()).isEqualTo(16);
            var r1 = session.meeting().current().orElseThrow();
            assertThat(r1.votes().get(0).tally().against()).isEqualTo(21);
            assertThat(r1.objections().orElseThrow().nonDealBreakers()).isEqualTo(16);

            // an abstention miscounted changes no objection: a correction of that entry alone
            vm.selectedProperty().set(ActionKind.CORRECT);
            entry = vm.field("entry").orElseThrow();
            entry.valueProperty().set(entry.choices().stream().filter(c -> c.startsWith("#3 ")).findFirst().orElseThrow());
            vm.field("reason").orElseThrow().valueProperty().set("One of those for abstained.");
            vm.field("for").orElseThrow().valueProperty().set("78");
            vm.field("abstain").orElseThrow().valueProperty().set("1");
            assertThat(vm.record()).as(vm.messageProperty().get()).isTrue();
            line = json(session.record().get(session.record().size() - 1));
            assertThat(line.has("entries")).isFalse();
            assertThat(line.path("entry").asLong()).isEqualTo(3);
        }
    }

    /** A book of two meetings: planning, contention and recall at the second, on a resolution of the first. */
    private static final List<String> TWO_MEETINGS = List.of(Meetings.attendance(100), GARDEN, Meetings.vote("check-1", 95, 5, 0),
            Meetings.elect("Dee", 80, 10, 0), "{\"do\":\"adjourn\"}", "{\"do\":\"note\",\"text\":\"Between meetings.\"}", NEXT,
            Meetings.attendance(90), BAKERY, "{\"do\":\"vote\",\"resolution\":\"R1\",\"for\":50,\"against\":40,\"abstain\":0}",
            Meetings.vote("check-1", 60, 30, 0), Meetings.objections(0, 30), Meetings.grievance(2, "Cost", 30),
            "{\"do\":\"elect\",\"resolution\":\"R1\",\"name\":\"Hal\",\"mandate\":\"Dig.\",\"for\":60,\"against\":20,\"abstain\":0}",
            "{\"do\":\"recall\",\"name\":\"Dee\",\"resolution\":\"R1\",\"for\":70,\"against\":10,\"abstain\":0}",
            "{\"do\":\"carry-forward\",\"resolution\":\"R1\",\"plan\":\"Dig in spring.\"}", Meetings.plead("Cost"),
            Meetings.closeRound(), Meetings.vote("final", 70, 20, 0), "{\"do\":\"adjourn\"}");

    @Test
    void atEveryStepOfABookTheConsoleOffersWhatTheLadderAllowsAndChoosesAmongWhatItMayName() throws Exception {
        try (MeetingSession session = MeetingSession.create(tmp.resolve("steps.meeting"), HeaderCodec.read(Json.object(Meetings.HEADER)),
                Clock.systemUTC())) {
            ConsoleViewModel vm = new ConsoleViewModel(session, FolkmootApp.bundle(Locale.ENGLISH));
            for (String line : TWO_MEETINGS) {
                Meeting m = session.meeting();
                Set<ActionKind> offered = vm.options().stream().filter(o -> o.enabledProperty().get())
                        .map(ConsoleViewModel.Option::kind).collect(Collectors.toSet());
                assertThat(offered).as("before " + line).isEqualTo(Meeting.KINDS.stream().filter(k -> m.whyNot(k).isEmpty())
                        .collect(Collectors.toSet()));
                for (ConsoleViewModel.Option o : vm.options()) {
                    assertThat(o.reasonProperty().get()).as(o.kind().word())
                            .isEqualTo(m.whyNot(o.kind()).map(vm::say).orElse(""));
                }
                for (ActionKind kind : List.of(ActionKind.VOTE, ActionKind.ELECT, ActionKind.CARRY_FORWARD, ActionKind.DISMISS)) {
                    if (!offered.contains(kind)) continue;
                    vm.selectedProperty().set(kind);
                    // the chooser holds exactly the resolutions the ladder lets the entry name, the latest first
                    assertThat(vm.field("resolution").orElseThrow().choices()).as(kind + " before " + line)
                            .map(c -> c.substring(0, c.indexOf(' '))).isEqualTo(m.targets(kind));
                }
                if (offered.contains(ActionKind.RECALL)) {
                    vm.selectedProperty().set(ActionKind.RECALL);
                    assertThat(vm.field("name").orElseThrow().choices()).hasSize(m.book().serving().size());
                }
                record(vm, line);
            }
            Replay.Result replayed = Replay.run(String.join("\n", session.record()).getBytes(StandardCharsets.UTF_8), null, null, Meetings.FIXED);
            assertThat(replayed.refused()).isFalse();
            assertThat(Meetings.outcomes(replayed)).isEqualTo("R1 passed consensus 95/100\nR2 passed supermajority 70/90");
            assertThat(replayed.meeting().book().resolution("R1").orElseThrow().carriedForward()).isTrue();
        }
    }
}
