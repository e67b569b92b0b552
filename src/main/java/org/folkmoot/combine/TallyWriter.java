package org.folkmoot.combine;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.HexFormat;
import java.util.List;
import org.folkmoot.record.Json;
import org.folkmoot.verdict.CommunityKey;
import org.folkmoot.verdict.Dsse;
import org.folkmoot.verdict.Ed25519Keys;
import org.folkmoot.verdict.Roster;
import org.folkmoot.verdict.StreamingEd25519;

/**
 * Writes a body's signed result ({@code folkmoot-tally/1}, docs/signed-files.md): the count, and every
 * counted verdict's envelope unchanged. A result of a million verdicts is far larger than the heap, so it is
 * written as a stream, in one pass: the payload's head (everything but the verdicts) is written first to a
 * small file, which with the spooled envelopes' lengths gives the payload's length that DSSE's PAE names
 * before the payload; the signature's nonce comes from a digest of the head and of every envelope (each
 * hashed when it was counted), so the signing digest can be fed as the payload goes out, base64, into the
 * envelope. The same verdicts and rules always give the same bytes: lists are sorted, and the result's
 * {@code issuedAt} is the latest of the counted verdicts', not the clock's.
 */
public final class TallyWriter {
    public static final String FORMAT = "folkmoot-tally/1";

    /** What was written: the payload's fingerprint, for the clerk to read aloud. */
    public record Written(Path file, String fingerprint, long bytes) {
    }

    private TallyWriter() {
    }

    public static Written write(Path target, Combination combination, Combination.Summary s, Roster.Body body,
                                CommunityKey key) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path head = Files.createTempFile(dir, "." + target.getFileName(), ".head");
        Path temp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".tmp");
        try {
            writeHead(head, combination, s, body, key);
            int[] carried = combination.carried();
            long length = Files.size(head) + Math.max(0, carried.length - 1) + 2; // commas, then "]}"
            for (int k : carried) length += combination.length(k);

            // the nonce's digest: the head, then each envelope's SHA-256, in the order they are carried
            MessageDigest commitment = ResultEnvelope.sha256();
            ResultEnvelope.feed(head, commitment);
            for (int k : carried) combination.feedSha(k, commitment);
            StreamingEd25519.Signer signer = key.signer(commitment.digest());
            MessageDigest challenge = signer.message();
            challenge.update(("DSSEv1 " + Dsse.TALLY_TYPE.length() + " " + Dsse.TALLY_TYPE + " " + length + " ")
                    .getBytes(StandardCharsets.US_ASCII));
            MessageDigest fingerprint = ResultEnvelope.sha256();

            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                Syncer syncer = new Syncer(channel);
                OutputStream file = new BufferedOutputStream(syncer.stream(), 1 << 16);
                try {
                    JsonGenerator envelope = Json.MAPPER.getFactory().createGenerator(file, JsonEncoding.UTF8)
                            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET); // the channel is closed below, once forced
                    envelope.writeStartObject();
                    envelope.writeStringField("payloadType", Dsse.TALLY_TYPE);
                    envelope.writeFieldName("payload");
                    // the payload's base64 is larger than any string in memory: the Payload's writing thread puts it
                    // straight into the file, between the quotes opened here and closed after it
                    envelope.writeRawValue("\"");
                    envelope.flush();
                    long written;
                    try (Payload payload = new Payload(file, challenge, fingerprint)) {
                        try (InputStream in = Files.newInputStream(head)) {
                            byte[] buffer = new byte[1 << 16];
                            for (int n; (n = in.read(buffer)) > 0; ) payload.write(buffer, 0, n);
                        }
                        ByteBuffer verdict = ByteBuffer.allocate(64 * 1024);
                        boolean first = true;
                        for (int k : carried) {
                            if (!first) payload.write(COMMA, 0, 1);
                            first = false;
                            if (verdict.capacity() < combination.length(k)) verdict = ByteBuffer.allocate(combination.length(k));
                            payload.write(combination.envelope(k, verdict));
                        }
                        payload.write(END_OF_PAYLOAD, 0, END_OF_PAYLOAD.length);
                        written = payload.count;
                    }
                    if (written != length) throw new IOException("the result's payload came to " + written + " bytes, not " + length);
                    envelope.writeRaw('"');
                    envelope.writeArrayFieldStart("signatures");
                    envelope.writeStartObject();
                    envelope.writeStringField("keyid", key.keyId());
                    envelope.writeStringField("sig", Ed25519Keys.base64(signer.signature()));
                    envelope.writeEndObject();
                    envelope.writeEndArray();
                    envelope.writeEndObject();
                    envelope.writeRaw('\n');
                    envelope.close(); // ends its buffer into the file, which stays open
                    file.flush();
                } finally {
                    syncer.close();
                }
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            String hex = HexFormat.of().formatHex(fingerprint.digest()).substring(0, 20);
            StringBuilder spaced = new StringBuilder();
            for (int i = 0; i < hex.length(); i += 4) spaced.append(i > 0 ? " " : "").append(hex, i, i + 4);
            return new Written(target, spaced.toString(), Files.size(target));
        } finally {
            Files.deleteIfExists(head);
            Files.deleteIfExists(temp);
        }
    }

    private static final byte[] COMMA = {','};
    private static final byte[] END_OF_PAYLOAD = {']', '}'};

    /**
     * Writes to the result's file and has what is written reach the disk as it goes (a second thread forces
     * the file every 32 MB), so that the last {@code force} — the result is durable before it is shown — waits
     * for the last few megabytes, not for hundreds.
     */
    private static final class Syncer {
        private static final long EVERY = 32L << 20;
        private final FileChannel channel;
        private final Semaphore asked = new Semaphore(0);
        private final Thread thread;
        private volatile boolean done;
        private volatile IOException failed;
        private long sinceAsked;

        Syncer(FileChannel channel) {
            this.channel = channel;
            this.thread = new Thread(() -> {
                try {
                    while (true) {
                        asked.acquire();
                        asked.drainPermits();
                        if (done) return;
                        channel.force(false);
                    }
                } catch (IOException e) {
                    failed = e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "folkmoot-result-sync");
            thread.setDaemon(true);
            thread.start();
        }

        OutputStream stream() {
            OutputStream out = java.nio.channels.Channels.newOutputStream(channel);
            return new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    if (failed != null) throw failed;
                    out.write(b, off, len);
                    sinceAsked += len;
                    if (sinceAsked >= EVERY) {
                        sinceAsked = 0;
                        asked.release();
                    }
                }
                // not closed here: the channel is the writer's to force and close
            };
        }

        void close() throws IOException {
            done = true;
            asked.release();
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while writing the result");
            }
            if (failed != null) throw failed;
        }
    }

    /**
     * The payload's bytes as they go out: hashed twice (signature, fingerprint) and written as base64. The
     * signature's SHA-512 and the base64 encoding and writing each run on a thread of their own, in chunks
     * whose lengths are multiples of 3 (so that chunks encoded apart join into one base64 text): a body's
     * result is some thirty megabytes for every ten thousand verdicts, and the clerk waits for it. The chunks
     * go round: each comes back to be filled again once both threads are done with it.
     */
    private static final class Payload extends OutputStream {
        private static final int CHUNK = 3 * 21_846; // 65,538 bytes
        private static final int CHUNKS = 24;
        private static final Chunk END = new Chunk(new byte[0]);
        private final MessageDigest fingerprint;
        private final BlockingQueue<Chunk> toHash = new ArrayBlockingQueue<>(CHUNKS + 1);
        private final BlockingQueue<Chunk> toWrite = new ArrayBlockingQueue<>(CHUNKS + 1);
        private final BlockingQueue<Chunk> free = new ArrayBlockingQueue<>(CHUNKS);
        private final Thread hasher;
        private final Thread writer;
        private volatile Throwable failed;
        private Chunk chunk;
        private int filled;
        long count;

        /** A chunk of the payload, and how many of the two threads still have it. */
        private static final class Chunk {
            final byte[] bytes;
            int length;
            final AtomicInteger users = new AtomicInteger();

            Chunk(byte[] bytes) {
                this.bytes = bytes;
            }
        }

        Payload(OutputStream file, MessageDigest challenge, MessageDigest fingerprint) {
            this.fingerprint = fingerprint;
            for (int i = 0; i < CHUNKS; i++) free.add(new Chunk(new byte[CHUNK]));
            this.chunk = free.poll();
            // each keeps taking until the end even after a failure, so the producer never waits on a full queue
            this.hasher = new Thread(() -> drain(toHash, next -> {
                if (next != null) challenge.update(next.bytes, 0, next.length);
            }), "folkmoot-result-hash");
            Base64.Encoder encoder = Base64.getEncoder();
            byte[] encoded = new byte[CHUNK / 3 * 4];
            this.writer = new Thread(() -> drain(toWrite, next -> {
                try {
                    if (next == null) {
                        file.flush();
                    } else if (next.length == CHUNK) {
                        file.write(encoded, 0, encoder.encode(next.bytes, encoded));
                    } else {
                        file.write(encoder.encode(Arrays.copyOf(next.bytes, next.length))); // the last: its padding ends the text
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }), "folkmoot-result-write");
            for (Thread t : new Thread[] {hasher, writer}) {
                t.setDaemon(true);
                t.start();
            }
        }

        /** Takes chunks until the end, giving each to {@code use} (and null at the end) until one fails. */
        private void drain(BlockingQueue<Chunk> queue, Consumer<Chunk> use) {
            try {
                for (Chunk next = queue.take(); ; next = queue.take()) {
                    boolean end = next == END;
                    if (failed == null) {
                        try {
                            use.accept(end ? null : next);
                        } catch (RuntimeException e) {
                            failed = e;
                        }
                    }
                    if (end) return;
                    if (next.users.decrementAndGet() == 0) free.add(next);
                }
            } catch (InterruptedException e) {
                failed = e;
            }
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            write(ByteBuffer.wrap(b, off, len));
        }

        /** Takes the buffer's bytes from its position to its limit. */
        void write(ByteBuffer b) throws IOException {
            if (failed != null) throw new IOException("the result could not be written: " + failed);
            count += b.remaining();
            while (b.hasRemaining()) {
                int n = Math.min(b.remaining(), CHUNK - filled);
                b.get(chunk.bytes, filled, n);
                fingerprint.update(chunk.bytes, filled, n);
                filled += n;
                if (filled == CHUNK) hand();
            }
        }

        /** Hands the chunk filled so far to both threads, and takes the next free one. */
        private void hand() throws IOException {
            try {
                chunk.length = filled;
                chunk.users.set(2);
                toHash.put(chunk);
                toWrite.put(chunk);
                chunk = null;
                while (chunk == null) {
                    if (failed != null) throw new IOException("the result could not be written: " + failed);
                    chunk = free.poll(100, TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while writing the result");
            }
            filled = 0;
        }

        @Override
        public void close() throws IOException {
            if (filled > 0) hand();
            try {
                toHash.put(END);
                toWrite.put(END);
                hasher.join();
                writer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while writing the result");
            }
            if (failed != null) throw new IOException("the result could not be written: " + failed);
        }
    }

    /** Everything of the payload but the verdicts themselves, up to and with {@code "verdicts":[}. */
    private static void writeHead(Path file, Combination combination, Combination.Summary s, Roster.Body body,
                                  CommunityKey key) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8)
                     .disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT)) {
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeObjectFieldStart("body");
            g.writeStringField("level", body.level());
            g.writeStringField("id", body.id());
            g.writeStringField("name", body.name());
            g.writeStringField("publicKey", Ed25519Keys.base64(key.publicKey()));
            g.writeStringField("keyId", key.keyId());
            g.writeEndObject();
            g.writeObjectFieldStart("resolution");
            g.writeStringField("id", s.resolution());
            g.writeStringField("textSha256", s.textSha256());
            g.writeEndObject();
            g.writeFieldName("rules");
            g.writeTree(s.rules().write());
            g.writeObjectFieldStart("roster");
            g.writeNumberField("version", s.roster().version());
            g.writeStringField("sha256", s.roster().sha256());
            g.writeEndObject();
            g.writeObjectFieldStart("counts");
            g.writeNumberField("reporting", s.reporting());
            g.writeNumberField("passed", s.count(Combination.Kind.PASSED));
            g.writeNumberField("passedWithAmendments", s.count(Combination.Kind.PASSED_WITH_AMENDMENTS));
            g.writeNumberField("notPassed", s.count(Combination.Kind.NOT_PASSED));
            g.writeNumberField("tabled", s.count(Combination.Kind.TABLED));
            g.writeNumberField("dismissed", s.count(Combination.Kind.DISMISSED));
            g.writeNumberField("withdrawn", s.count(Combination.Kind.WITHDRAWN));
            g.writeNumberField("refused", s.refused());
            g.writeNumberField("duplicates", s.duplicates());
            g.writeNumberField("superseded", s.superseded().size());
            g.writeNumberField("conflicts", s.conflicts().size());
            g.writeNumberField("missing", s.missing().size());
            g.writeEndObject();
            g.writeStringField("outcome", s.outcome());
            if (s.route() == null) g.writeNullField("route"); else g.writeStringField("route", s.route());
            strings(g, "missing", s.missing());
            strings(g, "conflicts", s.conflicts());
            g.writeArrayFieldStart("superseded");
            for (Combination.Superseded x : s.superseded()) {
                g.writeStartObject();
                g.writeStringField("community", x.community());
                g.writeStringField("payloadSha256", x.payloadSha256());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("refused");
            for (Combination.Refusal r : combination.refusals()) {
                g.writeStartObject();
                g.writeStringField("file", r.file());
                g.writeStringField("reason", r.reason());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("amendmentGroups");
            for (Combination.AmendmentGroup a : s.amendmentGroups()) {
                g.writeStartObject();
                g.writeStringField("find", a.find());
                g.writeStringField("replace", a.replace());
                strings(g, "communities", a.communities());
                g.writeEndObject();
            }
            g.writeEndArray();
            proposal(g, s);
            if (s.issuedAt() == null) g.writeNullField("issuedAt"); else g.writeStringField("issuedAt", s.issuedAt());
            g.writeStringField("program", org.folkmoot.verdict.Program.nameAndVersion());
            // last, so a reader streaming the result knows what it counts before the verdicts come
            g.writeFieldName("verdicts");
            g.writeRaw(":[");
        }
    }

    /**
     * The proposal counted against (null for a count without one): its payload SHA-256, resolution and day to report
     * by, how many counted verdicts came on time and late, and each one's meeting day, in the order they are carried.
     */
    private static void proposal(JsonGenerator g, Combination.Summary s) throws IOException {
        Against a = s.against();
        if (a == null) {
            g.writeNullField("proposal");
            return;
        }
        g.writeObjectFieldStart("proposal");
        g.writeStringField("sha256", a.proposalSha256());
        g.writeStringField("resolution", a.resolution());
        g.writeStringField("reportBy", a.reportBy().toString());
        g.writeNumberField("onTime", s.onTime());
        g.writeNumberField("late", s.late().size());
        g.writeArrayFieldStart("reports");
        for (Combination.Report r : s.reports()) {
            g.writeStartObject();
            g.writeStringField("community", r.community());
            if (r.date() == null) g.writeNullField("date"); else g.writeStringField("date", r.date().toString());
            g.writeBooleanField("onTime", r.onTime());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) g.writeString(v);
        g.writeEndArray();
    }
}
