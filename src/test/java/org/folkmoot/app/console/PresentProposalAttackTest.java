package org.folkmoot.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import org.folkmoot.BodyProposals;
import org.folkmoot.Meetings;
import org.folkmoot.app.FolkmootApp;
import org.folkmoot.app.projector.ProjectorViewModel;
import org.folkmoot.proposal.Proposal;
import org.folkmoot.proposal.ProposalShelf;
import org.folkmoot.record.HeaderCodec;
import org.folkmoot.record.Json;
import org.folkmoot.session.MeetingSession;
import org.folkmoot.verdict.CommunityKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Present a proposal from a body…, where the meeting refuses the present or the shelf holds something else. */
class PresentProposalAttackTest {
    @TempDir
    Path tmp;

    private Path data;
    private Proposal proposal;
    private Path file;

    @BeforeEach
    void aBodyEnrolledAndItsProposal() throws Exception {
        data = Files.createDirectories(tmp.resolve("data"));
        CommunityKey millbrook = BodyProposals.key("millbrook");
        BodyProposals.enroll(data, BodyProposals.MILLBROOK, millbrook);
        proposal = BodyProposals.millbrook(millbrook);
        file = Files.write(tmp.resolve("M7-R4.proposal"), proposal.file());
    }

    private MeetingSession session(String name) throws Exception {
        return MeetingSession.create(tmp.resolve(name), HeaderCodec.read(Json.object(Meetings.HEADER)), Clock.systemUTC());
    }

    private ConsoleViewModel console(MeetingSession session) throws Exception {
        ConsoleViewModel vm = new ConsoleViewModel(session, FolkmootApp.bundle(Locale.ENGLISH), data);
        ConsoleViewModelTest.fill(vm, Json.object(Meetings.attendance(100)));
        assertThat(vm.record()).isTrue();
        return vm;
    }

    private Path kept() {
        return data.resolve("proposals").resolve(proposal.payloadSha256() + ".proposal");
    }

    @Test
    void aPresentTheMeetingRefusesKeepsNoProposal() throws Exception {
        try (MeetingSession session = session("m.db")) {
            ConsoleViewModel vm = console(session);
            ConsoleViewModelTest.fill(vm, Json.object(Meetings.present("R1")));
            assertThat(vm.record()).isTrue();
            ConsoleViewModelTest.fill(vm, Json.object("{\"do\":\"withdraw\"}"));
            assertThat(vm.record()).isTrue();
            int before = session.meeting().size();

            assertThat(vm.presentProposal(file)).as(vm.messageProperty().get()).isTrue();
            vm.field("resolution").orElseThrow().valueProperty().set("R1"); // this book's R1 already
            assertThat(vm.record()).isFalse();
            assertThat(vm.messageProperty().get()).contains("R1 was already presented");
            assertThat(session.meeting().size()).isEqualTo(before);
            assertThat(Files.exists(kept())).as("refused, the present changed nothing: no proposal kept for it").isFalse();

            // the same proposal under another id is recorded, and kept then
            vm.field("resolution").orElseThrow().valueProperty().set("R2");
            assertThat(vm.record()).as(vm.messageProperty().get()).isTrue();
            assertThat(Files.readAllBytes(kept())).isEqualTo(proposal.file());
        }
    }

    @Test
    void aProposalKeptEarlierIsLeftWhenALaterPresentIsRefused() throws Exception {
        try (MeetingSession session = session("m.db")) {
            ConsoleViewModel vm = console(session);
            assertThat(vm.presentProposal(file)).isTrue();
            vm.field("resolution").orElseThrow().valueProperty().set("R1");
            assertThat(vm.record()).isTrue();
            ConsoleViewModelTest.fill(vm, Json.object("{\"do\":\"withdraw\"}"));
            assertThat(vm.record()).isTrue();
            assertThat(vm.presentProposal(file)).isTrue();
            vm.field("resolution").orElseThrow().valueProperty().set("R1");
            assertThat(vm.record()).isFalse();
            assertThat(Files.readAllBytes(kept())).as("R1's proposal is still kept").isEqualTo(proposal.file());
        }
    }

    @Test
    void aDamagedCopyOnTheShelfIsReplacedSoTheProjectorStillNamesTheBodyTomorrow() throws Exception {
        Files.createDirectories(kept().getParent());
        Files.writeString(kept(), "not what the body sent");
        try (MeetingSession session = session("m.db")) {
            ConsoleViewModel vm = console(session);
            assertThat(vm.presentProposal(file)).isTrue();
            assertThat(vm.record()).as(vm.messageProperty().get()).isTrue();
        }
        assertThat(new ProposalShelf(data).find(proposal.payloadSha256())).contains(proposal);
        // the meeting opened again on another day: the projector reads the shelf, not what the console held
        try (MeetingSession session = MeetingSession.open(tmp.resolve("m.db"), Clock.systemUTC())) {
            ConsoleViewModel vm = new ConsoleViewModel(session, FolkmootApp.bundle(Locale.ENGLISH), data);
            ProjectorViewModel projector = new ProjectorViewModel(session, vm.hall(), CommunityKey.fromSeed(new byte[32]));
            assertThat(projector.sourceProperty().get()).isEqualTo("From Millbrook (Municipality M7) — verdict wanted by 20 December 2026");
        }
    }
}
