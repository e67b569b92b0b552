package org.folkmoot.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.folkmoot.Meetings;
import org.folkmoot.procedure.Action;
import org.folkmoot.procedure.Community;
import org.folkmoot.procedure.Header;
import org.folkmoot.procedure.MeetingInfo;
import org.folkmoot.procedure.Refusal;
import org.folkmoot.procedure.Resolution;
import org.folkmoot.procedure.Rules;
import org.folkmoot.procedure.Stage;
import org.folkmoot.procedure.Tally;
import org.folkmoot.record.Replay;
import org.folkmoot.store.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A meeting run action by action into its file, closed in the middle of a grievance round and reopened. */
class MeetingSessionTest {
    static final Header HEADER = new Header(new Community("oak-4", "Oak 4", 150), Rules.defaults(),
            new MeetingInfo("2026-11-26", "Oak hall", "Ana", "Bo"));

    @TempDir
    Path tmp;

    @Test
    void theScreensAreToldOfEveryEntryCommittedAndOfNoRefusal() throws Exception {
        try (MeetingSession s = MeetingSession.create(tmp.resolve("told.meeting"), HEADER, Meetings.FIXED)) {
            List<Integer> told = new java.util.ArrayList<>();
            s.onRecorded(() -> told.add(s.meeting().size()));
            // a screen that fails to show an entry does not unmake it, nor keep the others from being told
            s.onRecorded(() -> {
                throw new IllegalStateException("a screen that cannot draw");
            });
            List<Integer> second = new java.util.ArrayList<>();
            s.onRecorded(() -> second.add(s.meeting().size()));
            assertThat(s.take(new Action.Attendance(120))).isEmpty();
            assertThat(s.take(new Action.Vote(null, new Tally(1, 1, 1)))).isPresent();
            assertThat(s.take(new Action.Present("O-1", "Benches", "Benches go along the river path.", "Cy", null))).isEmpty();
            assertThat(told).as("told after each commit, with the entry already in the meeting").containsExactly(1, 2);
            assertThat(second).containsExactly(1, 2);
            assertThat(s.record()).hasSize(3);
        }
    }

    @Test
    void aMeetingClosedMidRoundReopensExactlyWhereItStood() throws Exception {
        Path file = tmp.resolve("oak.meeting");
        try (MeetingSession s = MeetingSession.create(file, HEADER, Meetings.FIXED)) {
            for (Action a : List.of(new Action.Attendance(120),
                    new Action.Present("O-1", "Benches", "Benches go along the river path.", "Cy", null),
                    new Action.Vote(null, new Tally(90, 25, 5)),
                    new Action.Objections(20, 5),
                    new Action.Grievance(1, "Cost", 12, "Too dear.", "Dee"),
                    new Action.Grievance(1, "Place", 8, "Not by the river.", "Eli"),
                    new Action.Plead("Cost"),
                    new Action.Agreement("Cost", new Tally(60, 50, 10)))) {
                assertThat(s.take(a)).as(a.toString()).isEmpty();
            }
            Refusal refused = s.take(new Action.Vote(null, new Tally(1, 1, 1))).orElseThrow();
            assertThat(refused.reason()).contains("no vote is taken now");
            assertThat(s.meeting().size()).isEqualTo(8);
        }
        try (MeetingSession s = MeetingSession.open(file, Meetings.FIXED)) {
            Resolution r = s.meeting().current().orElseThrow();
            assertThat(r.stage()).isEqualTo(Stage.ROUND_1);
            assertThat(r.grievances()).hasSize(2);
            assertThat(r.grievances().get(0).pleaded()).isTrue();
            assertThat(r.grievances().get(0).agreement()).isEqualTo(new Tally(60, 50, 10));
            assertThat(r.votes().get(0).tally()).isEqualTo(new Tally(90, 25, 5));
            assertThat(s.meeting().present()).isEqualTo(120);
            assertThat(s.meeting().size()).isEqualTo(8);
            // and it goes on from there
            assertThat(s.take(new Action.Plead("Place"))).isEmpty();
            assertThat(s.take(new Action.CloseRound())).isEmpty();
            assertThat(s.meeting().current().orElseThrow().stage()).isEqualTo(Stage.CHECK_2);
        }
    }

    @Test
    void theRecordItWritesReplaysToTheSameMeeting() throws Exception {
        Path file = tmp.resolve("m.meeting");
        List<String> record;
        try (MeetingSession s = MeetingSession.create(file, HEADER, Meetings.FIXED)) {
            s.take(new Action.Attendance(100));
            s.take(new Action.Present("O-2", "Lights", "Lights on the bridge.", "Fay", null));
            s.take(new Action.Vote(null, new Tally(95, 5, 0)));
            record = s.record();
        }
        Replay.Result r = Replay.run((String.join("\n", record) + "\n").getBytes(StandardCharsets.UTF_8), null, null, Meetings.FIXED);
        assertThat(r.refused()).isFalse();
        assertThat(r.record()).isEqualTo(record);
        assertThat(Meetings.outcomes(r)).isEqualTo("O-2 passed consensus 95/100");
    }

    @Test
    void aFileThatHoldsAMeetingIsNotStartedAgain() throws Exception {
        Path file = tmp.resolve("m.meeting");
        MeetingSession.create(file, HEADER, Meetings.FIXED).close();
        byte[] before = Files.readAllBytes(file);
        assertThatThrownBy(() -> MeetingSession.create(file, HEADER, Meetings.FIXED))
                .isInstanceOf(StoreException.class).hasMessageContaining("already holds a meeting");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }
}
