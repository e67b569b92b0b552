package org.folkmoot.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.folkmoot.Meetings;
import org.folkmoot.store.MeetingFile;
import org.folkmoot.store.StoreException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The latency of one durable append: an entry committed to the journal through a rollback journal
 * ({@code journal_mode=DELETE}, {@code synchronous=EXTRA}: the meeting file whole by itself after the
 * commit), the wait a facilitator has between a click and the state it shows. Target: median under 5 ms
 * on an SSD.
 * The folder is {@code -Dbench.dir} (default: the system's temporary folder), so it can be pointed at the disk
 * a laptop would use rather than a RAM-backed /tmp.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class AppendBenchmark {
    private static final String LINE = "{\"do\":\"vote\",\"stage\":\"check-1\",\"for\":96,\"against\":19,\"abstain\":5,"
            + "\"seq\":%d,\"at\":\"2026-11-26T18:25:00Z\",\"prev\":\"f38f50b2a39afb81717ebc2e1bbe413b1a1e733421dcc0d030ae27320bd4d3fb\"}";

    @Param({"sqlite-delete-extra"})
    public String store;

    Path dir;
    MeetingFile file;
    long seq;

    @Setup(Level.Iteration)
    public void open() throws IOException, StoreException {
        String base = System.getProperty("bench.dir", System.getProperty("java.io.tmpdir"));
        dir = Files.createTempDirectory(Path.of(base), "folkmoot-append");
        file = MeetingFile.open(dir.resolve("meeting.meeting"));
        file.start(Meetings.HEADER);
        seq = 0;
    }

    @Benchmark
    public void appendOneEntry() {
        seq++;
        file.append(seq, String.format(LINE, seq));
    }

    @TearDown(Level.Iteration)
    public void close() throws IOException {
        file.close();
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) Files.delete(p);
        }
        Files.delete(dir);
    }
}
