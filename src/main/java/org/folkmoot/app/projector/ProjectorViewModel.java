package org.folkmoot.app.projector;

import java.util.ArrayList;
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
import org.folkmoot.app.console.ConsoleViewModel;
import org.folkmoot.minutes.Minutes;
import org.folkmoot.procedure.Amendment;
import org.folkmoot.procedure.Fraction;
import org.folkmoot.procedure.GrievanceCategory;
import org.folkmoot.procedure.Meeting;
import org.folkmoot.procedure.RecordedVote;
import org.folkmoot.procedure.Resolution;
import org.folkmoot.procedure.Rules;
import org.folkmoot.procedure.Stage;
import org.folkmoot.procedure.Tally;
import org.folkmoot.verdict.CommunityKey;
import org.folkmoot.verdict.Ed25519Keys;
import org.folkmoot.verdict.Program;
import org.folkmoot.verdict.VerdictPayload;

/** What the room sees, derived from the meeting after every recorded action. Read-only by construction. */
public final class ProjectorViewModel {

    /** How a run of the text is shown. */
    public enum Mark {
        PLAIN, ADOPTED, STRUCK, PROPOSED
    }

    /** A run of the working text: plain, put in by an adopted amendment, or a proposed change still to be voted. */
    public record Run(String text, Mark mark) {
        public boolean inserted() {
            return mark == Mark.ADOPTED;
        }
    }

    private final ConsoleViewModel console;
    private final CommunityKey key;
    private final StringProperty title = new SimpleStringProperty("");
    private final ObservableList<Run> text = FXCollections.observableArrayList();
    private final StringProperty tallyTitle = new SimpleStringProperty("");
    private final StringProperty tallyWords = new SimpleStringProperty("");
    private final DoubleProperty support = new SimpleDoubleProperty(-1);
    private final DoubleProperty threshold = new SimpleDoubleProperty(0);
    private final BooleanProperty reached = new SimpleBooleanProperty();
    private final ObservableList<String> categories = FXCollections.observableArrayList();
    private final StringProperty outcome = new SimpleStringProperty("");
    private final StringProperty fingerprint = new SimpleStringProperty("");
    private final IntegerProperty ladderStep = new SimpleIntegerProperty(-1);

    public ProjectorViewModel(ConsoleViewModel console, CommunityKey key) {
        this.console = console;
        this.key = key;
        console.revisionProperty().addListener((o, was, now) -> refresh());
        refresh();
    }

    public ReadOnlyStringProperty titleProperty() { return title; }
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
    public ReadOnlyIntegerProperty ladderStepProperty() { return ladderStep; }
    public ObservableList<String> ladder() { return console.ladder(); }

    private void refresh() {
        Meeting m = console.session().meeting();
        ladderStep.set(console.ladderStepProperty().get());
        Resolution r = m.current().orElse(null);
        text.clear();
        categories.clear();
        if (r == null) {
            title.set(m.header().community().name());
            tallyTitle.set("");
            tallyWords.set("");
            support.set(-1);
            outcome.set("");
            fingerprint.set("");
            return;
        }
        title.set(r.id() + " — " + r.title());
        text.setAll(runs(r));
        if (r.stage().isRound()) {
            for (GrievanceCategory g : r.grievances()) {
                if (g.round() == r.round()) {
                    categories.add(g.category() + "  ·  " + g.members() + "  ·  " + g.delegate()
                            + (g.agreement() == null ? "" : "  ·  " + String.format(words("projector.agreement"),
                                    g.agreement().inFavour(), g.agreement().against())));
                }
            }
        }
        latestTally(m, r);
        if (r.outcome().isPresent()) {
            outcome.set(console.say(r.outcome().get()).toUpperCase(console.locale())
                    + r.route().map(x -> " · " + console.say(x)).orElse("")
                    + (r.carriedForward() ? " · " + words("projector.carried-forward") : ""));
            byte[] payload = VerdictPayload.build(m, r, console.session().record(), key.publicKey(), Program.nameAndVersion());
            fingerprint.set(Ed25519Keys.fingerprint(payload));
        } else {
            outcome.set("");
            fingerprint.set("");
        }
    }

    /**
     * The working text, with what adopted amendments put in marked, and the amendment waiting for its vote
     * shown as a tracked change: its passage struck, its replacement proposed.
     */
    static List<Run> runs(Resolution r) {
        String t = r.workingText();
        List<int[]> marks = new ArrayList<>(); // {start, end, kind}: 0 adopted, 1 pending
        for (Amendment a : r.amendments()) {
            if (!a.adopted() || a.replace().isEmpty()) continue;
            int at = t.indexOf(a.replace());
            if (at >= 0 && t.indexOf(a.replace(), at + 1) < 0) marks.add(new int[] {at, at + a.replace().length(), 0});
        }
        Amendment pending = r.amendments().stream().filter(a -> !a.voted() && a.round() == r.round()).reduce((a, b) -> b).orElse(null);
        if (pending != null) {
            int at = t.indexOf(pending.find());
            if (at >= 0 && t.indexOf(pending.find(), at + 1) < 0) {
                int end = at + pending.find().length();
                marks.removeIf(m -> m[0] < end && at < m[1]);
                marks.add(new int[] {at, end, 1});
            }
        }
        marks.sort(Comparator.comparingInt(x -> x[0]));
        List<Run> runs = new ArrayList<>();
        int pos = 0;
        for (int[] mark : marks) {
            if (mark[0] < pos) continue; // overlapping changes: the first one shown
            if (mark[0] > pos) runs.add(new Run(t.substring(pos, mark[0]), Mark.PLAIN));
            if (mark[2] == 1) {
                runs.add(new Run(t.substring(mark[0], mark[1]), Mark.STRUCK));
                if (!pending.replace().isEmpty()) {
                    runs.add(new Run(" ", Mark.PLAIN)); // the struck and the proposed passages stand apart
                    runs.add(new Run(pending.replace(), Mark.PROPOSED));
                }
            } else {
                runs.add(new Run(t.substring(mark[0], mark[1]), Mark.ADOPTED));
            }
            pos = mark[1];
        }
        if (pos < t.length()) runs.add(new Run(t.substring(pos), Mark.PLAIN));
        return runs;
    }

    private void latestTally(Meeting m, Resolution r) {
        Rules rules = m.header().rules();
        RecordedVote vote = r.votes().isEmpty() ? null : r.votes().get(r.votes().size() - 1);
        Amendment amendment = r.amendments().stream().filter(Amendment::voted)
                .max(Comparator.comparingLong(Amendment::voteSeq)).orElse(null);
        if (amendment != null && (vote == null || amendment.voteSeq() > vote.seq())) {
            show(String.format(words("projector.amendment"), amendment.id(), amendment.category()), amendment.tally(),
                    amendment.support(), rules.amendment(), amendment.adopted(),
                    words(amendment.adopted() ? "projector.adopted" : "projector.rejected"),
                    String.format(words("projector.more-than"), rules.amendment()));
        } else if (vote != null) {
            Fraction t = rules.threshold(vote.stage());
            String result = switch (vote.stage()) {
                case CHECK_1, CHECK_2 -> vote.reached() ? "projector.consensus" : "projector.no-consensus";
                case FINAL -> vote.reached() ? "projector.passed" : "projector.not-passed";
                case CONTENTION -> vote.reached() ? "projector.kept" : "projector.tabled";
            };
            show(words("projector.vote." + vote.stage().word()), vote.tally(), vote.support(), t, vote.reached(),
                    words(result), t.toString());
        } else {
            tallyTitle.set(r.stage() == Stage.CHECK_1 ? words("projector.check-1-next") : "");
            tallyWords.set("");
            support.set(-1);
        }
    }

    private String words(String key) {
        return console.text().getString(key);
    }

    private void show(String what, Tally tally, Fraction s, Fraction t, boolean ok, String result, String needs) {
        tallyTitle.set(what);
        support.set(s.denominator() == 0 ? 0 : (double) s.numerator() / s.denominator()); // drawing only
        threshold.set((double) t.numerator() / t.denominator());
        reached.set(ok);
        tallyWords.set(String.format(words("projector.tally"), tally.inFavour(), tally.against(), tally.abstain(),
                s, Minutes.percent(s), needs, result));
    }
}
