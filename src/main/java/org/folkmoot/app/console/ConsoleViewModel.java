package org.folkmoot.app.console;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.folkmoot.app.StandingBusiness;
import org.folkmoot.app.projector.ProjectorViewModel;
import org.folkmoot.files.InputFile;
import org.folkmoot.minutes.Minutes;
import org.folkmoot.procedure.Action;
import org.folkmoot.procedure.ActionKind;
import org.folkmoot.procedure.Amendment;
import org.folkmoot.procedure.Book;
import org.folkmoot.procedure.EntryWords;
import org.folkmoot.procedure.Fraction;
import org.folkmoot.procedure.GrievanceCategory;
import org.folkmoot.procedure.Meeting;
import org.folkmoot.procedure.Reason;
import org.folkmoot.procedure.Refusal;
import org.folkmoot.procedure.Resolution;
import org.folkmoot.procedure.Rules;
import org.folkmoot.procedure.Stage;
import org.folkmoot.procedure.Tally;
import org.folkmoot.procedure.VoteStage;
import org.folkmoot.proposal.Bodies;
import org.folkmoot.proposal.Proposal;
import org.folkmoot.proposal.ProposalShelf;
import org.folkmoot.record.ActionCodec;
import org.folkmoot.record.FormatException;
import org.folkmoot.session.MeetingSession;
import org.folkmoot.store.StoreException;
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
    /** This laptop's data folder: the bodies enrolled, the proposals kept. */
    private final java.nio.file.Path dataFolder;
    /** The body's proposal the present form is filled from, or null for the Community's own resolution. */
    private final ObjectProperty<Proposal> proposal = new SimpleObjectProperty<>();
    private final StringProperty proposalLine = new SimpleStringProperty("");
    /** The proposals found kept, by payload SHA-256: the projector asks after every entry. */
    private final Map<String, Proposal> kept = new java.util.concurrent.ConcurrentHashMap<>();
    private final StringProperty stageLine = new SimpleStringProperty("");
    private final StringProperty nextStep = new SimpleStringProperty("");
    private final StringProperty resolutionTitle = new SimpleStringProperty("");
    private final StringProperty workingText = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty messageIsRefusal = new SimpleBooleanProperty();
    private final StringProperty presentLine = new SimpleStringProperty("");
    private final StringProperty meetingLine = new SimpleStringProperty("");
    private final ObservableList<StandingBusiness.Section> standing = FXCollections.observableArrayList();
    private final ObservableList<String> ladder = FXCollections.observableArrayList();
    private final IntegerProperty ladderStep = new SimpleIntegerProperty(-1);
    private final ObservableList<Option> options = FXCollections.observableArrayList();
    private final ObjectProperty<ActionKind> selected = new SimpleObjectProperty<>();
    private final ObservableList<FieldModel> fields = FXCollections.observableArrayList();
    private final StringProperty supportLine = new SimpleStringProperty("");
    private final StringProperty sumLine = new SimpleStringProperty("");
    private final BooleanProperty sumOk = new SimpleBooleanProperty(true);
    /** With two tellers: where their counts differ so far, in words; empty while they agree. */
    private final StringProperty tellersLine = new SimpleStringProperty("");
    /** The keys of the fields the live check finds wrong (both of a pair that must agree): the view marks them. */
    private final javafx.collections.ObservableSet<String> wrongFields = FXCollections.observableSet();
    private final ObservableList<String> history = FXCollections.observableArrayList();
    private final IntegerProperty revision = new SimpleIntegerProperty();
    private final ObservableList<ProjectorViewModel.Run> preview = FXCollections.observableArrayList();
    private final BooleanProperty twoTellers = new SimpleBooleanProperty(false);
    private final StringProperty boardLine = new SimpleStringProperty("");
    private static final String SECOND = "teller2.";
    /** The fields of the entry that follows from the one corrected (a check's objections). */
    private static final String FOLLOWS = "follows.";
    /** While a correction is written: the seq of the objections that follow from the check it corrects, or 0. */
    private long followsFrom;
    /** The room's timer and queue, once the console runs them; null until then. */
    private TimerAndQueueViewModel speakers;

    public ConsoleViewModel(MeetingSession session, ResourceBundle text) {
        this(session, text, DataFolder.path());
    }

    public ConsoleViewModel(MeetingSession session, ResourceBundle text, java.nio.file.Path dataFolder) {
        this.session = session;
        this.text = text;
        this.dataFolder = dataFolder;
        for (ActionKind kind : Meeting.KINDS) options.add(new Option(kind, text.getString("action." + kind.word())));
        for (String step : new String[] {"presented", "check-1", "objections", "round-1", "check-2", "round-2", "final", "planning", "closed"}) {
            ladder.add(text.getString("ladder." + step));
        }
        selected.addListener((o, was, kind) -> buildForm(kind));
        twoTellers.addListener((o, was, now) -> buildForm(selected.get()));
        refresh();
    }

    // ---- what the view binds to -------------------------------------------------------------------

    public ReadOnlyStringProperty stageLineProperty() { return stageLine; }
    public ReadOnlyStringProperty nextStepProperty() { return nextStep; }
    public ReadOnlyStringProperty resolutionTitleProperty() { return resolutionTitle; }
    public ReadOnlyStringProperty workingTextProperty() { return workingText; }
    public ReadOnlyStringProperty messageProperty() { return message; }
    public ReadOnlyBooleanProperty messageIsRefusalProperty() { return messageIsRefusal; }
    public ReadOnlyStringProperty presentLineProperty() { return presentLine; }
    /** Which of the book's meetings this is: "Meeting 2 · 2026-12-03 · Riverside hall". */
    public ReadOnlyStringProperty meetingLineProperty() { return meetingLine; }
    // one read-only view of each list, kept: a wrapper made per call listens weakly and is collected with its listeners
    private final ObservableList<String> ladderView = FXCollections.unmodifiableObservableList(ladder);
    private final ObservableList<Option> optionsView = FXCollections.unmodifiableObservableList(options);
    private final ObservableList<FieldModel> fieldsView = FXCollections.unmodifiableObservableList(fields);
    private final ObservableList<String> historyView = FXCollections.unmodifiableObservableList(history);
    private final ObservableList<StandingBusiness.Section> standingView = FXCollections.unmodifiableObservableList(standing);
    private final javafx.collections.ObservableSet<String> wrongFieldsView = FXCollections.unmodifiableObservableSet(wrongFields);

    public ObservableList<String> ladder() { return ladderView; }
    public ReadOnlyIntegerProperty ladderStepProperty() { return ladderStep; }
    public ObservableList<Option> options() { return optionsView; }
    public ObjectProperty<ActionKind> selectedProperty() { return selected; }
    public ObservableList<FieldModel> fields() { return fieldsView; }
    public ReadOnlyStringProperty supportLineProperty() { return supportLine; }
    public ReadOnlyStringProperty sumLineProperty() { return sumLine; }
    public ReadOnlyBooleanProperty sumOkProperty() { return sumOk; }
    public ReadOnlyStringProperty tellersLineProperty() { return tellersLine; }
    public javafx.collections.ObservableSet<String> wrongFields() { return wrongFieldsView; }
    public ObservableList<String> history() { return historyView; }
    /** What the book holds open: resolutions in planning, tabled ones, delegates serving. */
    public ObservableList<StandingBusiness.Section> standing() { return standingView; }
    /** During a round: how many of the round's objectors its categories hold so far. */
    public ReadOnlyStringProperty boardLineProperty() { return boardLine; }

    /** Two-teller mode: every tally is counted twice, independently, and recorded only when both agree. */
    public BooleanProperty twoTellersProperty() { return twoTellers; }

    /** The amendment being written or voted, as a tracked change in the working text; empty otherwise. */
    public ObservableList<ProjectorViewModel.Run> preview() { return preview; }
    /** Goes up by one after every recorded action: the projector and others listen to it. */
    public ReadOnlyIntegerProperty revisionProperty() { return revision; }
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
    public void useClock(org.folkmoot.app.MeetingClock clock) {
        useClock(clock, tick -> { });
    }

    /** Runs the room's timer and queue with the meeting, its seconds passing with {@code ticks}. */
    public void useClock(org.folkmoot.app.MeetingClock clock, TimerAndQueueViewModel.Ticks ticks) {
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
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        Bodies.Checked checked;
        try {
            byte[] bytes = InputFile.read(file, InputFile.Kind.PROPOSAL);
            checked = Bodies.load(dataFolder).check(bytes, List.of());
        } catch (InputFile.Refused e) {
            return refuse(String.format(text.getString("console.proposal.refused"), name, e.reason()));
        } catch (Proposal.Refused e) {
            return refuse(String.format(text.getString("console.proposal.refused"), name, e.getMessage()));
        }
        proposal.set(checked.proposal());
        if (selected.get() == ActionKind.PRESENT) buildForm(ActionKind.PRESENT); else selected.set(ActionKind.PRESENT);
        message.set(String.format(text.getString("console.proposal.taken"), BodyWords.named(checked.proposal().body(), text),
                checked.signedBy()));
        messageIsRefusal.set(false);
        return true;
    }

    /** A present refused changes nothing: the proposal kept for it alone is taken back. Returns {@code why}. */
    private static String unkept(ProposalShelf shelf, Proposal from, boolean wrote, String why) {
        if (!wrote) return why;
        try {
            shelf.unkeep(from);
        } catch (java.io.IOException e) {
            // the copy left is the proposal unchanged, named by its own hash: harmless, and the refusal is what matters
        }
        return why;
    }

    /** Not this proposal: the present form is the Community's own again, empty and open. */
    public void clearProposal() {
        if (proposal.get() == null) return;
        proposal.set(null);
        if (selected.get() == ActionKind.PRESENT) buildForm(ActionKind.PRESENT);
        else proposalLine.set("");
    }

    /** The proposal this laptop kept with payload SHA-256 {@code sha256}, if any (the projector, the minutes). */
    public Optional<Proposal> keptProposal(String sha256) {
        if (sha256 == null) return Optional.empty();
        Proposal known = kept.get(sha256);
        if (known != null) return Optional.of(known);
        Optional<Proposal> found = new ProposalShelf(dataFolder).find(sha256);
        found.ifPresent(p -> kept.put(sha256, p));
        return found;
    }

    /** A day as the room reads it: "20 December 2026". */
    public String day(java.time.LocalDate day) {
        Locale months = locale().getLanguage().isEmpty() ? Locale.ENGLISH : locale();
        return java.time.format.DateTimeFormatter.ofPattern(text.getString("console.proposal.day"), months).format(day);
    }

    /** The fields a proposal fixes, by key, with its values: all but the Community's own resolution id. */
    private static Map<String, String> fixedBy(Proposal p) {
        Map<String, String> fixed = new java.util.LinkedHashMap<>();
        fixed.put("title", p.title());
        fixed.put("text", p.text());
        // the format wants a proposer: a proposal that names none was put by its body
        fixed.put("proposer", p.proposer() == null || p.proposer().isBlank() ? p.from() : p.proposer()); // the record's words: English
        fixed.put("upstream.level", p.body().level());
        fixed.put("upstream.body", p.body().id());
        fixed.put("upstream.resolution", p.resolution());
        fixed.put("upstream.textSha256", p.textSha256());
        fixed.put("upstream.proposalSha256", p.payloadSha256());
        return fixed;
    }

    private void fillFromProposal(Proposal p) {
        field("resolution").ifPresent(f -> f.valueProperty().set(p.resolution()));
        fixedBy(p).forEach((key, value) -> field(key).ifPresent(f -> f.lock(value)));
        proposalLine.set(String.format(text.getString("console.proposal.source"), BodyWords.named(p.body(), text), p.resolution(), day(p.reportBy()),
                p.fingerprint()));
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
        String differ = tellersDiffer();
        if (differ != null) return refuse(differ);
        String problem = formProblem();
        if (problem != null) return refuse(problem);
        Action action;
        try {
            action = ActionCodec.read(formJson(kind));
        } catch (FormatException e) {
            return refuse(e.getMessage());
        }
        Proposal from = kind == ActionKind.PRESENT ? proposal.get() : null;
        ProposalShelf shelf = new ProposalShelf(dataFolder);
        boolean wrote = false;
        if (from != null) {
            // the record names the proposal by its hash alone: the file is kept before the entry that names it
            try {
                wrote = shelf.keep(from);
            } catch (java.io.IOException e) {
                return refuse(String.format(text.getString("console.proposal.not-kept"), e.getMessage()));
            }
        }
        try {
            Optional<Refusal> refusal = session.take(action);
            if (refusal.isPresent()) return refuse(unkept(shelf, from, wrote, say(refusal.get().why())));
        } catch (StoreException e) {
            return refuse(unkept(shelf, from, wrote, e.getMessage()));
        }
        if (from != null) {
            kept.put(from.payloadSha256(), from);
            proposal.set(null);
        }
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

    /** With two tellers, every count where they differ, in words; null when they agree (or there is one teller). */
    private String tellersDiffer() {
        return tellersDiffer(false);
    }

    /**
     * The tellers' counts that differ, each named with both its values; null when none do. While they are
     * typed ({@code typing}) a count not yet entered by both is not a difference: recording, it is one.
     */
    private String tellersDiffer(boolean typing) {
        List<String> differ = new ArrayList<>();
        for (FieldModel second : tellersApart(typing)) {
            String key = second.field().key().substring(SECOND.length());
            differ.add(String.format(text.getString("tellers.differ.count"), field(key).map(FieldModel::label).orElse(key),
                    value(key).strip(), second.valueProperty().get() == null ? "" : second.valueProperty().get().strip()));
        }
        return differ.isEmpty() ? null : String.format(text.getString("tellers.differ"), String.join("; ", differ));
    }

    /** The second teller's counts that differ from the first's: the one rule, for the live check and for recording. */
    private List<FieldModel> tellersApart(boolean typing) {
        List<FieldModel> apart = new ArrayList<>();
        for (FieldModel second : fields) {
            if (!second.field().key().startsWith(SECOND)) continue;
            String first = value(second.field().key().substring(SECOND.length())).strip();
            String other = second.valueProperty().get() == null ? "" : second.valueProperty().get().strip();
            if (typing && (other.isEmpty() || first.isEmpty())) continue;
            if (!first.equals(other)) apart.add(second);
        }
        return apart;
    }

    /** The tellers' counts checked as they are typed: the difference said, and both fields of each pair marked. */
    private void watchTellers() {
        Runnable update = () -> {
            String differ = tellersDiffer(true);
            tellersLine.set(differ == null ? "" : differ);
            for (FieldModel second : fields) {
                if (second.field().key().startsWith(SECOND)) {
                    wrongFields.removeAll(List.of(second.field().key(), second.field().key().substring(SECOND.length())));
                }
            }
            for (FieldModel second : tellersApart(true)) {
                wrongFields.add(second.field().key().substring(SECOND.length()));
                wrongFields.add(second.field().key());
            }
        };
        for (FieldModel f : fields) {
            if (f.field().type() == ActionFields.Type.COUNT) f.valueProperty().addListener((o, was, now) -> update.run());
        }
        update.run();
    }

    /**
     * The objections checked as they are typed, by the ladder's own rule (their sum is the check's "against"):
     * the mismatch said and both counts marked while it lasts; recording it is refused for the same reason.
     */
    private void watchObjections() {
        Resolution r = session.meeting().current().orElse(null);
        long against = r == null ? -1 : r.votes().stream().filter(v -> v.stage() == VoteStage.CHECK_1)
                .reduce((a, b) -> b).map(v -> v.tally().against()).orElse(-1L);
        Optional<FieldModel> non = field("nonDealBreakers");
        Optional<FieldModel> deal = field("dealBreakers");
        if (against < 0 || non.isEmpty() || deal.isEmpty()) return;
        Runnable update = () -> {
            wrongFields.removeAll(List.of("nonDealBreakers", "dealBreakers"));
            Long n = count(non.get());
            Long d = count(deal.get());
            if (n == null || d == null) {
                sumOk.set(true);
                sumLine.set(String.format(text.getString("objections.incomplete"), against));
                return;
            }
            Optional<Reason> why;
            try {
                why = session.meeting().wouldRefuse(ActionCodec.read(formJson(ActionKind.OBJECTIONS)));
            } catch (FormatException e) {
                why = Optional.empty(); // not a tally yet: the recording names what to mend
            }
            sumOk.set(why.isEmpty());
            sumLine.set(why.map(this::say).orElse(String.format(text.getString("objections.sum"), n, d, against)));
            if (why.isPresent()) wrongFields.addAll(List.of("nonDealBreakers", "dealBreakers"));
        };
        non.get().valueProperty().addListener((o, was, now) -> update.run());
        deal.get().valueProperty().addListener((o, was, now) -> update.run());
        update.run();
    }

    /**
     * The first field the facilitator still has to mend, in the console's language: a count that is not a
     * whole number, a field left empty that the action needs. Null when the form can be read.
     */
    private String formProblem() {
        boolean amend = selected.get() == ActionKind.AMEND;
        for (FieldModel f : fields) {
            String v = f.valueProperty().get() == null ? "" : f.valueProperty().get().strip();
            if (v.isEmpty()) {
                if (f.field().optional() || (amend && f.field().key().equals("replace"))) continue;
                return String.format(text.getString("form.missing"), f.label());
            }
            if (f.field().type() == ActionFields.Type.COUNT) {
                if (!v.matches("\\d+")) return String.format(text.getString("form.not-a-count"), f.label(), v);
                if (v.length() > 18 && new java.math.BigInteger(v).compareTo(java.math.BigInteger.valueOf(Long.MAX_VALUE)) > 0) {
                    return String.format(text.getString("form.too-large"), f.label());
                }
            }
        }
        return null;
    }

    /** Says in the message line why an action of {@code kind} is not offered now (nothing when it is). */
    public void explain(ActionKind kind) {
        session.meeting().whyNot(kind).ifPresent(why -> refuse(String.format(text.getString("message.not-now"),
                text.getString("action." + kind.word()), say(why))));
    }

    private boolean refuse(String reason) {
        message.set(reason);
        messageIsRefusal.set(true);
        return false;
    }

    /** The form as a line of the meeting format, so it is read by the same code as any record. */
    ObjectNode formJson(ActionKind kind) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("do", kind.word());
        Resolution r = session.meeting().current().orElse(null);
        if (kind == ActionKind.GRIEVANCE && r != null) n.put("round", r.round());
        ObjectNode target = n;
        if (kind == ActionKind.CORRECT) {
            long entry = entrySeq(value("entry"));
            if (entry > 0) n.put("entry", entry);
            put(n, "reason", value("reason"), false);
            if (entry > 0 && entry <= session.meeting().size()) {
                ObjectNode with = ActionCodec.write(session.meeting().effective(entry));
                n.set("with", with);
                target = with;
            }
            ObjectNode follows = followsFrom > 0 ? ActionCodec.write(session.meeting().effective(followsFrom)) : null;
            for (FieldModel f : fields) {
                String key = f.field().key();
                if (key.startsWith(FOLLOWS)) {
                    put(follows, key.substring(FOLLOWS.length()), f.valueProperty().get(), true);
                } else if (!key.equals("entry") && !key.equals("reason") && !key.startsWith(SECOND)) {
                    put(target, key, f.valueProperty().get(), true);
                }
            }
            // the objections that follow from a check's tally are replaced with it, when they change too
            if (follows != null && !sameAction(follows, session.meeting().effective(followsFrom))) {
                n.remove("entry");
                n.remove("with");
                com.fasterxml.jackson.databind.node.ArrayNode entries = n.putArray("entries");
                entries.addObject().put("entry", entry).set("with", target);
                entries.addObject().put("entry", followsFrom).set("with", follows);
            }
            return n;
        }
        for (FieldModel f : fields) {
            String v = f.valueProperty().get();
            if (f.field().type() == ActionFields.Type.ENTRY || f.field().key().startsWith(SECOND)) continue;
            Map<String, String> chosen = f.meaning();
            if (chosen != null) {
                chosen.forEach(n::put);
                continue;
            }
            if (kind == ActionKind.AMEND && f.field().key().equals("replace")) {
                n.put("replace", v == null ? "" : v); // an empty replacement deletes the passage
                continue;
            }
            if (v == null || v.isBlank()) {
                if (!f.field().optional()) continue; // missing: the reader names it
                continue;
            }
            if (f.field().key().startsWith("upstream.")) {
                ObjectNode up = n.has("upstream") ? (ObjectNode) n.get("upstream") : n.putObject("upstream");
                put(up, f.field().key().substring("upstream.".length()), v, false);
                continue;
            }
            put(n, f.field().key(), v, f.field().type() == ActionFields.Type.COUNT);
        }
        Proposal p = proposal.get();
        if (kind == ActionKind.PRESENT && p != null) {
            // what the proposal fixes is written from the proposal itself, never from what a field holds
            n.remove("upstream");
            ObjectNode up = n.putObject("upstream");
            fixedBy(p).forEach((key, value) -> {
                if (key.startsWith("upstream.")) up.put(key.substring("upstream.".length()), value);
                else n.put(key, value);
            });
        }
        return n;
    }

    /** Whether the form's line reads as {@code action} (an unreadable one is not: the reader will say why). */
    private static boolean sameAction(ObjectNode line, Action action) {
        try {
            return ActionCodec.read(line).equals(action);
        } catch (FormatException e) {
            return false;
        }
    }

    private static void put(ObjectNode n, String key, String value, boolean count) {
        if (value == null || value.isBlank()) {
            n.remove(key);
            return;
        }
        String v = value.strip();
        if (count && v.matches("-?\\d{1,18}")) n.put(key, Long.parseLong(v));
        else if (count && v.matches("-?\\d+")) n.put(key, new java.math.BigInteger(v));
        else n.put(key, count ? v : value);
    }

    private String value(String key) {
        return field(key).map(f -> f.valueProperty().get()).orElse("");
    }

    private static long entrySeq(String choice) {
        if (choice == null) return 0;
        String digits = choice.replaceAll("^#?(\\d+).*$", "$1");
        return digits.matches("\\d{1,9}") ? Long.parseLong(digits) : 0;
    }

    // ---- the state shown --------------------------------------------------------------------------

    private void refresh() {
        Meeting m = session.meeting();
        Resolution r = m.current().orElse(null);
        presentLine.set(m.present() < 0 ? text.getString("present.none")
                : String.format(text.getString("present.count"), m.present(), m.header().community().members()));
        meetingLine.set(StandingBusiness.meetingLine(m.book().meeting(), text));
        standing.setAll(StandingBusiness.of(m.book(), text));
        if (r == null) {
            resolutionTitle.set(text.getString("resolution.none"));
            workingText.set("");
            stageLine.set("");
            ladderStep.set(-1);
        } else {
            resolutionTitle.set(r.id() + " — " + r.title());
            workingText.set(r.workingText());
            stageLine.set(r.outcome().isPresent() && r.stage() == Stage.CLOSED
                    ? String.format(text.getString("stage.closed"), say(r.outcome().get()))
                    : say(r.stage()));
            ladderStep.set(ladderIndex(r));
        }
        // a meeting's first step is its count: no tally is taken before it (at the book's next meeting too)
        nextStep.set(m.adjourned() ? text.getString("next.adjourned")
                : m.present() < 0 ? text.getString("next.attendance") : say(m.comingUp()));
        boardLine.set("");
        if (r != null && r.stage().isRound() && r.objections().isPresent()) {
            long counted = r.round() == 1 ? r.objections().get().nonDealBreakers() : r.objections().get().dealBreakers();
            long held = r.grievances().stream().filter(g -> g.round() == r.round()).mapToLong(GrievanceCategory::members).sum();
            boardLine.set(String.format(text.getString("board.count"), r.round(), held, counted));
        }
        for (Option o : options) {
            Optional<Reason> why = m.whyNot(o.kind());
            o.enabled.set(why.isEmpty());
            o.reason.set(why.map(this::say).orElse(""));
        }
        history.clear();
        for (long seq = m.size(); seq >= 1 && history.size() < 200; seq--) {
            history.add(numbered(m, seq, m.entry(seq)));
        }
        if (selected.get() != null && m.whyNot(selected.get()).isPresent()) {
            // the chosen action no longer fits: offer the count at a meeting's start, else the first that fits
            selected.set(m.present() < 0 && !m.adjourned() ? ActionKind.ATTENDANCE
                    : Meeting.KINDS.stream().filter(k -> m.whyNot(k).isEmpty() && k != ActionKind.NOTE && k != ActionKind.ATTENDANCE)
                    .findFirst().orElse(ActionKind.NOTE));
        }
        if (speakers != null) speakers.followStage();
        revision.set(revision.get() + 1);
    }

    /**
     * Entry {@code seq} as the history and the correction list both show it, "#6  temperature check 1 on R1: …":
     * its number, then its words as the minutes word it (which vote, on which resolution).
     */
    private String numbered(Meeting m, long seq, Action a) {
        return "#" + seq + "  " + say(EntryWords.of(m, seq, a));
    }

    /** An entry in a few words, in the console's language, as the history and the rehearsal show it. */
    public String entryWords(Action a) {
        return say(EntryWords.of(a));
    }

    /** The procedure's words (a reason, a stage, an outcome, a tally) in the console's language. */
    public String say(Object words) {
        return words instanceof Reason r ? r.text(locale()) : Reason.word(words, locale());
    }

    /** The console's language: its bundle's (English, the base bundle, has the root locale). */
    public Locale locale() {
        return text.getLocale();
    }

    /** The console's words, for the windows that show the same meeting (the projector). */
    public ResourceBundle text() {
        return text;
    }

    /** Where a resolution stands on the ladder, as an index into {@link #ladder()}. */
    public static int ladderIndex(Resolution r) {
        return switch (r.stage()) {
            case CHECK_1 -> 1;
            case OBJECTIONS -> 2;
            case ROUND_1 -> 3;
            case CHECK_2 -> 4;
            case ROUND_2 -> 5;
            case FINAL -> 6;
            case PLANNING -> 7;
            case CLOSED -> 8;
        };
    }

    private void buildForm(ActionKind kind) {
        fields.clear();
        supportLine.set("");
        sumLine.set("");
        sumOk.set(true);
        tellersLine.set("");
        wrongFields.clear();
        // another action than present leaves the proposal: the present form is the Community's own again
        if (kind != ActionKind.PRESENT) proposal.set(null);
        proposalLine.set("");
        if (kind == null) return;
        List<ActionFields.Field> spec = new ArrayList<>(ActionFields.of(kind));
        for (ActionFields.Field f : spec) fields.add(newField(kind, f));
        prefill(kind);
        if (kind == ActionKind.PRESENT && proposal.get() != null) fillFromProposal(proposal.get());
        if (kind == ActionKind.CORRECT) {
            field("entry").ifPresent(e -> e.valueProperty().addListener((o, was, now) -> correctionCounts(now)));
            field("entry").ifPresent(e -> correctionCounts(e.valueProperty().get()));
        }
        watchTally(kind);
        watchAmendment(kind);
        if (kind == ActionKind.OBJECTIONS) watchObjections();
        if (twoTellers.get()) addSecondTeller();
        watchTellers();
    }

    /** The second teller's counts, beside the first's, for a tally. */
    private void addSecondTeller() {
        List<FieldModel> counts = fields.stream().filter(f -> f.field().type() == ActionFields.Type.COUNT).toList();
        boolean tally = counts.size() >= 3 && (ActionFields.isDecidingTally(selected.get()) || selected.get() == ActionKind.AGREEMENT);
        if (!tally) return;
        for (FieldModel f : counts.subList(counts.size() - 3, counts.size())) {
            ActionFields.Field second = new ActionFields.Field(SECOND + f.field().key(), ActionFields.Type.COUNT, false);
            fields.add(new FieldModel(second, String.format(text.getString("tellers.second"), f.label())));
        }
    }

    /** An amendment is shown as a tracked change before it is voted: what goes, struck, and what comes. */
    private void watchAmendment(ActionKind kind) {
        preview.clear();
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
                    preview.clear();
                    return;
                }
                find = a.find();
                replace = a.replace();
            }
            preview.setAll(trackedChange(r.workingText(), find, replace));
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

    /** The text with {@code find} struck and {@code replace} proposed, if the passage occurs exactly once. */
    static List<ProjectorViewModel.Run> trackedChange(String text, String find, String replace) {
        if (find == null || find.isEmpty()) return List.of();
        int at = text.indexOf(find);
        if (at < 0 || text.indexOf(find, at + 1) >= 0) return List.of();
        List<ProjectorViewModel.Run> runs = new ArrayList<>();
        if (at > 0) runs.add(new ProjectorViewModel.Run(text.substring(0, at), ProjectorViewModel.Mark.PLAIN));
        runs.add(new ProjectorViewModel.Run(find, ProjectorViewModel.Mark.STRUCK));
        if (replace != null && !replace.isEmpty()) {
            runs.add(new ProjectorViewModel.Run(" ", ProjectorViewModel.Mark.PLAIN)); // the two passages stand apart
            runs.add(new ProjectorViewModel.Run(replace, ProjectorViewModel.Mark.PROPOSED));
        }
        if (at + find.length() < text.length()) {
            runs.add(new ProjectorViewModel.Run(text.substring(at + find.length()), ProjectorViewModel.Mark.PLAIN));
        }
        return runs;
    }

    private FieldModel newField(ActionKind kind, ActionFields.Field f) {
        String label = f.type() == ActionFields.Type.RESOLUTION ? text.getString("field.on-resolution")
                : f.type() == ActionFields.Type.DELEGATE ? text.getString("field.delegate")
                // a field may have words of its own in one form (the adjourn's date, which may stay empty)
                : text.containsKey("field." + kind.word() + "." + f.key()) ? text.getString("field." + kind.word() + "." + f.key())
                : text.containsKey("field." + f.key()) ? text.getString("field." + f.key()) : f.key();
        FieldModel model = new FieldModel(f, label);
        choices(kind, model);
        return model;
    }

    private void correctionCounts(String entryChoice) {
        fields.removeIf(f -> !f.field().key().equals("entry") && !f.field().key().equals("reason"));
        followsFrom = 0;
        long seq = entrySeq(entryChoice);
        if (seq < 1 || seq > session.meeting().size()) return;
        Action original = session.meeting().effective(seq);
        ObjectNode json = ActionCodec.write(original);
        for (ActionFields.Field f : ActionFields.correctionCounts(original.kind())) {
            FieldModel model = newField(original.kind(), f);
            model.valueProperty().set(json.path(f.key()).asText(""));
            fields.add(model);
        }
        // a check's "against" is split into the objections that follow from it: both are mended together
        followsFrom = objectionsAfter(seq);
        if (followsFrom == 0) return;
        ObjectNode objections = ActionCodec.write(session.meeting().effective(followsFrom));
        for (ActionFields.Field f : ActionFields.correctionCounts(ActionKind.OBJECTIONS)) {
            String label = String.format(text.getString("correct.follows"), text.getString("field." + f.key()), followsFrom);
            FieldModel model = new FieldModel(new ActionFields.Field(FOLLOWS + f.key(), f.type(), f.optional()), label);
            model.valueProperty().set(objections.path(f.key()).asText(""));
            fields.add(model);
        }
    }

    /** The objections entry that follows from the check vote {@code seq}, or 0: none came after it. */
    private long objectionsAfter(long seq) {
        Meeting m = session.meeting();
        if (!(m.effective(seq) instanceof Action.Vote v) || v.resolution() != null) return 0;
        for (long s = seq + 1; s <= m.size(); s++) {
            Action a = m.effective(s);
            if (a instanceof Action.Objections) return s;
            // the next resolution, or the latest's next vote: no objections of this check
            if (a instanceof Action.Present || a instanceof Action.Vote next && next.resolution() == null) return 0;
        }
        return 0;
    }

    private void prefill(ActionKind kind) {
        Resolution r = session.meeting().current().orElse(null);
        if (kind == ActionKind.AMEND && r != null) {
            field("id").ifPresent(f -> f.valueProperty().set("A" + (r.amendments().size() + 1)));
        }
        if (kind == ActionKind.MEETING) {
            // the next meeting: tonight, most likely in the same hall; who runs it is typed
            field("date").ifPresent(f -> f.valueProperty().set(java.time.LocalDate.now().toString()));
            String place = session.meeting().book().meeting().info().place();
            field("place").ifPresent(f -> f.valueProperty().set(place == null ? "" : place));
        }
        if (kind == ActionKind.PRESENT) {
            field("resolution").ifPresent(f -> f.valueProperty().set(nextId(session.meeting().resolutions())));
        }
        for (FieldModel f : fields) {
            if (!f.choices().isEmpty()) f.valueProperty().set(f.choices().get(0));
        }
        // a plea or a weigh-in takes up the first category still open to it, an amendment the category just heard
        if (kind == ActionKind.PLEAD || kind == ActionKind.AGREEMENT || kind == ActionKind.AMEND) {
            session.meeting().openCategory(kind).ifPresent(c -> field("category")
                    .filter(f -> f.choices().contains(c)).ifPresent(f -> f.valueProperty().set(c)));
        }
    }

    /** The id after the latest's, in its pattern ("W-2" after "W-1"), or R1, R2, … */
    static String nextId(List<Resolution> presented) {
        String fallback = "R" + (presented.size() + 1);
        if (presented.isEmpty()) return fallback;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(.*?)(\\d+)$").matcher(presented.get(presented.size() - 1).id());
        if (!m.matches() || m.group(2).length() > 9) return fallback;
        String next = m.group(1) + (Long.parseLong(m.group(2)) + 1);
        return presented.stream().anyMatch(r -> r.id().equals(next)) ? fallback : next;
    }

    /** The choices of a field that is a choice: only what the ladder lets the entry name now, the latest first. */
    private void choices(ActionKind kind, FieldModel model) {
        Meeting m = session.meeting();
        Resolution r = m.current().orElse(null);
        switch (model.field().type()) {
            case CATEGORY -> {
                if (r != null) for (GrievanceCategory g : r.grievances()) if (g.round() == r.round()) model.choices.add(g.category());
            }
            case AMENDMENT -> {
                if (r != null) for (Amendment a : r.amendments()) if (a.round() == r.round() && !a.voted()) model.choices.add(a.id());
            }
            case RESOLUTION -> {
                for (String id : m.targets(kind)) {
                    Resolution x = m.book().resolution(id).orElseThrow();
                    // the latest presented is what an entry naming none concerns: the record keeps its usual form
                    model.choice(resolutionChoice(x), r != null && r.id().equals(id) ? Map.of() : Map.of("resolution", id));
                }
            }
            case DELEGATE -> {
                List<Book.Serving> serving = new ArrayList<>(m.book().serving());
                java.util.Collections.reverse(serving); // the latest elected first
                for (Book.Serving s : serving) {
                    if (m.whyNot(kind, s.resolution()).isPresent()) continue;
                    model.choice(String.format(text.getString("choice.delegate"), s.delegate().name(), s.resolution(),
                            m.book().resolution(s.resolution()).map(Resolution::title).orElse("")),
                            Map.of("name", s.delegate().name(), "resolution", s.resolution()));
                }
            }
            case ENTRY -> {
                for (long seq = m.size(); seq >= 1; seq--) {
                    Action a = m.entry(seq);
                    if (a.kind().correctable()) model.choices.add(numbered(m, seq, m.effective(seq)));
                }
            }
            default -> {
            }
        }
    }

    /** "R1 — Community garden (in planning)": which resolution, and where it stands. */
    private String resolutionChoice(Resolution x) {
        String where = x.stage() == Stage.CLOSED ? x.outcome().map(this::say).orElse(say(x.stage())) : say(x.stage());
        return String.format(text.getString("choice.resolution"), x.id(), x.title(), where);
    }

    /** The resolution the form's entry concerns: the one chosen, else the latest presented. */
    private Resolution concerned() {
        Meeting m = session.meeting();
        Optional<FieldModel> chooser = field("resolution").filter(f -> f.field().type() == ActionFields.Type.RESOLUTION);
        if (chooser.isPresent()) {
            Map<String, String> chosen = chooser.get().meaning();
            String id = chosen == null ? chooser.get().valueProperty().get() : chosen.get("resolution");
            if (id != null && !id.isBlank()) {
                Optional<Resolution> named = m.book().resolution(id.strip());
                if (named.isPresent()) return named.get();
            }
        }
        return m.current().orElse(null);
    }

    /** The live check of a tally: its sum against those present, and its support against the threshold. */
    private void watchTally(ActionKind kind) {
        List<FieldModel> counts = fields.stream().filter(f -> f.field().type() == ActionFields.Type.COUNT).toList();
        if (!(ActionFields.isDecidingTally(kind) || kind == ActionKind.AGREEMENT) || counts.size() < 3) return;
        Runnable update = () -> updateTally(kind, counts.get(counts.size() - 3), counts.get(counts.size() - 2), counts.get(counts.size() - 1));
        for (FieldModel f : counts) f.valueProperty().addListener((o, was, now) -> update.run());
        // a contention vote on an earlier resolution is measured against the contention rule, not the latest's check
        field("resolution").ifPresent(f -> f.valueProperty().addListener((o, was, now) -> update.run()));
        update.run();
    }

    private void updateTally(ActionKind kind, FieldModel yes, FieldModel no, FieldModel abstain) {
        Meeting m = session.meeting();
        long present = m.present();
        Long y = count(yes), n = count(no), a = count(abstain);
        if (y == null || n == null || a == null) {
            supportLine.set(text.getString("tally.incomplete"));
            sumLine.set("");
            sumOk.set(true);
            return;
        }
        Tally t = new Tally(y, n, a);
        boolean fits = present >= 0 && t.total() <= present;
        sumOk.set(fits);
        sumLine.set(present < 0 ? text.getString("present.none")
                : fits ? String.format(text.getString("tally.sum"), t.total(), present)
                : String.format(text.getString("tally.over"), t.total(), present));
        if (!ActionFields.isDecidingTally(kind) || present < 0) {
            supportLine.set("");
            return;
        }
        Rules rules = m.header().rules();
        Resolution r = concerned();
        Fraction threshold;
        boolean strictly;
        switch (kind) {
            case AMENDMENT_VOTE -> { threshold = rules.amendment(); strictly = true; }
            case ELECT, RECALL -> { threshold = rules.election(); strictly = true; }
            default -> {
                strictly = false;
                Stage stage = r == null ? Stage.CHECK_1 : r.stage();
                threshold = rules.threshold(stage == Stage.FINAL ? VoteStage.FINAL
                        : stage == Stage.PLANNING ? VoteStage.CONTENTION : VoteStage.CHECK_1);
            }
        }
        Fraction support = rules.support(t, present);
        boolean reached = strictly ? support.exceeds(threshold) : support.reaches(threshold);
        long more = rules.moreInFavourNeeded(t, present, threshold, strictly);
        // a contention vote is said as what it decides: the resolution stays in planning, or is tabled
        boolean contention = kind == ActionKind.VOTE && r != null && r.stage() == Stage.PLANNING;
        String format = contention ? text.getString(reached ? "tally.contention.kept" : "tally.contention.tabled")
                : reached ? text.getString("tally.reached") : text.getString("tally.short");
        String line = String.format(format, support, Minutes.percent(support), (strictly ? "> " : "≥ ") + threshold);
        if (!reached && more != Long.MAX_VALUE) line += " " + String.format(text.getString("tally.needs"), more);
        supportLine.set(line);
    }

    private static Long count(FieldModel f) {
        String v = f.valueProperty().get();
        return v != null && v.strip().matches("\\d{1,18}") ? Long.parseLong(v.strip()) : null;
    }
}
