package org.folkmoot.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.folkmoot.MeetingSimulator;
import org.folkmoot.Meetings;
import org.folkmoot.record.ActionCodec;
import org.folkmoot.record.FormatException;
import org.folkmoot.record.HeaderCodec;
import org.folkmoot.record.Json;

/**
 * What the console offers ({@link Meeting#whyNot}) is what the ladder accepts: an action of a kind it does
 * not offer is always refused, and every action it accepts is of a kind it offers.
 */
@Tag("property")
class AvailabilityProperties {

    private static Meeting fold(Header header, List<Action> actions, int count) {
        Meeting m = Meeting.open(header);
        for (int i = 0; i < count; i++) {
            if (m.apply(actions.get(i)).isPresent()) throw new AssertionError("the script itself was refused at " + (i + 1));
        }
        return m;
    }

    @Property(tries = 60)
    void offeredKindsAreExactlyWhatTheLadderCanAccept(@ForAll @Size(min = 1, max = 70) List<@IntRange(min = 0, max = 10_000) Integer> choices)
            throws FormatException {
        List<String> script = MeetingSimulator.script(Meetings.HEADER, choices);
        Header header = HeaderCodec.read(Json.object(script.get(0)));
        List<Action> actions = new ArrayList<>();
        for (String line : script.subList(1, script.size())) actions.add(ActionCodec.read(Json.object(line)));

        Set<Action> probes = new LinkedHashSet<>(actions);
        Tally some = new Tally(10, 5, 0);
        probes.addAll(List.of(new Action.Attendance(80), new Action.Note("n"), new Action.Adjourn(null), new Action.Resume(null),
                new Action.Withdraw(), new Action.Dismiss(), new Action.CloseRound(), new Action.CarryForward("plan"),
                new Action.Discuss(5L), new Action.Speak("Ana"), new Action.Vote(null, some),
                new Action.Present("P-9", "T", "Some text.", "Pat", null), new Action.Objections(0, 0),
                new Action.Elect("Eve", "m", some), new Action.Recall("Delegate 1", null, some)));

        for (int prefix = 0; prefix <= actions.size(); prefix++) {
            Meeting base = fold(header, actions, prefix);
            if (prefix < actions.size()) {
                Action next = actions.get(prefix);
                assertThat(base.whyNot(next.kind())).as("the next entry of the script is offered: %s", next).isEmpty();
            }
            for (Action probe : probes) {
                Meeting trial = fold(header, actions, prefix);
                boolean accepted = trial.apply(probe).isEmpty();
                if (accepted) {
                    assertThat(base.whyNot(probe.kind())).as("accepted, so offered: %s after %d", probe, prefix).isEmpty();
                }
            }
        }
    }
}
