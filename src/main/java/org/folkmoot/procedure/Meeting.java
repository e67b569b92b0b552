package org.folkmoot.procedure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Community's book as it is being recorded: its entries and their fold through the ladder
 * ({@link Ladder#decide}). The state is always what the entries, folded from the first, say it is; a
 * correction replaces entries and the whole book is folded again, so the app, {@code replay} and
 * {@code audit} can never disagree. What each meeting of the book opened and closed with is kept as it
 * was at the time, for its minutes and its verdicts.
 */
public final class Meeting {

    /** Every kind of action, in the order of docs/meeting-format.md. */
    public static final List<ActionKind> KINDS = List.of(ActionKind.values());

    private final Header header;
    private final List<Action> entries = new ArrayList<>();
    /** Entry seq -> the action that replaces it now (the latest correction of it). */
    private final Map<Long, Action> replacements = new HashMap<>();
    private final List<Correction> corrections = new ArrayList<>();
    private Book book;
    /** The state after the latest adjourn: the close of its meeting, should a {@code meeting} follow. */
    private Book atAdjourn;
    /** For each meeting, the state it opened with and (once closed) the state it closed with. */
    private final List<Book> openings = new ArrayList<>();
    private final List<Book> closings = new ArrayList<>();
    /** The fold after every {@link #EVERY}th entry (with the corrections as they stand): where a correction's refold starts. */
    private List<Book> checkpoints = new ArrayList<>();
    private static final int EVERY = 32;

    private Meeting(Header header) {
        this.header = header;
        this.book = Book.opened(header);
        openings.add(book);
        checkpoints.add(book);
    }

    /** A book with nothing recorded yet. */
    public static Meeting open(Header header) {
        return new Meeting(header);
    }

    /**
     * Records {@code action} as the next entry, or refuses it. A refused action changes nothing.
     *
     * @return the refusal, or empty when the action was applied
     */
    public Optional<Refusal> apply(Action action) {
        long seq = entries.size() + 1L;
        Reason reason;
        if (action instanceof Action.Correct c) {
            reason = correct(seq, c);
        } else {
            Ladder.Decision d = Ladder.decide(book, seq, action);
            if (d instanceof Ladder.Decision.Refused no) {
                reason = no.why();
            } else {
                reason = null;
                Book before = book;
                book = ((Ladder.Decision.Taken) d).next();
                if (action instanceof Action.Adjourn) atAdjourn = book;
                if (action instanceof Action.NextMeeting) {
                    closings.add(atAdjourn != null ? atAdjourn : before);
                    openings.add(book);
                }
            }
        }
        if (reason != null) return Optional.of(new Refusal(seq, action.kind().word(), reason));
        entries.add(action);
        if (seq % EVERY == 0) checkpoints.add(book);
        return Optional.empty();
    }

    private Reason correct(long seq, Action.Correct c) {
        if (c.reason() == null || c.reason().isBlank()) return Reason.of("refused.correction-reason");
        if (c.replacements().isEmpty()) return Reason.of("refused.correction-empty");
        Map<Long, Action> trialReplacements = new HashMap<>(replacements);
        Set<Long> named = new HashSet<>();
        List<Correction> made = new ArrayList<>();
        for (Action.Replacement r : c.replacements()) {
            if (r.entry() < 1 || r.entry() >= seq) return Reason.of("refused.correction-entry", r.entry(), seq - 1);
            if (!named.add(r.entry())) return Reason.of("refused.correction-twice", r.entry());
            Action original = entries.get((int) (r.entry() - 1));
            if (original instanceof Action.Correct) return Reason.of("refused.correction-of-correction", r.entry());
            if (!original.kind().correctable()) return Reason.of("refused.correction-kind", r.entry(), original.kind().word());
            if (original.kind() != r.with().kind()) {
                return Reason.of("refused.correction-other-kind", r.entry(), original.kind().word(), r.with().kind().word());
            }
            trialReplacements.put(r.entry(), r.with());
            made.add(new Correction(seq, r.entry(), c.reason(), original, r.with()));
        }
        // the trial fold: new states from the last checkpoint before the first entry replaced (the fold up to it is
        // unchanged); refused, they are simply dropped
        long first = named.stream().mapToLong(Long::longValue).min().orElseThrow();
        int from = (int) ((first - 1) / EVERY);
        List<Book> trialCheckpoints = new ArrayList<>(checkpoints.subList(0, from + 1));
        Book trial = checkpoints.get(from);
        for (int i = from * EVERY; i < entries.size(); i++) {
            long s = i + 1L;
            Action earlier = entries.get(i);
            if (!(earlier instanceof Action.Correct)) {
                Action effective = trialReplacements.getOrDefault(s, earlier);
                Ladder.Decision d = Ladder.decide(trial, s, effective);
                if (d instanceof Ladder.Decision.Refused no) {
                    return named.contains(s) ? Reason.of("refused.correction-misfit", no.why())
                            : Reason.of("refused.correction-breaks", s, earlier.kind().word(), no.why());
                }
                trial = ((Ladder.Decision.Taken) d).next();
            }
            if (s % EVERY == 0) trialCheckpoints.add(trial);
        }
        book = trial;
        // atAdjourn stays as it was: a correction is made after the latest adjourn, and the close it begins is the
        // state as it stood then (its verdicts were issued so); the change is reported at the next close
        checkpoints = trialCheckpoints;
        replacements.putAll(trialReplacements);
        corrections.addAll(made);
        return null;
    }

    public Header header() { return header; }

    /** The state of the book now. */
    public Book book() { return book; }

    /** The number of entries recorded. */
    public int size() { return entries.size(); }

    /** The latest attendance of this meeting, or -1 before one was taken in it. */
    public long present() { return book.present(); }

    public boolean adjourned() { return book.adjourned(); }

    /** Every resolution presented in the book, in order. */
    public List<Resolution> resolutions() { return book.resolutions(); }

    /** The resolution presented last, if any: the one an entry concerns when it names none. */
    public Optional<Resolution> current() { return book.latest(); }

    public List<Correction> corrections() { return Collections.unmodifiableList(corrections); }

    public List<Note> notes() { return book.notes(); }

    /** The book's pauses and closes, in order; the last may still last. */
    public List<Adjournment> adjournments() { return book.adjournments(); }

    /**
     * One meeting of the book with the state it opened and closed with, and the seq of the entry it closed at
     * (its verdicts are issued from the record up to it): the adjourn a {@code meeting} followed; for the last,
     * its latest adjourn while the book stands adjourned (what follows it belongs to what comes next), else the
     * book's last entry, with the state now.
     */
    public record Held(Sitting sitting, Book opening, Book closing, long closedAt) {
        /** The seq of its last entry: its closing adjourn, or the book's last entry for the last meeting. */
        public long lastSeq(int bookSize) {
            return sitting.closedAt() == 0 ? bookSize : sitting.closedAt();
        }
    }

    /** The book's meetings, in order, each with the standing business it began and ended with. */
    public List<Held> meetings() {
        List<Held> held = new ArrayList<>();
        List<Sitting> sittings = book.meetings();
        for (int i = 0; i < closings.size(); i++) {
            held.add(new Held(sittings.get(i), openings.get(i), closings.get(i), sittings.get(i).closedAt()));
        }
        // a book that stands adjourned closed its last meeting at that adjourn: an export now is what it will stand by
        int last = sittings.size() - 1;
        long adjournedAt = book.adjourned() ? book.adjournments().get(book.adjournments().size() - 1).seq() : 0;
        held.add(new Held(sittings.get(last), openings.get(last), adjournedAt > 0 ? atAdjourn : book,
                adjournedAt > 0 ? adjournedAt : size()));
        return held;
    }

    /** Entry {@code seq} as recorded (before any correction). */
    public Action entry(long seq) { return entries.get((int) (seq - 1)); }

    /** Entry {@code seq} as it counts now: its latest correction, or itself. */
    public Action effective(long seq) { return replacements.getOrDefault(seq, entry(seq)); }

    /**
     * Why an action of this kind cannot be taken now on any resolution, or empty when the ladder offers it
     * (its fields may still be refused). The console offers exactly the kinds this leaves empty, and says
     * this reason on the rest.
     */
    public Optional<Reason> whyNot(ActionKind kind) {
        if (kind == ActionKind.CORRECT) {
            // like a note, a correction is the secretary's bookkeeping: it may be made during an adjournment
            for (Action a : entries) {
                if (a.kind().correctable()) return Optional.empty();
            }
            return Optional.of(Reason.of("refused.correction-none"));
        }
        Reason onLatest = Ladder.offered(book, kind, null);
        if (onLatest == null || !kind.namesResolution()) return Optional.ofNullable(onLatest);
        return targets(kind).isEmpty() ? Optional.of(onLatest) : Optional.empty();
    }

    /** Why an action of this kind cannot be taken now on resolution {@code id}, or empty when it can. */
    public Optional<Reason> whyNot(ActionKind kind, String id) {
        return Optional.ofNullable(Ladder.offered(book, kind, id));
    }

    /**
     * The resolutions an entry of {@code kind} may name now, latest first: for a planning entry, every
     * resolution it fits (a contention vote on one in planning, a recall of one with delegates serving).
     */
    public List<String> targets(ActionKind kind) {
        List<String> ids = new ArrayList<>();
        List<Resolution> all = book.resolutions();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (Ladder.offered(book, kind, all.get(i).id()) == null) ids.add(all.get(i).id());
        }
        return ids;
    }

    /** What comes next for the latest resolution, in a facilitator's words. */
    public Reason nextStep() {
        Resolution r = book.latest().orElse(null);
        if (r == null || r.stage() == Stage.CLOSED) return Reason.of("next.present");
        return Ladder.nextStep(r);
    }

    /** What comes next, as a heading after "Next:" (e.g. "Temperature check 1"); {@link #nextStep()} as a clause. */
    public Reason comingUp() {
        Resolution r = book.latest().orElse(null);
        if (r == null || r.stage() == Stage.CLOSED) return Reason.of("step.present");
        return Reason.of(r.stage().isRound() ? "step.ROUND" : "step." + r.stage().name());
    }

    /**
     * The actions offered now that the procedure has come to, the step that comes next first (the console
     * opens its form after every entry); empty when nothing on the ladder is due (a note, say, is always offered).
     */
    public List<ActionKind> nextKinds() {
        return Ladder.nextKinds(book);
    }

    /**
     * The category of the latest resolution's round that an entry of {@code kind} would take up next, in the
     * order grouped: a plea, the first category not yet through (pleaded and weighed in); a weigh-in, the first
     * not yet weighed in; an amendment, the category just through. Empty when none is.
     */
    public Optional<String> openCategory(ActionKind kind) {
        Resolution r = book.latest().orElse(null);
        if (r == null || !r.stage().isRound()) return Optional.empty();
        return Optional.ofNullable(Ladder.firstOpen(r, kind)).map(GrievanceCategory::category);
    }

    /**
     * Why {@code action} would be refused as the next entry, or empty when it would be taken, recording
     * nothing: the very rule {@link #apply} holds to, so a form can check itself as it is typed.
     */
    public Optional<Reason> wouldRefuse(Action action) {
        if (action instanceof Action.Correct) return Optional.empty(); // checked against the whole refold, on recording
        Ladder.Decision d = Ladder.decide(book, entries.size() + 1L, action);
        return d instanceof Ladder.Decision.Refused no ? Optional.of(no.why()) : Optional.empty();
    }

    /** SHA-256 of a text's UTF-8 bytes, lowercase hex: how resolutions name their texts. */
    public static String textSha256(String text) {
        return Ladder.sha256(text);
    }
}
