package org.folkmoot.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.folkmoot.combine.BodyRules;
import org.folkmoot.combine.CheckedKeys;
import org.folkmoot.combine.Combination;
import org.folkmoot.combine.Communities;
import org.folkmoot.combine.TallyWriter;
import org.folkmoot.verdict.CommunityKey;
import org.folkmoot.verdict.Dsse;
import org.folkmoot.verdict.Ed25519Keys;
import org.folkmoot.verdict.Roster;
import org.folkmoot.verdict.SignedFile;
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
 * A Municipality-to-Collective sized count: {@code verdicts} generated Community verdicts (each Community its own
 * key, in a roster of them all), each in its own file, combined end to end on every core with the heap held to
 * 512 MB — files read, envelopes parsed, signatures checked against the roster, payloads checked, sorted and
 * counted, and the signed result written. In the same run, the bare signature checks of the same verdicts
 * (BouncyCastle's Ed25519 over each PAE, nothing else), on one core and on two.
 *
 * <p>Each invocation is one whole count: verdicts/s = {@code verdicts} / the time. Quick (10,000):
 * {@code mvn -Pbench test-compile exec:exec -Dbench.args="CombineBenchmark"}; full:
 * {@code -Dbench.args="CombineBenchmark -p verdicts=100000"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx512m", "-Xms512m"})
public class CombineBenchmark {
    @Param({"10000"})
    int verdicts;

    Path folder;
    Roster roster;
    Path work;

    @Setup(Level.Trial)
    public void generate() throws Exception {
        folder = Path.of("target", "bench-verdicts", Integer.toString(verdicts));
        Path rosterFile = folder.resolve("roster.json");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < verdicts; i++) ids.add(String.format("c%07d", i));
        if (!Files.exists(rosterFile)) {
            Files.createDirectories(folder.resolve("verdicts"));
            AtomicInteger done = new AtomicInteger();
            IntStream.range(0, verdicts).parallel().forEach(i -> {
                // mostly passed, as a real measure that passes; some of every other kind
                Communities.Decided d = i % 20 == 0 ? Communities.Decided.NOT_PASSED
                        : i % 20 == 1 ? Communities.Decided.PASSED_AMENDED : i % 50 == 2 ? Communities.Decided.TABLED
                        : Communities.Decided.PASSED;
                try {
                    Path dir = folder.resolve("verdicts").resolve(String.format("%03d", i % 1000));
                    Files.createDirectories(dir);
                    Files.write(dir.resolve(ids.get(i) + ".verdict"), Communities.verdict(ids.get(i), d));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                done.incrementAndGet();
            });
            Communities.roster(rosterFile, "C1", ids);
        }
        roster = Roster.read(rosterFile);
        work = Files.createTempDirectory("combine-bench");
    }

    /** The last invocation's result, removed before the next (freeing its blocks is no part of a count). */
    @Setup(Level.Invocation)
    public void removeLastResult() throws IOException {
        Files.deleteIfExists(work.resolve("result.tally"));
    }

    /** A count with a roster whose keys this laptop has checked before (every count after the first). */
    @Benchmark
    public long combineEndToEnd() throws Exception {
        return count(CheckedKeys.in(work.resolve("checked-keys")));
    }

    /**
     * The first count with a roster on this laptop: every key is checked to be a point of prime order (a scalar
     * multiplication each) before its verdict is counted.
     */
    @Benchmark
    public long combineFirstCount() throws Exception {
        return count(CheckedKeys.none());
    }

    private long count(CheckedKeys checkedKeys) throws Exception {
        Path out = work.resolve("result.tally");
        try (Combination c = new Combination(roster, BodyRules.defaults(), Communities.RESOLUTION, Communities.SHA, work, null,
                checkedKeys)) {
            c.read(List.of(folder.resolve("verdicts")), Runtime.getRuntime().availableProcessors());
            Combination.Summary s = c.summary();
            if (s.reporting() != verdicts || s.refused() != 0) {
                throw new IllegalStateException("counted " + s.reporting() + " of " + verdicts + ", refused " + s.refused());
            }
            TallyWriter.write(out, c, s, roster.body(), CommunityKey.fromSeed(new byte[32]));
            return s.reporting();
        }
    }

    /**
     * The bare checks' own state: each verdict's key, PAE and signature in memory (in its own fork, so the
     * end-to-end count's heap is not charged with them).
     */
    @State(Scope.Benchmark)
    public static class Bare {
        byte[][] keys;
        byte[][] messages;
        byte[][] signatures;

        @Setup(Level.Trial)
        public void load(CombineBenchmark files) throws Exception {
            int n = files.verdicts;
            keys = new byte[n][];
            messages = new byte[n][];
            signatures = new byte[n][];
            List<Path> all;
            try (var walk = Files.walk(files.folder.resolve("verdicts"))) {
                all = walk.filter(p -> p.toString().endsWith(".verdict")).sorted().toList();
            }
            for (int i = 0; i < all.size(); i++) {
                SignedFile env = SignedFile.parse(Files.readAllBytes(all.get(i)));
                String id = all.get(i).getFileName().toString().replace(".verdict", "");
                keys[i] = files.roster.community(id).orElseThrow().publicKey();
                messages[i] = Dsse.pae(env.payloadType(), env.payload());
                signatures[i] = env.signatures().get(0).sig();
            }
        }
    }

    @Benchmark
    @Fork(value = 1, jvmArgs = {"-Xmx2g"})
    public int bareSignatureChecksOneCore(Bare b) {
        byte[][] keys = b.keys, messages = b.messages, signatures = b.signatures;
        int ok = 0;
        for (int i = 0; i < keys.length; i++) if (Ed25519Keys.verify(keys[i], messages[i], signatures[i])) ok++;
        if (ok != verdicts) throw new IllegalStateException("only " + ok + " held");
        return ok;
    }

    @Benchmark
    @Fork(value = 1, jvmArgs = {"-Xmx2g"})
    public long bareSignatureChecksEveryCore(Bare b) {
        byte[][] keys = b.keys, messages = b.messages, signatures = b.signatures;
        long ok = IntStream.range(0, keys.length).parallel()
                .filter(i -> Ed25519Keys.verify(keys[i], messages[i], signatures[i])).count();
        if (ok != verdicts) throw new IllegalStateException("only " + ok + " held");
        return ok;
    }

    @TearDown(Level.Trial)
    public void peak() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
        }
        // an upper bound: each pool's own peak, summed (they need not peak at once)
        System.out.println("\nPEAK HEAP (sum of the heap pools' peaks, -Xmx" + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                + "m): " + peak / (1024 * 1024) + " MB");
    }
}
