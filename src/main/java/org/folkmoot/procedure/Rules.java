package org.folkmoot.procedure;

import java.util.Objects;

/**
 * The rules in force for one Community (PROCEDURE.md, "Defaults"). Each threshold keeps its own
 * comparison: consensus, final and contention are reached at or above; amendments, elections and
 * recalls need strictly more than their share.
 *
 * @param quorum share of the members that must be present for a decision, or null for none
 */
public record Rules(Fraction consensus, Fraction finalVote, Fraction contention, Fraction amendment,
                    Fraction election, Basis basis, Fraction quorum) {

    public static final Fraction DEFAULT_CONSENSUS = new Fraction(9, 10);
    public static final Fraction DEFAULT_FINAL = new Fraction(2, 3);
    public static final Fraction DEFAULT_CONTENTION = new Fraction(1, 2);
    public static final Fraction DEFAULT_AMENDMENT = new Fraction(1, 2);
    public static final Fraction DEFAULT_ELECTION = new Fraction(1, 2);

    public Rules {
        Objects.requireNonNull(consensus, "consensus");
        Objects.requireNonNull(finalVote, "final");
        Objects.requireNonNull(contention, "contention");
        Objects.requireNonNull(amendment, "amendment");
        Objects.requireNonNull(election, "election");
        Objects.requireNonNull(basis, "basis");
    }

    public static Rules defaults() {
        return new Rules(DEFAULT_CONSENSUS, DEFAULT_FINAL, DEFAULT_CONTENTION, DEFAULT_AMENDMENT,
                DEFAULT_ELECTION, Basis.CAST, null);
    }

    /** The support of a tally in this basis, unreduced: {@code for/(for+against)} or {@code for/present}. */
    public Fraction support(Tally tally, long present) {
        return basis == Basis.CAST
                ? new Fraction(tally.inFavour(), tally.inFavour() + tally.against())
                : new Fraction(tally.inFavour(), present);
    }

    /** Whether {@code present} of {@code members} make a quorum (always, when no quorum is set). */
    public boolean quorate(long present, long members) {
        return quorum == null || new Fraction(present, members).reaches(quorum);
    }
}
