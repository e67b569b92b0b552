package org.folkmoot.procedure;

/**
 * A change to the working text offered by a category: find this passage, replace it with that; and, once
 * voted, its vote. A value: voting it makes a new one.
 *
 * @param voteSeq the entry of its vote, 0 before it was voted
 * @param tally   the vote on it, or null before it was voted
 */
public record Amendment(long seq, String id, int round, String category, String find, String replace,
                        long voteSeq, Tally tally, Fraction support, boolean adopted) {

    Amendment(long seq, String id, int round, String category, String find, String replace) {
        this(seq, id, round, category, find, replace, 0, null, null, false);
    }

    public boolean voted() {
        return tally != null;
    }

    Amendment decided(long at, Tally votes, Fraction measured, boolean isAdopted) {
        return new Amendment(seq, id, round, category, find, replace, at, votes, measured, isAdopted);
    }
}
