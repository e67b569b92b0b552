package org.folkmoot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.folkmoot.record.FormatException;
import org.folkmoot.record.Replay;
import org.junit.jupiter.api.Test;

/** The random meetings the properties and the crash test use walk every branch of the ladder. */
class MeetingSimulatorTest {

    @Test
    void itsMeetingsReachEveryOutcomeAndUseEveryAction() throws FormatException {
        Set<String> outcomes = new HashSet<>();
        Set<String> kinds = new HashSet<>();
        for (int seed = 0; seed < 200; seed++) {
            Random random = new Random(seed);
            List<String> script = MeetingSimulator.script(Meetings.HEADER, 120, random::nextInt);
            for (String line : script.subList(1, script.size())) {
                kinds.add(line.replaceAll("^\\{\"do\":\"([a-z-]+)\".*", "$1"));
            }
            Replay.Result r = Replay.run((String.join("\n", script) + "\n").getBytes(StandardCharsets.UTF_8),
                    null, null, Meetings.FIXED);
            assertThat(r.refusal()).isNull();
            r.meeting().resolutions().forEach(res -> {
                String[] line = Replay.outcomeLine(res).split(" ");
                outcomes.add(line[1] + " " + line[2]);
            });
        }
        assertThat(outcomes).contains("passed consensus", "passed amended", "passed supermajority", "not-passed -",
                "tabled -", "dismissed -", "withdrawn -", "open -");
        assertThat(kinds).contains("attendance", "present", "discuss", "speak", "vote", "objections", "grievance", "plead",
                "agreement", "amend", "amendment-vote", "close-round", "elect", "carry-forward", "recall", "dismiss",
                "withdraw", "adjourn", "resume", "note", "correct");
    }
}
