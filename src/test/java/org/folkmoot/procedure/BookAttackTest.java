package org.folkmoot.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.folkmoot.Meetings.*;

import java.util.Arrays;
import org.folkmoot.record.Replay;
import org.junit.jupiter.api.Test;

/**
 * Entries a Community's book must take or refuse as the contract says, found by attacking the book through
 * {@code replay}'s own engine: what a meeting's close keeps, and what a planning entry that names no
 * resolution concerns.
 */
class BookAttackTest {

    /** R1 passes and Ivo is elected for it; the meeting adjourns. */
    private static final String[] FIRST_MEETING = {attendance(100), present("R1"), vote("check-1", 95, 5, 0),
        elect("Ivo", 60, 40, 0), adjourn()};

    private static String correctElection(long inFavour, long against) {
        return "{\"do\":\"correct\",\"reason\":\"miscounted\",\"entry\":4,\"with\":" + elect("Ivo", inFavour, against, 0) + "}";
    }

    @Test
    void aCorrectionMadeBetweenTwoMeetingsLeavesTheEarlierCloseAsItWas() {
        // the election failed after all: corrected after the adjourn, before the next meeting begins
        String[] book = concat(FIRST_MEETING, correctElection(40, 60), nextMeeting("2026-12-10"), attendance(90));
        Replay.Result whole = replay(book);
        assertThat(whole.refusal()).isNull();
        Replay.Result toTheClose = replay(Arrays.copyOf(FIRST_MEETING, FIRST_MEETING.length));

        // the first meeting closed at its adjourn, with Ivo elected: its verdict was issued so, and stays so
        Meeting.Held first = whole.meeting().meetings().get(0);
        assertThat(first.closing()).isEqualTo(toTheClose.meeting().book());
        assertThat(first.closing().resolution("R1").orElseThrow().serving()).extracting(Delegate::name).containsExactly("Ivo");
        // the correction belongs to the meeting that follows, and is reported at its close
        assertThat(whole.meeting().book().resolution("R1").orElseThrow().serving()).isEmpty();
    }

    @Test
    void aRecallNamingNoResolutionRecallsTheMandateThatNameStillHolds() {
        // Ivo serves for R1; elected for R2 too, he was recalled from it; the room now recalls Ivo
        Replay.Result r = replay(attendance(100), present("R1"), vote("check-1", 95, 5, 0), elect("Ivo", 60, 40, 0),
                present("R2"), vote("check-1", 95, 5, 0), elect("Ivo", 60, 40, 0), recall("Ivo", 60, 40, 0),
                recall("Ivo", 60, 40, 0));
        assertThat(r.refusal()).isNull();
        assertThat(r.meeting().book().serving()).isEmpty();
        assertThat(r.meeting().book().resolution("R1").orElseThrow().delegates().get(0).recalled()).isTrue();

        // where that name serves for several, the latest resolution that elected it, as before
        Replay.Result both = replay(attendance(100), present("R1"), vote("check-1", 95, 5, 0), elect("Ivo", 60, 40, 0),
                present("R2"), vote("check-1", 95, 5, 0), elect("Ivo", 60, 40, 0), recall("Ivo", 60, 40, 0));
        assertThat(both.meeting().book().serving()).extracting(Book.Serving::resolution).containsExactly("R1");
        // and where it serves for none, the refusal says so
        Replay.Result none = replay(attendance(100), present("R1"), vote("check-1", 95, 5, 0), elect("Ivo", 60, 40, 0),
                recall("Ivo", 60, 40, 0), elect("Uma", 60, 40, 0), recall("Ivo", 60, 40, 0));
        assertThat(none.refusal()).contains("Ivo was already recalled");
    }

    @Test
    void anIdPresentedAtAnEarlierMeetingIsRefusedNamingThatMeeting() {
        Replay.Result r = replay(attendance(100), present("R1"), vote("check-1", 95, 5, 0), adjourn(),
                nextMeeting("2026-12-10"), attendance(90), present("R1"));
        assertThat(r.refusal()).endsWith("resolution R1 was already presented, at meeting 1");
        Replay.Result same = replay(attendance(100), present("R1"), vote("check-1", 95, 5, 0), present("R1"));
        assertThat(same.refusal()).endsWith("resolution R1 was already presented in this meeting");
    }

    @Test
    void anEmptyResolutionFieldIsRefusedAsEmpty() {
        for (String entry : new String[] {on("", vote("contention", 10, 80, 0)), on("", elect("Ivo", 60, 40, 0)),
            on("", recall("Ivo", 60, 40, 0)), on("", dismiss()), on("", carryForward())}) {
            Replay.Result r = replay(attendance(100), present("R1"), vote("check-1", 95, 5, 0), elect("Ivo", 60, 40, 0), entry);
            assertThat(r.refusal()).as(entry).endsWith("'resolution' is empty: name the resolution it concerns, or leave the field out for the latest");
        }
    }
}
