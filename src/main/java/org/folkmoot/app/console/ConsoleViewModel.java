package org.folkmoot.app.console;

import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.folkmoot.app.hall.BodyWords;
import org.folkmoot.app.hall.Hall;
import org.folkmoot.app.hall.StandingBusiness;
import org.folkmoot.app.hall.TrackedChange;
import org.folkmoot.procedure.Action;
import org.folkmoot.procedure.ActionKind;
import org.folkmoot.procedure.Amendment;
import org.folkmoot.procedure.EntryWords;
import org.folkmoot.procedure.Meeting;
import org.folkmoot.procedure.Reason;
import org.folkmoot.procedure.Resolution;
import org.folkmoot.procedure.Words;
import org.folkmoot.proposal.Bodies;
import org.folkmoot.proposal.Proposal;
import org.folkmoot.record.ActionCodec;
import org.folkmoot.record.FormatException;
import org.folkmoot.session.MeetingSession;
import org.folkmoot.files.DataFolder;

/**
 * The facilitator's console as state: where the ladder stands, which actions it offers (and why not the
 * others), the form of the chosen action with its live tally, the history. It never touches a control;
 * the view binds to it. Recording goes through the {@link MeetingSession}: checked, committed, then shown.
 */
public final class ConsoleViewModel {

    /** One action the console can offer, enabled or not, with the reason when not. */
    public static final class Option {
        private final ActionKind kind;
        private final String label;
        private final BooleanProperty enabled = new SimpleBooleanProperty();
        private final StringProperty reason = new SimpleStringProperty("");

        Option(ActionKind kind, String label) {
            this.kind = kind;
            this.label = label;
        }

        public ActionKind kind() { return kind; }
        public String label() { return label; }
        public ReadOnlyBooleanProperty enabledProperty() { return enabled; }
        public ReadOnlyStringProperty reasonProperty() { return reason; }
    }

    /** One field of the form: what it is, its label, what has been typed, and the choices where it is a choice. */
    public static final class FieldModel {
        private final ActionFields.Field field;
        private final String label;
        private final BooleanProperty locked = new SimpleBooleanProperty(false);
        /** While locked (a body's proposal fills it) the value cannot be changed, whoever sets it. */
        private final StringProperty value = new SimpleStringProperty("") {
            @Override
            public void set(String now) {
                if (!locked.get()) super.set(now);
            }
        };
        private final ObservableList<String> choices = FXCollections.observableArrayList();
        /** What each choice writes into the entry (a resolution's id; a delegate's name and resolution). */
        private final Map<String, Map<String, String>> meanings = new HashMap<>();

        FieldModel(ActionFields.Field field, String label) {
            this.field = field;
            this.label = label;
        }

        public ActionFields.Field field() { return field; }
        public String label() { return label; }
        public StringProperty valueProperty() { return value; }
        public ObservableList<String> choices() { return choices; }
        /** Whether the value came from a body's proposal and stays as it is. */
        public ReadOnlyBooleanProperty lockedProperty() { return locked; }

        void lock(String fixed) {
            locked.set(false);
            value.set(fixed);
            locked.set(true);
        }

        void choice(String shown, Map<String, String> writes) {
            choices.add(shown);
            meanings.put(shown, writes);
        }

        /** The fields the chosen value writes, or null when it is not one of the choices (typed as it is). */
        Map<String, String> meaning() {
            return meanings.get(value.get());
        }
    }

    private final MeetingSession session;
    private final ResourceBundle text;
    /** Where the meeting stands, as shown. */
    private final MeetingShown shown;
    /** A body's proposal: read, checked, kept. */
    private final ProposalForm proposals;
    /** The form checked as it is typed. */
    private final LiveChecks checks;
    /** The form read as an entry. */
    private final FormLine line;
    /** The form's fields as it opens. */
    private final FormFields forms;
    /** The body's proposal the present form is filled from, or null for the Community's own resolution. */
    private final ObjectProperty<Proposal> proposal = new SimpleObjectProperty<>();
    private final StringProperty proposalLine = new SimpleStringProperty("");
    /** What the room's screen shares with this console: the words, the proposals kept, the draft of a change. */
    private final Hall hall;
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty messageIsRefusal = new SimpleBooleanProperty();
    private final ObservableList<Option> options = FXCollections.observableArrayList();
    private final ObjectProperty<ActionKind> selected = new SimpleObjectProperty<>();
    private final ObservableList<FieldModel> fields = FXCollections.observableArrayList();
    private final BooleanProperty twoTellers = new SimpleBooleanProperty(false);
    /** The second teller's counts are keyed as the first's, after this. */
    static final String SECOND = "teller2.";
    /** The fields of the entry that follows from the one corrected (a check's objections). */
    static final String FOLLOWS = "follows.";
    /** The room's timer and queue, once the console runs them; null until then. */
    private TimerAndQueueViewModel speakers;

    public ConsoleViewModel(MeetingSession session, ResourceBundle text) {
        this(session, text, DataFolder.path());
    }

    /** A console whose bodies enrolled and proposals kept are in {@code dataFolder} (this laptop's, or a test's). */
    public ConsoleViewModel(MeetingSession session, ResourceBundle text, java.nio.file.Path dataFolder) {
        this.session = session;
        this.text = text;
        this.hall = new Hall(text, dataFolder);
        this.proposals = new ProposalForm(dataFolder, text, hall);
        this.shown = new MeetingShown(this, text);
        this.forms = new FormFields(this, fields);
        this.line = new FormLine(this, fields, forms);
        this.checks = new LiveChecks(this, fields, line);
        for (ActionKind kind : Meeting.KINDS) options.add(new Option(kind, text.getString("action." + kind.word())));
        selected.addListener((o, was, kind) -> buildForm(kind));
        twoTellers.addListener((o, was, now) -> buildForm(selected.get()));
        refresh();
    }

    // ---- what the view binds to -------------------------------------------------------------------

    public ReadOnlyStringProperty stageLineProperty() { return shown.stageLine; }
    public ReadOnlyStringProperty nextStepProperty() { return shown.nextStep; }
    public ReadOnlyStringProperty resolutionTitleProperty() { return shown.resolutionTitle; }
    public ReadOnlyStringProperty workingTextProperty() { return shown.workingText; }
    public ReadOnlyStringProperty messageProperty() { return message; }
    public ReadOnlyBooleanProperty messageIsRefusalProperty() { return messageIsRefusal; }
    public ReadOnlyStringProperty presentLineProperty() { return shown.presentLine; }
    /** Which of the book's meetings this is: "Meeting 2 · 2026-12-03 · Riverside hall". */
    public ReadOnlyStringProperty meetingLineProperty() { return shown.meetingLine; }
    // one read-only view of each list, kept: a wrapper made per call listens weakly and is collected with its listeners
    private final ObservableList<Option> optionsView = FXCollections.unmodifiableObservableList(options);
    private final ObservableList<FieldModel> fieldsView = FXCollections.unmodifiableObservableList(fields);

    public ObservableList<String> ladder() { return hall.ladder(); }
    public ReadOnlyIntegerProperty ladderStepProperty() { return shown.ladderStep; }
    public ObservableList<Option> options() { return optionsView; }
    public ObjectProperty<ActionKind> selectedProperty() { return selected; }
    public ObservableList<FieldModel> fields() { return fieldsView; }
    public ReadOnlyStringProperty supportLineProperty() { return checks.supportLine(); }
    public ReadOnlyStringProperty sumLineProperty() { return checks.sumLine(); }
    public ReadOnlyBooleanProperty sumOkProperty() { return checks.sumOk(); }
    /** With two tellers: where their counts differ so far, in words; empty while they agree. */
    public ReadOnlyStringProperty tellersLineProperty() { return checks.tellersLine(); }
    /** The keys of the fields the live check finds wrong (both of a pair that must agree): the view marks them. */
    public javafx.collections.ObservableSet<String> wrongFields() { return checks.wrongFields(); }
    public ObservableList<String> history() { return shown.historyView; }
    /** What the book holds open: resolutions in planning, tabled ones, delegates serving. */
    public ObservableList<StandingBusiness.Section> standing() { return shown.standingView; }
    /** During a round: how many of the round's objectors its categories hold so far. */
    public ReadOnlyStringProperty boardLineProperty() { return shown.boardLine; }

    /** Two-teller mode: every tally is counted twice, independently, and recorded only when both agree. */
    public BooleanProperty twoTellersProperty() { return twoTellers; }

    /** The amendment being written or voted, as a tracked change in the working text; empty otherwise. */
    public ObservableList<TrackedChange.Run> preview() { return hall.draft(); }
    /** What the room's screen shares with this console: the words, the proposals kept, the draft of a change. */
    public Hall hall() { return hall; }
    public MeetingSession session() { return session; }
    /** The body's proposal being presented (the form's text locked to it), or null. */
    public ReadOnlyObjectProperty<Proposal> proposalProperty() { return proposal; }
    /** Where the proposal being presented comes from, by when, and its fingerprint; empty without one. */
    public ReadOnlyStringProperty proposalLineProperty() { return proposalLine; }

    /** Shows the meeting again as the session holds it (after actions recorded elsewhere: a rehearsal's script). */
    public void reload() {
        ActionKind before = selected.get();
        refresh();
        if (before != null && before == selected.get()) buildForm(before);
    }

    public Optional<FieldModel> field(String key) {
        return fields.stream().filter(f -> f.field().key().equals(key)).findFirst();
    }

    // ---- the speakers and the timer ---------------------------------------------------------------

    /**
     * Runs the room's timer and queue with the meeting: from now on each change of stage ends the old stage's
     * queue and timer, and a delegate's plea gives them the floor. The seconds pass only by hand ({@link
     * TimerAndQueueViewModel#tick()}): a test's; the console's screen gives its own {@link TimerAndQueueViewModel.Ticks}.
     */
    public void useClock(org.folkmoot.app.hall.MeetingClock clock) {
        useClock(clock, tick -> { });
    }

    /** Runs the room's timer and queue with the meeting, its seconds passing with {@code ticks}. */
    public void useClock(org.folkmoot.app.hall.MeetingClock clock, TimerAndQueueViewModel.Ticks ticks) {
        speakers = new TimerAndQueueViewModel(clock, session::meeting, this::spoke, this::refuse, text);
        speakers.tickWith(ticks);
    }

    /** The timer and the speakers' queue the console runs; null until {@link #useClock}. */
    public TimerAndQueueViewModel speakers() { return speakers; }

    /**
     * The next in the queue takes the floor ({@link TimerAndQueueViewModel#next()}).
     *
     * @return who, or null when the queue is empty (or there is none)
     */
    public String nextSpeaker() {
        return speakers == null ? null : speakers.next();
    }

    /** {@code who} is recorded as having spoken, through the speak form like any entry. */
    private void spoke(String who) {
        selected.set(ActionKind.SPEAK);
        field("name").ifPresent(f -> f.valueProperty().set(who));
        record();
    }

    // ---- a body's proposal ------------------------------------------------------------------------

    /**
     * Opens a body's proposal and fills the present form from it, its text and source locked; only the
     * Community's own resolution id may be changed. A file that is not a proposal, whose signature does not
     * hold for an enrolled body, or that cannot be read, is refused in the message line and changes nothing.
     *
     * @return true when the form was filled
     */
    public boolean presentProposal(java.nio.file.Path file) {
        if (session.meeting().whyNot(ActionKind.PRESENT).isPresent()) {
            explain(ActionKind.PRESENT);
            return false;
        }
        Bodies.Checked checked;
        try {
            checked = proposals.open(file);
        } catch (ProposalForm.Refused e) {
            return refuse(e.getMessage());
        }
        proposal.set(checked.proposal());
        if (selected.get() == ActionKind.PRESENT) buildForm(ActionKind.PRESENT); else selected.set(ActionKind.PRESENT);
        message.set(Words.format(text.getString("console.proposal.taken"), BodyWords.named(checked.proposal().body(), text),
                checked.signedBy()));
        messageIsRefusal.set(false);
        return true;
    }

    /** Not this proposal: the present form is the Community's own again, empty and open. */
    public void clearProposal() {
        if (proposal.get() == null) return;
        proposal.set(null);
        if (selected.get() == ActionKind.PRESENT) buildForm(ActionKind.PRESENT);
        else proposalLine.set("");
    }

    // ---- recording --------------------------------------------------------------------------------

    /**
     * Records the chosen action from the form. On a refusal nothing is recorded and the form keeps what was
     * typed, so the facilitator can mend it.
     *
     * @return true when the action was recorded
     */
    public boolean record() {
        ActionKind kind = selected.get();
        if (kind == null) return false;
        Meeting meeting = session.meeting();
        Optional<Reason> why = meeting.whyNot(kind);
        if (why.isPresent()) return refuse(say(why.get()));
        String differ = checks.tellersDiffer(false);
        if (differ != null) return refuse(differ);
        String problem = line.formProblem();
        if (problem != null) return refuse(problem);
        Action action;
        try {
            action = ActionCodec.read(line.formJson(kind));
        } catch (FormatException e) {
            return refuse(e.getMessage());
        }
        Proposal from = kind == ActionKind.PRESENT ? proposal.get() : null;
        String refused = proposals.take(session, action, from, this::say);
        if (refused != null) return refuse(refused);
        if (from != null) proposal.set(null);
        message.set(text.getString("message.recorded") + " " + say(EntryWords.of(session.meeting(), session.meeting().size(), action)));
        messageIsRefusal.set(false);
        // the form of the step the procedure has come to, fresh: the next number typed lands where it belongs
        ActionKind next = nextForm().orElse(selected.get());
        if (next == selected.get()) {
            refresh();
            if (next == selected.get()) buildForm(next); // refresh may have moved on, had it no longer fitted
        } else {
            selected.set(next);
            refresh();
        }
        if (speakers != null) speakers.recorded(action); // a timed discussion or a plea starts the timer
        return true;
    }

    /** The form the procedure comes to next ({@link Meeting#nextKinds}), or empty when nothing on the ladder is due. */
    public Optional<ActionKind> nextForm() {
        return session.meeting().nextKinds().stream().findFirst();
    }

    /** Says in the message line why an action of {@code kind} is not offered now (nothing when it is). */
    public void explain(ActionKind kind) {
        session.meeting().whyNot(kind).ifPresent(why -> refuse(Words.format(text.getString("message.not-now"),
                text.getString("action." + kind.word()), say(why))));
    }

    private boolean refuse(String reason) {
        message.set(reason);
        messageIsRefusal.set(true);
        return false;
    }

    String value(String key) {
        return field(key).map(f -> f.valueProperty().get()).orElse("");
    }

    // ---- the state shown --------------------------------------------------------------------------

    private void refresh() {
        Meeting m = session.meeting();
        shown.show(m);
        for (Option o : options) {
            Optional<Reason> why = m.whyNot(o.kind());
            o.enabled.set(why.isEmpty());
            o.reason.set(why.map(this::say).orElse(""));
        }
        shown.showHistory(m);
        if (selected.get() != null && m.whyNot(selected.get()).isPresent()) {
            // the chosen action no longer fits: offer the count at a meeting's start, else the first that fits
            selected.set(m.present() < 0 && !m.adjourned() ? ActionKind.ATTENDANCE
                    : Meeting.KINDS.stream().filter(k -> m.whyNot(k).isEmpty() && k != ActionKind.NOTE && k != ActionKind.ATTENDANCE)
                    .findFirst().orElse(ActionKind.NOTE));
        }
        if (speakers != null) speakers.followStage();
    }

    /**
     * Entry {@code seq} as the history and the correction list both show it, "#6  temperature check 1 on R1: …":
     * its number, then its words as the minutes word it (which vote, on which resolution).
     */
    String numbered(Meeting m, long seq, Action a) {
        return "#" + seq + "  " + say(EntryWords.of(m, seq, a));
    }

    /** An entry in a few words, in the console's language, as the history and the rehearsal show it. */
    public String entryWords(Action a) {
        return say(EntryWords.of(a));
    }

    /** The procedure's words (a reason, a stage, an outcome, a tally) in the console's language. */
    public String say(Object words) {
        return hall.say(words);
    }

    /** A share as a percentage with one decimal, in the console's language where no votes were cast. */
    public String percent(org.folkmoot.procedure.Fraction share) {
        return hall.percent(share);
    }

    /** The console's language: its bundle's (English, the base bundle, has the root locale). */
    public Locale locale() {
        return hall.locale();
    }

    /** The console's words, for the windows that show the same meeting (the projector). */
    public ResourceBundle text() {
        return text;
    }

    private void buildForm(ActionKind kind) {
        fields.clear();
        checks.clear();
        // another action than present leaves the proposal: the present form is the Community's own again
        if (kind != ActionKind.PRESENT) proposal.set(null);
        proposalLine.set("");
        if (kind == null) return;
        List<ActionFields.Field> spec = new ArrayList<>(ActionFields.of(kind));
        for (ActionFields.Field f : spec) fields.add(forms.newField(kind, f));
        forms.prefill(kind);
        if (kind == ActionKind.PRESENT && proposal.get() != null) proposalLine.set(proposals.fill(proposal.get(), this::field));
        if (kind == ActionKind.CORRECT) {
            field("entry").ifPresent(e -> e.valueProperty().addListener((o, was, now) -> forms.correctionCounts(now)));
            field("entry").ifPresent(e -> forms.correctionCounts(e.valueProperty().get()));
        }
        checks.watchTally(kind);
        watchAmendment(kind);
        if (kind == ActionKind.OBJECTIONS) checks.watchObjections();
        if (twoTellers.get()) forms.addSecondTeller(kind);
        checks.watchTellers();
    }

    /** An amendment is shown as a tracked change before it is voted: what goes, struck, and what comes. */
    private void watchAmendment(ActionKind kind) {
        hall.draft(List.of());
        Resolution r = session.meeting().current().orElse(null);
        if (r == null) return;
        Runnable update = () -> {
            String find;
            String replace;
            if (kind == ActionKind.AMEND) {
                find = value("find");
                replace = value("replace");
            } else {
                Amendment a = r.amendments().stream().filter(x -> x.id().equals(value("id"))).findFirst().orElse(null);
                if (a == null) {
                    hall.draft(List.of());
                    return;
                }
                find = a.find();
                replace = a.replace();
            }
            hall.draft(TrackedChange.of(r.workingText(), find, replace));
        };
        if (kind == ActionKind.AMEND) {
            field("find").ifPresent(f -> f.valueProperty().addListener((o, was, now) -> update.run()));
            field("replace").ifPresent(f -> f.valueProperty().addListener((o, was, now) -> update.run()));
            update.run();
        } else if (kind == ActionKind.AMENDMENT_VOTE) {
            field("id").ifPresent(f -> f.valueProperty().addListener((o, was, now) -> update.run()));
            update.run();
        }
    }
}
