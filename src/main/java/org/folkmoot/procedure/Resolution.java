package org.folkmoot.procedure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** One resolution on its way up the ladder: its texts, its votes, its grievances and its outcome. */
public final class Resolution {
    private final long seq;
    private final String id;
    private final String title;
    private final String proposer;
    private final String originalText;
    private final Upstream upstream;
    private String workingText;
    private Stage stage = Stage.CHECK_1;
    private Outcome outcome;
    private Route route;
    private RecordedVote decidingVote;
    private boolean carriedForward;
    private String plan;
    private boolean adjournedInPlanning;
    private Long discussionMinutes;
    private ObjectionCount objections;
    /** Whether the current round's categories are settled (its first plead, agreement or amendment came). */
    private boolean boardClosed;
    final List<RecordedVote> votes = new ArrayList<>();
    final List<GrievanceCategory> grievances = new ArrayList<>();
    final List<Amendment> amendments = new ArrayList<>();
    final List<Delegate> delegates = new ArrayList<>();
    final List<Speaker> speakers = new ArrayList<>();

    Resolution(long seq, String id, String title, String proposer, String text, Upstream upstream) {
        this.seq = seq;
        this.id = id;
        this.title = title;
        this.proposer = proposer;
        this.originalText = text;
        this.workingText = text;
        this.upstream = upstream;
    }

    public long seq() { return seq; }
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
    /** The vote that decided the outcome (see MEETING-FORMAT.md, "replay"), if any. */
    public Optional<RecordedVote> decidingVote() { return Optional.ofNullable(decidingVote); }
    public boolean carriedForward() { return carriedForward; }
    public String plan() { return plan; }
    public boolean adjournedInPlanning() { return adjournedInPlanning; }
    public Long discussionMinutes() { return discussionMinutes; }
    public Optional<ObjectionCount> objections() { return Optional.ofNullable(objections); }
    public List<RecordedVote> votes() { return Collections.unmodifiableList(votes); }
    public List<GrievanceCategory> grievances() { return Collections.unmodifiableList(grievances); }
    public List<Amendment> amendments() { return Collections.unmodifiableList(amendments); }
    public List<Delegate> delegates() { return Collections.unmodifiableList(delegates); }
    public List<Speaker> speakers() { return Collections.unmodifiableList(speakers); }

    /**
     * Open, so that no other resolution may be presented: no outcome yet, or passed and still in planning
     * without the meeting having adjourned there.
     */
    public boolean isOpen() {
        return stage != Stage.CLOSED && !adjournedInPlanning;
    }

    /** The round the ladder is in: 1, 2, or 0 outside the rounds. */
    public int round() {
        return stage == Stage.ROUND_1 ? 1 : stage == Stage.ROUND_2 ? 2 : 0;
    }

    boolean boardClosed() { return boardClosed; }

    void closeBoard() { boardClosed = true; }

    void moveTo(Stage next) {
        stage = next;
        boardClosed = false;
    }

    void decide(Outcome decided, Route how, RecordedVote by) {
        outcome = decided;
        route = how;
        decidingVote = by;
        moveTo(decided == Outcome.PASSED ? Stage.PLANNING : Stage.CLOSED);
    }

    void dismiss() { outcome = Outcome.DISMISSED; }

    void withdraw() {
        outcome = Outcome.WITHDRAWN;
        moveTo(Stage.CLOSED);
    }

    void carryForward(String summary) {
        carriedForward = true;
        plan = summary;
        moveTo(Stage.CLOSED);
    }

    void adjournInPlanning() { adjournedInPlanning = true; }

    void discuss(Long minutes) {
        if (minutes != null) {
            discussionMinutes = minutes;
        }
    }

    void recordObjections(ObjectionCount count) { objections = count; }

    void amendText(String newText) { workingText = newText; }
}
