package org.folkmoot.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.folkmoot.Meetings;
import org.folkmoot.app.FolkmootApp;
import org.folkmoot.procedure.ActionKind;
import org.folkmoot.procedure.Meeting;
import org.folkmoot.record.HeaderCodec;
import org.folkmoot.record.Json;
import org.folkmoot.record.Replay;
import org.folkmoot.session.ClosingPapers;
import org.folkmoot.session.MeetingSession;
import org.folkmoot.verdict.CommunityKey;
import org.folkmoot.files.DataFolder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The console's view model, without a screen: a whole example meeting entered field by field as a
 * facilitator fills the form, the actions offered at every step being exactly those the ladder allows,
 * each disabled one with its reason, and the verdicts equal to those {@code replay} makes of the record.
 */
class ConsoleViewModelTest {
    @TempDir
    Path tmp;

    /** Fills the form of {@code line}'s action as a facilitator would type it. */
    static void fill(ConsoleViewModel vm, ObjectNode line) {
        String kind = line.get("do").asText();
        vm.selectedProperty().set(ActionKind.fromWord(kind).orElseThrow());
        if (kind.equals("correct")) {
            // one entry, or a check's tally with the objections that follow from it (shown beside it in the form)
            JsonNode first = line.has("entries") ? line.get("entries").get(0) : line;
            long entry = first.get("entry").asLong();
            ConsoleViewModel.FieldModel e = vm.field("entry").orElseThrow();
            e.valueProperty().set(e.choices().stream().filter(c -> c.startsWith("#" + entry + " ")).findFirst().orElseThrow());
            vm.field("reason").orElseThrow().valueProperty().set(line.get("reason").asText());
            for (Iterator<Map.Entry<String, JsonNode>> it = first.get("with").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                vm.field(f.getKey()).ifPresent(m -> m.valueProperty().set(f.getValue().asText()));
            }
            if (line.has("entries") && line.get("entries").size() > 1) {
                for (Iterator<Map.Entry<String, JsonNode>> it = line.get("entries").get(1).get("with").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> f = it.next();
                    vm.field("follows." + f.getKey()).ifPresent(m -> m.valueProperty().set(f.getValue().asText()));
                }
            }
            return;
        }
        for (ConsoleViewModel.FieldModel f : vm.fields()) {
            JsonNode v = line.at("/" + f.field().key().replace('.', '/'));
            f.valueProperty().set(v == null || v.isMissingNode() || v.isNull() ? "" : v.asText());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"bakery.jsonl", "night-market.jsonl", "library.jsonl", "orchard.jsonl"})
    void aWholeMeetingEnteredThroughTheFormsGivesTheVerdictsReplayGives(String example) throws Exception {
        List<String> script = Files.readAllLines(Path.of("assets", "meetings", example), StandardCharsets.UTF_8);
        Path file = tmp.resolve("meeting.db");
        try (MeetingSession session = MeetingSession.create(file, HeaderCodec.read(Json.object(script.get(0))), Clock.systemUTC())) {
            ConsoleViewModel vm = new ConsoleViewModel(session, FolkmootApp.bundle(Locale.ENGLISH));
            for (String text : script.subList(1, script.size())) {
                Meeting m = session.meeting();
                // the console offers exactly what the ladder allows, with the reason on the rest
                Set<ActionKind> offered = vm.options().stream().filter(o -> o.enabledProperty().get())
                        .map(ConsoleViewModel.Option::kind).collect(Collectors.toSet());
                Set<ActionKind> allowed = Meeting.KINDS.stream().filter(k -> m.whyNot(k).isEmpty()).collect(Collectors.toSet());
                assertThat(offered).isEqualTo(allowed);
                vm.options().stream().filter(o -> !o.enabledProperty().get())
                        .forEach(o -> assertThat(o.reasonProperty().get()).as(o.kind().word()).isNotBlank());

                ObjectNode line = Json.object(text);
                assertThat(offered).contains(ActionKind.fromWord(line.get("do").asText()).orElseThrow());
                fill(vm, line);
                assertThat(vm.record()).as("%s: %s", text, vm.messageProperty().get()).isTrue();
            }
            // what the UI wrote, replayed, makes byte for byte the verdicts the UI's own export makes
            CommunityKey key = CommunityKey.loadOrCreate(DataFolder.path());
            ClosingPapers.write(tmp.resolve("ui"), session.meeting(), session.record(), key);
        }
        Replay.Result replayed = Replay.run(Files.readAllBytes(tmp.resolve("ui/record.jsonl")), null, null, Meetings.FIXED);
        assertThat(replayed.refused()).isFalse();
        ClosingPapers.write(tmp.resolve("replay"), replayed.meeting(), replayed.record(), CommunityKey.loadOrCreate(DataFolder.path()));
        try (var verdicts = Files.list(tmp.resolve("ui"))) {
            List<Path> files = verdicts.filter(p -> p.toString().endsWith(".verdict")).toList();
            assertThat(files).isNotEmpty();
            for (Path v : files) {
                assertThat(Files.readAllBytes(tmp.resolve("replay").resolve(v.getFileName()))).isEqualTo(Files.readAllBytes(v));
            }
        }
        String expected = Files.readString(Path.of("assets", "meetings", example.replace(".jsonl", ".expected")));
        assertThat(Meetings.outcomes(replayed) + "\n").isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void inSpanishTheProceduresOwnWordsAreSpanishToo() throws Exception {
        try (MeetingSession session = MeetingSession.create(tmp.resolve("es.db"),
                HeaderCodec.read(Json.object(Meetings.HEADER)), Clock.systemUTC())) {
            ConsoleViewModel vm = new ConsoleViewModel(session, FolkmootApp.bundle(Locale.forLanguageTag("es")));
            fill(vm, Json.object(Meetings.attendance(130)));
            assertThat(vm.record()).isTrue();
            assertThat(vm.messageProperty().get()).isEqualTo("Registrado: asistencia: 130 presentes");
            assertThat(vm.nextStepProperty().get()).endsWith("Presentar una resolución");
            fill(vm, Json.object(Meetings.present("R1")));
            assertThat(vm.record()).isTrue();
            assertThat(vm.stageLineProperty().get()).isEqualTo("en el sondeo de temperatura 1");
            assertThat(vm.nextStepProperty().get()).endsWith("Sondeo de temperatura 1");
            ConsoleViewModel.Option close = vm.options().stream().filter(o -> o.kind() == ActionKind.CLOSE_ROUND).findFirst().orElseThrow();
            assertThat(close.reasonProperty().get()).isEqualTo("R1 está en el sondeo de temperatura 1; una ronda se cierra solo en las rondas 1 y 2");
            fill(vm, Json.object(Meetings.vote("check-1", 100, 25, 6)));
            assertThat(vm.record()).isFalse();
            assertThat(vm.messageProperty().get()).isEqualTo("la votación cuenta 131 manos, pero solo hay 130 presentes");
            assertThat(vm.history()).first().isEqualTo("#2  presentada R1: Garden");
            assertThat(session.meeting().size()).isEqualTo(2);
        }
    }

    @org.junit.jupiter.api.Test
    void inSpanishAVoteWithNoVotesCastAndAMeetingFileThatFailsAreSaidInSpanish() throws Exception {
        Path file = tmp.resolve("es-nada.db");
        try (MeetingSession session = MeetingSession.create(file, HeaderCodec.read(Json.object(Meetings.HEADER)), Clock.systemUTC())) {
            ConsoleViewModel vm = new ConsoleViewModel(session, FolkmootApp.bundle(Locale.forLanguageTag("es")));
            fill(vm, Json.object(Meetings.attendance(130)));
            assertThat(vm.record()).isTrue();
            fill(vm, Json.object(Meetings.present("R1")));
            assertThat(vm.record()).isTrue();
            // every hand abstains: over the votes cast there are none, said in the console's language
            vm.selectedProperty().set(ActionKind.VOTE);
            vm.field("for").orElseThrow().valueProperty().set("0");
            vm.field("against").orElseThrow().valueProperty().set("0");
            vm.field("abstain").orElseThrow().valueProperty().set("130");
            assertThat(vm.supportLineProperty().get()).startsWith("Apoyo 0/0 (ningún voto emitido)").doesNotContain("no votes cast");
            assertThat(vm.percent(new org.folkmoot.procedure.Fraction(1, 3))).isEqualTo("33.3%");
        }
        // the meeting file is a file of another program now: what the console would show of it is Spanish
        java.nio.file.Files.delete(file);
        java.nio.file.Files.writeString(file, "no es una base de datos");
        org.folkmoot.store.StoreException refused = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> MeetingSession.open(file, Clock.systemUTC()), org.folkmoot.store.StoreException.class);
        assertThat(refused.reason(Locale.forLanguageTag("es")))
                .isEqualTo("no es un archivo de asamblea de Folkmoot: es-nada.db (no es una base de datos SQLite)");
        assertThat(refused.getMessage()).isEqualTo("not a Folkmoot meeting file: es-nada.db (not an SQLite database)");
    }

    @org.junit.jupiter.api.Test
    void anAmendmentWithAnEmptyReplacementDeletesItsPassage() throws Exception {
        try (MeetingSession session = MeetingSession.create(tmp.resolve("del.db"),
                HeaderCodec.read(Json.object(Meetings.HEADER)), Clock.systemUTC())) {
            ConsoleViewModel vm = new ConsoleViewModel(session, FolkmootApp.bundle(Locale.ENGLISH));
            for (String line : new String[] {Meetings.attendance(100), Meetings.present("R1"), Meetings.vote("check-1", 80, 20, 0),
                    Meetings.objections(20, 0), Meetings.grievance(1, "Weekends", 20), Meetings.plead("Weekends"),
                    Meetings.amend("A1", "Weekends", " Work is on Saturdays.", ""), Meetings.amendmentVote("A1", 90, 10, 0)}) {
                fill(vm, Json.object(line));
                assertThat(vm.record()).as(line + ": " + vm.messageProperty().get()).isTrue();
            }
            assertThat(session.meeting().current().orElseThrow().workingText()).isEqualTo("We turn the east lot into a garden.");
        }
    }

    @org.junit.jupiter.api.Test
    void theTallyIsCheckedLiveAgainstThosePresentAndTheThreshold() throws Exception {
        try (MeetingSession session = MeetingSession.create(tmp.resolve("m.db"),
                HeaderCodec.read(Json.object(Meetings.HEADER)), Clock.systemUTC())) {
            ConsoleViewModel vm = new ConsoleViewModel(session, FolkmootApp.bundle(Locale.ENGLISH));
            fill(vm, Json.object(Meetings.attendance(130)));
            assertThat(vm.record()).isTrue();
            fill(vm, Json.object(Meetings.present("R1")));
            assertThat(vm.record()).isTrue();
            vm.selectedProperty().set(ActionKind.VOTE);
            vm.field("for").orElseThrow().valueProperty().set("100");
            vm.field("against").orElseThrow().valueProperty().set("25");
            vm.field("abstain").orElseThrow().valueProperty().set("5");
            assertThat(vm.supportLineProperty().get()).isEqualTo("Support 100/125 (80.0%), needs ≥ 9/10: not reached — needs 13 more in favour");
            assertThat(vm.sumLineProperty().get()).isEqualTo("130 counted of 130 present");
            vm.field("abstain").orElseThrow().valueProperty().set("6");
            assertThat(vm.sumOkProperty().get()).isFalse();
            assertThat(vm.sumLineProperty().get()).isEqualTo("131 counted, but only 130 are present");
            // a refused tally is not recorded, and what was typed stays to be mended
            assertThat(vm.record()).isFalse();
            assertThat(vm.messageIsRefusalProperty().get()).isTrue();
            assertThat(vm.messageProperty().get()).contains("131 hands, but only 130 are present");
            assertThat(session.meeting().size()).isEqualTo(2);
            assertThat(vm.field("abstain").orElseThrow().valueProperty().get()).isEqualTo("6");
            vm.field("for").orElseThrow().valueProperty().set("twelve");
            assertThat(vm.record()).isFalse();
            // named by the form's label, in the console's language
            assertThat(vm.messageProperty().get()).isEqualTo("For must be a whole number, not \"twelve\"");
            vm.field("for").orElseThrow().valueProperty().set("");
            assertThat(vm.record()).isFalse();
            assertThat(vm.messageProperty().get()).isEqualTo("For: this field is needed");
            assertThat(session.meeting().size()).isEqualTo(2);
        }
    }

    @org.junit.jupiter.api.Test
    void withTwoTellersATallyIsRecordedOnlyWhenBothCountsAgree() throws Exception {
        try (MeetingSession session = MeetingSession.create(tmp.resolve("t.db"),
                HeaderCodec.read(Json.object(Meetings.HEADER)), Clock.systemUTC())) {
            ConsoleViewModel vm = new ConsoleViewModel(session, FolkmootApp.bundle(Locale.ENGLISH));
            fill(vm, Json.object(Meetings.attendance(120)));
            vm.record();
            fill(vm, Json.object(Meetings.present("R1")));
            vm.record();
            vm.twoTellersProperty().set(true);
            fill(vm, Json.object(Meetings.vote("check-1", 96, 19, 5)));
            assertThat(vm.field("teller2.for")).isPresent();
            vm.field("teller2.for").orElseThrow().valueProperty().set("95");
            vm.field("teller2.against").orElseThrow().valueProperty().set("19");
            vm.field("teller2.abstain").orElseThrow().valueProperty().set("5");
            assertThat(vm.record()).isFalse();
            assertThat(vm.messageProperty().get()).isEqualTo("The tellers' counts differ (For: 96 and 95): count again");
            assertThat(session.meeting().size()).isEqualTo(2);
            vm.field("teller2.for").orElseThrow().valueProperty().set("96");
            assertThat(vm.record()).isTrue();
            assertThat(session.meeting().current().orElseThrow().votes().get(0).tally().inFavour()).isEqualTo(96);
        }
    }

    @org.junit.jupiter.api.Test
    void aResolutionFromAHigherBodyCarriesItsReference() throws Exception {
        try (MeetingSession session = MeetingSession.create(tmp.resolve("u.db"),
                HeaderCodec.read(Json.object(Meetings.HEADER)), Clock.systemUTC())) {
            ConsoleViewModel vm = new ConsoleViewModel(session, FolkmootApp.bundle(Locale.ENGLISH));
            String text = "Every Community keeps a seed bank.";
            vm.selectedProperty().set(ActionKind.PRESENT);
            vm.field("title").orElseThrow().valueProperty().set("Seed banks");
            vm.field("text").orElseThrow().valueProperty().set(text);
            vm.field("proposer").orElseThrow().valueProperty().set("Municipality of Oakvale");
            vm.field("upstream.level").orElseThrow().valueProperty().set("municipality");
            vm.field("upstream.body").orElseThrow().valueProperty().set("oakvale");
            vm.field("upstream.resolution").orElseThrow().valueProperty().set("M-7");
            vm.field("upstream.textSha256").orElseThrow().valueProperty().set(Meeting.textSha256(text));
            assertThat(vm.record()).as(vm.messageProperty().get()).isTrue();
            assertThat(session.meeting().current().orElseThrow().upstream().resolution()).isEqualTo("M-7");
        }
    }

    @org.junit.jupiter.api.Test
    void theGrievanceBoardShowsHowManyObjectorsItsCategoriesHold() throws Exception {
        List<String> script = Files.readAllLines(Path.of("assets", "meetings", "bakery.jsonl"), StandardCharsets.UTF_8);
        try (MeetingSession session = MeetingSession.create(tmp.resolve("b.db"), HeaderCodec.read(Json.object(script.get(0))), Clock.systemUTC())) {
            ConsoleViewModel vm = new ConsoleViewModel(session, FolkmootApp.bundle(Locale.ENGLISH));
            for (String text : script.subList(1, 9)) { // up to the first category, Hours
                fill(vm, Json.object(text));
                assertThat(vm.record()).isTrue();
            }
            assertThat(vm.boardLineProperty().get()).isEqualTo("Round 1: the categories hold 9 of the 15 objectors");
            fill(vm, Json.object(script.get(9))); // Staffing
            assertThat(vm.record()).isTrue();
            assertThat(vm.boardLineProperty().get()).isEqualTo("Round 1: the categories hold 15 of the 15 objectors");
        }
    }
}
