package org.folkmoot.procedure;

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
import org.folkmoot.record.FormatException;
import org.folkmoot.record.Replay;

/** The book's state is a pure fold ({@link Ladder#decide}) of its entries as they count now. */
@Tag("property")
class FoldProperties {

    @Property(tries = 200)
    void theBookIsTheFoldOfItsEffectiveEntriesMeetingAfterMeeting(
            @ForAll @Size(min = 20, max = 200) List<@IntRange(min = 0, max = 10_000) Integer> choices) throws FormatException {
        List<String> script = MeetingSimulator.script(Meetings.HEADER, choices);
        Replay.Result r = Replay.run((String.join("\n", script) + "\n").getBytes(StandardCharsets.UTF_8), null, null, Meetings.FIXED);
        assertThat(r.refusal()).isNull();
        Meeting m = r.meeting();

        // fold each meeting's entries in turn onto the state the one before it left (corrections as they now stand)
        Book state = Book.opened(m.header());
        for (Meeting.Held held : m.meetings()) {
            for (long seq = held.sitting().firstSeq(); seq <= held.lastSeq(m.size()); seq++) {
                Action a = m.effective(seq);
                if (a instanceof Action.Correct) continue;
                Ladder.Decision d = Ladder.decide(state, seq, a);
                assertThat(d).as("entry %d", seq).isInstanceOf(Ladder.Decision.Taken.class);
                state = ((Ladder.Decision.Taken) d).next();
            }
        }
        assertThat(state).isEqualTo(m.book());
        // a refused action leaves the state as it was: the same value, not a changed one
        Book before = m.book();
        m.apply(new Action.Resume(null)).ifPresent(refused -> assertThat(m.book()).isSameAs(before));
    }
}
