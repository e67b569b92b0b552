package org.folkmoot.app.console;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import org.folkmoot.app.console.ConsoleViewModel.FieldModel;
import org.folkmoot.procedure.Action;
import org.folkmoot.procedure.ActionKind;
import org.folkmoot.procedure.Resolution;
import org.folkmoot.proposal.Proposal;
import org.folkmoot.record.ActionCodec;
import org.folkmoot.record.FormatException;
import org.folkmoot.session.MeetingSession;
import org.folkmoot.procedure.Words;

/**
 * The console's form read as an entry: first what the facilitator still has to mend, in the console's words,
 * then the form as a line of the meeting format, so it is read by the same code as any record.
 */
final class FormLine {
    private static final String SECOND = ConsoleViewModel.SECOND;
    private static final String FOLLOWS = ConsoleViewModel.FOLLOWS;

    private final ConsoleViewModel console;
    /** Where a correction's form keeps the entry that follows from the one corrected. */
    private final FormFields forms;
    private final MeetingSession session;
    private final ResourceBundle text;
    private final List<FieldModel> fields;
    private final ObjectProperty<ActionKind> selected;
    private final ReadOnlyObjectProperty<Proposal> proposal;

    FormLine(ConsoleViewModel console, List<FieldModel> fields, FormFields forms) {
        this.console = console;
        this.forms = forms;
        this.session = console.session();
        this.text = console.text();
        this.fields = fields;
        this.selected = console.selectedProperty();
        this.proposal = console.proposalProperty();
    }

    /**
     * The first field the facilitator still has to mend, in the console's language: a count that is not a
     * whole number, a field left empty that the action needs. Null when the form can be read.
     */
    String formProblem() {
        boolean amend = selected.get() == ActionKind.AMEND;
        for (FieldModel f : fields) {
            String v = f.valueProperty().get() == null ? "" : f.valueProperty().get().strip();
            if (v.isEmpty()) {
                if (f.field().optional() || (amend && f.field().key().equals("replace"))) continue;
                return Words.format(text.getString("form.missing"), f.label());
            }
            if (f.field().type() == ActionFields.Type.COUNT) {
                if (!v.matches("\\d+")) return Words.format(text.getString("form.not-a-count"), f.label(), v);
                if (v.length() > 18 && new java.math.BigInteger(v).compareTo(java.math.BigInteger.valueOf(Long.MAX_VALUE)) > 0) {
                    return Words.format(text.getString("form.too-large"), f.label());
                }
            }
        }
        return null;
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
            ObjectNode follows = followsFrom() > 0 ? ActionCodec.write(session.meeting().effective(followsFrom())) : null;
            for (FieldModel f : fields) {
                String key = f.field().key();
                if (key.startsWith(FOLLOWS)) {
                    put(follows, key.substring(FOLLOWS.length()), f.valueProperty().get(), true);
                } else if (!key.equals("entry") && !key.equals("reason") && !key.startsWith(SECOND)) {
                    put(target, key, f.valueProperty().get(), true);
                }
            }
            // the objections that follow from a check's tally are replaced with it, when they change too
            if (follows != null && !sameAction(follows, session.meeting().effective(followsFrom()))) {
                n.remove("entry");
                n.remove("with");
                com.fasterxml.jackson.databind.node.ArrayNode entries = n.putArray("entries");
                entries.addObject().put("entry", entry).set("with", target);
                entries.addObject().put("entry", followsFrom()).set("with", follows);
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
            ProposalForm.fixedBy(p).forEach((key, value) -> {
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

    static long entrySeq(String choice) {
        if (choice == null) return 0;
        String digits = choice.replaceAll("^#?(\\d+).*$", "$1");
        return digits.matches("\\d{1,9}") ? Long.parseLong(digits) : 0;
    }

    private String value(String key) {
        return console.value(key);
    }

    private long followsFrom() {
        return forms.followsFrom();
    }
}
