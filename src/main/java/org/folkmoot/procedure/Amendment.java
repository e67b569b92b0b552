package org.folkmoot.procedure;

/** A change to the working text offered by a category: find this passage, replace it with that. */
public final class Amendment {
    private final long seq;
    private final String id;
    private final int round;
    private final String category;
    private final String find;
    private final String replace;
    private long voteSeq;
    private Tally tally;
    private Fraction support;
    private boolean adopted;

    Amendment(long seq, String id, int round, String category, String find, String replace) {
        this.seq = seq;
        this.id = id;
        this.round = round;
        this.category = category;
        this.find = find;
        this.replace = replace;
    }

    public long seq() { return seq; }
    public String id() { return id; }
    public int round() { return round; }
    public String category() { return category; }
    public String find() { return find; }
    public String replace() { return replace; }
    public boolean voted() { return tally != null; }
    public long voteSeq() { return voteSeq; }
    /** The vote on it, or null before it was voted. */
    public Tally tally() { return tally; }
    public Fraction support() { return support; }
    public boolean adopted() { return adopted; }

    void decide(long seq, Tally votes, Fraction measured, boolean isAdopted) {
        voteSeq = seq;
        tally = votes;
        support = measured;
        adopted = isAdopted;
    }
}
