package org.folkmoot.combine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.folkmoot.combine.Combination.Kind;
import org.folkmoot.combine.Combination.Superseded;
import org.folkmoot.verdict.Roster;
import org.folkmoot.verdict.SignedFile;
import org.folkmoot.verdict.VerdictVerifier;

/**
 * The ledger of one body's count: what is kept of each Community's counted verdict, the envelopes themselves in a
 * spool file (not the heap) until the result is written, and how many copies came of verdicts already counted. A
 * Community that sent several different verdicts is settled ({@link #resolve}) only once all are read, so the order
 * they come in does not matter.
 *
 * <p>What it is told ({@link #count}) and what settles it take the count's one lock — the same the refusals' spool
 * takes — so that a progress line or the summary sees the two agree.
 */
final class Ledger {
    /** A verdict that gives no day of its meeting (nor of its issue): reported with no date, and late. */
    static final int NO_DAY = Integer.MIN_VALUE;

    /** A verdict that holds and is to be counted: what the counts and the result need of it. */
    record Counted(int community, byte[] payloadSha, Kind kind, int day, String issuedAt, List<String[]> amendments, byte[] envelope,
                   int envelopeLength, byte[] envelopeSha, List<String> supersedes) {
    }

    /**
     * What is kept of each Community's counted verdict, by its place in the roster: where its envelope lies in
     * the spool, what it says, its two digests and its date. Packed in arrays — some 110 bytes a Community —
     * because the Collective counts millions of Communities in a heap of 512 MB. A Community that sent more than
     * one verdict (a later one, or two in conflict) keeps the others in a sparse map beside them; what the one in
     * the arrays supersedes is not kept, but read back from the spool for those few when the count is settled.
     */
    private static final class Tallies {
        final long[] offset;
        final int[] length;
        final byte[] kind;          // 0: nothing counted yet; else the Kind's ordinal + 1
        final boolean[] conflict;
        final byte[] payloadSha;    // 32 bytes a Community
        final byte[] envelopeSha;   // 32 bytes a Community
        final int[] issuedAtStart;
        final byte[] issuedAtLength;
        /** Against a proposal only: the epoch day of each counted verdict's meeting ({@link #NO_DAY}: none given). */
        int[] day;
        byte[] issuedAt = new byte[1 << 12];
        int issuedAtEnd;
        final Map<Integer, List<String[]>> amendments = new HashMap<>(); // only the amended passes
        /** The further verdicts of a Community that sent more than one (sparse: most send one). */
        final Map<Integer, List<Other>> others = new HashMap<>();

        Tallies(int communities) {
            offset = new long[communities];
            length = new int[communities];
            kind = new byte[communities];
            conflict = new boolean[communities];
            payloadSha = new byte[32 * communities];
            envelopeSha = new byte[32 * communities];
            issuedAtStart = new int[communities];
            issuedAtLength = new byte[communities];
        }

        boolean counted(int c) {
            return kind[c] != 0;
        }

        void date(int c, String date) {
            byte[] b = date.getBytes(StandardCharsets.UTF_8);
            int n = Math.min(b.length, 255); // an instant is some 20 characters; a longer one is not one
            if (issuedAtEnd + n > issuedAt.length) issuedAt = Arrays.copyOf(issuedAt, Math.max(issuedAt.length * 2, issuedAtEnd + n));
            System.arraycopy(b, 0, issuedAt, issuedAtEnd, n);
            issuedAtStart[c] = issuedAtEnd;
            issuedAtLength[c] = (byte) n;
            issuedAtEnd += n;
        }

        String date(int c) {
            return new String(issuedAt, issuedAtStart[c], issuedAtLength[c] & 0xff, StandardCharsets.UTF_8);
        }
    }

    /**
     * A distinct verdict of a Community beside the one its arrays hold: what they hold of one, so that it can take
     * their place when it is the latest, and the payload SHA-256s it supersedes.
     */
    private static final class Other {
        long offset;
        int length;
        byte kind;
        int day;
        final byte[] payloadSha;
        byte[] envelopeSha;
        String issuedAt;
        List<String[]> amendments;
        List<String> supersedes;

        Other(long offset, int length, byte kind, int day, byte[] payloadSha, byte[] envelopeSha, String issuedAt,
              List<String[]> amendments, List<String> supersedes) {
            this.offset = offset;
            this.length = length;
            this.kind = kind;
            this.day = day;
            this.payloadSha = payloadSha;
            this.envelopeSha = envelopeSha;
            this.issuedAt = issuedAt;
            this.amendments = amendments;
            this.supersedes = supersedes;
        }

        String sha() {
            return java.util.HexFormat.of().formatHex(payloadSha);
        }
    }

    private final Roster roster;
    private final Object lock;
    private final FileChannel spool;
    private final Tallies tallies;
    private long spoolEnd;
    private long duplicates;
    private long counted;
    /** Whether the Communities that sent several verdicts have been settled since the last was counted. */
    private boolean resolved = true;
    private List<Superseded> superseded = List.of();

    /** @param spoolFile where the counted envelopes wait (a new file); @param lock the count's one lock */
    Ledger(Roster roster, Path spoolFile, Object lock) throws IOException {
        this.roster = roster;
        this.lock = lock;
        this.tallies = new Tallies(roster.size());
        this.spool = FileChannel.open(spoolFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    /** Against a proposal: each counted verdict's day is kept, to say whether it came on time. */
    void keepDays() {
        if (tallies.day == null) tallies.day = new int[roster.size()];
    }

    /**
     * Sorts a batch of verdicts that hold: each distinct verdict of a Community is spooled (one write for the
     * batch) — the first in the Community's arrays, any other beside them — and a copy of one already here is a
     * duplicate. Which of several counts is settled once all are read ({@link #resolve}), so the order they come
     * in does not matter.
     */
    void count(List<Counted> batch) {
        if (batch.isEmpty()) return;
        synchronized (lock) {
            countHeld(batch);
        }
    }

    private void countHeld(List<Counted> batch) {
        List<ByteBuffer> spooled = new ArrayList<>(batch.size());
        long at = spoolEnd;
        for (Counted c : batch) {
            int k = c.community();
            if (!tallies.counted(k)) {
                tallies.offset[k] = at;
                tallies.length[k] = c.envelopeLength();
                tallies.kind[k] = (byte) (c.kind().ordinal() + 1);
                if (tallies.day != null) tallies.day[k] = c.day();
                System.arraycopy(c.payloadSha(), 0, tallies.payloadSha, 32 * k, 32);
                System.arraycopy(c.envelopeSha(), 0, tallies.envelopeSha, 32 * k, 32);
                tallies.date(k, c.issuedAt());
                if (!c.amendments().isEmpty()) tallies.amendments.put(k, c.amendments());
                spooled.add(ByteBuffer.wrap(c.envelope(), 0, c.envelopeLength()));
                at += c.envelopeLength();
                counted++;
            } else if (Arrays.equals(tallies.payloadSha, 32 * k, 32 * k + 32, c.payloadSha(), 0, 32)) {
                duplicates++;
                // the same verdict in another envelope (another witness's signature, say): the one carried is the
                // one whose bytes hash lowest, whichever the threads met first, so the result's bytes do not vary
                if (Arrays.compareUnsigned(c.envelopeSha(), 0, 32, tallies.envelopeSha, 32 * k, 32 * k + 32) < 0) {
                    tallies.offset[k] = at;
                    tallies.length[k] = c.envelopeLength();
                    System.arraycopy(c.envelopeSha(), 0, tallies.envelopeSha, 32 * k, 32);
                    spooled.add(ByteBuffer.wrap(c.envelope(), 0, c.envelopeLength()));
                    at += c.envelopeLength();
                }
            } else {
                resolved = false;
                List<Other> more = tallies.others.computeIfAbsent(k, x -> new ArrayList<>(2));
                Other same = null;
                for (Other o : more) if (Arrays.equals(o.payloadSha, c.payloadSha())) same = o;
                if (same == null) {
                    more.add(new Other(at, c.envelopeLength(), (byte) (c.kind().ordinal() + 1), c.day(), c.payloadSha(), c.envelopeSha(),
                            c.issuedAt(), c.amendments(), c.supersedes()));
                } else {
                    duplicates++;
                    if (Arrays.compareUnsigned(c.envelopeSha(), same.envelopeSha) >= 0) continue; // the lowest is carried, as above
                    same.offset = at;
                    same.length = c.envelopeLength();
                    same.envelopeSha = c.envelopeSha();
                }
                spooled.add(ByteBuffer.wrap(c.envelope(), 0, c.envelopeLength()));
                at += c.envelopeLength();
            }
        }
        // one gathering write at the spool's end (its position: reads are positional and do not move it)
        ByteBuffer[] buffers = spooled.toArray(new ByteBuffer[0]);
        try {
            spool.position(spoolEnd);
            long left = at - spoolEnd;
            while (left > 0) left -= spool.write(buffers);
        } catch (IOException e) {
            throw new UncheckedIOException("the spool of counted verdicts cannot be written", e);
        }
        spoolEnd = at;
    }

    /**
     * Settles each Community that sent several different verdicts (docs/procedure.md, "Combining verdicts"): one that
     * another of them names in {@code supersedes} is superseded; if exactly one is left it counts (and takes the
     * Community's arrays), otherwise the Community is in conflict. Only what was sent decides, never the order it
     * came in: a chain with its middle missing still resolves, as the latest names every earlier verdict.
     */
    void resolve() {
        synchronized (lock) {
            if (!resolved) resolveHeld();
        }
    }

    private void resolveHeld() {
        List<Superseded> passed = new ArrayList<>();
        for (Map.Entry<Integer, List<Other>> e : tallies.others.entrySet()) {
            int k = e.getKey();
            List<Other> all = new ArrayList<>(e.getValue().size() + 1);
            all.add(held(k));
            all.addAll(e.getValue());
            java.util.Set<String> named = new java.util.HashSet<>();
            for (Other o : all) named.addAll(o.supersedes);
            Other standing = null;
            int left = 0;
            for (Other o : all) {
                if (named.contains(o.sha())) {
                    passed.add(new Superseded(roster.id(k), o.sha()));
                } else {
                    left++;
                    standing = o;
                }
            }
            tallies.conflict[k] = left != 1;
            if (left == 1 && standing != all.get(0)) {
                all.remove(standing);
                e.setValue(all);
                hold(k, standing);
            }
        }
        passed.sort(Combination.SUPERSEDED_ORDER);
        superseded = List.copyOf(passed);
        resolved = true;
    }

    /** What Community {@code k}'s arrays hold, as an {@link Other}: its {@code supersedes} read again from the spool. */
    private Other held(int k) {
        byte[] payloadSha = Arrays.copyOfRange(tallies.payloadSha, 32 * k, 32 * k + 32);
        List<String> supersedes;
        try {
            ByteBuffer bytes = ByteBuffer.allocate(tallies.length[k]);
            read(tallies.offset[k], tallies.length[k], bytes);
            ObjectNode p = VerdictVerifier.payload(SignedFile.parse(Arrays.copyOf(bytes.array(), bytes.limit())));
            supersedes = VerdictVerifier.supersedes(p.get("supersedes"), payloadSha);
        } catch (IOException e) {
            throw new UncheckedIOException("the spool of counted verdicts cannot be read", e);
        } catch (SignedFile.Refused e) {
            throw new IllegalStateException("a verdict in the spool no longer reads: " + e.getMessage(), e);
        }
        return new Other(tallies.offset[k], tallies.length[k], tallies.kind[k], tallies.day == null ? NO_DAY : tallies.day[k], payloadSha,
                Arrays.copyOfRange(tallies.envelopeSha, 32 * k, 32 * k + 32), tallies.date(k), tallies.amendments.get(k), supersedes);
    }

    /** Puts {@code o} in Community {@code k}'s arrays, in place of what they held. */
    private void hold(int k, Other o) {
        tallies.offset[k] = o.offset;
        tallies.length[k] = o.length;
        tallies.kind[k] = o.kind;
        if (tallies.day != null) tallies.day[k] = o.day;
        System.arraycopy(o.payloadSha, 0, tallies.payloadSha, 32 * k, 32);
        System.arraycopy(o.envelopeSha, 0, tallies.envelopeSha, 32 * k, 32);
        tallies.date(k, o.issuedAt);
        if (o.amendments == null || o.amendments.isEmpty()) tallies.amendments.remove(k);
        else tallies.amendments.put(k, o.amendments);
    }

    /** Whether Community {@code k} has a verdict counted (carried, or in conflict). */
    boolean counted(int k) {
        return tallies.counted(k);
    }

    /** Whether Community {@code k}'s verdicts are in conflict (settled by {@link #resolve}). */
    boolean inConflict(int k) {
        return tallies.conflict[k];
    }

    /** What Community {@code k}'s counted verdict says. */
    Kind kind(int k) {
        return Kind.values()[tallies.kind[k] - 1];
    }

    /** When Community {@code k}'s counted verdict was issued, as it says. */
    String issuedAt(int k) {
        return tallies.date(k);
    }

    /** The amendments Community {@code k}'s counted verdict adopted, or null when it passed none. */
    List<String[]> amendments(int k) {
        return tallies.amendments.get(k);
    }

    /** Against a proposal: the epoch day of Community {@code k}'s counted verdict's meeting ({@link #NO_DAY}: none given). */
    int day(int k) {
        return tallies.day[k];
    }

    /** Against a proposal: the epoch day of each counted verdict's meeting, by place in the roster (a copy). */
    int[] days() {
        return tallies.day.clone();
    }

    /** How many Communities' verdicts were counted first (the progress of the count). */
    long countedVerdicts() {
        return counted;
    }

    long duplicates() {
        return duplicates;
    }

    /** The verdicts passed over for a later one of their Community, as the last {@link #resolve} found them. */
    List<Superseded> superseded() {
        return superseded;
    }

    /**
     * The Communities whose verdicts the result carries (every counted one but those in conflict), by their
     * places in the roster, in the order of their ids.
     */
    int[] carried() {
        synchronized (lock) {
            resolve();
            int[] byId = roster.indexesById();
            int n = 0;
            for (int k : byId) if (tallies.counted(k) && !tallies.conflict[k]) byId[n++] = k;
            return Arrays.copyOf(byId, n);
        }
    }

    /** Whether Community {@code k}'s verdict is counted and carried (none in conflict, none superseded). */
    boolean carries(int k) {
        synchronized (lock) {
            resolve();
            return tallies.counted(k) && !tallies.conflict[k];
        }
    }

    /** The SHA-256 of the payload of Community {@code k}'s carried verdict. */
    byte[] payloadSha(int k) {
        synchronized (lock) {
            resolve();
            return Arrays.copyOfRange(tallies.payloadSha, 32 * k, 32 * k + 32);
        }
    }

    /** The length of Community {@code k}'s carried envelope. */
    int length(int k) {
        return tallies.length[k];
    }

    /** Feeds the SHA-256 of Community {@code k}'s carried envelope to {@code digest}. */
    void feedSha(int k, MessageDigest digest) {
        digest.update(tallies.envelopeSha, 32 * k, 32);
    }

    /**
     * The spool read back by mapping it into memory: the result takes the envelopes in the order of their
     * Communities' ids, scattered over the spool, and a system call for each (a million of them) costs more
     * than copying the bytes. Not on Windows, where a mapped file cannot be deleted until the mapping is
     * collected: there each envelope is read with a call of its own.
     */
    private static final boolean MAP_SPOOL = !System.getProperty("os.name", "").startsWith("Windows");
    /** Mapped a gibibyte at a time, each segment overlapping the next by the largest envelope. */
    private static final long SEGMENT = 1L << 30;
    private final Map<Integer, java.nio.MappedByteBuffer> segments = new HashMap<>();

    /**
     * One carried envelope's bytes, as a buffer from its start to its end: a view of the mapped spool, or
     * {@code scratch} (cleared and filled) where the spool is not mapped or the envelope is larger.
     */
    ByteBuffer envelope(int k, ByteBuffer scratch) throws IOException {
        long offset = tallies.offset[k];
        int length = tallies.length[k];
        if (MAP_SPOOL) {
            int segment = (int) (offset / SEGMENT);
            long start = segment * SEGMENT;
            java.nio.MappedByteBuffer mapped = segments.get(segment);
            if (mapped == null) {
                long size = Math.min(spoolEnd, start + SEGMENT + SignedFile.MAX_BYTES) - start;
                mapped = spool.map(FileChannel.MapMode.READ_ONLY, start, size);
                segments.put(segment, mapped);
            }
            int at = (int) (offset - start);
            if (at + length <= mapped.capacity()) return mapped.slice(at, length);
        }
        read(offset, length, scratch);
        return scratch;
    }

    /** One carried envelope's bytes, read back from the spool into {@code into} (which it fills from 0). */
    private void read(long offset, int length, ByteBuffer into) throws IOException {
        into.clear().limit(length);
        while (into.hasRemaining()) {
            if (spool.read(into, offset + into.position()) < 0) throw new IOException("the spool ended early");
        }
        into.flip();
    }

    /** Closes the spool (its mappings go with the garbage: Java has no way to unmap them sooner). */
    void close() throws IOException {
        segments.clear();
        spool.close();
    }
}
