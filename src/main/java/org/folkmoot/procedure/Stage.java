package org.folkmoot.procedure;

/** Where one resolution stands on the ladder, and so what may come next. */
public enum Stage {
    /** Presented and in discussion; temperature check 1 comes next. */
    CHECK_1("at temperature check 1"),
    /** Check 1 failed; those against say whether their grievance is a deal-breaker. */
    OBJECTIONS("waiting for the objections (deal-breakers or not)"),
    ROUND_1("in round 1 (non-deal-breakers)"),
    CHECK_2("at temperature check 2"),
    ROUND_2("in round 2 (deal-breakers)"),
    FINAL("at the final vote"),
    /** Passed; contention votes, elections and the plan. */
    PLANNING("in planning"),
    /** Reached its outcome; nothing more happens to it but recalls of its delegates. */
    CLOSED("closed");

    private final String words;

    Stage(String words) {
        this.words = words;
    }

    /** The stage in a facilitator's words, e.g. "in round 1 (non-deal-breakers)". */
    public String words() {
        return words;
    }

    public boolean isRound() {
        return this == ROUND_1 || this == ROUND_2;
    }
}
