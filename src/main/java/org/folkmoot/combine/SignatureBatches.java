package org.folkmoot.combine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicLong;
import org.folkmoot.combine.Combination.Item;
import org.folkmoot.combine.Combination.Kind;
import org.folkmoot.combine.Ledger.Counted;
import org.folkmoot.verdict.BatchEd25519;
import org.folkmoot.verdict.Dsse;
import org.folkmoot.verdict.Roster;
import org.folkmoot.verdict.SignedFile;
import org.folkmoot.verdict.VerdictVerifier;

import static org.folkmoot.combine.Combination.BATCH;

/**
 * The checking of Community verdicts' signatures, many together (BatchEd25519): each verdict is read and matched to
 * its key in the roster at once, and what it comes to if its signature holds is known before the signature is
 * checked with others'; then it goes to the ledger, or to the refusals.
 */
final class SignatureBatches {
    /**
     * Signatures checked together: the more, the less each costs (BatchEd25519) — on the development machine
     * a thousand together about 30,000 a second on one core, 128 together about 25,000 (and one by one
     * 13,000). What waits for its batch is a few kilobytes a verdict.
     */
    private static final int SIGNATURES = 1024;

    private final Roster roster;
    private final BodyRules rules;
    private final CheckedKeys checkedKeys;
    private final Ledger ledger;
    private final Refusals refusals;
    private final Runnable report;
    private VerdictVerifier.Expected expected; // narrowed to the proposing body by against()
    private Against against;
    private final AtomicLong verdicts = new AtomicLong();
    private volatile RuntimeException failure;
    private final Object awaitingLock = new Object();
    private List<Awaiting> awaiting = new ArrayList<>();

    /** @param report tells how far the count has come, after each batch */
    SignatureBatches(Roster roster, BodyRules rules, VerdictVerifier.Expected expected, CheckedKeys checkedKeys, Ledger ledger,
                     Refusals refusals, Runnable report) {
        this.roster = roster;
        this.rules = rules;
        this.expected = expected;
        this.checkedKeys = checkedKeys;
        this.ledger = ledger;
        this.refusals = refusals;
        this.report = report;
    }

    /** Counting against {@code proposal} (or null): see {@link Combination#against(Against)}. */
    void against(Against proposal) {
        this.against = proposal;
        if (proposal != null && proposal.bodyId() != null) {
            // counted against a body's proposal, a verdict answers that body's resolution: its upstream must name the body
            expected = new VerdictVerifier.Expected(expected.resolution(), expected.textSha256(), proposal.bodyLevel(), proposal.bodyId());
        }
    }

    /** How many verdicts were read so far (the progress of the count). */
    long verdicts() {
        return verdicts.get();
    }

    /** A thread of the count failed unexpectedly: {@link #rethrow} throws it once every file is read. */
    void failed(RuntimeException e) {
        failure = e;
    }

    /** Throws what a thread of the count failed with, if one did. */
    void rethrow() {
        if (failure != null) throw failure;
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
                refusals.refuse(item.label(), e.getMessage());
            }
        }
        ledger.count(counts);
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
            if (!holds[i]) refusals.refuse(v.label(), "the signature does not hold for " + v.community() + "'s key in the roster");
            else if (v.refusal() != null) refusals.refuse(v.label(), v.refusal());
            else counts.add(v.counted());
        }
        ledger.count(counts);
    }

    /** The verdicts still waiting when every file has been read: checked on every core. */
    void settleTheRest(int threads) {
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
                    failed(e);
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
        int day = Ledger.NO_DAY;
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

    /** Verdicts handed to a thread of {@code pool} to be checked (a lower body's result's, as it is read). */
    void submit(List<Item> items, ThreadPoolExecutor pool) {
        pool.execute(() -> {
            try {
                checkAll(items);
            } catch (RuntimeException e) {
                failed(e);
            }
            report.run();
        });
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
}
