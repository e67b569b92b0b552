package org.folkmoot;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.TreeMap;
import org.folkmoot.record.Replay;

/** Prints how the simulator's meetings end, to see that every branch is walked (not a test). */
public final class SimulatorStats {
    public static void main(String[] args) throws Exception {
        TreeMap<String, Integer> counts = new TreeMap<>();
        TreeMap<String, Integer> kinds = new TreeMap<>();
        for (int seed = 0; seed < 300; seed++) {
            Random random = new Random(seed);
            var script = MeetingSimulator.script(Meetings.HEADER, 120, random::nextInt);
            for (String l : script.subList(1, script.size())) kinds.merge(l.replaceAll("^\\{\"do\":\"([a-z-]+)\".*", "$1"), 1, Integer::sum);
            Replay.Result r = Replay.run((String.join("\n", script) + "\n").getBytes(StandardCharsets.UTF_8), null, null, Meetings.FIXED);
            if (r.refused()) throw new AssertionError(r.refusal());
            r.meeting().resolutions().forEach(res -> counts.merge(Replay.outcomeLine(res).split(" ")[1] + " " + Replay.outcomeLine(res).split(" ")[2], 1, Integer::sum));
        }
        System.out.println(counts);
        System.out.println(kinds);
    }
}
