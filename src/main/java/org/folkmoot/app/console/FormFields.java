package org.folkmoot.app.console;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import org.folkmoot.app.console.ConsoleViewModel.FieldModel;
import org.folkmoot.procedure.Action;
import org.folkmoot.procedure.ActionKind;
import org.folkmoot.procedure.Amendment;
import org.folkmoot.procedure.Book;
import org.folkmoot.procedure.GrievanceCategory;
import org.folkmoot.procedure.Meeting;
import org.folkmoot.procedure.Resolution;
import org.folkmoot.procedure.Stage;
import org.folkmoot.record.ActionCodec;
import org.folkmoot.session.MeetingSession;
import org.folkmoot.procedure.Words;

/**
 * The fields of the console's forms as they open: their words, the choices the ladder lets them name now, what
 * they hold before anything is typed, the second teller's counts, and the counts a correction asks for again.
 */
final class FormFields {
    private static final String SECOND = ConsoleViewModel.SECOND;
    private static final String FOLLOWS = ConsoleViewModel.FOLLOWS;

    private final ConsoleViewModel console;
    private final MeetingSession session;
    private final ResourceBundle text;
    private final List<FieldModel> fields;
    /** While a correction is written: the seq of the objections that follow from the check it corrects, or 0. */
    private long followsFrom;

    FormFields(ConsoleViewModel console, List<FieldModel> fields) {
        this.console = console;
        this.session = console.session();
        this.text = console.text();
        this.fields = fields;
    }

    /** While a correction is written: the seq of the objections that follow from the check it corrects, or 0. */
    long followsFrom() {
        return followsFrom;
    }

    /** A field of {@code kind}'s form, with its words and, for a choice, what the ladder lets it name now. */
    FieldModel newField(ActionKind kind, ActionFields.Field f) {
        String label = f.type() == ActionFields.Type.RESOLUTION ? text.getString("field.on-resolution")
                : f.type() == ActionFields.Type.DELEGATE ? text.getString("field.delegate")
                // a field may have words of its own in one form (the adjourn's date, which may stay empty)
                : text.containsKey("field." + kind.word() + "." + f.key()) ? text.getString("field." + kind.word() + "." + f.key())
                : text.containsKey("field." + f.key()) ? text.getString("field." + f.key()) : f.key();
        FieldModel model = new FieldModel(f, label);
        choices(kind, model);
        return model;
    }

    /** The counts of the entry chosen for correction, as it stands, to be mended (and its objections with a check's). */
    void correctionCounts(String entryChoice) {
        fields.removeIf(f -> !f.field().key().equals("entry") && !f.field().key().equals("reason"));
        followsFrom = 0;
        long seq = FormLine.entrySeq(entryChoice);
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
            String label = Words.format(text.getString("correct.follows"), text.getString("field." + f.key()), followsFrom);
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

    /** What a form holds before anything is typed: the next ids, tonight's date, the first choice, the open category. */
    void prefill(ActionKind kind) {
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
                if (r != null) for (GrievanceCategory g : r.grievances()) if (g.round() == r.round()) model.choices().add(g.category());
            }
            case AMENDMENT -> {
                if (r != null) for (Amendment a : r.amendments()) if (a.round() == r.round() && !a.voted()) model.choices().add(a.id());
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
                    model.choice(Words.format(text.getString("choice.delegate"), s.delegate().name(), s.resolution(),
                            m.book().resolution(s.resolution()).map(Resolution::title).orElse("")),
                            Map.of("name", s.delegate().name(), "resolution", s.resolution()));
                }
            }
            case ENTRY -> {
                for (long seq = m.size(); seq >= 1; seq--) {
                    Action a = m.entry(seq);
                    if (a.kind().correctable()) model.choices().add(numbered(m, seq, m.effective(seq)));
                }
            }
            default -> {
            }
        }
    }

    /** "R1 — Community garden (in planning)": which resolution, and where it stands. */
    private String resolutionChoice(Resolution x) {
        String where = x.stage() == Stage.CLOSED ? x.outcome().map(this::say).orElse(say(x.stage())) : say(x.stage());
        return Words.format(text.getString("choice.resolution"), x.id(), x.title(), where);
    }

    /** The second teller's counts, beside the first's, for a tally. */
    void addSecondTeller(ActionKind kind) {
        List<FieldModel> counts = fields.stream().filter(f -> f.field().type() == ActionFields.Type.COUNT).toList();
        boolean tally = counts.size() >= 3 && (ActionFields.isDecidingTally(kind) || kind == ActionKind.AGREEMENT);
        if (!tally) return;
        for (FieldModel f : counts.subList(counts.size() - 3, counts.size())) {
            ActionFields.Field second = new ActionFields.Field(SECOND + f.field().key(), ActionFields.Type.COUNT, false);
            fields.add(new FieldModel(second, Words.format(text.getString("tellers.second"), f.label())));
        }
    }

    private Optional<FieldModel> field(String key) {
        return console.field(key);
    }

    private String say(Object words) {
        return console.say(words);
    }

    private String numbered(Meeting m, long seq, Action a) {
        return console.numbered(m, seq, a);
    }
}
