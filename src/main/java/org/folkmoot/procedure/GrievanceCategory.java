package org.folkmoot.procedure;

/** A category of grievances in one round, with its delegate, the assembly's weigh-in and its fate. */
public final class GrievanceCategory {
    private final long seq;
    private final int round;
    private final String category;
    private final long members;
    private final String statement;
    private final String delegate;
    private boolean pleaded;
    private Tally agreement;
    private Boolean sustained;

    GrievanceCategory(long seq, int round, String category, long members, String statement, String delegate) {
        this.seq = seq;
        this.round = round;
        this.category = category;
        this.members = members;
        this.statement = statement;
        this.delegate = delegate;
    }

    public long seq() { return seq; }
    public int round() { return round; }
    public String category() { return category; }
    public long members() { return members; }
    public String statement() { return statement; }
    public String delegate() { return delegate; }
    public boolean pleaded() { return pleaded; }
    /** agree / disagree / abstain, or null when the assembly has not weighed in. */
    public Tally agreement() { return agreement; }
    /** Whether the grievance stands (no amendment of its category adopted); null until its round closes. */
    public Boolean sustained() { return sustained; }

    void markPleaded() { pleaded = true; }
    void weighIn(Tally tally) { agreement = tally; }
    void settle(boolean stands) { sustained = stands; }
}
