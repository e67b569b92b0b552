package org.folkmoot.combine;

import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.FileVisitResult;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.folkmoot.record.Json;
import org.folkmoot.verdict.BatchEd25519;
import org.folkmoot.verdict.Dsse;
import org.folkmoot.verdict.Roster;
import org.folkmoot.verdict.SignedFile;
import org.folkmoot.verdict.VerdictVerifier;

/**
 * One body's count of one resolution (docs/procedure.md, "Combining verdicts"): every file given — Community
 * verdicts, and lower bodies' results whose verdicts are each checked again on their own signature — is
 * verified on every core and sorted into counted, refused, duplicate, superseded and conflicting; then the
 * counts, the outcome, the missing Communities and the groups of amendments follow.
 *
 * <p>Memory stays bounded whatever the number of files: files stream through a bounded queue, a lower
 * body's result is read as a stream, and the counted verdicts wait in a spool file (not the heap) until the
 * result is written. What is kept per Community is a few dozen bytes; the roster itself is the bound.
 */
public final class Combination implements AutoCloseable {
    /** What a counted verdict says, for the counts. */
    public enum Kind {
        PASSED, PASSED_WITH_AMENDMENTS, NOT_PASSED, TABLED, DISMISSED, WITHDRAWN
    }

    /** A file (or a verdict inside a result) not counted, and why. */
    public record Refusal(String file, String reason) {
    }

    /** A Community's verdict passed over because a later one of the same Community names it in {@code supersedes}. */
    public record Superseded(String community, String payloadSha256) {
    }

    /** The order a result lists superseded verdicts in: by Community id, then hash. */
    public static final Comparator<Superseded> SUPERSEDED_ORDER =
            Comparator.comparing(Superseded::community).thenComparing(Superseded::payloadSha256);

    /** An amendment adopted by the Communities that passed it, grouped by identical change. */
    public record AmendmentGroup(String find, String replace, List<String> communities) {
    }

    /** How far the count has come: for a progress bar or a terminal line. */
    public interface Progress {
        void update(long files, long verdicts, long counted, long refused);
    }

    /**
     * A counted verdict of a count against a proposal: its Community, the day of the meeting that issued it (null when
     * the verdict gives none), and whether that day is on or before the day to report by.
     */
    public record Report(String community, java.time.LocalDate date, boolean onTime) {
    }

    /**
     * The count, once every file has been read. Against a proposal, {@code against} names it, {@code reports} has one
     * {@link Report} for each counted verdict in the order the result carries them, and {@code late} the ids of those
     * late; otherwise {@code against} is null and both are empty.
     */
    public record Summary(Roster roster, BodyRules rules, String resolution, String textSha256,
                          Map<Kind, Long> counts, long reporting, long refused, long duplicates,
                          List<String> conflicts, List<String> missing, String outcome, String route,
                          List<AmendmentGroup> amendmentGroups, String issuedAt, long passedOver, List<Superseded> superseded,
                          Against against, List<Report> reports, List<String> late) {
        public long count(Kind kind) {
            return counts.getOrDefault(kind, 0L);
        }

        /** How many counted verdicts came from meetings on or before the day to report by. */
        public long onTime() {
            return reports.size() - late.size();
        }
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

    /** Files handed to a thread at a time. */
    private static final int BATCH = 128;
    /**
     * Signatures checked together: the more, the less each costs (BatchEd25519) — on the development machine
     * a thousand together about 30,000 a second on one core, 128 together about 25,000 (and one by one
     * 13,000). What waits for its batch is a few kilobytes a verdict.
     */
    private static final int SIGNATURES = 1024;

    private final Roster roster;
    private final BodyRules rules;
    private VerdictVerifier.Expected expected; // narrowed to the proposing body by against()
    private final Progress progress;
    private final Path work;
    private final FileChannel spool;
    private final Path refusedSpool;
    private final OutputStream refusedOut;
    private final Tallies tallies;
    private long spoolEnd;
    private long refused;
    private long duplicates;
    private long passedOver;
    /** Whether the Communities that sent several verdicts have been settled since the last was counted. */
    private boolean resolved = true;
    private List<Superseded> superseded = List.of();
    private final AtomicLong files = new AtomicLong();
    private final AtomicLong verdicts = new AtomicLong();
    private long counted;
    private volatile RuntimeException failure;
    private final Object awaitingLock = new Object();
    private List<Awaiting> awaiting = new ArrayList<>();
    private final CheckedKeys checkedKeys;

    /**
     * @param work a folder for the spool files (removed on {@link #close()})
     */
    public Combination(Roster roster, BodyRules rules, String resolution, String textSha256, Path work, Progress progress)
            throws IOException {
        this(roster, rules, resolution, textSha256, work, progress, CheckedKeys.here());
    }

    private Against against;

    /**
     * Counts against the body's proposal: the result names it, and says of each counted verdict whether its
     * meeting was on or before the day to report by. Called before {@link #read}.
     */
    public Combination against(Against proposal) {
        this.against = proposal;
        if (proposal != null && tallies.day == null) tallies.day = new int[roster.size()];
        if (proposal != null && proposal.bodyId() != null) {
            // counted against a body's proposal, a verdict answers that body's resolution: its upstream must name the body
            expected = new VerdictVerifier.Expected(expected.resolution(), expected.textSha256(), proposal.bodyLevel(), proposal.bodyId());
        }
        return this;
    }

    /** A verdict that gives no day of its meeting (nor of its issue): reported with no date, and late. */
    private static final int NO_DAY = Integer.MIN_VALUE;

    /** The proposal counted against, or null for a count by a hand-typed resolution and text hash. */
    public Against against() {
        return against;
    }

    /** @param checkedKeys the keys already found valid (the laptop's, or {@link CheckedKeys#none()}) */
    public Combination(Roster roster, BodyRules rules, String resolution, String textSha256, Path work, Progress progress,
                       CheckedKeys checkedKeys) throws IOException {
        this.checkedKeys = checkedKeys;
        this.roster = roster;
        this.rules = rules;
        this.expected = new VerdictVerifier.Expected(resolution, textSha256.toLowerCase(java.util.Locale.ROOT));
        this.tallies = new Tallies(roster.size());
        this.progress = progress == null ? (f, v, c, r) -> { } : progress;
        this.work = Files.createTempDirectory(work, "combine-");
        this.spool = FileChannel.open(this.work.resolve("verdicts.spool"), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
        this.refusedSpool = this.work.resolve("refused.spool");
        this.refusedOut = new BufferedOutputStream(Files.newOutputStream(refusedSpool, StandardOpenOption.CREATE_NEW));
    }

    // ---- reading ------------------------------------------------------------------------------------

    /** Reads every file given, and every file in the folders given (recursively), verifying on every core. */
    public void read(List<Path> inputs, int threads) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(threads * 4),
                // a full queue (or one shut while a result still feeds it) runs the work where it was handed in:
                // nothing is ever dropped, and what waits in memory stays bounded
                (work, executor) -> work.run());
        try {
            List<Input> batch = new ArrayList<>(BATCH);
            for (Path input : inputs) {
                if (Files.isDirectory(input)) {
                    // handed out as they are found (the verifying starts with the first folder, not after the last);
                    // the walk's own attributes say which are files, no second look at each. What is counted does
                    // not depend on the order: every list of the result is sorted.
                    try {
                        Files.walkFileTree(input, new SimpleFileVisitor<>() {
                            @Override
                            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                                // the walk's own attributes: which are files, and their sizes
                                if (attributes.isSymbolicLink()) {
                                    attributes = linkedTo(file);
                                    if (attributes == null) return FileVisitResult.CONTINUE;
                                }
                                if (!attributes.isRegularFile()) {
                                    refuse(file.toString(), "not a regular file (a pipe, a device or a socket), not read");
                                    return FileVisitResult.CONTINUE;
                                }
                                if (writtenBeside(file)) {
                                    passedOver++;
                                    return FileVisitResult.CONTINUE;
                                }
                                batch.add(new Input(file, attributes.size()));
                                if (batch.size() == BATCH) {
                                    List<Input> these = List.copyOf(batch);
                                    batch.clear();
                                    pool.execute(() -> examine(these, pool));
                                }
                                return FileVisitResult.CONTINUE;
                            }

                            @Override
                            public FileVisitResult visitFileFailed(Path file, IOException e) {
                                refuse(file.toString(), (file.equals(input) ? "the folder" : "it") + " cannot be read: " + e.getMessage());
                                return FileVisitResult.CONTINUE;
                            }
                        });
                    } catch (IOException | UncheckedIOException e) {
                        refuse(input.toString(), "the folder cannot be read: " + e.getMessage());
                    }
                } else {
                    batch.add(new Input(input, -1));
                }
            }
            if (!batch.isEmpty()) {
                List<Input> these = List.copyOf(batch);
                pool.execute(() -> examine(these, pool));
            }
        } finally {
            pool.shutdown();
            try {
                while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                    // the queue drains; results of lower bodies may still be feeding it
                }
            } catch (InterruptedException e) {
                pool.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        settleTheRest(threads);
        if (failure != null) throw failure;
        report();
    }

    /**
     * What a symbolic link in a folder leads to, when it is a file to read: a stick copied with its links keeps
     * its verdicts as links, and each is counted as the file it names (the signature inside is what is trusted,
     * never where the file lies). A link to a folder (which could lead round in a circle) or to nothing is
     * refused with a line, so that every file of a folder is in the result, counted or refused (docs/decisions/0005).
     */
    private BasicFileAttributes linkedTo(Path link) {
        BasicFileAttributes target;
        try {
            target = Files.readAttributes(link, BasicFileAttributes.class);
        } catch (IOException e) {
            refuse(link.toString(), "a symbolic link to nothing that can be read, not counted");
            return null;
        }
        if (target.isDirectory()) {
            refuse(link.toString(), "a symbolic link to a folder, not followed");
            return null;
        }
        return target;
    }

    /**
     * What Folkmoot writes beside a verdict on a delegate's stick — the minutes, the meeting's record (or a
     * backup's records), the Community's exported public key, the body's proposal it answers — passed over in a folder, not refused: a clerk
     * counting forty sticks would otherwise read eighty refusals that are no one's mistake. (A file named
     * on the command line is always read.)
     */
    static boolean writtenBeside(Path file) {
        String name = file.getFileName().toString();
        return name.equals("minutes.pdf") || name.endsWith(".jsonl") || name.endsWith(".key.json") || name.endsWith(".proposal");
    }

    /** A file to read, and its size as the folder's walk saw it (-1: not known). */
    private record Input(Path path, long size) {
    }

    /** A verdict's bytes and where they came from. */
    private record Item(byte[] bytes, String label) {
    }

    /** Some files: Community verdicts (checked together), lower bodies' results, or neither. */
    private void examine(List<Input> files, ThreadPoolExecutor pool) {
        try {
            List<Item> verdictFiles = new ArrayList<>(files.size());
            for (Input input : files) {
                this.files.incrementAndGet();
                Path file = input.path();
                String label = file.toString();
                try {
                    byte[] bytes = readSmall(file, input.size());
                    if (bytes == null) {
                        readResult(file, label, pool);
                        continue;
                    }
                    if (ResultEnvelope.namesResultType(bytes)) readResult(file, label, pool);
                    else verdictFiles.add(new Item(bytes, label));
                } catch (IOException e) {
                    refuse(label, "cannot be read: " + e.getMessage());
                }
            }
            checkAll(verdictFiles);
        } catch (RuntimeException e) {
            failure = e;
        }
        report();
    }

    /**
     * Per thread, a buffer one byte larger than a verdict may be: one read takes a whole verdict file, and a
     * full buffer says the file is larger (a body's result, read as a stream).
     */
    private static final ThreadLocal<ByteBuffer> READ_BUFFER =
            ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect((int) SignedFile.MAX_BYTES + 1));

    /**
     * The file's bytes, or null when it is larger than a verdict may be. A count opens a million files, and
     * on a virtual machine each system call costs microseconds: a file the walk saw at {@code expected} bytes
     * is taken in one read when that read gives exactly as many (otherwise it is read to its end).
     */
    private static byte[] readSmall(Path file, long expected) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = READ_BUFFER.get();
            buffer.clear();
            int n = ch.read(buffer);
            if (n != expected || expected < 0) {
                while (n >= 0 && buffer.hasRemaining()) n = ch.read(buffer);
            }
            if (!buffer.hasRemaining()) return null; // larger than a verdict may be: read as a stream, with the size rules
            byte[] bytes = new byte[buffer.flip().remaining()];
            buffer.get(bytes);
            return bytes;
        }
    }

    /**
     * A verdict whose signature waits to be checked with others': what it comes to if the signature holds
     * (counted, or refused for what it says) is already known, so that only a few kilobytes wait.
     */
    private record Awaiting(String label, String community, byte[] key, byte[] pae, byte[] sig, Counted counted, String refusal) {
    }

    /**
     * Community verdicts: each parsed and matched to its key in the roster, its content checked, and its
     * signature put with others' to be checked together (BatchEd25519). A Community listed with several keys,
     * or a key not valid that day, is checked alone, with the same reasons as {@code verify} gives. A verdict
     * whose signature does not hold is refused for that, whatever it says.
     */
    void checkAll(List<Item> items) {
        List<Awaiting> waiting = new ArrayList<>(items.size());
        List<Counted> counts = new ArrayList<>(items.size());
        for (Item item : items) {
            verdicts.incrementAndGet();
            try {
                SignedFile envelope = SignedFile.parse(item.bytes());
                if (Dsse.TALLY_TYPE.equals(envelope.payloadType())) {
                    throw new SignedFile.Refused("a result inside a result is not read (results carry Community verdicts)");
                }
                ObjectNode p = VerdictVerifier.payload(envelope);
                String community = VerdictVerifier.communityId(p);
                List<Roster.Entry> listed = roster.keys(community);
                if (listed.isEmpty()) throw new SignedFile.Refused("the community " + community + " is not in the roster");
                Roster.Entry only = listed.size() == 1 ? listed.get(0) : null;
                java.time.LocalDate day;
                boolean dated = true;
                try {
                    day = VerdictVerifier.day(p);
                } catch (SignedFile.Refused undated) {
                    day = null;
                    dated = false; // checked alone below: its signature first, then its date
                }
                if (only != null && dated && only.refusal(day) == null) {
                    // the one rule takes a key only of prime order; the batch's equation leaves that to its callers
                    if (!checkedKeys.valid(only.publicKey())) throw new SignedFile.Refused(invalidKey(community));
                    List<Dsse.Signature> named = Dsse.mayBe(envelope.signatures(), only.keyId());
                    if (named.isEmpty()) throw new SignedFile.Refused("the signature does not hold for " + community + "'s key in the roster");
                    if (named.size() == 1) {
                        Counted counted = null;
                        String refusal = null;
                        try {
                            counted = accept(VerdictVerifier.content(envelope, p, only.publicKey(), true, expected), item);
                        } catch (SignedFile.Refused e) {
                            refusal = e.getMessage();
                        }
                        waiting.add(new Awaiting(item.label(), community, only.publicKey(),
                                Dsse.pae(envelope.payloadType(), envelope.payload()), named.get(0).sig(), counted, refusal));
                        continue;
                    }
                }
                counts.add(accept(VerdictVerifier.verify(envelope, roster, expected), item));
            } catch (SignedFile.Refused e) {
                refuse(item.label(), e.getMessage());
            }
        }
        count(counts);
        List<Awaiting> full = null;
        synchronized (awaitingLock) {
            awaiting.addAll(waiting);
            if (awaiting.size() >= SIGNATURES) {
                full = awaiting;
                awaiting = new ArrayList<>(SIGNATURES + BATCH);
            }
        }
        if (full != null) settle(full);
    }

    /** The refusal of a verdict whose roster key is no point of prime order: the same words as {@code verify}'s. */
    static String invalidKey(String community) {
        return VerdictVerifier.invalidKey("the roster's key for " + community);
    }

    /** Checks the signatures of verdicts that waited, together, then counts or refuses each. */
    private void settle(List<Awaiting> batch) {
        int n = batch.size();
        byte[][] keys = new byte[n][], messages = new byte[n][], signatures = new byte[n][];
        for (int i = 0; i < n; i++) {
            keys[i] = batch.get(i).key();
            messages[i] = batch.get(i).pae();
            signatures[i] = batch.get(i).sig();
        }
        boolean[] holds = BatchEd25519.verify(keys, messages, signatures);
        List<Counted> counts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Awaiting v = batch.get(i);
            if (!holds[i]) refuse(v.label(), "the signature does not hold for " + v.community() + "'s key in the roster");
            else if (v.refusal() != null) refuse(v.label(), v.refusal());
            else counts.add(v.counted());
        }
        count(counts);
    }

    /** The verdicts still waiting when every file has been read: checked on every core. */
    private void settleTheRest(int threads) {
        List<Awaiting> rest;
        synchronized (awaitingLock) {
            rest = awaiting;
            awaiting = new ArrayList<>();
        }
        int parts = Math.max(1, Math.min(threads, rest.size() / BATCH));
        List<Thread> running = new ArrayList<>();
        for (int i = 1; i < parts; i++) {
            List<Awaiting> part = rest.subList(rest.size() * i / parts, rest.size() * (i + 1) / parts);
            Thread t = new Thread(() -> {
                try {
                    settle(part);
                } catch (RuntimeException e) {
                    failure = e;
                }
            }, "folkmoot-count-" + i);
            t.start();
            running.add(t);
        }
        if (!rest.isEmpty()) settle(rest.subList(0, rest.size() / parts));
        for (Thread t : running) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while checking the last signatures", e);
            }
        }
    }

    /** A verdict that holds and is to be counted: what the counts and the result need of it. */
    private record Counted(int community, byte[] payloadSha, Kind kind, int day, String issuedAt, List<String[]> amendments, byte[] envelope,
                           int envelopeLength, byte[] envelopeSha, List<String> supersedes) {
    }

    /** A verdict that holds: decided under rules at least as strict as the body's, then sorted. */
    private Counted accept(VerdictVerifier.Verified v, Item item) throws SignedFile.Refused {
        String weaker = rules.weaker(v.rules()); // read once, where its outcome was checked against its votes
        if (weaker != null) throw new SignedFile.Refused(weaker + " (a Community may be stricter than the body, never looser)");
        ObjectNode p = v.json();
        JsonNode res = p.get("resolution");
        boolean amended = !res.path("originalSha256").asText().equals(res.path("finalSha256").asText());
        Kind kind = switch (v.outcome()) {
            case "passed" -> amended ? Kind.PASSED_WITH_AMENDMENTS : Kind.PASSED;
            case "not-passed" -> Kind.NOT_PASSED;
            case "tabled" -> Kind.TABLED;
            case "dismissed" -> Kind.DISMISSED;
            default -> Kind.WITHDRAWN;
        };
        List<String[]> amendments = List.of();
        if (kind == Kind.PASSED_WITH_AMENDMENTS) {
            amendments = new ArrayList<>();
            for (JsonNode a : p.path("amendments")) {
                if (a.path("adopted").asBoolean(false)) amendments.add(new String[] {a.path("find").asText(), a.path("replace").asText()});
            }
        }
        // carried as it came, less the whitespace around it (most files end with a newline: not copied for that)
        byte[] carried = item.bytes();
        int from = 0;
        while (from < carried.length && Character.isWhitespace(carried[from])) from++;
        if (from > 0) carried = Arrays.copyOfRange(carried, from, carried.length);
        int end = carried.length;
        while (end > 0 && Character.isWhitespace(carried[end - 1])) end--;
        MessageDigest envelopeSha = sha256Digest();
        envelopeSha.update(carried, 0, end);
        byte[] carriedSha = envelopeSha.digest();
        int community = roster.index(v.communityId()); // in the roster: its key was found there
        int day = NO_DAY;
        if (against != null) {
            // the day its meeting reached it (the day the roster's key was read against): on or before the day to report by?
            java.time.LocalDate met = VerdictVerifier.day(p);
            // a day the result cannot write as YYYY-MM-DD (an issuedAt of the year 10000 or later) is no day it can show
            // on time; read as an int, year 9,999,999 was a day before the proposal
            if (met != null && met.getYear() >= 0 && met.getYear() <= 9999) day = (int) met.toEpochDay();
        }
        return new Counted(community, v.payloadSha256(), kind, day, p.path("issuedAt").asText(""), amendments, carried, end, carriedSha,
                v.supersedes());
    }

    /**
     * A lower body's result, read as a stream: its payload is decoded to the work folder, then each verdict in
     * it is checked on its own signature against this body's roster. The lower body's own signature and counts
     * are not relied on.
     */
    private void readResult(Path file, String label, ThreadPoolExecutor pool) throws IOException {
        Path payload = Files.createTempFile(work, "result-", ".json");
        try {
            String type;
            try {
                type = ResultEnvelope.read(file, payload).type();
            } catch (SignedFile.Refused e) {
                refuse(label, e.getMessage());
                return;
            }
            if (!Dsse.TALLY_TYPE.equals(type)) {
                refuse(label, Dsse.VERDICT_TYPE.equals(type) ? "the file is larger than " + SignedFile.MAX_BYTES + " bytes"
                        : "not a Community verdict or a body's result");
                return;
            }
            String whole = wholeResult(payload);
            if (whole != null) {
                refuse(label, whole);
                return;
            }
            int n = 0;
            try (JsonParser in = Json.MAPPER.getFactory().createParser(payload.toFile())) {
                in.nextToken();
                while (in.nextToken() == JsonToken.FIELD_NAME) {
                    String name = in.currentName();
                    JsonToken value = in.nextToken();
                    if (name.equals("verdicts")) {
                        List<Item> batch = new ArrayList<>(BATCH);
                        for (JsonToken t = in.nextToken(); t != null && t != JsonToken.END_ARRAY; t = in.nextToken()) {
                            n++;
                            if (t != JsonToken.START_OBJECT) {
                                // one entry that is no envelope is refused; the verdicts beside it are still counted
                                refuse(label + " › verdict " + n, "not a verdict envelope (" + kind(t) + ")");
                                in.skipChildren();
                                continue;
                            }
                            JsonNode verdict = Json.ONE_OF_MANY.readValue(in);
                            batch.add(new Item(Json.compact(verdict).getBytes(StandardCharsets.UTF_8), label + " › verdict " + n));
                            if (batch.size() == BATCH) {
                                submit(List.copyOf(batch), pool);
                                batch.clear();
                            }
                        }
                        if (!batch.isEmpty()) submit(List.copyOf(batch), pool);
                    } else {
                        in.skipChildren();
                    }
                }
            } catch (IOException e) {
                refuse(label, "the result cannot be read past verdict " + n + " (" + firstLine(e.getMessage()) + ")");
            }
        } finally {
            Files.deleteIfExists(payload);
        }
    }

    /**
     * Why a lower body's result is refused as a whole, before any of its verdicts is counted, or null: its
     * payload read through once — JSON with no key twice at any depth and no deeper than 32 (the limits of
     * every signed file), a {@code folkmoot-tally/1} object whose {@code verdicts} is a list. Refused after its
     * first verdicts were counted, a result would be counted in part; skipped, its verdicts would vanish.
     * A pass of the tokenizer only (the envelopes' base64 is skipped, not decoded).
     */
    private static String wholeResult(Path payload) {
        try (JsonParser in = Json.MAPPER.getFactory().createParser(payload.toFile())) {
            if (in.nextToken() != JsonToken.START_OBJECT) return "the result's payload is not a JSON object";
            String format = null;
            boolean listed = false;
            ResultEnvelope.Shape shape = new ResultEnvelope.Shape();
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String name = in.currentName();
                JsonToken value = in.nextToken();
                if (name.equals("format")) {
                    format = value == JsonToken.VALUE_STRING ? in.getText() : null;
                } else if (name.equals("verdicts")) {
                    if (value != JsonToken.START_ARRAY) return "the result's verdicts are not a list";
                    listed = true;
                }
                shape.read(in, name);
            }
            if (in.nextToken() != null) return "the result's payload is not JSON (something follows it)";
            if (!TallyWriter.FORMAT.equals(format)) return "the result's format is not " + TallyWriter.FORMAT;
            if (!listed) return "the result carries no list of verdicts";
            return shape.refusal(Files.size(payload));
        } catch (IOException e) {
            return "the result's payload " + SignedFile.jsonProblem(e);
        }
    }

    private static String kind(JsonToken t) {
        return switch (t) {
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "true or false";
            case VALUE_NULL -> "null";
            default -> t.toString();
        };
    }

    private void submit(List<Item> items, ThreadPoolExecutor pool) {
        pool.execute(() -> {
            try {
                checkAll(items);
            } catch (RuntimeException e) {
                failure = e;
            }
            report();
        });
    }

    // ---- sorting ------------------------------------------------------------------------------------

    /**
     * Sorts a batch of verdicts that hold: each distinct verdict of a Community is spooled (one write for the
     * batch) — the first in the Community's arrays, any other beside them — and a copy of one already here is a
     * duplicate. Which of several counts is settled once all are read ({@link #resolve}), so the order they come
     * in does not matter.
     */
    private synchronized void count(List<Counted> batch) {
        if (batch.isEmpty()) return;
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
    private void resolve() {
        if (resolved) return;
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
        passed.sort(SUPERSEDED_ORDER);
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

    private synchronized void refuse(String file, String reason) {
        refused++;
        try {
            com.fasterxml.jackson.databind.node.ArrayNode line = Json.MAPPER.createArrayNode().add(file).add(reason);
            refusedOut.write((Json.compact(line) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("the list of refused files cannot be written", e);
        }
    }

    private synchronized void report() {
        progress.update(files.get(), verdicts.get(), counted, refused);
    }

    // ---- the count ------------------------------------------------------------------------------------

    /** The count of everything read. */
    public synchronized Summary summary() {
        resolve();
        Map<Kind, Long> counts = new LinkedHashMap<>();
        for (Kind k : Kind.values()) counts.put(k, 0L);
        List<String> conflicts = new ArrayList<>();
        Map<String, List<String>> groups = new TreeMap<>();
        Map<String, String[]> changes = new HashMap<>();
        String issuedAt = null;
        long reporting = 0;
        int[] byId = roster.indexesById();
        int[] missingIds = new int[byId.length];
        int missingCount = 0;
        // against a proposal: the counted Communities and the late among them, by place in the roster (no object each)
        int[] reportedAt = against == null ? null : new int[byId.length];
        int[] lateAt = against == null ? null : new int[byId.length];
        int reportedCount = 0, lateCount = 0;
        int reportBy = against == null ? 0 : (int) against.reportBy().toEpochDay();
        for (int k : byId) {
            if (!tallies.counted(k)) {
                missingIds[missingCount++] = k;
                continue;
            }
            if (tallies.conflict[k]) {
                conflicts.add(roster.id(k));
                continue;
            }
            reporting++;
            counts.merge(Kind.values()[tallies.kind[k] - 1], 1L, Long::sum);
            if (against != null) {
                reportedAt[reportedCount++] = k;
                if (!onTime(tallies.day[k], reportBy)) lateAt[lateCount++] = k;
            }
            String date = tallies.date(k);
            if (issuedAt == null || later(date, issuedAt)) issuedAt = date;
            List<String[]> its = tallies.amendments.get(k);
            if (its == null) continue;
            // a Community that adopted the same change twice is one Community proposing it (looked up among its own
            // few changes, not among the thousands of Communities already in the group)
            java.util.Set<String> seen = new java.util.HashSet<>();
            String id = roster.id(k);
            for (String[] change : its) {
                String key = Json.compact(Json.MAPPER.createArrayNode().add(change[0]).add(change[1]));
                changes.putIfAbsent(key, change);
                if (seen.add(key)) groups.computeIfAbsent(key, x -> new ArrayList<>()).add(id);
            }
        }
        conflicts.sort(null);
        // the missing, in the order of their ids, as a view: a count begun with few sticks misses almost everyone
        int[] missingAt = Arrays.copyOf(missingIds, missingCount);
        List<String> missing = new java.util.AbstractList<>() {
            @Override
            public String get(int i) {
                return roster.id(missingAt[i]);
            }

            @Override
            public int size() {
                return missingAt.length;
            }
        };
        List<AmendmentGroup> amendmentGroups = new ArrayList<>();
        for (Map.Entry<String, List<String>> g : groups.entrySet()) {
            List<String> ids = new ArrayList<>(g.getValue());
            ids.sort(null);
            String[] change = changes.get(g.getKey());
            amendmentGroups.add(new AmendmentGroup(change[0], change[1], ids));
        }
        amendmentGroups.sort(Comparator.comparingInt((AmendmentGroup g) -> -g.communities().size())
                .thenComparing(AmendmentGroup::find).thenComparing(AmendmentGroup::replace));

        BodyDecision decision = BodyDecision.decide(rules, counts.get(Kind.PASSED), reporting, roster.size());
        String outcome = decision.outcome();
        String route = decision.route();
        List<Report> reports = List.of();
        List<String> late = List.of();
        if (against != null) {
            int[] reported = Arrays.copyOf(reportedAt, reportedCount);
            int[] lateOnes = Arrays.copyOf(lateAt, lateCount);
            int[] days = tallies.day.clone(); // the view stays as it is now, whatever is counted after
            reports = new java.util.AbstractList<>() {
                @Override
                public Report get(int i) {
                    int k = reported[i];
                    return new Report(roster.id(k), days[k] == NO_DAY ? null : java.time.LocalDate.ofEpochDay(days[k]), onTime(days[k], reportBy));
                }

                @Override
                public int size() {
                    return reported.length;
                }
            };
            late = new java.util.AbstractList<>() {
                @Override
                public String get(int i) {
                    return roster.id(lateOnes[i]);
                }

                @Override
                public int size() {
                    return lateOnes.length;
                }
            };
        }
        return new Summary(roster, rules, expected.resolution(), expected.textSha256(), counts, reporting, refused,
                duplicates, conflicts, missing, outcome, route, amendmentGroups, issuedAt, passedOver, superseded,
                against, reports, late);
    }

    /** Whether a verdict of a meeting on epoch day {@code day} came on or before epoch day {@code reportBy}. */
    private static boolean onTime(int day, int reportBy) {
        return day != NO_DAY && day <= reportBy;
    }

    /** Refusals sorted in memory at a time; more are sorted in runs on disk and merged as they are read. */
    private int refusalsInMemory = 50_000;

    /** For tests: runs of {@code n} refusals, to see them merged without making 50,000 files. */
    void sortRefusalsInRunsOf(int n) {
        refusalsInMemory = n;
    }
    private static final Comparator<Refusal> BY_FILE = Comparator.comparing(Refusal::file).thenComparing(Refusal::reason);

    /**
     * Every file refused, sorted by file, as the result lists them — read as they are needed: a stick of a
     * million stray files is a million refusals, and they are sorted in runs of 50,000 on disk and merged,
     * never all held at once.
     */
    public synchronized Iterable<Refusal> refusals() throws IOException {
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

    /**
     * The Communities whose verdicts the result carries (every counted one but those in conflict), by their
     * places in the roster, in the order of their ids.
     */
    public synchronized int[] carried() {
        resolve();
        int[] byId = roster.indexesById();
        int n = 0;
        for (int k : byId) if (tallies.counted(k) && !tallies.conflict[k]) byId[n++] = k;
        return Arrays.copyOf(byId, n);
    }

    /** Whether Community {@code k}'s verdict is counted and carried (none in conflict, none superseded). */
    synchronized boolean carries(int k) {
        resolve();
        return tallies.counted(k) && !tallies.conflict[k];
    }

    /** The SHA-256 of the payload of Community {@code k}'s carried verdict. */
    synchronized byte[] payloadSha(int k) {
        resolve();
        return Arrays.copyOfRange(tallies.payloadSha, 32 * k, 32 * k + 32);
    }

    /** The length of Community {@code k}'s carried envelope. */
    public int length(int k) {
        return tallies.length[k];
    }

    /** Feeds the SHA-256 of Community {@code k}'s carried envelope to {@code digest}. */
    public void feedSha(int k, MessageDigest digest) {
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
    public ByteBuffer envelope(int k, ByteBuffer scratch) throws IOException {
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

    @Override
    public void close() {
        checkedKeys.close();
        try {
            refusedOut.close();
            segments.clear(); // the mappings go with the garbage (Java has no way to unmap them sooner)
            spool.close();
            try (Stream<Path> left = Files.list(work)) {
                for (Path p : left.toList()) Files.deleteIfExists(p);
            }
            Files.deleteIfExists(work);
        } catch (IOException ignored) {
            // a temporary folder the system cleans up anyway
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------

    private static boolean later(String a, String b) {
        // instants written alike (UTC, same precision) sort as text: no parsing for each of a million verdicts
        if (a.length() == b.length() && a.endsWith("Z") && b.endsWith("Z")) return a.compareTo(b) > 0;
        try {
            return Instant.parse(a).isAfter(Instant.parse(b));
        } catch (java.time.format.DateTimeParseException e) {
            return a.compareTo(b) > 0;
        }
    }

    /** One SHA-256 per thread, reset: looking the algorithm up costs more than hashing a verdict. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java platform has SHA-256", impossible);
        }
    });

    private static MessageDigest sha256Digest() {
        MessageDigest d = SHA256.get();
        d.reset();
        return d;
    }

    private static String firstLine(String message) {
        if (message == null) return "unknown error";
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
