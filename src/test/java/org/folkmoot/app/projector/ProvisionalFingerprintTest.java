package org.folkmoot.app.projector;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import org.folkmoot.app.FolkmootApp;
import org.folkmoot.app.console.ConsoleViewModel;
import org.folkmoot.record.ActionCodec;
import org.folkmoot.record.HeaderCodec;
import org.folkmoot.record.Json;
import org.folkmoot.session.MeetingSession;
import org.folkmoot.verdict.CommunityKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hall, finding 6: a fingerprint read aloud before the close would not match the minutes. */
class ProvisionalFingerprintTest {
    @TempDir
    Path tmp;

    private static final String HEADER = "{\"format\":\"folkmoot-meeting/1\",\"community\":{\"id\":\"c1\",\"name\":\"C1\",\"members\":150},"
            + "\"meeting\":{\"date\":\"2026-12-10\",\"place\":\"Hall\",\"facilitator\":\"Ana\",\"secretary\":\"Bo\"}}";

    private static void take(MeetingSession s, String line) throws Exception {
        assertThat(s.take(ActionCodec.read(Json.object(line)))).as(line).isEmpty();
    }

    @Test
    void theFingerprintIsMarkedProvisionalUntilTheMeetingIsAdjourned() throws Exception {
        try (MeetingSession session = MeetingSession.create(tmp.resolve("m.meeting"), HeaderCodec.read(Json.object(HEADER)), Clock.systemUTC())) {
            ConsoleViewModel console = new ConsoleViewModel(session, FolkmootApp.bundle(Locale.ENGLISH), tmp);
            ProjectorViewModel room = new ProjectorViewModel(session, console.hall(), CommunityKey.fromSeed(new byte[32]));
            take(session, "{\"do\":\"attendance\",\"present\":120}");
            take(session, "{\"do\":\"present\",\"resolution\":\"R1\",\"title\":\"T\",\"text\":\"A text.\",\"proposer\":\"Cy\"}");
            console.reload();
            assertThat(room.fingerprintProperty().get()).as("no outcome, no fingerprint").isEmpty();
            assertThat(room.provisionalProperty().get()).isFalse();

            take(session, "{\"do\":\"vote\",\"stage\":\"check-1\",\"for\":115,\"against\":3,\"abstain\":2}");
            console.reload();
            String afterPass = room.fingerprintProperty().get();
            assertThat(afterPass).isNotEmpty();
            assertThat(room.provisionalProperty().get()).as("passed, but planning may still change the verdict").isTrue();

            take(session, "{\"do\":\"elect\",\"name\":\"Dee\",\"mandate\":\"Carry it to the Municipality.\",\"for\":100,\"against\":10,\"abstain\":10}");
            console.reload();
            assertThat(room.fingerprintProperty().get()).as("a planning entry changes it").isNotEqualTo(afterPass);
            assertThat(room.provisionalProperty().get()).isTrue();

            take(session, "{\"do\":\"adjourn\"}");
            console.reload();
            assertThat(room.provisionalProperty().get()).as("closed: the fingerprint the minutes print").isFalse();
            // and it is the fingerprint of the verdict the close issues (what Export writes and the minutes print)
            org.folkmoot.verdict.VerdictPayload.Issued issued = org.folkmoot.verdict.VerdictPayload.latest(
                    org.folkmoot.verdict.VerdictPayload.issue(session.meeting(), session.record(),
                            CommunityKey.fromSeed(new byte[32]).publicKey(), org.folkmoot.verdict.Program.nameAndVersion())).get("R1");
            assertThat(room.fingerprintProperty().get()).isEqualTo(org.folkmoot.verdict.Ed25519Keys.fingerprint(issued.payload()));
        }
    }
}
