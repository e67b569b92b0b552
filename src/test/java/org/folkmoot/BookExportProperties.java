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
 * The papers exported while a book stands adjourned between two meetings (after a note, a correction) are the
 * verdicts the whole book stands by for that meeting: a body that received them sees the next meeting's verdicts
 * supersede them, never a conflict.
 */
@Tag("property")
class BookExportProperties {
    private static final byte[] KEY = new byte[32];

    private static Replay.Result replay(List<String> lines) throws FormatException {
        Replay.Result r = Replay.run((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8), null, null, Meetings.FIXED);
        assertThat(r.refusal()).as("the simulator writes only what the ladder takes").isNull();
        return r;
    }

    @Property(tries = 100)
    void anExportBetweenTwoMeetingsIsWhatTheBookIssuesForTheFirst(
            @ForAll @Size(min = 20, max = 200) List<@IntRange(min = 0, max = 10_000) Integer> choices) throws FormatException {
        Replay.Result whole = replay(MeetingSimulator.script(Meetings.HEADER, choices));
        List<VerdictPayload.Issued> all = VerdictPayload.issue(whole.meeting(), whole.record(), KEY, "folkmoot test");
        List<Meeting.Held> meetings = whole.meeting().meetings();
        for (int i = 0; i + 1 < meetings.size(); i++) {
            int number = meetings.get(i).sitting().number();
            List<String> issuedThen = all.stream().filter(v -> v.meeting() <= number).map(VerdictPayload.Issued::sha256).toList();
            // every entry from its closing adjourn up to the next meeting's own entry: the book stands adjourned
            for (long end = meetings.get(i).sitting().closedAt(); end < meetings.get(i + 1).sitting().openedAt(); end++) {
                Replay.Result prefix = replay(whole.record().subList(0, (int) end + 1));
                List<String> exported = VerdictPayload.issue(prefix.meeting(), prefix.record(), KEY, "folkmoot test").stream()
                        .map(VerdictPayload.Issued::sha256).toList();
                assertThat(exported).as("exported after entry " + end).isEqualTo(issuedThen);
            }
        }
    }
}
