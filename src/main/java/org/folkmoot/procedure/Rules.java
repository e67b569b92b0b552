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

    /**
     * How many more hands in favour this tally needs to reach {@code threshold} ({@code strictly}: to pass it),
     * the others' hands as they are: 0 when it already does. Exact; what the console shows as "needs N more".
     */
    public long moreInFavourNeeded(Tally tally, long present, Fraction threshold, boolean strictly) {
        long p = threshold.numerator();
        long q = threshold.denominator();
        java.math.BigInteger need;
        if (basis == Basis.CAST) {
            // (for + k) * (q - p) >= p * against, or > for a strict threshold
            if (p >= q) return strictly || tally.against() > 0 ? Long.MAX_VALUE : Math.max(0, 1 - tally.inFavour());
            java.math.BigInteger num = java.math.BigInteger.valueOf(p).multiply(java.math.BigInteger.valueOf(tally.against()));
            java.math.BigInteger den = java.math.BigInteger.valueOf(q - p);
            need = strictly ? num.divide(den).add(java.math.BigInteger.ONE) : ceil(num, den);
            if (tally.against() == 0) need = need.max(java.math.BigInteger.ONE); // no votes cast reaches nothing
        } else {
            // (for + k) * q >= p * present, or >
            java.math.BigInteger num = java.math.BigInteger.valueOf(p).multiply(java.math.BigInteger.valueOf(present));
            java.math.BigInteger den = java.math.BigInteger.valueOf(q);
            need = strictly ? num.divide(den).add(java.math.BigInteger.ONE) : ceil(num, den);
        }
        java.math.BigInteger more = need.subtract(java.math.BigInteger.valueOf(tally.inFavour()));
        if (more.signum() <= 0) return 0;
        return more.bitLength() < 63 ? more.longValue() : Long.MAX_VALUE;
    }

    private static java.math.BigInteger ceil(java.math.BigInteger num, java.math.BigInteger den) {
        java.math.BigInteger[] qr = num.divideAndRemainder(den);
        return qr[1].signum() == 0 ? qr[0] : qr[0].add(java.math.BigInteger.ONE);
    }

    /** Whether {@code present} of {@code members} make a quorum (always, when no quorum is set). */
    public boolean quorate(long present, long members) {
        return quorum == null || new Fraction(present, members).reaches(quorum);
    }
}
