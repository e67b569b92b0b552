package org.folkmoot.app.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import org.folkmoot.app.console.ConsoleViewModel.FieldModel;
import org.folkmoot.procedure.ActionKind;
import org.folkmoot.procedure.Fraction;
import org.folkmoot.procedure.Meeting;
import org.folkmoot.procedure.Reason;
import org.folkmoot.procedure.Resolution;
import org.folkmoot.procedure.Rules;
import org.folkmoot.procedure.Stage;
import org.folkmoot.procedure.Tally;
import org.folkmoot.procedure.VoteStage;
import org.folkmoot.record.ActionCodec;
import org.folkmoot.record.FormatException;
import org.folkmoot.session.MeetingSession;
import org.folkmoot.procedure.Words;

/**
 * The console's checks of a form as it is typed: a tally's sum against those present and its support against
 * the threshold, the objections against the check they split, the two tellers' counts against each other. Each
 * says what it finds in a line and marks the fields it finds wrong; recording is refused for the same reasons.
 */
final class LiveChecks {
    private static final String SECOND = ConsoleViewModel.SECOND;

    private final ConsoleViewModel console;
    /** The form read as an entry: the objections are checked by the ladder's own rule. */
    private final FormLine line;
    private final MeetingSession session;
    private final ResourceBundle text;
    /** The form's fields, as the console holds them. */
    private final List<FieldModel> fields;
    /** A deciding tally's support against its threshold, and how many more in favour it needs. */
    private final StringProperty supportLine = new SimpleStringProperty("");
    /** A tally's sum against those present; the objections' against the check's "against". */
    private final StringProperty sumLine = new SimpleStringProperty("");
    private final BooleanProperty sumOk = new SimpleBooleanProperty(true);
    /** With two tellers: where their counts differ so far, in words; empty while they agree. */
    private final StringProperty tellersLine = new SimpleStringProperty("");
    /** The keys of the fields the live check finds wrong (both of a pair that must agree): the view marks them. */
    private final ObservableSet<String> wrongFields = FXCollections.observableSet();
    private final ObservableSet<String> wrongFieldsView = FXCollections.unmodifiableObservableSet(wrongFields);

    LiveChecks(ConsoleViewModel console, List<FieldModel> fields, FormLine line) {
        this.console = console;
        this.line = line;
        this.session = console.session();
        this.text = console.text();
        this.fields = fields;
    }

    ReadOnlyStringProperty supportLine() { return supportLine; }
    ReadOnlyStringProperty sumLine() { return sumLine; }
    ReadOnlyBooleanProperty sumOk() { return sumOk; }
    ReadOnlyStringProperty tellersLine() { return tellersLine; }
    ObservableSet<String> wrongFields() { return wrongFieldsView; }

    /** A new form: nothing checked yet, nothing marked. */
    void clear() {
        supportLine.set("");
        sumLine.set("");
        sumOk.set(true);
        tellersLine.set("");
        wrongFields.clear();
    }

    /**
     * The tellers' counts that differ, each named with both its values; null when none do. While they are
     * typed ({@code typing}) a count not yet entered by both is not a difference: recording, it is one.
     */
    String tellersDiffer(boolean typing) {
        List<String> differ = new ArrayList<>();
        for (FieldModel second : tellersApart(typing)) {
            String key = second.field().key().substring(SECOND.length());
            differ.add(Words.format(text.getString("tellers.differ.count"), field(key).map(FieldModel::label).orElse(key),
                    value(key).strip(), second.valueProperty().get() == null ? "" : second.valueProperty().get().strip()));
        }
        return differ.isEmpty() ? null : Words.format(text.getString("tellers.differ"), String.join("; ", differ));
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
    void watchTellers() {
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
    void watchObjections() {
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
                sumLine.set(Words.format(text.getString("objections.incomplete"), against));
                return;
            }
            Optional<Reason> why;
            try {
                why = session.meeting().wouldRefuse(ActionCodec.read(formJson(ActionKind.OBJECTIONS)));
            } catch (FormatException e) {
                why = Optional.empty(); // not a tally yet: the recording names what to mend
            }
            sumOk.set(why.isEmpty());
            sumLine.set(why.map(this::say).orElse(Words.format(text.getString("objections.sum"), n, d, against)));
            if (why.isPresent()) wrongFields.addAll(List.of("nonDealBreakers", "dealBreakers"));
        };
        non.get().valueProperty().addListener((o, was, now) -> update.run());
        deal.get().valueProperty().addListener((o, was, now) -> update.run());
        update.run();
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
    void watchTally(ActionKind kind) {
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
                : fits ? Words.format(text.getString("tally.sum"), t.total(), present)
                : Words.format(text.getString("tally.over"), t.total(), present));
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
        String line = Words.format(format, support, console.percent(support), (strictly ? "> " : "≥ ") + threshold);
        if (!reached && more != Long.MAX_VALUE) line += " " + Words.format(text.getString("tally.needs"), more);
        supportLine.set(line);
    }

    private static Long count(FieldModel f) {
        String v = f.valueProperty().get();
        return v != null && v.strip().matches("\\d{1,18}") ? Long.parseLong(v.strip()) : null;
    }

    private Optional<FieldModel> field(String key) {
        return console.field(key);
    }

    private String value(String key) {
        return console.value(key);
    }

    private String say(Object words) {
        return console.say(words);
    }

    private com.fasterxml.jackson.databind.node.ObjectNode formJson(ActionKind kind) {
        return line.formJson(kind);
    }
}
