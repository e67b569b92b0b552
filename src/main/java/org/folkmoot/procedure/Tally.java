package org.folkmoot.procedure;

/**
 * A count of hands: in favour, against, abstaining (stand-asides). For the agreement weigh-in the
 * same three numbers read agree / disagree / abstain.
 */
public record Tally(long inFavour, long against, long abstain) {

    public Tally {
        if (inFavour < 0 || against < 0 || abstain < 0) {
            throw new IllegalArgumentException("a tally cannot be negative");
        }
    }

    /** Everyone counted, or {@link Long#MAX_VALUE} when that would not fit: either way more than any room. */
    public long total() {
        try {
            return Math.addExact(Math.addExact(inFavour, against), abstain);
        } catch (ArithmeticException overflow) {
            return Long.MAX_VALUE;
        }
    }

    @Override
    public String toString() {
        return Reason.word(this, java.util.Locale.ROOT);
    }
}
