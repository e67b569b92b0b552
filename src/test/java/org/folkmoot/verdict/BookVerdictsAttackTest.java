package org.folkmoot.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.folkmoot.Meetings.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.folkmoot.record.Json;
import org.folkmoot.record.Replay;
import org.junit.jupiter.api.Test;

/**
 * The verdicts a book issues, attacked with what lies between two meetings: what an earlier close issued is
 * never rewritten by an entry made after it (docs/procedure.md, "The Community Verdict"; decision 0008).
 */
class BookVerdictsAttackTest {
    private static final byte[] KEY = new byte[32];

    private static List<VerdictPayload.Issued> issued(Replay.Result r) {
        assertThat(r.refusal()).isNull();
        return VerdictPayload.issue(r.meeting(), r.record(), KEY, "folkmoot test");
    }

    @Test
    void aCorrectionBetweenTwoMeetingsIsReportedByTheNextCloseSupersedingTheFirst() throws Exception {
        String[] first = {attendance(100), present("R1"), vote("check-1", 95, 5, 0), elect("Ivo", 60, 40, 0), adjourn()};
        String failed = "{\"do\":\"correct\",\"reason\":\"miscounted\",\"entry\":4,\"with\":" + elect("Ivo", 40, 60, 0) + "}";
        List<VerdictPayload.Issued> atTheClose = issued(replay(first));
        List<VerdictPayload.Issued> whole = issued(replay(concat(first, failed, nextMeeting("2026-12-10"), attendance(90))));

        // the body already holds the first meeting's verdict, with Ivo elected: the book issues that very one
        assertThat(whole).hasSize(2);
        assertThat(whole.get(0).payload()).isEqualTo(atTheClose.get(0).payload());
        // and the second meeting's, without Ivo, superseding it
        assertThat(whole.get(1).meeting()).isEqualTo(2);
        assertThat(whole.get(1).supersedes()).containsExactly(whole.get(0).sha256());
        JsonNode v2 = Json.object(new String(whole.get(1).payload(), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(v2.path("delegates")).isEmpty();
    }

    @Test
    void whatIsExportedWhileAdjournedIsTheVerdictTheBookStandsByOnceTheNextMeetingBegins() throws Exception {
        String[] first = {attendance(100), present("R1"), vote("check-1", 95, 5, 0), adjourn()};
        String note = "{\"do\":\"note\",\"text\":\"The next meeting is on 10 December.\"}";
        String recount = "{\"do\":\"correct\",\"reason\":\"recounted\",\"entry\":3,\"with\":" + vote("check-1", 96, 4, 0) + "}";
        // the secretary adjourns, writes a note (or a correction), and exports the papers for the delegate
        List<VerdictPayload.Issued> exported = issued(replay(concat(first, note, recount)));
        assertThat(exported).hasSize(1);

        // the next meeting begins and elects a delegate: its verdict must supersede the one the body holds
        List<VerdictPayload.Issued> whole = issued(replay(concat(first, note, recount, nextMeeting("2026-12-10"), attendance(90),
                elect("Uma", 60, 30, 0))));
        assertThat(whole.get(0).sha256()).isEqualTo(exported.get(0).sha256());
        assertThat(whole.get(whole.size() - 1).supersedes()).contains(exported.get(0).sha256());
    }
}
