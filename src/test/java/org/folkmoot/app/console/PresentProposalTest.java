package org.folkmoot.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.folkmoot.BodyProposals;
import org.folkmoot.Meetings;
import org.folkmoot.app.FolkmootApp;
import org.folkmoot.app.projector.ProjectorViewModel;
import org.folkmoot.procedure.ActionKind;
import org.folkmoot.proposal.Proposal;
import org.folkmoot.proposal.ProposalShelf;
import org.folkmoot.record.HeaderCodec;
import org.folkmoot.record.Json;
import org.folkmoot.session.MeetingSession;
import org.folkmoot.verdict.CommunityKey;
import org.folkmoot.verdict.Roster;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Present a proposal from a body…, without a screen: the form is filled from the signed proposal and what it
 * fixes stays fixed, whoever tries to change it; what is recorded names the proposal, whose file is kept first.
 */
class PresentProposalTest {
    @TempDir
    Path tmp;

    private Path data;
    private CommunityKey millbrook;
    private Proposal proposal;
    private Path file;

    @BeforeEach
    void aBodyEnrolledAndItsProposal() throws Exception {
        data = Files.createDirectories(tmp.resolve("data"));
        millbrook = BodyProposals.key("millbrook");
        BodyProposals.enroll(data, BodyProposals.MILLBROOK, millbrook);
        proposal = BodyProposals.millbrook(millbrook);
        file = Files.write(tmp.resolve("M7-R4.proposal"), proposal.file());
    }

    private MeetingSession session(String name) throws Exception {
        MeetingSession s = MeetingSession.create(tmp.resolve(name), HeaderCodec.read(Json.object(Meetings.HEADER)), Clock.systemUTC());
        return s;
    }

    private ConsoleViewModel console(MeetingSession session) throws Exception {
        ConsoleViewModel vm = new ConsoleViewModel(session, FolkmootApp.bundle(Locale.ENGLISH), data);
        ConsoleViewModelTest.fill(vm, Json.object(Meetings.attendance(100)));
        assertThat(vm.record()).isTrue();
        return vm;
    }

    private static String value(ConsoleViewModel vm, String key) {
        return vm.field(key).orElseThrow().valueProperty().get();
    }

    private static boolean locked(ConsoleViewModel vm, String key) {
        return vm.field(key).orElseThrow().lockedProperty().get();
    }

    @Test
    void theFormIsFilledFromTheProposalAndWhatItFixesIsLocked() throws Exception {
        try (MeetingSession session = session("m.db")) {
            ConsoleViewModel vm = console(session);
            assertThat(vm.presentProposal(file)).as(vm.messageProperty().get()).isTrue();
            assertThat(vm.messageIsRefusalProperty().get()).isFalse();
            assertThat(vm.selectedProperty().get()).isEqualTo(ActionKind.PRESENT);
            assertThat(value(vm, "resolution")).isEqualTo("M7-R4");
            assertThat(locked(vm, "resolution")).isFalse();
            assertThat(value(vm, "title")).isEqualTo("Seed library");
            assertThat(value(vm, "text")).isEqualTo(BodyProposals.TEXT);
            assertThat(value(vm, "proposer")).isEqualTo("Millbrook council");
            assertThat(value(vm, "upstream.level")).isEqualTo("municipality");
            assertThat(value(vm, "upstream.body")).isEqualTo("M7");
            assertThat(value(vm, "upstream.resolution")).isEqualTo("M7-R4");
            assertThat(value(vm, "upstream.textSha256")).isEqualTo(proposal.textSha256());
            assertThat(value(vm, "upstream.proposalSha256")).isEqualTo(proposal.payloadSha256());
            for (String key : List.of("title", "text", "proposer", "upstream.level", "upstream.body", "upstream.resolution",
                    "upstream.textSha256", "upstream.proposalSha256")) {
                assertThat(locked(vm, key)).as(key).isTrue();
            }
            assertThat(vm.proposalLineProperty().get()).isEqualTo("From Millbrook (Municipality M7), its resolution M7-R4 — "
                    + "verdict wanted by 20 December 2026 — proposal fingerprint " + proposal.fingerprint());

            // the text cannot be changed through the view model either; the Community's own id can
            vm.field("text").orElseThrow().valueProperty().set("Every Community keeps a seed library, open every day.");
            vm.field("upstream.proposalSha256").orElseThrow().valueProperty().set("0".repeat(64));
            assertThat(value(vm, "text")).isEqualTo(BodyProposals.TEXT);
            assertThat(value(vm, "upstream.proposalSha256")).isEqualTo(proposal.payloadSha256());
            vm.field("resolution").orElseThrow().valueProperty().set("R1");

            assertThat(vm.record()).as(vm.messageProperty().get()).isTrue();
            ObjectNode line = Json.object(session.record().get(session.record().size() - 1));
            assertThat(line.get("resolution").asText()).isEqualTo("R1");
            assertThat(line.get("text").asText()).isEqualTo(BodyProposals.TEXT);
            assertThat(line.get("upstream")).isEqualTo(Json.object("{\"level\":\"municipality\",\"body\":\"M7\",\"resolution\":\"M7-R4\","
                    + "\"textSha256\":\"" + proposal.textSha256() + "\",\"proposalSha256\":\"" + proposal.payloadSha256() + "\"}"));
            // the file the record names by its hash is kept, byte for byte
            assertThat(Files.readAllBytes(data.resolve("proposals").resolve(proposal.payloadSha256() + ".proposal")))
                    .isEqualTo(proposal.file());
            assertThat(new ProposalShelf(data).find(proposal.payloadSha256())).contains(proposal);
            assertThat(vm.proposalProperty().get()).isNull();
            assertThat(vm.proposalLineProperty().get()).isEmpty();
        }
    }

    @Test
    void anotherActionOrNotThisProposalLetsTheProposalGo() throws Exception {
        try (MeetingSession session = session("m.db")) {
            ConsoleViewModel vm = console(session);
            assertThat(vm.presentProposal(file)).isTrue();
            vm.selectedProperty().set(ActionKind.NOTE);
            vm.selectedProperty().set(ActionKind.PRESENT);
            assertThat(vm.proposalProperty().get()).isNull();
            assertThat(vm.proposalLineProperty().get()).isEmpty();
            assertThat(locked(vm, "text")).isFalse();
            assertThat(value(vm, "text")).isEmpty();
            assertThat(value(vm, "resolution")).isEqualTo("R1");

            assertThat(vm.presentProposal(file)).isTrue();
            assertThat(locked(vm, "text")).isTrue();
            vm.clearProposal();
            assertThat(vm.selectedProperty().get()).isEqualTo(ActionKind.PRESENT);
            assertThat(locked(vm, "text")).isFalse();
            assertThat(value(vm, "title")).isEmpty();
            assertThat(value(vm, "upstream.proposalSha256")).isEmpty();
            vm.field("text").orElseThrow().valueProperty().set("Our own text.");
            assertThat(value(vm, "text")).isEqualTo("Our own text.");
        }
    }

    @Test
    void aProposalFromABodyNotEnrolledIsRefusedAndChangesNothing() throws Exception {
        Roster.Body region = new Roster.Body("region", "R2", "Lakeland");
        Path other = Files.write(tmp.resolve("R2-R1.proposal"), BodyProposals.proposal(region, BodyProposals.key("lakeland"), "R2-R1").file());
        try (MeetingSession session = session("m.db")) {
            ConsoleViewModel vm = console(session);
            vm.selectedProperty().set(ActionKind.NOTE);
            assertThat(vm.presentProposal(other)).isFalse();
            assertThat(vm.messageIsRefusalProperty().get()).isTrue();
            assertThat(vm.messageProperty().get()).startsWith("R2-R1.proposal is not taken: its signature holds for no body this "
                    + "Community enrolled (it says it is from Lakeland (region R2))");
            assertThat(vm.selectedProperty().get()).isEqualTo(ActionKind.NOTE);
            assertThat(vm.proposalProperty().get()).isNull();
            assertThat(session.meeting().size()).isEqualTo(1);
            assertThat(Files.exists(data.resolve("proposals"))).isFalse();
        }
    }

    @Test
    void aProposalChangedAfterSigningIsRefusedAndChangesNothing() throws Exception {
        // one byte of what was signed changed: the day to report by, the 20th made the 21st
        ObjectNode envelope = Json.object(new String(proposal.file(), StandardCharsets.UTF_8).strip());
        String payload = new String(Base64.getDecoder().decode(envelope.get("payload").asText()), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"reportBy\":\"2026-12-20\"");
        envelope.put("payload", Base64.getEncoder().encodeToString(
                payload.replace("\"reportBy\":\"2026-12-20\"", "\"reportBy\":\"2026-12-21\"").getBytes(StandardCharsets.UTF_8)));
        Path changed = Files.writeString(tmp.resolve("changed.proposal"), Json.compact(envelope) + "\n");
        try (MeetingSession session = session("m.db")) {
            ConsoleViewModel vm = console(session);
            assertThat(vm.presentProposal(file)).isTrue();
            vm.field("resolution").orElseThrow().valueProperty().set("R9");
            assertThat(vm.presentProposal(changed)).isFalse();
            assertThat(vm.messageIsRefusalProperty().get()).isTrue();
            assertThat(vm.messageProperty().get()).isEqualTo("changed.proposal is not taken: its signature does not hold for the key "
                    + "enrolled for Millbrook (municipality M7): the file was changed after it was signed, or signed with another key");
            // the proposal taken before stands as it was, with what was typed
            assertThat(vm.proposalProperty().get()).isEqualTo(proposal);
            assertThat(value(vm, "resolution")).isEqualTo("R9");
            assertThat(session.meeting().size()).isEqualTo(1);
        }
        // any byte of the file changed: refused, with a reason, and nothing recorded
        byte[] bytes = proposal.file();
        for (int at : new int[] {10, bytes.length / 2, bytes.length - 5}) {
            byte[] flipped = bytes.clone();
            flipped[at] = (byte) (flipped[at] == 'A' ? 'B' : 'A');
            Path one = Files.write(tmp.resolve("flipped-" + at + ".proposal"), flipped);
            try (MeetingSession session = session("f" + at + ".db")) {
                ConsoleViewModel vm = console(session);
                assertThat(vm.presentProposal(one)).as("byte %d", at).isFalse();
                assertThat(vm.messageProperty().get()).startsWith("flipped-" + at + ".proposal is not taken: ");
                assertThat(session.meeting().size()).isEqualTo(1);
            }
        }
        assertThat(Files.exists(data.resolve("proposals"))).isFalse();
    }

    @Test
    void theProjectorSaysWhereAResolutionCameFrom() throws Exception {
        try (MeetingSession session = session("m.db")) {
            ConsoleViewModel vm = console(session);
            ProjectorViewModel room = new ProjectorViewModel(session, vm.hall(), BodyProposals.key("community"));
            assertThat(vm.presentProposal(file)).isTrue();
            assertThat(room.sourceProperty().get()).isEmpty(); // nothing is on screen before it is recorded
            assertThat(vm.record()).isTrue();
            assertThat(room.sourceProperty().get()).isEqualTo("From Millbrook (Municipality M7) — verdict wanted by 20 December 2026");
        }
        // where the file is not kept (the record replayed on another laptop), what the record says
        Files.delete(data.resolve("proposals").resolve(proposal.payloadSha256() + ".proposal"));
        try (MeetingSession session = MeetingSession.open(tmp.resolve("m.db"), Clock.systemUTC())) {
            ConsoleViewModel vm = new ConsoleViewModel(session, FolkmootApp.bundle(Locale.ENGLISH), data);
            ProjectorViewModel room = new ProjectorViewModel(session, vm.hall(), BodyProposals.key("community"));
            assertThat(room.sourceProperty().get()).isEqualTo("From Municipality M7, its resolution M7-R4");
            ProjectorViewModel sala = new ProjectorViewModel(session, new org.folkmoot.app.hall.Hall(FolkmootApp.bundle(Locale.forLanguageTag("es")),
                    tmp.resolve("elsewhere")), BodyProposals.key("community"));
            assertThat(sala.sourceProperty().get()).isEqualTo("De Municipio M7, su resolución M7-R4");
        }
    }

    @Test
    void inSpanishTheDayIsSpanish() throws Exception {
        try (MeetingSession session = session("m.db")) {
            ConsoleViewModel vm = new ConsoleViewModel(session, FolkmootApp.bundle(Locale.forLanguageTag("es")), data);
            ConsoleViewModelTest.fill(vm, Json.object(Meetings.attendance(100)));
            assertThat(vm.record()).isTrue();
            assertThat(vm.presentProposal(file)).isTrue();
            assertThat(vm.proposalLineProperty().get()).isEqualTo("De Millbrook (Municipio M7), su resolución M7-R4 — veredicto "
                    + "esperado a más tardar el 20 de diciembre de 2026 — huella de la propuesta " + proposal.fingerprint());
        }
    }

    @Test
    void whilePresentIsNotOfferedNoProposalIsTaken() throws Exception {
        try (MeetingSession session = session("m.db")) {
            ConsoleViewModel vm = console(session);
            ConsoleViewModelTest.fill(vm, Json.object(Meetings.present("R1")));
            assertThat(vm.record()).isTrue();
            assertThat(vm.presentProposal(file)).isFalse();
            assertThat(vm.messageProperty().get()).startsWith("Present a resolution is not offered now: ");
            assertThat(vm.proposalProperty().get()).isNull();
        }
    }
}
