package org.folkmoot.app.hall;

import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import org.folkmoot.procedure.Book;
import org.folkmoot.procedure.Reason;
import org.folkmoot.procedure.Resolution;
import org.folkmoot.procedure.Sitting;
import org.folkmoot.procedure.Words;

/**
 * What a Community's book holds open (docs/procedure.md, "The Community's book"): resolutions in planning, tabled
 * ones awaiting dismissal, delegates serving with their mandates — in the app's words, the same on the start
 * screen, the console and the projector.
 */
public final class StandingBusiness {
    /** Long mandates are cut to this many characters: the whole is in the minutes and the verdict. */
    static final int MANDATE_CHARS = 90;

    private StandingBusiness() {
    }

    /** One part of the standing business: its heading and its lines. */
    public record Section(String heading, List<String> items) {
    }

    /** The parts that hold something, in the order planning, tabled, serving; empty when nothing stands open. */
    public static List<Section> of(Book book, ResourceBundle text) {
        List<Section> sections = new ArrayList<>();
        List<String> planning = book.inPlanning().stream().map(r -> resolution(r, text)).toList();
        if (!planning.isEmpty()) sections.add(new Section(text.getString("standing.planning"), planning));
        List<String> tabled = book.tabled().stream().map(r -> resolution(r, text)).toList();
        if (!tabled.isEmpty()) sections.add(new Section(text.getString("standing.tabled"), tabled));
        List<String> serving = book.serving().stream().map(s -> Words.format(text.getString("standing.delegate"),
                s.delegate().name(), s.resolution(), cut(s.delegate().mandate()))).toList();
        if (!serving.isEmpty()) sections.add(new Section(text.getString("standing.serving"), serving));
        return sections;
    }

    /** "R1 — Community garden · passed, consensus (meeting 1)". */
    static String resolution(Resolution r, ResourceBundle text) {
        String outcome = r.outcome().map(o -> Reason.word(o, text.getLocale())).orElse("")
                + r.route().map(x -> ", " + Reason.word(x, text.getLocale())).orElse("");
        return Words.format(text.getString("standing.resolution"), r.id(), r.title(), outcome, r.meeting());
    }

    /** "Meeting 2 · 2026-12-03 · Riverside hall": which of the book's meetings this is. */
    public static String meetingLine(Sitting s, ResourceBundle text) {
        return Words.format(text.getString("book.meeting-line"), s.number(), orDash(s.info().date()), orDash(s.info().place()));
    }

    public static String orDash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }

    static String cut(String s) {
        if (s == null) return "";
        String one = s.strip().replaceAll("\\s+", " ");
        return one.length() <= MANDATE_CHARS ? one : one.substring(0, MANDATE_CHARS - 1).stripTrailing() + "…";
    }
}
