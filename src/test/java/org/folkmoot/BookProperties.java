package org.folkmoot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.folkmoot.procedure.Meeting;
import org.folkmoot.record.FormatException;
import org.folkmoot.record.Replay;
import org.folkmoot.verdict.VerdictPayload;

/**
 * Properties of random books of several meetings (planning, contention and recall across meetings, compound
 * corrections): what a meeting's close kept is what its prefix alone gives, and so are its verdicts.
 */
@Tag("property")
class BookProperties {
    private static final byte[] KEY = new byte[32];

    private static byte[] bytes(List<String> lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static Replay.Result replay(List<String> lines) throws FormatException {
        Replay.Result r = Replay.run(bytes(lines), null, null, Meetings.FIXED);
        assertThat(r.refusal()).as("the simulator writes only what the ladder takes").isNull();
        return r;
    }

    @Property(tries = 150)
    void eachMeetingsCloseIsWhatTheBookUpToItGives(@ForAll @Size(min = 20, max = 200) List<@IntRange(min = 0, max = 10_000) Integer> choices)
            throws FormatException {
        List<String> script = MeetingSimulator.script(Meetings.HEADER, choices);
        Replay.Result whole = replay(script);
        List<VerdictPayload.Issued> all = VerdictPayload.issue(whole.meeting(), whole.record(), KEY, "folkmoot test");
        for (Meeting.Held held : whole.meeting().meetings()) {
            if (held.sitting().closedAt() == 0) continue;
            int close = (int) held.sitting().closedAt();
            Replay.Result prefix = replay(whole.record().subList(0, close + 1));
            // the state the book kept at this close is the state of the book that ended there
            assertThat(prefix.meeting().book()).isEqualTo(held.closing());
            // and so the verdicts issued up to this close, to the byte
            List<VerdictPayload.Issued> early = VerdictPayload.issue(prefix.meeting(), prefix.record(), KEY, "folkmoot test");
            List<VerdictPayload.Issued> sameMeetings = all.stream().filter(i -> i.meeting() <= held.sitting().number()).toList();
            assertThat(early).hasSameSizeAs(sameMeetings);
            for (int i = 0; i < early.size(); i++) {
                assertThat(early.get(i).payload()).isEqualTo(sameMeetings.get(i).payload());
            }
        }
    }

    /** The book CI's random run found: meeting 2 passes R1, a recount between meetings fails its check 1 again. */
    @net.jqwik.api.Example
    void aVerdictACorrectionBetweenMeetingsUndidStandsAsIssued() throws FormatException {
        aLaterVerdictSupersedesEveryEarlierOneOfItsResolution(List.of(5, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0, 3, 2, 0, 0, 0, 22, 1, 3, 0, 4, 3));
    }

    @Property(tries = 150)
    void aLaterVerdictSupersedesEveryEarlierOneOfItsResolution(@ForAll @Size(min = 20, max = 200) List<@IntRange(min = 0, max = 10_000) Integer> choices)
            throws FormatException {
        Replay.Result whole = replay(MeetingSimulator.script(Meetings.HEADER, choices));
        List<VerdictPayload.Issued> all = VerdictPayload.issue(whole.meeting(), whole.record(), KEY, "folkmoot test");
        for (int i = 0; i < all.size(); i++) {
            VerdictPayload.Issued v = all.get(i);
            List<String> earlier = all.subList(0, i).stream().filter(e -> e.resolution().equals(v.resolution()))
                    .map(VerdictPayload.Issued::sha256).toList();
            assertThat(v.supersedes()).isEqualTo(earlier);
            // never two verdicts for one resolution at one close
            assertThat(all.subList(0, i)).noneMatch(e -> e.resolution().equals(v.resolution()) && e.meeting() == v.meeting());
        }
        // the latest of each is the one a replay writes: every resolution with an outcome has one
        List<String> decided = whole.meeting().resolutions().stream().filter(VerdictPayload::hasVerdict).map(r -> r.id()).toList();
        assertThat(VerdictPayload.latest(all).keySet().stream().filter(decided::contains).toList()).containsExactlyElementsOf(decided);
        // a verdict issued for one that has none now: a correction after that close took it back up the ladder (its
        // earlier verdict stands, for no later one can say "open"; see the session note of issue 13)
        for (String id : VerdictPayload.latest(all).keySet()) {
            if (!decided.contains(id)) assertThat(whole.record().toString()).as(id).contains("\"do\":\"correct\"");
        }
    }
}
