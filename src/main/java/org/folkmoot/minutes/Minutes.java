package org.folkmoot.minutes;

import static org.folkmoot.minutes.MinutesLayout.BODY;
import static org.folkmoot.minutes.MinutesLayout.INK;
import static org.folkmoot.minutes.MinutesLayout.MUTED;
import static org.folkmoot.minutes.MinutesLayout.cell;
import static org.folkmoot.minutes.MinutesLayout.headerRow;
import static org.folkmoot.minutes.MinutesLayout.paragraphOf;
import static org.folkmoot.minutes.MinutesLayout.row;
import static org.folkmoot.minutes.MinutesLayout.table;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.folkmoot.procedure.Action;
import org.folkmoot.procedure.Adjournment;
import org.folkmoot.procedure.Basis;
import org.folkmoot.procedure.Book;
import org.folkmoot.procedure.Correction;
import org.folkmoot.procedure.Delegate;
import org.folkmoot.procedure.EntryWords;
import org.folkmoot.procedure.Header;
import org.folkmoot.procedure.Meeting;
import org.folkmoot.procedure.MeetingInfo;
import org.folkmoot.procedure.Note;
import org.folkmoot.procedure.Resolution;
import org.folkmoot.procedure.Rules;
import org.folkmoot.procedure.Sitting;
import org.folkmoot.proposal.Proposal;
import org.folkmoot.verdict.VerdictPayload;

/**
 * The minutes a secretary signs and files, one meeting of the Community's book at a time: the meeting's
 * header, the standing business it began with, every resolution presented or taken up in it step by step
 * ({@link ResolutionMinutes}: its tallies against their thresholds, grievances, amendments as tracked changes,
 * the outcome, delegates), corrections, notes, the standing business it ended with, the verdicts issued at its
 * close and the signature lines. Each meeting begins on a new page and has its own "page X of Y"
 * ({@link MinutesLayout}).
 */
public final class Minutes {
    /** What the minutes print about a resolution's verdict: its fingerprint and the key that signed it. */
    public record Seal(String fingerprint, String keyId) {
    }

    /**
     * The system property naming the time zone the minutes print their times in (e.g. {@code Europe/Lisbon}): for
     * tests, and for a secretary printing on a laptop set to another zone. Without it, the laptop's zone.
     */
    public static final String ZONE_PROPERTY = "folkmoot.zone";

    /** No proposal kept: a resolution from a body is named by what the record holds. */
    public static final Function<String, Optional<Proposal>> NO_PROPOSALS = sha256 -> Optional.empty();

    private final Meeting meeting;
    private final List<Meeting.Held> meetings;
    private final List<String> record;
    private final IssuedVerdicts verdicts;
    /** The body's proposal by its payload SHA-256, where this laptop kept it (its name, the day to report by). */
    private final Function<String, Optional<Proposal>> proposals;
    private final MinutesLayout page = new MinutesLayout();
    /** The zone the times are printed in, fixed for the whole print: the same record prints the same minutes in it. */
    private final ZoneId zone = zone();
    private MinutesLayout.Footer footer;
    private PdfWriter writer;

    /** The meeting being printed, and its entries' range in the book. */
    private MeetingAtHand at;

    private Minutes(Meeting meeting, List<String> record, List<VerdictPayload.Issued> issued, String keyId,
                    Function<String, Optional<Proposal>> proposals) {
        this.meeting = meeting;
        this.proposals = proposals;
        this.meetings = meeting.meetings();
        this.record = record;
        this.verdicts = new IssuedVerdicts(issued, keyId);
    }

    /**
     * The zone the minutes' times are read in: {@link #ZONE_PROPERTY} where it names one, else the laptop's. A
     * property that names no zone is not worth failing a print for: the laptop's zone is used, and the minutes say
     * which zone they print in, so no time is misread.
     */
    public static ZoneId zone() {
        String named = System.getProperty(ZONE_PROPERTY);
        if (named != null && !named.isBlank()) {
            try {
                return ZoneId.of(named.strip());
            } catch (java.time.DateTimeException e) {
                org.folkmoot.files.Logs.of("minutes").warning(ZONE_PROPERTY + " names no time zone (" + named
                        + "); the minutes print in the laptop's zone");
            }
        }
        return ZoneId.systemDefault();
    }

    /**
     * The minutes of every meeting of the book, each from a new page: what {@code replay} and the export write.
     *
     * @param record the record's lines (header first), for the times of its entries
     * @param issued every verdict the book issued ({@link VerdictPayload#issue}), printed at the close that issued it
     * @param keyId  the key the verdicts are signed with
     */
    public static byte[] ofBook(Meeting meeting, List<String> record, List<VerdictPayload.Issued> issued, String keyId) {
        return ofBook(meeting, record, issued, keyId, NO_PROPOSALS);
    }

    /** @param proposals the bodies' proposals kept on this laptop, by payload SHA-256 (the minutes read no folder) */
    public static byte[] ofBook(Meeting meeting, List<String> record, List<VerdictPayload.Issued> issued, String keyId,
                                Function<String, Optional<Proposal>> proposals) {
        Minutes m = new Minutes(meeting, record, issued, keyId, proposals);
        return m.write(m.meetings);
    }

    /** The minutes of the book's meeting {@code number} alone (1 for the first): tonight's, for the secretary to print. */
    public static byte[] ofMeeting(Meeting meeting, List<String> record, List<VerdictPayload.Issued> issued, String keyId,
                                   int number) {
        return ofMeeting(meeting, record, issued, keyId, number, NO_PROPOSALS);
    }

    /** Tonight's minutes, the bodies' proposals found in {@code proposals}. */
    public static byte[] ofMeeting(Meeting meeting, List<String> record, List<VerdictPayload.Issued> issued, String keyId,
                                   int number, Function<String, Optional<Proposal>> proposals) {
        Minutes m = new Minutes(meeting, record, issued, keyId, proposals);
        if (number < 1 || number > m.meetings.size()) {
            throw new IllegalArgumentException("the book has no meeting " + number + "; it has " + m.meetings.size());
        }
        return m.write(List.of(m.meetings.get(number - 1)));
    }

    private byte[] write(List<Meeting.Held> printed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = page.document();
        try {
            writer = page.writeTo(out);
            footer = new MinutesLayout.Footer();
            writer.setPageEvent(footer);
            String name = meeting.header().community().name();
            document.addTitle("Minutes — " + name + (printed.size() == 1 ? " — meeting " + printed.get(0).sitting().number() : ""));
            document.addCreator("Folkmoot");
            document.open();
            for (Meeting.Held h : printed) {
                // each meeting's minutes are signed and filed on their own: a new page, its own page count
                document.newPage();
                footer.begin(writer, footerText(h.sitting()));
                minutesOf(h);
            }
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("the minutes could not be laid out: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private void minutesOf(Meeting.Held h) throws DocumentException {
        at = new MeetingAtHand(meeting, h);
        ResolutionMinutes resolutions = new ResolutionMinutes(at, page, verdicts, proposals);
        title();
        headerTable();
        standingBusiness("Standing business when the meeting opened", h.opening(), null);
        List<Resolution> taken = takenUp();
        for (Resolution r : taken) {
            Resolution before = h.opening().resolution(r.id()).orElse(null);
            if (before == null || before.undecided()) resolutions.resolution(r, before); else resolutions.laterBusiness(r, before);
        }
        if (taken.isEmpty()) {
            page.paragraph(MinutesFonts.text(at.number() == 1 ? "No resolution was presented."
                    : "No resolution was presented, and no standing business was taken up.", BODY), 8);
        }
        corrections();
        notes();
        standingBusiness("Standing business when the meeting closed", h.closing(), h.opening());
        verdictsIssued();
        signatures();
    }

    /**
     * The resolutions this meeting presented or took an entry on, as they stood at its close, in the order of
     * their first entry in it: the minutes read in the order things happened.
     */
    private List<Resolution> takenUp() {
        Book closing = at.held().closing();
        java.util.Set<String> ids = new java.util.LinkedHashSet<>();
        for (long seq = at.firstSeq(); seq <= at.lastSeq(); seq++) {
            String id = concerns(closing, seq);
            if (id != null) ids.add(id);
        }
        return ids.stream().map(id -> closing.resolution(id).orElseThrow()).toList();
    }

    /** The resolution entry {@code seq} concerns (docs/meeting-format.md: the one it names, else the latest presented), or null. */
    private String concerns(Book b, long seq) {
        Action a = meeting.entry(seq);
        if (a instanceof Action.Correct || a instanceof Action.Attendance || a instanceof Action.Note
                || a instanceof Action.Adjourn || a instanceof Action.Resume || a instanceof Action.NextMeeting) return null;
        a = meeting.effective(seq);
        String named = null;
        if (a instanceof Action.Present p) named = p.resolution();
        if (a instanceof Action.Vote v) named = v.resolution();
        if (a instanceof Action.Elect e) named = e.resolution();
        if (a instanceof Action.CarryForward c) named = c.resolution();
        if (a instanceof Action.Dismiss d) named = d.resolution();
        if (a instanceof Action.Recall) {
            // named or not (then the latest that elected that name): the resolution whose recall votes hold this entry
            for (Resolution r : b.resolutions()) {
                for (Delegate d : r.delegates()) {
                    if (d.recallVotes().stream().anyMatch(v -> v.seq() == seq)) return r.id();
                }
            }
            return null;
        }
        if (named != null) return named;
        String latest = null;
        for (Resolution r : b.resolutions()) if (r.seq() < seq) latest = r.id();
        return latest;
    }

    // ---- the head of the minutes ------------------------------------------------------------------

    private void title() throws DocumentException {
        Header h = meeting.header();
        MeetingInfo m = at.held().sitting().info();
        Paragraph t = paragraphOf(MinutesFonts.text("Minutes of the assembly", 20, Font.BOLD, INK));
        page.add(t);
        Paragraph c = paragraphOf(MinutesFonts.text(h.community().name(), 15, Font.NORMAL, INK));
        page.add(c);
        String when = join(" · ", "Meeting " + at.number(), m.date(), m.place());
        page.add(paragraphOf(MinutesFonts.text(when, 11, Font.NORMAL, MUTED)));
        page.spacer(10);
    }

    private void headerTable() throws DocumentException {
        Header h = meeting.header();
        MeetingInfo m = at.held().sitting().info();
        PdfPTable t = table(new float[] {1.3f, 4f});
        row(t, "Community", h.community().name() + " (" + h.community().id() + ")");
        row(t, "Meeting", at.number() + " of the Community's book, entries " + at.firstSeq() + " to " + at.lastSeq()
                + (at.held().sitting().openedAt() > at.firstSeq() ? " (opened at entry " + at.held().sitting().openedAt() + ")" : ""));
        row(t, "Date", orDash(m.date()));
        row(t, "Place", orDash(m.place()));
        row(t, "Facilitator", orDash(m.facilitator()));
        row(t, "Secretary", orDash(m.secretary()));
        row(t, "Members", Long.toString(h.community().members()));
        row(t, "Present", presentText());
        Rules rules = h.rules();
        row(t, "Quorum", rules.quorum() == null ? "none set"
                : rules.quorum() + " of the members must be present to decide (" + quorumCount(rules, h.community().members()) + ")");
        row(t, "Rules in force", rulesText(rules));
        // opened by its meeting entry (the header for the first), closed by its last entry: as its verdicts say
        String opened = VerdictPayload.at(record, (int) Math.max(1, at.held().sitting().openedAt()));
        String closed = VerdictPayload.at(record, (int) at.lastSeq());
        if (opened != null || closed != null) row(t, "Opened / closed", openedClosed(opened, closed));
        List<Adjournment> pauses = meeting.adjournments().stream().filter(a -> at.here(a.seq())).toList();
        if (!pauses.isEmpty()) {
            row(t, "Adjourned", pauses.stream().map(a -> "at entry " + a.seq()
                    + (a.date() == null ? "" : " (" + a.date() + ")")
                    + (a.seq() == at.held().sitting().closedAt() ? ": the meeting closed; the next began at entry " + nextOpenedAt()
                    : a.resumedSeq() == 0 ? ", not resumed" : ", resumed at entry " + a.resumedSeq()
                    + (a.resumedDate() == null ? "" : " (" + a.resumedDate() + ")")))
                    .collect(Collectors.joining("; ")));
        }
        page.add(t);
        page.spacer(6);
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    /**
     * "opened 19:00, closed 21:06, 28 November 2026 (Europe/Lisbon time)": the record's instants as the clock on the
     * hall's wall read them, the day said once (twice when the meeting ran past midnight), the zone named.
     */
    private String openedClosed(String opened, String closed) {
        ZonedDateTime from = local(opened);
        ZonedDateTime to = local(closed);
        String zoneWords = " (" + zone.getId() + " time)";
        if (from == null && to == null) return orDash(opened) + " / " + orDash(closed);
        if (from == null || to == null) {
            ZonedDateTime one = from != null ? from : to;
            return (from != null ? "opened " : "closed ") + TIME.format(one) + ", " + DAY.format(one) + zoneWords;
        }
        if (from.toLocalDate().equals(to.toLocalDate())) {
            return "opened " + TIME.format(from) + ", closed " + TIME.format(to) + ", " + DAY.format(from) + zoneWords;
        }
        return "opened " + TIME.format(from) + " on " + DAY.format(from) + ", closed " + TIME.format(to) + " on "
                + DAY.format(to) + zoneWords;
    }

    /** A record's instant in the printing zone, or null where it is none. */
    private ZonedDateTime local(String instant) {
        if (instant == null) return null;
        try {
            return Instant.parse(instant).atZone(zone);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private long nextOpenedAt() {
        return meetings.get(at.number()).sitting().openedAt();
    }

    /** The standing business a meeting began or ended with (docs/procedure.md, "The Community's book"). */
    private void standingBusiness(String heading, Book b, Book opening) throws DocumentException {
        page.spacer(4);
        page.subheading(heading);
        List<Resolution> undecided = b.resolutions().stream().filter(Resolution::undecided).toList();
        if (!undecided.isEmpty()) {
            standingLine("Not yet decided", undecided.stream().map(r -> r.id() + " — " + r.title() + ": " + r.stage().words()).toList());
        }
        standingLine("In planning", b.inPlanning().stream().map(r -> r.id() + " — " + r.title() + " (passed at "
                + at.meetingWords(r.decidingVote().map(v -> v.seq()).orElse(r.seq())) + ")").toList());
        standingLine("Tabled, awaiting dismissal", b.tabled().stream().map(r -> r.id() + " — " + r.title() + " (tabled at "
                + r.decidingVote().map(v -> at.entry(v.seq())).orElse("—") + ")").toList());
        standingLine("Delegates serving", b.serving().stream().map(this::servingWords).toList());
        if (opening != null) {
            // those who at.held() a mandate when the meeting opened and hold none now
            List<String> gone = new ArrayList<>();
            for (Book.Serving s : opening.serving()) {
                Delegate now = b.resolution(s.resolution()).flatMap(r -> r.delegates().stream()
                        .filter(d -> d.seq() == s.delegate().seq()).findFirst()).orElse(null);
                if (now == null || now.serving()) continue;
                String when = now.recallVotes().stream().filter(Delegate.RecallVote::recalled).findFirst()
                        .map(v -> "recalled at " + at.entry(v.seq())).orElse("no longer serving");
                gone.add(s.delegate().name() + ", for " + s.resolution() + ": " + when);
            }
            if (!gone.isEmpty()) standingLine("No longer serving", gone);
        }
    }

    /** "Label: first item", the further items each on a line of its own beneath it; "Label: none" when there are none. */
    private void standingLine(String label, List<String> items) {
        Paragraph p = paragraphOf();
        p.add(MinutesFonts.text(label + ": ", BODY, Font.BOLD, INK));
        p.add(MinutesFonts.text(items.isEmpty() ? "none" : String.join("\n", items), BODY, Font.NORMAL, INK));
        p.setLeading(BODY * 1.35f);
        p.setIndentationLeft(14);
        p.setFirstLineIndent(-14);
        p.setSpacingBefore(1);
        try {
            page.add(p);
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
    }

    private String servingWords(Book.Serving s) {
        Delegate d = s.delegate();
        return d.name() + ", for " + s.resolution() + ": " + d.mandate() + " (elected at " + at.entry(d.seq()) + ")";
    }

    private String presentText() {
        List<String> counts = new ArrayList<>();
        // counted in this meeting: from its meeting entry on (a count before it is taken again)
        for (long seq = Math.max(at.firstSeq(), at.held().sitting().openedAt()); seq <= at.lastSeq(); seq++) {
            if (meeting.effective(seq) instanceof Action.Attendance a && !(meeting.entry(seq) instanceof Action.Correct)) {
                counts.add(counts.isEmpty() ? Long.toString(a.present()) : a.present() + " (from entry " + seq + ")");
            }
        }
        return counts.isEmpty() ? "not counted" : String.join(", then ", counts);
    }

    private static String quorumCount(Rules rules, long members) {
        // the smallest whole attendance that reaches the share: ceil(members * p / q)
        long p = rules.quorum().numerator();
        long q = rules.quorum().denominator();
        return BigDecimal.valueOf(members).multiply(BigDecimal.valueOf(p))
                .divide(BigDecimal.valueOf(q), 0, RoundingMode.CEILING).toPlainString() + " people";
    }

    private static String rulesText(Rules r) {
        String basis = r.basis() == Basis.CAST
                ? "support is counted over the votes cast (abstentions stand aside)"
                : "support is counted over everyone present";
        return "consensus at " + r.consensus() + " or more; final vote at " + r.finalVote() + " or more; a contention vote below "
                + r.contention() + " tables; amendments, elections and recalls need more than " + r.amendment()
                + (r.amendment().equals(r.election()) ? "" : " (elections " + r.election() + ")") + "; " + basis + ".";
    }

    // ---- the end of the minutes -------------------------------------------------------------------

    /** The corrections made at this meeting, saying which earlier meeting's entry each corrects. */
    private void corrections() throws DocumentException {
        List<Correction> made = meeting.corrections().stream().filter(c -> at.here(c.seq())).toList();
        if (made.isEmpty()) return;
        page.spacer(8);
        PdfPTable t = table(new float[] {0.8f, 1.1f, 2.2f, 2.2f, 2.3f});
        headerRow(t, "Entry", "Corrects", "As first recorded", "Replaced by", "Reason");
        for (Correction c : made) {
            cell(t, Long.toString(c.seq()));
            cell(t, at.entry(c.entry()));
            // which vote it was, as the console's history and correction list say it
            cell(t, EntryWords.of(meeting, c.entry(), c.original()).text());
            cell(t, EntryWords.of(meeting, c.entry(), c.replacement()).text());
            cell(t, c.reason());
        }
        page.subheading("Corrections", t);
        page.add(t);
    }

    /** The notes of this meeting, with those written since the meeting before it (between the two) marked so. */
    private void notes() throws DocumentException {
        List<Note> notes = meeting.notes().stream().filter(n -> at.here(n.seq())).toList();
        if (notes.isEmpty()) return;
        page.spacer(8);
        page.subheading("The secretary's notes");
        for (Note n : notes) {
            boolean between = n.seq() < at.held().sitting().openedAt();
            page.paragraph(MinutesFonts.text("Entry " + n.seq() + (between ? ", between the meetings" : "")
                    + (n.resolution() == null ? "" : " (" + n.resolution() + ")") + ": " + n.text(), BODY), 2);
        }
    }

    /** Every verdict this meeting's close issued, to be checked against the files that leave the room. */
    private void verdictsIssued() throws DocumentException {
        List<VerdictPayload.Issued> here = verdicts.issuedAt(at.number());
        String heading = "Verdicts issued at the close of this meeting";
        if (here.isEmpty()) {
            page.subheading(heading);
            page.paragraph(MinutesFonts.text("None: no resolution reached an outcome or changed its standing at this meeting.", BODY), 2);
            return;
        }
        PdfPTable t = table(new float[] {1f, 2.2f, 3.8f});
        headerRow(t, "Resolution", "Fingerprint", "Supersedes");
        for (VerdictPayload.Issued v : here) {
            cell(t, v.resolution());
            cell(t, IssuedVerdicts.fingerprint(v));
            cell(t, v.supersedes().isEmpty() ? "—" : v.supersedes().stream().map(sha -> verdicts.bySha(sha) != null
                    ? "meeting " + verdicts.bySha(sha).meeting() + ": " + IssuedVerdicts.fingerprint(verdicts.bySha(sha)) : "payload SHA-256 " + sha)
                    .collect(Collectors.joining("\n")));
        }
        page.subheading(heading, t);
        page.add(t);
        page.paragraph(MinutesFonts.text("Signed with key " + verdicts.keyId() + ".", BODY, Font.NORMAL, MUTED), 2);
    }

    private void signatures() throws DocumentException {
        page.spacer(28);
        MeetingInfo m = at.held().sitting().info();
        PdfPTable t = new PdfPTable(2);
        t.setWidthPercentage(100);
        t.setKeepTogether(true);
        for (String[] who : new String[][] {{"Facilitator", m.facilitator()}, {"Secretary", m.secretary()}}) {
            PdfPCell c = new PdfPCell();
            c.setBorder(Rectangle.NO_BORDER);
            c.setPaddingRight(24);
            c.addElement(paragraphOf(MinutesFonts.text("\n\n______________________________", BODY)));
            c.addElement(paragraphOf(MinutesFonts.text(who[0] + (who[1] == null ? "" : ": " + who[1]), BODY)));
            c.addElement(paragraphOf(MinutesFonts.text("Date: ____________", BODY, Font.NORMAL, MUTED)));
            t.addCell(c);
        }
        page.add(t);
    }

    /** An entry in a few words, as the minutes and the console history show it. */
    public static String describe(Action a) {
        return EntryWords.of(a).text();
    }


    private String footerText(Sitting sitting) {
        MeetingInfo m = sitting.info();
        return "Minutes — " + meeting.header().community().name() + " — meeting " + sitting.number()
                + (m.date() == null ? "" : ", " + m.date());
    }
    private static String orDash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }

    private static String join(String sep, String... parts) {
        List<String> present = new ArrayList<>();
        for (String p : parts) if (p != null && !p.isBlank()) present.add(p);
        return String.join(sep, present);
    }
}
