package org.folkmoot.procedure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A meeting: the fold of its entries through the ladder. The state is always what the entries, replayed
 * from the first, say it is; a correction replaces an entry and the whole meeting is folded again, so
 * the app, {@code replay} and {@code audit} can never disagree.
 */
public final class Meeting {

    /** The kinds of entries that hold a count and so may be corrected (MEETING-FORMAT.md, {@code correct}). */
    public static final Set<String> CORRECTABLE =
            Set.of("attendance", "vote", "objections", "agreement", "amendment-vote", "elect", "recall");

    private final Header header;
    private final List<Action> entries = new ArrayList<>();
    /** Entry seq -> the action that replaces it now (the latest correction of it). */
    private final Map<Long, Action> replacements = new HashMap<>();
    private final List<Correction> corrections = new ArrayList<>();
    private Ladder ladder;

    private Meeting(Header header) {
        this.header = header;
        this.ladder = new Ladder(header);
    }

    /** A meeting with nothing recorded yet. */
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
        Reason reason = action instanceof Action.Correct c ? correct(seq, c) : ladder.apply(seq, action);
        if (reason != null) {
            return Optional.of(new Refusal(seq, action.kind(), reason));
        }
        entries.add(action);
        return Optional.empty();
    }

    private Reason correct(long seq, Action.Correct c) {
        if (c.reason() == null || c.reason().isBlank()) return Reason.of("refused.correction-reason");
        if (c.entry() < 1 || c.entry() >= seq) {
            return Reason.of("refused.correction-entry", c.entry(), seq - 1);
        }
        Action original = entries.get((int) (c.entry() - 1));
        if (original instanceof Action.Correct) {
            return Reason.of("refused.correction-of-correction", c.entry());
        }
        if (!CORRECTABLE.contains(original.kind())) {
            return Reason.of("refused.correction-kind", c.entry(), original.kind());
        }
        if (!original.kind().equals(c.with().kind())) {
            return Reason.of("refused.correction-other-kind", c.entry(), original.kind(), c.with().kind());
        }
        Map<Long, Action> trialReplacements = new HashMap<>(replacements);
        trialReplacements.put(c.entry(), c.with());
        Ladder trial = new Ladder(header);
        for (int i = 0; i < entries.size(); i++) {
            long s = i + 1L;
            Action earlier = entries.get(i);
            if (earlier instanceof Action.Correct) continue;
            Action effective = trialReplacements.getOrDefault(s, earlier);
            Reason misfit = trial.apply(s, effective);
            if (misfit != null) {
                return s == c.entry()
                        ? Reason.of("refused.correction-misfit", misfit)
                        : Reason.of("refused.correction-breaks", s, earlier.kind(), misfit);
            }
        }
        ladder = trial;
        replacements.put(c.entry(), c.with());
        corrections.add(new Correction(seq, c.entry(), c.reason(), original, c.with()));
        return null;
    }

    public Header header() { return header; }

    /** The number of entries recorded. */
    public int size() { return entries.size(); }

    /** The latest attendance, or -1 before any was recorded. */
    public long present() { return ladder.present(); }

    public boolean adjourned() { return ladder.adjourned(); }

    /** Every resolution presented, in order. */
    public List<Resolution> resolutions() { return Collections.unmodifiableList(ladder.resolutions); }

    /** The resolution presented last, if any: the one the next action is about. */
    public Optional<Resolution> current() { return Optional.ofNullable(ladder.current()); }

    public List<Correction> corrections() { return Collections.unmodifiableList(corrections); }

    public List<Note> notes() { return Collections.unmodifiableList(ladder.notes); }

    /** The meeting's pauses, in order; the last may still last. */
    public List<Adjournment> adjournments() { return Collections.unmodifiableList(ladder.adjournments); }

    /** Entry {@code seq} as recorded (before any correction). */
    public Action entry(long seq) { return entries.get((int) (seq - 1)); }

    /** Entry {@code seq} as it counts now: its latest correction, or itself. */
    public Action effective(long seq) { return replacements.getOrDefault(seq, entry(seq)); }

    /** Every kind of action, in the order of MEETING-FORMAT.md. */
    public static final List<String> KINDS = List.of("attendance", "present", "discuss", "speak", "vote", "objections",
            "grievance", "plead", "agreement", "amend", "amendment-vote", "close-round", "elect", "carry-forward", "recall",
            "dismiss", "withdraw", "adjourn", "resume", "note", "correct");

    /**
     * Why an action of this kind cannot be taken now, or empty when the ladder offers it (its fields may
     * still be refused). The console offers exactly the kinds this leaves empty, and says this reason on the rest.
     */
    public Optional<Reason> whyNot(String kind) {
        if (kind.equals("correct")) {
            // like a note, a correction is the secretary's bookkeeping: it may be made during an adjournment
            for (Action a : entries) {
                if (CORRECTABLE.contains(a.kind())) return Optional.empty();
            }
            return Optional.of(Reason.of("refused.correction-none"));
        }
        return Optional.ofNullable(ladder.whyNot(kind));
    }

    /** What comes next for the current resolution, in a facilitator's words. */
    public Reason nextStep() {
        Resolution r = ladder.current();
        if (r == null || !r.isOpen()) return Reason.of("next.present");
        return Ladder.nextStep(r);
    }

    /** What comes next, as a heading after "Next:" (e.g. "Temperature check 1"); {@link #nextStep()} as a clause. */
    public Reason comingUp() {
        Resolution r = ladder.current();
        if (r == null || !r.isOpen()) return Reason.of("step.present");
        return Reason.of(r.stage().isRound() ? "step.ROUND" : "step." + r.stage().name());
    }

    /** SHA-256 of a text's UTF-8 bytes, lowercase hex: how resolutions name their texts. */
    public static String textSha256(String text) {
        return Ladder.sha256(text);
    }
}
