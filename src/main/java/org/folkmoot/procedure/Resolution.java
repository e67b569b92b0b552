package org.folkmoot.procedure;

import java.util.List;
import java.util.Optional;

/**
 * One resolution on its way up the ladder: its texts, its votes, its grievances and its outcome. A value:
 * the ladder never changes one, it makes the next ({@link #edit()}), so a state once folded stays as it was
 * (a correction's trial fold, a meeting's close kept for its verdicts).
 */
public final class Resolution {
    private final long seq;
    private final int meeting;
    private final String id;
    private final String title;
    private final String proposer;
    private final String originalText;
    private final Upstream upstream;
    private final String workingText;
    private final Stage stage;
    private final Outcome outcome;
    private final Route route;
    private final RecordedVote decidingVote;
    private final boolean carriedForward;
    private final String plan;
    private final Long discussionMinutes;
    private final ObjectionCount objections;
    private final boolean boardClosed;
    private final List<RecordedVote> votes;
    private final List<GrievanceCategory> grievances;
    private final List<Amendment> amendments;
    private final List<Delegate> delegates;
    private final List<Speaker> speakers;

    private Resolution(Draft d) {
        seq = d.seq;
        meeting = d.meeting;
        id = d.id;
        title = d.title;
        proposer = d.proposer;
        originalText = d.originalText;
        upstream = d.upstream;
        workingText = d.workingText;
        stage = d.stage;
        outcome = d.outcome;
        route = d.route;
        decidingVote = d.decidingVote;
        carriedForward = d.carriedForward;
        plan = d.plan;
        discussionMinutes = d.discussionMinutes;
        objections = d.objections;
        boardClosed = d.boardClosed;
        votes = d.votes;
        grievances = d.grievances;
        amendments = d.amendments;
        delegates = d.delegates;
        speakers = d.speakers;
    }

    static Resolution presented(long seq, int meeting, String id, String title, String proposer, String text, Upstream upstream) {
        Draft d = new Draft();
        d.seq = seq;
        d.meeting = meeting;
        d.id = id;
        d.title = title;
        d.proposer = proposer;
        d.originalText = text;
        d.workingText = text;
        d.upstream = upstream;
        return d.done();
    }

    public long seq() { return seq; }
    /** The number of the book's meeting it was presented at (1 for the first). */
    public int meeting() { return meeting; }
    public String id() { return id; }
    public String title() { return title; }
    public String proposer() { return proposer; }
    public String originalText() { return originalText; }
    /** The text with every adopted amendment applied, in order; the final text once it is closed. */
    public String workingText() { return workingText; }
    /** The higher body's reference, or null for a resolution of this Community's own. */
    public Upstream upstream() { return upstream; }
    public Stage stage() { return stage; }
    public Optional<Outcome> outcome() { return Optional.ofNullable(outcome); }
    public Optional<Route> route() { return Optional.ofNullable(route); }
    /** The vote that decided the outcome (see docs/meeting-format.md, "The command line": replay), if any. */
    public Optional<RecordedVote> decidingVote() { return Optional.ofNullable(decidingVote); }
    public boolean carriedForward() { return carriedForward; }
    public String plan() { return plan; }
    public Long discussionMinutes() { return discussionMinutes; }
    public Optional<ObjectionCount> objections() { return Optional.ofNullable(objections); }
    public List<RecordedVote> votes() { return votes; }
    public List<GrievanceCategory> grievances() { return grievances; }
    public List<Amendment> amendments() { return amendments; }
    public List<Delegate> delegates() { return delegates; }
    public List<Speaker> speakers() { return speakers; }

    /** Not yet at an outcome: no other resolution may be presented (one in planning has its outcome). */
    public boolean undecided() {
        return outcome == null;
    }

    /** Still on the ladder or in planning: the discussion, its queue and its votes go on. */
    public boolean isOpen() {
        return stage != Stage.CLOSED;
    }

    /** The round the ladder is in: 1, 2, or 0 outside the rounds. */
    public int round() {
        return stage == Stage.ROUND_1 ? 1 : stage == Stage.ROUND_2 ? 2 : 0;
    }

    /** The delegates who hold a mandate for it now. */
    public List<Delegate> serving() {
        return delegates.stream().filter(Delegate::serving).toList();
    }

    /**
     * Its standing (docs/procedure.md, "The Community Verdict"): what a verdict reports that a later meeting may
     * change. Two equal standings need no new verdict.
     */
    public Standing standing() {
        return new Standing(outcome, route, decidingVote == null ? null : decidingVote.support().toString(), workingText,
                carriedForward, plan, delegates.stream().filter(Delegate::elected)
                .map(d -> new Standing.Mandate(d.name(), d.mandate(), d.recalled())).toList());
    }

    /** The standing of a resolution: outcome, route, deciding support, final text, carried forward and plan, delegates. */
    public record Standing(Outcome outcome, Route route, String support, String finalText, boolean carriedForward,
                           String plan, List<Mandate> delegates) {
        public record Mandate(String name, String mandate, boolean recalled) {
        }
    }

    boolean boardClosed() { return boardClosed; }

    /** Equal when every part is: two folds that reach the same resolution reach equal values. */
    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof Resolution r)) return false;
        return seq == r.seq && meeting == r.meeting && carriedForward == r.carriedForward && boardClosed == r.boardClosed
                && id.equals(r.id) && title.equals(r.title) && proposer.equals(r.proposer)
                && originalText.equals(r.originalText) && java.util.Objects.equals(upstream, r.upstream)
                && workingText.equals(r.workingText) && stage == r.stage && outcome == r.outcome && route == r.route
                && java.util.Objects.equals(decidingVote, r.decidingVote) && java.util.Objects.equals(plan, r.plan)
                && java.util.Objects.equals(discussionMinutes, r.discussionMinutes)
                && java.util.Objects.equals(objections, r.objections) && votes.equals(r.votes)
                && grievances.equals(r.grievances) && amendments.equals(r.amendments) && delegates.equals(r.delegates)
                && speakers.equals(r.speakers);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(seq, id, stage, outcome, workingText, votes.size(), delegates.size());
    }

    @Override
    public String toString() {
        return id + " " + stage + (outcome == null ? "" : " " + outcome.word());
    }

    /** A copy to change; {@link Draft#done()} makes the next value. */
    Draft edit() {
        return new Draft(this);
    }

    /** The next value of a resolution, being made. */
    static final class Draft {
        private long seq;
        private int meeting;
        private String id;
        private String title;
        private String proposer;
        private String originalText;
        private Upstream upstream;
        String workingText;
        private Stage stage = Stage.CHECK_1;
        private Outcome outcome;
        private Route route;
        private RecordedVote decidingVote;
        private boolean carriedForward;
        private String plan;
        Long discussionMinutes;
        ObjectionCount objections;
        boolean boardClosed;
        List<RecordedVote> votes = List.of();
        List<GrievanceCategory> grievances = List.of();
        List<Amendment> amendments = List.of();
        List<Delegate> delegates = List.of();
        List<Speaker> speakers = List.of();

        private Draft() {
        }

        private Draft(Resolution r) {
            seq = r.seq;
            meeting = r.meeting;
            id = r.id;
            title = r.title;
            proposer = r.proposer;
            originalText = r.originalText;
            upstream = r.upstream;
            workingText = r.workingText;
            stage = r.stage;
            outcome = r.outcome;
            route = r.route;
            decidingVote = r.decidingVote;
            carriedForward = r.carriedForward;
            plan = r.plan;
            discussionMinutes = r.discussionMinutes;
            objections = r.objections;
            boardClosed = r.boardClosed;
            votes = r.votes;
            grievances = r.grievances;
            amendments = r.amendments;
            delegates = r.delegates;
            speakers = r.speakers;
        }

        Draft moveTo(Stage next) {
            stage = next;
            boardClosed = false;
            return this;
        }

        Draft decide(Outcome decided, Route how, RecordedVote by) {
            outcome = decided;
            route = how;
            decidingVote = by;
            return moveTo(decided == Outcome.PASSED ? Stage.PLANNING : Stage.CLOSED);
        }

        Draft dismiss() {
            outcome = Outcome.DISMISSED;
            return this;
        }

        Draft withdraw() {
            outcome = Outcome.WITHDRAWN;
            return moveTo(Stage.CLOSED);
        }

        Draft carryForward(String summary) {
            carriedForward = true;
            plan = summary;
            return moveTo(Stage.CLOSED);
        }

        Resolution done() {
            return new Resolution(this);
        }
    }
}
