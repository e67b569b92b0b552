package org.folkmoot.combine;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.folkmoot.combine.Combination.Refusal;
import org.folkmoot.record.Json;

/**
 * The refusals of one count, spooled to a file as they come (a stick of a million stray files is a million
 * refusals) and read back sorted by file, as the result lists them. Each refusal takes the count's one lock — the
 * same the ledger takes — so that a progress line or the summary sees the two agree.
 */
final class Refusals {
    private final Object lock;
    private final Path work;
    private final Path refusedSpool;
    private final OutputStream refusedOut;
    private long refused;
    /** Refusals sorted in memory at a time; more are sorted in runs on disk and merged as they are read. */
    private int refusalsInMemory = 50_000;
    private static final Comparator<Refusal> BY_FILE = Comparator.comparing(Refusal::file).thenComparing(Refusal::reason);

    /** @param work the count's work folder (the spool and its sorted runs lie there); @param lock the count's one lock */
    Refusals(Path work, Object lock) throws IOException {
        this.lock = lock;
        this.work = work;
        this.refusedSpool = work.resolve("refused.spool");
        this.refusedOut = new BufferedOutputStream(Files.newOutputStream(refusedSpool, StandardOpenOption.CREATE_NEW));
    }

    /** A file (or a verdict inside a result) not counted, and why. */
    void refuse(String file, String reason) {
        synchronized (lock) {
            refused++;
            try {
                com.fasterxml.jackson.databind.node.ArrayNode line = Json.MAPPER.createArrayNode().add(file).add(reason);
                refusedOut.write((Json.compact(line) + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("the list of refused files cannot be written", e);
            }
        }
    }

    /** How many were refused so far (read under the count's lock, as with the ledger's counts). */
    long count() {
        return refused;
    }

    /** For tests: runs of {@code n} refusals, to see them merged without making 50,000 files. */
    void sortRefusalsInRunsOf(int n) {
        refusalsInMemory = n;
    }

    /**
     * Every file refused, sorted by file, as the result lists them — read as they are needed: a stick of a
     * million stray files is a million refusals, and they are sorted in runs of 50,000 on disk and merged,
     * never all held at once.
     */
    Iterable<Refusal> sorted() throws IOException {
        synchronized (lock) {
            return sortedHeld();
        }
    }

    private Iterable<Refusal> sortedHeld() throws IOException {
        refusedOut.flush();
        List<Path> runs = new ArrayList<>();
        List<Refusal> chunk = new ArrayList<>();
        try (java.io.BufferedReader in = Files.newBufferedReader(refusedSpool, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                chunk.add(refusal(line));
                if (chunk.size() == refusalsInMemory) {
                    runs.add(run(chunk));
                    chunk.clear();
                }
            }
        }
        chunk.sort(BY_FILE);
        if (runs.isEmpty()) return chunk;
        if (!chunk.isEmpty()) runs.add(run(chunk));
        return () -> new Merged(runs);
    }

    private static Refusal refusal(String line) throws IOException {
        try {
            JsonNode pair = Json.MAPPER.readTree(line);
            return new Refusal(pair.get(0).asText(), pair.get(1).asText());
        } catch (IOException | RuntimeException e) {
            throw new IOException("the list of refused files is damaged: " + e.getMessage(), e);
        }
    }

    /** One sorted run of refusals, written to the work folder (removed with it). */
    private Path run(List<Refusal> chunk) throws IOException {
        chunk.sort(BY_FILE);
        Path file = Files.createTempFile(work, "refused-", ".run");
        try (java.io.BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Refusal r : chunk) {
                out.write(Json.compact(Json.MAPPER.createArrayNode().add(r.file()).add(r.reason())));
                out.newLine();
            }
        }
        return file;
    }

    /** The runs merged: each run's next refusal waits in a queue, the least taken first. */
    private static final class Merged implements java.util.Iterator<Refusal> {
        private record Head(Refusal refusal, java.io.BufferedReader from) {
        }

        private final java.util.PriorityQueue<Head> heads = new java.util.PriorityQueue<>(Comparator.comparing(Head::refusal, BY_FILE));

        Merged(List<Path> runs) {
            try {
                for (Path run : runs) advance(Files.newBufferedReader(run, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void advance(java.io.BufferedReader from) throws IOException {
            String line = from.readLine();
            if (line == null) from.close();
            else heads.add(new Head(refusal(line), from));
        }

        @Override
        public boolean hasNext() {
            return !heads.isEmpty();
        }

        @Override
        public Refusal next() {
            Head head = heads.poll();
            if (head == null) throw new java.util.NoSuchElementException();
            try {
                advance(head.from());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return head.refusal();
        }
    }

    void close() throws IOException {
        refusedOut.close();
    }
}
