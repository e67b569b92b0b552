package org.folkmoot.procedure;

/** Where one resolution stands on the ladder, and so what may come next. */
public enum Stage {
    /** Presented and in discussion; temperature check 1 comes next. */
    CHECK_1,
    /** Check 1 failed; those against say whether their grievance is a deal-breaker. */
    OBJECTIONS,
    ROUND_1,
    CHECK_2,
    ROUND_2,
    FINAL,
    /** Passed; contention votes, elections and the plan. */
    PLANNING,
    /** Reached its outcome; nothing more happens to it but recalls of its delegates. */
    CLOSED;

    /** The stage in English words, e.g. "in round 1 (non-deal-breakers)" ({@link Reason} says it in others). */
    public String words() {
        return Reason.word(this, java.util.Locale.ROOT);
    }

    public boolean isRound() {
        return this == ROUND_1 || this == ROUND_2;
    }
}
