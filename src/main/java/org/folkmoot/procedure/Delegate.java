package org.folkmoot.procedure;

import java.util.List;

/**
 * A candidate put to an election in planning: elected or not, and later perhaps recalled. A value: a recall
 * vote makes a new one.
 */
public record Delegate(long seq, String name, String mandate, Tally tally, Fraction support, boolean elected,
                       List<RecallVote> recallVotes) {

    public Delegate {
        recallVotes = Lists.frozen(recallVotes);
    }

    Delegate(long seq, String name, String mandate, Tally tally, Fraction support, boolean elected) {
        this(seq, name, mandate, tally, support, elected, List.of());
    }

    /** A recall vote on this delegate. */
    public record RecallVote(long seq, Tally tally, Fraction support, boolean recalled) {
    }

    public boolean recalled() {
        return recallVotes.stream().anyMatch(RecallVote::recalled);
    }

    /** Elected and not recalled: holds a mandate now. */
    public boolean serving() {
        return elected && !recalled();
    }

    Delegate withRecallVote(RecallVote vote) {
        return new Delegate(seq, name, mandate, tally, support, elected, Lists.plus(recallVotes, vote));
    }
}
