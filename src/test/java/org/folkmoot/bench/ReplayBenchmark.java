package org.folkmoot.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.folkmoot.MeetingSimulator;
import org.folkmoot.Meetings;
import org.folkmoot.record.FormatException;
import org.folkmoot.record.Replay;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Replay of a 10,000-entry record: read, chain-checked, folded. Target: under 1 s. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ReplayBenchmark {
    static final int ENTRIES = 10_000;

    byte[] record;

    @Setup
    public void writeRecord() throws FormatException {
        Random random = new Random(10_000);
        List<String> script = MeetingSimulator.script(Meetings.HEADER, ENTRIES, random::nextInt);
        if (script.size() - 1 != ENTRIES) throw new IllegalStateException("the simulator wrote " + (script.size() - 1));
        Replay.Result r = Replay.run(bytes(script), null, null, Meetings.FIXED);
        if (r.refused()) throw new IllegalStateException(r.refusal());
        record = bytes(r.record());
    }

    private static byte[] bytes(List<String> lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public Replay.Result replayTenThousandEntries() throws FormatException {
        Replay.Result r = Replay.run(record, null, null, Meetings.FIXED);
        if (r.refused() || r.meeting().size() != ENTRIES) throw new IllegalStateException("replay failed");
        return r;
    }
}
