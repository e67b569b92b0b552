package org.folkmoot.combine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.stream.Stream;
import org.folkmoot.record.Json;
import org.folkmoot.verdict.Roster;
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
 *
 * <p>It orchestrates: {@link FilesGiven} walks and reads the inputs, {@link CarriedResult} a lower body's result,
 * {@link SignatureBatches} checks the signatures together, the {@link Ledger} keeps what was counted and the
 * {@link Refusals} what was not; {@link BodyDecision} gives the body's outcome. The ledger and the refusals share the
 * count's one lock, so that what they say together (a progress line, the summary) is always of one moment.
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

    /** Files (or a result's verdicts) handed to a thread at a time. */
    static final int BATCH = 128;

    /** A verdict's bytes and where they came from. */
    record Item(byte[] bytes, String label) {
    }

    private final Roster roster;
    private final BodyRules rules;
    private final String resolution;
    private final String textSha256;
    private final Progress progress;
    private final Path work;
    /** The count's one lock: what the ledger is told, what is refused, and what is read of both at once. */
    private final Object lock = new Object();
    private final Ledger ledger;
    private final Refusals refusals;
    private final SignatureBatches batches;
    private final FilesGiven filesGiven;
    private final CheckedKeys checkedKeys;
    private Against against;

    /**
     * @param work a folder for the spool files (removed on {@link #close()})
     */
    public Combination(Roster roster, BodyRules rules, String resolution, String textSha256, Path work, Progress progress)
            throws IOException {
        this(roster, rules, resolution, textSha256, work, progress, CheckedKeys.here());
    }

    /** @param checkedKeys the keys already found valid (the laptop's, or {@link CheckedKeys#none()}) */
    public Combination(Roster roster, BodyRules rules, String resolution, String textSha256, Path work, Progress progress,
                       CheckedKeys checkedKeys) throws IOException {
        this.checkedKeys = checkedKeys;
        this.roster = roster;
        this.rules = rules;
        this.resolution = resolution;
        this.textSha256 = textSha256.toLowerCase(java.util.Locale.ROOT);
        this.progress = progress == null ? (f, v, c, r) -> { } : progress;
        this.work = Files.createTempDirectory(work, "combine-");
        this.ledger = new Ledger(roster, this.work.resolve("verdicts.spool"), lock);
        this.refusals = new Refusals(this.work, lock);
        this.batches = new SignatureBatches(roster, rules, new VerdictVerifier.Expected(resolution, this.textSha256), checkedKeys,
                ledger, refusals, this::report);
        this.filesGiven = new FilesGiven(this.work, refusals, batches, this::report);
    }

    /**
     * Counts against the body's proposal: the result names it, and says of each counted verdict whether its
     * meeting was on or before the day to report by. Called before {@link #read}.
     */
    public Combination against(Against proposal) {
        this.against = proposal;
        if (proposal != null) ledger.keepDays();
        batches.against(proposal);
        return this;
    }

    /** The proposal counted against, or null for a count by a hand-typed resolution and text hash. */
    public Against against() {
        return against;
    }

    /** Reads every file given, and every file in the folders given (recursively), verifying on every core. */
    public void read(List<Path> inputs, int threads) {
        filesGiven.read(inputs, threads);
        batches.settleTheRest(threads);
        batches.rethrow();
        report();
    }

    private void report() {
        synchronized (lock) {
            progress.update(filesGiven.files(), batches.verdicts(), ledger.countedVerdicts(), refusals.count());
        }
    }

    // ---- the count ------------------------------------------------------------------------------------

    /** The count of everything read. */
    public Summary summary() {
        synchronized (lock) {
            return summaryHeld();
        }
    }

    private Summary summaryHeld() {
        ledger.resolve();
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
            if (!ledger.counted(k)) {
                missingIds[missingCount++] = k;
                continue;
            }
            if (ledger.inConflict(k)) {
                conflicts.add(roster.id(k));
                continue;
            }
            reporting++;
            counts.merge(ledger.kind(k), 1L, Long::sum);
            if (against != null) {
                reportedAt[reportedCount++] = k;
                if (!onTime(ledger.day(k), reportBy)) lateAt[lateCount++] = k;
            }
            String date = ledger.issuedAt(k);
            if (issuedAt == null || later(date, issuedAt)) issuedAt = date;
            List<String[]> its = ledger.amendments(k);
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
            int[] days = ledger.days(); // the view stays as it is now, whatever is counted after
            reports = new java.util.AbstractList<>() {
                @Override
                public Report get(int i) {
                    int k = reported[i];
                    return new Report(roster.id(k), days[k] == Ledger.NO_DAY ? null : java.time.LocalDate.ofEpochDay(days[k]), onTime(days[k], reportBy));
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
        return new Summary(roster, rules, resolution, textSha256, counts, reporting, refusals.count(),
                ledger.duplicates(), conflicts, missing, outcome, route, amendmentGroups, issuedAt, filesGiven.passedOver(), ledger.superseded(),
                against, reports, late);
    }

    /** Whether a verdict of a meeting on epoch day {@code day} came on or before epoch day {@code reportBy}. */
    private static boolean onTime(int day, int reportBy) {
        return day != Ledger.NO_DAY && day <= reportBy;
    }

    /** For tests: runs of {@code n} refusals, to see them merged without making 50,000 files. */
    void sortRefusalsInRunsOf(int n) {
        refusals.sortRefusalsInRunsOf(n);
    }

    /**
     * Every file refused, sorted by file, as the result lists them — read as they are needed: a stick of a
     * million stray files is a million refusals, and they are sorted in runs of 50,000 on disk and merged,
     * never all held at once.
     */
    public Iterable<Refusal> refusals() throws IOException {
        return refusals.sorted();
    }

    /**
     * The Communities whose verdicts the result carries (every counted one but those in conflict), by their
     * places in the roster, in the order of their ids.
     */
    public int[] carried() {
        return ledger.carried();
    }

    /** Whether Community {@code k}'s verdict is counted and carried (none in conflict, none superseded). */
    boolean carries(int k) {
        return ledger.carries(k);
    }

    /** The SHA-256 of the payload of Community {@code k}'s carried verdict. */
    byte[] payloadSha(int k) {
        return ledger.payloadSha(k);
    }

    /** The length of Community {@code k}'s carried envelope. */
    public int length(int k) {
        return ledger.length(k);
    }

    /** Feeds the SHA-256 of Community {@code k}'s carried envelope to {@code digest}. */
    public void feedSha(int k, MessageDigest digest) {
        ledger.feedSha(k, digest);
    }

    /**
     * One carried envelope's bytes, as a buffer from its start to its end: a view of the mapped spool, or
     * {@code scratch} (cleared and filled) where the spool is not mapped or the envelope is larger.
     */
    public ByteBuffer envelope(int k, ByteBuffer scratch) throws IOException {
        return ledger.envelope(k, scratch);
    }

    @Override
    public void close() {
        checkedKeys.close();
        try {
            refusals.close();
            ledger.close();
            try (Stream<Path> left = Files.list(work)) {
                for (Path p : left.toList()) Files.deleteIfExists(p);
            }
            Files.deleteIfExists(work);
        } catch (IOException ignored) {
            // a temporary folder the system cleans up anyway
        }
    }

    private static boolean later(String a, String b) {
        // instants written alike (UTC, same precision) sort as text: no parsing for each of a million verdicts
        if (a.length() == b.length() && a.endsWith("Z") && b.endsWith("Z")) return a.compareTo(b) > 0;
        try {
            return Instant.parse(a).isAfter(Instant.parse(b));
        } catch (java.time.format.DateTimeParseException e) {
            return a.compareTo(b) > 0;
        }
    }
}
