package org.folkmoot.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.folkmoot.record.Replay;

/**
 * Run in a child JVM by {@link CrashTest}: replays a script into a meeting file, resuming what it holds,
 * and says "ack N" once entry N is durable. The parent kills it with SIGKILL at a random moment.
 */
public final class CrashChild {
    public static void main(String[] args) throws Exception {
        byte[] script = Files.readAllBytes(Path.of(args[0]));
        try (MeetingFile file = MeetingFile.open(Path.of(args[1]))) {
            Replay.Stored stored = file.stored().orElse(null);
            System.out.println("ready " + (stored == null ? 0 : stored.lines().size()));
            System.out.flush();
            Replay.Result result = Replay.run(script, stored, new Replay.Journal() {
                @Override
                public void start(String headerLine) {
                    file.start(headerLine);
                }

                @Override
                public void append(long seq, String line) {
                    file.append(seq, line);
                    System.out.println("ack " + seq);
                    System.out.flush();
                }
            }, Clock.systemUTC());
            System.out.println(result.refused() ? "refused " + result.refusal() : "done");
        }
    }
}
