package org.folkmoot.app.projector;

import java.util.Comparator;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.folkmoot.app.hall.BodyWords;
import org.folkmoot.app.hall.Hall;
import org.folkmoot.app.hall.StandingBusiness;
import org.folkmoot.app.hall.TrackedChange;
import org.folkmoot.app.hall.TrackedChange.Run;
import org.folkmoot.procedure.Action;
import org.folkmoot.procedure.Amendment;
import org.folkmoot.procedure.Delegate;
import org.folkmoot.procedure.Fraction;
import org.folkmoot.procedure.GrievanceCategory;
import org.folkmoot.procedure.Meeting;
import org.folkmoot.procedure.RecordedVote;
import org.folkmoot.procedure.Resolution;
import org.folkmoot.procedure.Rules;
import org.folkmoot.procedure.Sitting;
import org.folkmoot.procedure.Stage;
import org.folkmoot.procedure.Tally;
import org.folkmoot.procedure.Words;
import org.folkmoot.session.MeetingSession;
import org.folkmoot.verdict.CommunityKey;
import org.folkmoot.verdict.Ed25519Keys;
import org.folkmoot.verdict.Program;
import org.folkmoot.verdict.VerdictPayload;

/**
 * What the room sees, derived from the meeting after every recorded action. Read-only by construction. It
 * listens to the session (every entry committed, whichever window took it) and to the hall (the change the
 * console is drafting, and the words), never to the console itself.
 */
public final class ProjectorViewModel {

    private final MeetingSession session;
    private final Hall hall;
    private final CommunityKey key;
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty source = new SimpleStringProperty("");
    private final ObservableList<Run> text = FXCollections.observableArrayList();
    private final StringProperty tallyTitle = new SimpleStringProperty("");
    private final StringProperty tallyWords = new SimpleStringProperty("");
    private final DoubleProperty support = new SimpleDoubleProperty(-1);
    private final DoubleProperty threshold = new SimpleDoubleProperty(0);
    private final BooleanProperty reached = new SimpleBooleanProperty();
    private final ObservableList<String> categories = FXCollections.observableArrayList();
    private final StringProperty outcome = new SimpleStringProperty("");
    private final StringProperty fingerprint = new SimpleStringProperty("");
    private final javafx.beans.property.BooleanProperty provisional = new javafx.beans.property.SimpleBooleanProperty(false);
    private final IntegerProperty ladderStep = new SimpleIntegerProperty(-1);
    private final StringProperty meetingLine = new SimpleStringProperty("");
    private final ObservableList<StandingBusiness.Section> standing = FXCollections.observableArrayList();
    private final StringProperty standingTitle = new SimpleStringProperty("");

    public ProjectorViewModel(MeetingSession session, Hall hall, CommunityKey key) {
        this.session = session;
        this.hall = hall;
        this.key = key;
        session.onRecorded(this::refresh);
        // an amendment being written shows to the room as it is typed, as on the console: struck and proposed
        hall.draft().addListener((javafx.collections.ListChangeListener<Run>) c -> refresh());
        refresh();
    }

    public ReadOnlyStringProperty titleProperty() { return title; }
    /** For a resolution from a higher body: who sent it and by when it wants the verdict; empty otherwise. */
    public ReadOnlyStringProperty sourceProperty() { return source; }
    public ObservableList<Run> text() { return text; }
    public ReadOnlyStringProperty tallyTitleProperty() { return tallyTitle; }
    public ReadOnlyStringProperty tallyWordsProperty() { return tallyWords; }
    /** The latest tally's support as a share of 1, or -1 when there is none to show. */
    public ReadOnlyDoubleProperty supportProperty() { return support; }
    public ReadOnlyDoubleProperty thresholdProperty() { return threshold; }
    public ReadOnlyBooleanProperty reachedProperty() { return reached; }
    public ObservableList<String> categories() { return categories; }
    public ReadOnlyStringProperty outcomeProperty() { return outcome; }
    public ReadOnlyStringProperty fingerprintProperty() { return fingerprint; }
    /**
     * Whether the fingerprint shown may still change: until the meeting closes (its adjourn), each planning entry
     * changes the verdict it would issue; read aloud before then, it would not match the minutes.
     */
    public javafx.beans.property.ReadOnlyBooleanProperty provisionalProperty() { return provisional; }
    public ReadOnlyIntegerProperty ladderStepProperty() { return ladderStep; }
    public ObservableList<String> ladder() { return hall.ladder(); }
    /** Which of the book's meetings this is, from the second on (the first needs no number). */
    public ReadOnlyStringProperty meetingLineProperty() { return meetingLine; }
    /** The standing business, shown when no resolution is in hand (none this meeting yet); empty otherwise. */
    public ObservableList<StandingBusiness.Section> standing() { return standing; }
    /** Its heading, or empty when it is not shown. */
    public ReadOnlyStringProperty standingTitleProperty() { return standingTitle; }

    /**
     * "Now speaking: Ana — 1:23", and "… — 1:23 of 3:00" where the stage limits a speaker (a plea); empty while
     * nobody holds the floor. It follows the clock second by second.
     */
    public javafx.beans.binding.StringBinding nowSpeaking(org.folkmoot.app.hall.MeetingClock clock) {
        return javafx.beans.binding.Bindings.createStringBinding(() -> {
            String who = clock.speakerProperty().get();
            if (who == null || who.isEmpty()) return "";
            String spoken = org.folkmoot.app.hall.MeetingClock.shortTime(clock.speakingProperty().get());
            int limit = clock.speakingLimitProperty().get();
            return limit > 0 ? Words.format(words("projector.speaking.limit"), who, spoken, org.folkmoot.app.hall.MeetingClock.shortTime(limit))
                    : Words.format(words("projector.speaking"), who, spoken);
        }, clock.speakerProperty(), clock.speakingProperty(), clock.speakingLimitProperty());
    }

    private void refresh() {
        Meeting m = session.meeting();
        Sitting sitting = m.book().meeting();
        meetingLine.set(sitting.number() > 1 ? StandingBusiness.meetingLine(sitting, hall.text()) : "");
        Resolution r = shown(m);
        text.clear();
        categories.clear();
        // with no resolution in hand, the room sees what stands open in the book (a resolution's screen keeps
        // its outcome and fingerprint in sight instead)
        List<StandingBusiness.Section> open = r == null ? StandingBusiness.of(m.book(), hall.text()) : List.of();
        standing.setAll(open);
        standingTitle.set(r != null ? "" : open.isEmpty() ? words("projector.standing.none") : words("standing.title"));
        source.set(r == null ? "" : source(r.upstream()));
        if (r == null) {
            ladderStep.set(-1);
            title.set(m.header().community().name());
            tallyTitle.set("");
            tallyWords.set("");
            support.set(-1);
            outcome.set("");
            fingerprint.set("");
            provisional.set(false);
            return;
        }
        ladderStep.set(Hall.ladderIndex(r));
        title.set(r.id() + " — " + r.title());
        // the tracked change being typed on the console (an amendment or its vote), else the text as it stands
        text.setAll(hall.draft().isEmpty() ? TrackedChange.of(r) : List.copyOf(hall.draft()));
        if (r.stage().isRound()) {
            for (GrievanceCategory g : r.grievances()) {
                if (g.round() == r.round()) {
                    categories.add(g.category() + "  ·  " + g.members() + "  ·  " + g.delegate()
                            + (g.agreement() == null ? "" : "  ·  " + Words.format(words("projector.agreement"),
                                    g.agreement().inFavour(), g.agreement().against())));
                }
            }
        }
        latestTally(m, r);
        if (r.outcome().isPresent()) {
            outcome.set(hall.say(r.outcome().get()).toUpperCase(hall.locale())
                    + r.route().map(x -> " · " + hall.say(x)).orElse("")
                    + (r.carriedForward() ? " · " + words("projector.carried-forward") : ""));
            byte[] payload = VerdictPayload.build(m, r, session.record(), key.publicKey(), Program.nameAndVersion());
            fingerprint.set(Ed25519Keys.fingerprint(payload));
            provisional.set(!m.adjourned());
        } else {
            outcome.set("");
            fingerprint.set("");
            provisional.set(false);
        }
    }

    /**
     * "From Millbrook (municipality M7) — verdict wanted by 20 December 2026" when its proposal is kept here;
     * else what the record says: "From municipality M7, its resolution M7-R4". Empty for the Community's own.
     */
    private String source(org.folkmoot.procedure.Upstream up) {
        if (up == null) return "";
        return hall.keptProposal(up.proposalSha256())
                .filter(p -> p.body().level().equals(up.level()) && p.body().id().equals(up.body())
                        && p.resolution().equals(up.resolution()) && p.textSha256().equals(up.textSha256()))
                .map(p -> Words.format(words("projector.from"), BodyWords.named(p.body(), hall.text()), hall.day(p.reportBy())))
                .orElseGet(() -> Words.format(words("projector.from.unkept"), BodyWords.level(up.level(), hall.text()), up.body(), up.resolution()));
    }

    /**
     * The resolution the room follows: the one this meeting's latest entry about a resolution concerned (a
     * contention vote on R1 while R2 is on the ladder shows R1 until R2's next step); before any, one still on
     * the ladder from an earlier meeting; else none, and the standing business is shown.
     */
    static Resolution shown(Meeting m) {
        Sitting sitting = m.book().meeting();
        for (long seq = m.size(); seq >= sitting.firstSeq() && seq >= 1; seq--) {
            String id = concerns(m, seq, m.effective(seq));
            if (id != null) return m.book().resolution(id).orElse(null);
        }
        Resolution latest = m.current().orElse(null);
        return latest != null && latest.undecided() ? latest : null;
    }

    /** The id of the resolution entry {@code seq} concerns, or null for an entry about none (attendance, a note). */
    private static String concerns(Meeting m, long seq, Action a) {
        String named;
        if (a instanceof Action.Present p) named = p.resolution();
        else if (a instanceof Action.Vote v) named = v.resolution();
        else if (a instanceof Action.Elect e) named = e.resolution();
        else if (a instanceof Action.CarryForward c) named = c.resolution();
        else if (a instanceof Action.Dismiss d) named = d.resolution();
        else if (a instanceof Action.Recall rc) {
            named = rc.resolution() != null ? rc.resolution() : m.resolutions().stream()
                    .filter(x -> x.delegates().stream().anyMatch(d -> d.recallVotes().stream().anyMatch(v -> v.seq() == seq)))
                    .map(Resolution::id).findFirst().orElse(null);
        } else if (a instanceof Action.Attendance || a instanceof Action.Note || a instanceof Action.Adjourn
                || a instanceof Action.Resume || a instanceof Action.NextMeeting || a instanceof Action.Correct) {
            named = ""; // about no resolution
        } else {
            named = null;
        }
        if (named != null) return named.isEmpty() ? null : named;
        // an entry naming none concerns the latest resolution presented before it
        Resolution before = null;
        for (Resolution x : m.resolutions()) if (x.seq() < seq) before = x;
        return before == null ? null : before.id();
    }

    /** The resolution's latest tally, whichever it was: a vote, an amendment's vote, an election or a recall. */
    private void latestTally(Meeting m, Resolution r) {
        Rules rules = m.header().rules();
        RecordedVote vote = r.votes().isEmpty() ? null : r.votes().get(r.votes().size() - 1);
        Amendment amendment = r.amendments().stream().filter(Amendment::voted)
                .max(Comparator.comparingLong(Amendment::voteSeq)).orElse(null);
        Delegate elected = r.delegates().stream().max(Comparator.comparingLong(Delegate::seq)).orElse(null);
        Delegate recalled = null;
        Delegate.RecallVote recall = null;
        for (Delegate d : r.delegates()) {
            for (Delegate.RecallVote v : d.recallVotes()) {
                if (recall == null || v.seq() > recall.seq()) {
                    recall = v;
                    recalled = d;
                }
            }
        }
        long latest = Math.max(Math.max(vote == null ? 0 : vote.seq(), amendment == null ? 0 : amendment.voteSeq()),
                Math.max(elected == null ? 0 : elected.seq(), recall == null ? 0 : recall.seq()));
        String more = Words.format(words("projector.more-than"), rules.election());
        if (latest == 0) {
            tallyTitle.set(r.stage() == Stage.CHECK_1 ? words("projector.check-1-next") : "");
            tallyWords.set("");
            support.set(-1);
        } else if (recall != null && recall.seq() == latest) {
            show(Words.format(words("projector.recall"), recalled.name()), recall.tally(), recall.support(), rules.election(),
                    recall.recalled(), words(recall.recalled() ? "projector.recalled" : "projector.not-recalled"), more);
        } else if (elected != null && elected.seq() == latest) {
            show(Words.format(words("projector.election"), elected.name()), elected.tally(), elected.support(), rules.election(),
                    elected.elected(), words(elected.elected() ? "projector.elected" : "projector.not-elected"), more);
        } else if (amendment != null && amendment.voteSeq() == latest) {
            show(Words.format(words("projector.amendment"), amendment.id(), amendment.category()), amendment.tally(),
                    amendment.support(), rules.amendment(), amendment.adopted(),
                    words(amendment.adopted() ? "projector.adopted" : "projector.rejected"),
                    Words.format(words("projector.more-than"), rules.amendment()));
        } else {
            Fraction t = rules.threshold(vote.stage());
            String result = switch (vote.stage()) {
                case CHECK_1, CHECK_2 -> vote.reached() ? "projector.consensus" : "projector.no-consensus";
                case FINAL -> vote.reached() ? "projector.passed" : "projector.not-passed";
                case CONTENTION -> vote.reached() ? "projector.kept" : "projector.tabled";
            };
            show(words("projector.vote." + vote.stage().word()), vote.tally(), vote.support(), t, vote.reached(),
                    words(result), t.toString());
        }
    }

    private String words(String key) {
        return hall.text().getString(key);
    }

    private void show(String what, Tally tally, Fraction s, Fraction t, boolean ok, String result, String needs) {
        tallyTitle.set(what);
        support.set(s.denominator() == 0 ? 0 : (double) s.numerator() / s.denominator()); // drawing only
        threshold.set((double) t.numerator() / t.denominator());
        reached.set(ok);
        tallyWords.set(Words.format(words("projector.tally"), tally.inFavour(), tally.against(), tally.abstain(),
                s, hall.percent(s), needs, result));
    }
}
