package org.folkmoot.procedure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A candidate put to an election in planning: elected or not, and later perhaps recalled. */
public final class Delegate {
    private final long seq;
    private final String name;
    private final String mandate;
    private final Tally tally;
    private final Fraction support;
    private final boolean elected;
    private final List<RecallVote> recallVotes = new ArrayList<>();

    Delegate(long seq, String name, String mandate, Tally tally, Fraction support, boolean elected) {
        this.seq = seq;
        this.name = name;
        this.mandate = mandate;
        this.tally = tally;
        this.support = support;
        this.elected = elected;
    }

    /** A recall vote on this delegate. */
    public record RecallVote(long seq, Tally tally, Fraction support, boolean recalled) {
    }

    public long seq() { return seq; }
    public String name() { return name; }
    public String mandate() { return mandate; }
    public Tally tally() { return tally; }
    public Fraction support() { return support; }
    public boolean elected() { return elected; }
    public List<RecallVote> recallVotes() { return Collections.unmodifiableList(recallVotes); }

    public boolean recalled() {
        return recallVotes.stream().anyMatch(RecallVote::recalled);
    }

    /** Elected and not recalled: holds a mandate now. */
    public boolean serving() {
        return elected && !recalled();
    }

    void recallVote(RecallVote vote) {
        recallVotes.add(vote);
    }
}
