package org.folkmoot.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.folkmoot.MeetingSimulator;
import org.folkmoot.Meetings;
import org.folkmoot.procedure.Resolution;
import org.folkmoot.record.FormatException;
import org.folkmoot.record.Replay;

/**
 * Every verdict the ladder gives — random meetings of every rule set, corrections and all — verifies: the
 * check that a verdict's outcome follows from its own votes refuses nothing the program itself writes.
 */
@Tag("property")
class OutcomeFollowsProperties {
    private static final CommunityKey KEY = CommunityKey.fromSeed(Verdicts.SEED);

    private static String header(int rules) {
        return switch (rules) {
            case 1 -> Meetings.headerWithRules("{\"basis\":\"present\"}");
            case 2 -> Meetings.headerWithRules("{\"consensus\":\"4/5\",\"final\":\"3/5\",\"quorum\":\"1/3\"}");
            case 3 -> Meetings.headerWithRules("{\"consensus\":\"1/1\",\"final\":\"1/1\",\"contention\":\"0/1\",\"basis\":\"present\"}");
            default -> Meetings.HEADER;
        };
    }

    @Property(tries = 400)
    void everyVerdictOfARandomMeetingVerifies(@ForAll @Size(min = 1, max = 200) List<@IntRange(min = 0, max = 10_000) Integer> choices,
                                              @ForAll @IntRange(min = 0, max = 3) int rules) throws FormatException {
        List<String> script = MeetingSimulator.script(header(rules), choices);
        Replay.Result r = Replay.run((String.join("\n", script) + "\n").getBytes(StandardCharsets.UTF_8), null, null, Meetings.FIXED);
        assertThat(r.refusal()).isNull();
        for (Resolution resolution : r.meeting().resolutions()) {
            if (!VerdictPayload.hasVerdict(resolution)) continue;
            byte[] payload = VerdictPayload.build(r.meeting(), resolution, r.record(), KEY.publicKey(), "folkmoot test");
            byte[] verdict = Dsse.sign(Dsse.VERDICT_TYPE, payload, KEY);
            try {
                VerdictVerifier.verify(SignedFile.parse(verdict), null, VerdictVerifier.Expected.ANY);
            } catch (SignedFile.Refused e) {
                throw new AssertionError(Replay.outcomeLine(resolution) + " refused: " + e.getMessage()
                        + "\n" + new String(payload, StandardCharsets.UTF_8));
            }
        }
    }
}
