package org.folkmoot.procedure;

import java.util.Objects;

/**
 * The rules in force for one Community (docs/procedure.md, "Defaults"). Each threshold keeps its own
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

    /**
     * How many hands would have to move to "in favour" for this tally to reach {@code threshold}
     * ({@code strictly}: to pass it): from "against" under basis {@code cast}, from anyone present under basis
     * {@code present}. 0 when it already does; {@link Long#MAX_VALUE} when no such move can reach it. Exact;
     * what the console shows as "needs N more in favour".
     */
    public long moreInFavourNeeded(Tally tally, long present, Fraction threshold, boolean strictly) {
        java.math.BigInteger p = java.math.BigInteger.valueOf(threshold.numerator());
        java.math.BigInteger q = java.math.BigInteger.valueOf(threshold.denominator());
        java.math.BigInteger f = java.math.BigInteger.valueOf(tally.inFavour());
        java.math.BigInteger base = basis == Basis.CAST
                ? f.add(java.math.BigInteger.valueOf(tally.against())) // the votes cast stay the same
                : java.math.BigInteger.valueOf(present);
        if (base.signum() == 0) return Long.MAX_VALUE; // nothing cast (or nobody present): no move reaches anything
        // smallest n with n*q >= p*base (or >), then k = n - for
        java.math.BigInteger num = p.multiply(base);
        java.math.BigInteger n = strictly ? num.divide(q).add(java.math.BigInteger.ONE) : ceil(num, q);
        java.math.BigInteger k = n.subtract(f);
        if (k.signum() <= 0) return 0;
        long movable = basis == Basis.CAST ? tally.against() : present - tally.inFavour();
        return k.compareTo(java.math.BigInteger.valueOf(movable)) > 0 ? Long.MAX_VALUE : k.longValue();
    }

    private static java.math.BigInteger ceil(java.math.BigInteger num, java.math.BigInteger den) {
        java.math.BigInteger[] qr = num.divideAndRemainder(den);
        return qr[1].signum() == 0 ? qr[0] : qr[0].add(java.math.BigInteger.ONE);
    }

    /** The threshold a vote of this stage is measured against (reached at or above it). */
    public Fraction threshold(VoteStage stage) {
        return switch (stage) {
            case CHECK_1, CHECK_2 -> consensus;
            case FINAL -> finalVote;
            case CONTENTION -> contention;
        };
    }

    /** Whether {@code present} of {@code members} make a quorum (always, when no quorum is set). */
    public boolean quorate(long present, long members) {
        return quorum == null || new Fraction(present, members).reaches(quorum);
    }
}
