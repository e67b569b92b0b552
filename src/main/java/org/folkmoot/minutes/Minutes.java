package org.folkmoot.minutes;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPCellEvent;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.folkmoot.procedure.Action;
import org.folkmoot.procedure.Adjournment;
import org.folkmoot.procedure.Book;
import org.folkmoot.procedure.EntryWords;
import org.folkmoot.procedure.Amendment;
import org.folkmoot.procedure.Basis;
import org.folkmoot.procedure.Correction;
import org.folkmoot.procedure.Delegate;
import org.folkmoot.procedure.Fraction;
import org.folkmoot.procedure.GrievanceCategory;
import org.folkmoot.procedure.Header;
import org.folkmoot.procedure.Meeting;
import org.folkmoot.procedure.MeetingInfo;
import org.folkmoot.procedure.Note;
import org.folkmoot.procedure.Outcome;
import org.folkmoot.procedure.RecordedVote;
import org.folkmoot.procedure.Resolution;
import org.folkmoot.procedure.Rules;
import org.folkmoot.procedure.Sitting;
import org.folkmoot.procedure.Speaker;
import org.folkmoot.procedure.Tally;
import org.folkmoot.procedure.Upstream;
import org.folkmoot.procedure.VoteStage;
import org.folkmoot.proposal.Proposal;
import org.folkmoot.verdict.Ed25519Keys;
import org.folkmoot.verdict.VerdictPayload;

/**
 * The minutes a secretary signs and files, one meeting of the Community's book at a time: the meeting's
 * header, the standing business it began with, every resolution presented or taken up in it step by step
 * with its tallies against their thresholds, grievances, amendments as tracked changes, corrections, the
 * outcome, delegates, notes, the standing business it ended with, the verdicts issued at its close and the
 * signature lines. Each meeting begins on a new page and has its own "page X of Y".
 */
public final class Minutes {
    private static final Color INK = new Color(0x1A, 0x1A, 0x1A);
    private static final Color MUTED = new Color(0x55, 0x55, 0x55);
    private static final Color RULE = new Color(0xBB, 0xBB, 0xBB);
    private static final Color SHADE = new Color(0xF2, 0xF2, 0xF2);
    private static final Color REACHED = new Color(0x1B, 0x5E, 0x20);
    private static final Color NOT_REACHED = new Color(0xB7, 0x1C, 0x1C);
    private static final float BODY = 10f;

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
    private final List<VerdictPayload.Issued> issued;
    private final Map<String, VerdictPayload.Issued> bySha = new HashMap<>();
    private final String keyId;
    /** The body's proposal by its payload SHA-256, where this laptop kept it (its name, the day to report by). */
    private final Function<String, Optional<Proposal>> proposals;
    private final Document document = new Document(PageSize.A4, 56, 56, 60, 60);
    /** The zone the times are printed in, fixed for the whole print: the same record prints the same minutes in it. */
    private final ZoneId zone = zone();
    private Footer footer;
    private PdfWriter writer;

    /** The meeting being printed, and its entries' range in the book. */
    private Meeting.Held held;
    private long firstSeq;
    private long lastSeq;

    private Minutes(Meeting meeting, List<String> record, List<VerdictPayload.Issued> issued, String keyId,
                    Function<String, Optional<Proposal>> proposals) {
        this.meeting = meeting;
        this.proposals = proposals;
        this.meetings = meeting.meetings();
        this.record = record;
        this.issued = issued;
        this.keyId = keyId;
        for (VerdictPayload.Issued i : issued) bySha.put(i.sha256(), i);
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
        try {
            writer = PdfWriter.getInstance(document, out);
            footer = new Footer();
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
        held = h;
        firstSeq = h.sitting().firstSeq();
        lastSeq = h.lastSeq(meeting.size());
        title();
        headerTable();
        standingBusiness("Standing business when the meeting opened", h.opening(), null);
        List<Resolution> taken = takenUp();
        for (Resolution r : taken) {
            Resolution before = h.opening().resolution(r.id()).orElse(null);
            if (before == null || before.undecided()) resolution(r, before); else laterBusiness(r, before);
        }
        if (taken.isEmpty()) {
            paragraph(MinutesFonts.text(number() == 1 ? "No resolution was presented."
                    : "No resolution was presented, and no standing business was taken up.", BODY), 8);
        }
        corrections();
        notes();
        standingBusiness("Standing business when the meeting closed", h.closing(), h.opening());
        verdictsIssued();
        signatures();
    }

    private int number() {
        return held.sitting().number();
    }

    private boolean here(long seq) {
        return seq >= firstSeq && seq <= lastSeq;
    }

    /** The book's meeting that holds entry {@code seq}. */
    private int meetingOf(long seq) {
        for (Meeting.Held h : meetings) {
            if (h.sitting().holds(seq)) return h.sitting().number();
        }
        return number();
    }

    /** "entry 4", and "entry 4 of meeting 1" when it is an earlier meeting's. */
    private String entry(long seq) {
        int m = meetingOf(seq);
        return "entry " + seq + (m == number() ? "" : " of meeting " + m);
    }

    /**
     * The resolutions this meeting presented or took an entry on, as they stood at its close, in the order of
     * their first entry in it: the minutes read in the order things happened.
     */
    private List<Resolution> takenUp() {
        Book closing = held.closing();
        java.util.Set<String> ids = new java.util.LinkedHashSet<>();
        for (long seq = firstSeq; seq <= lastSeq; seq++) {
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
        MeetingInfo m = held.sitting().info();
        Paragraph t = paragraphOf(MinutesFonts.text("Minutes of the assembly", 20, Font.BOLD, INK));
        document.add(t);
        Paragraph c = paragraphOf(MinutesFonts.text(h.community().name(), 15, Font.NORMAL, INK));
        document.add(c);
        String when = join(" · ", "Meeting " + number(), m.date(), m.place());
        document.add(paragraphOf(MinutesFonts.text(when, 11, Font.NORMAL, MUTED)));
        spacer(10);
    }

    private void headerTable() throws DocumentException {
        Header h = meeting.header();
        MeetingInfo m = held.sitting().info();
        PdfPTable t = table(new float[] {1.3f, 4f});
        row(t, "Community", h.community().name() + " (" + h.community().id() + ")");
        row(t, "Meeting", number() + " of the Community's book, entries " + firstSeq + " to " + lastSeq
                + (held.sitting().openedAt() > firstSeq ? " (opened at entry " + held.sitting().openedAt() + ")" : ""));
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
        String opened = VerdictPayload.at(record, (int) Math.max(1, held.sitting().openedAt()));
        String closed = VerdictPayload.at(record, (int) lastSeq);
        if (opened != null || closed != null) row(t, "Opened / closed", openedClosed(opened, closed));
        List<Adjournment> pauses = meeting.adjournments().stream().filter(a -> here(a.seq())).toList();
        if (!pauses.isEmpty()) {
            row(t, "Adjourned", pauses.stream().map(a -> "at entry " + a.seq()
                    + (a.date() == null ? "" : " (" + a.date() + ")")
                    + (a.seq() == held.sitting().closedAt() ? ": the meeting closed; the next began at entry " + nextOpenedAt()
                    : a.resumedSeq() == 0 ? ", not resumed" : ", resumed at entry " + a.resumedSeq()
                    + (a.resumedDate() == null ? "" : " (" + a.resumedDate() + ")")))
                    .collect(Collectors.joining("; ")));
        }
        document.add(t);
        spacer(6);
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
        return meetings.get(number()).sitting().openedAt();
    }

    /** The standing business a meeting began or ended with (docs/procedure.md, "The Community's book"). */
    private void standingBusiness(String heading, Book b, Book opening) throws DocumentException {
        spacer(4);
        subheading(heading);
        List<Resolution> undecided = b.resolutions().stream().filter(Resolution::undecided).toList();
        if (!undecided.isEmpty()) {
            standingLine("Not yet decided", undecided.stream().map(r -> r.id() + " — " + r.title() + ": " + r.stage().words()).toList());
        }
        standingLine("In planning", b.inPlanning().stream().map(r -> r.id() + " — " + r.title() + " (passed at "
                + meetingWords(r.decidingVote().map(v -> v.seq()).orElse(r.seq())) + ")").toList());
        standingLine("Tabled, awaiting dismissal", b.tabled().stream().map(r -> r.id() + " — " + r.title() + " (tabled at "
                + r.decidingVote().map(v -> entry(v.seq())).orElse("—") + ")").toList());
        standingLine("Delegates serving", b.serving().stream().map(this::servingWords).toList());
        if (opening != null) {
            // those who held a mandate when the meeting opened and hold none now
            List<String> gone = new ArrayList<>();
            for (Book.Serving s : opening.serving()) {
                Delegate now = b.resolution(s.resolution()).flatMap(r -> r.delegates().stream()
                        .filter(d -> d.seq() == s.delegate().seq()).findFirst()).orElse(null);
                if (now == null || now.serving()) continue;
                String when = now.recallVotes().stream().filter(Delegate.RecallVote::recalled).findFirst()
                        .map(v -> "recalled at " + entry(v.seq())).orElse("no longer serving");
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
            document.add(p);
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
    }

    private String servingWords(Book.Serving s) {
        Delegate d = s.delegate();
        return d.name() + ", for " + s.resolution() + ": " + d.mandate() + " (elected at " + entry(d.seq()) + ")";
    }

    /** "this meeting" or "meeting 1", for the meeting that holds entry {@code seq}. */
    private String meetingWords(long seq) {
        int m = meetingOf(seq);
        return m == number() ? "this meeting" : "meeting " + m;
    }

    private String presentText() {
        List<String> counts = new ArrayList<>();
        // counted in this meeting: from its meeting entry on (a count before it is taken again)
        for (long seq = Math.max(firstSeq, held.sitting().openedAt()); seq <= lastSeq; seq++) {
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

    // ---- one resolution ---------------------------------------------------------------------------

    /**
     * Where a resolution from a higher body came from: "From Millbrook (municipality M7), its resolution M7-R4
     * (text SHA-256 …), by its signed proposal of fingerprint …; verdict wanted by 20 December 2026." The
     * body's name and the day are the kept proposal's; without it, the record's level, id and fingerprint.
     */
    private String source(Upstream up) {
        // a kept proposal speaks for the entry only where it is the one the entry names
        Optional<Proposal> kept = (up.proposalSha256() == null ? Optional.<Proposal>empty() : proposals.apply(up.proposalSha256()))
                .filter(p -> p.body().level().equals(up.level()) && p.body().id().equals(up.body())
                        && p.resolution().equals(up.resolution()) && p.textSha256().equals(up.textSha256()));
        String s = "From " + kept.map(Proposal::from).orElse("the " + up.level() + " " + up.body()) + ", its resolution "
                + up.resolution() + " (text SHA-256 " + up.textSha256().substring(0, 16) + "…)";
        if (up.proposalSha256() != null) {
            String fingerprint = Ed25519Keys.fingerprintOfDigest(java.util.HexFormat.of().parseHex(up.proposalSha256()));
            // only a proposal kept here was checked on its signature when presented; the record alone only names one
            s += kept.isPresent() ? ", by its signed proposal of fingerprint " + fingerprint
                    : ", naming the proposal of fingerprint " + fingerprint + " (not kept on this laptop, so not checked here)";
        }
        if (kept.isPresent()) {
            s += "; verdict wanted by " + java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.ENGLISH)
                    .format(kept.get().reportBy());
        }
        return s + ".";
    }

    /** A resolution presented at this meeting, or one still undecided when it opened: its whole ladder. */
    private void resolution(Resolution r, Resolution before) throws DocumentException {
        resolutionHeading(r);
        String by = "Presented by " + r.proposer() + (before == null ? "" : " at meeting " + r.meeting()) + " (entry " + r.seq() + ")"
                + (before == null ? "." : "; still to be decided when this meeting opened, continued here.");
        if (r.upstream() != null) by += " " + source(r.upstream());
        paragraph(MinutesFonts.text(by, BODY, Font.NORMAL, MUTED), 2);
        boxed("Original text", r.originalText());

        if (r.discussionMinutes() != null || !r.speakers().isEmpty()) {
            String discussion = r.discussionMinutes() != null ? "Discussion: " + r.discussionMinutes() + " minutes." : "Discussion.";
            if (!r.speakers().isEmpty()) {
                discussion += " Speakers, in order: " + r.speakers().stream().map(Speaker::name).collect(Collectors.joining(", ")) + ".";
            }
            paragraph(MinutesFonts.text(discussion, BODY), 4);
        }

        votes(r, VoteStage.CHECK_1, seq -> true);
        r.objections().ifPresent(o -> paragraph(MinutesFonts.text("Objections: of those against, " + o.nonDealBreakers()
                + " said their grievance is not a deal-breaker and " + o.dealBreakers() + " that it is.", BODY), 4));
        round(r, 1);
        votes(r, VoteStage.CHECK_2, seq -> true);
        round(r, 2);
        votes(r, VoteStage.FINAL, seq -> true);
        votes(r, VoteStage.CONTENTION, seq -> true);
        delegates(r, d -> true);
        if (r.plan() != null) paragraph(MinutesFonts.text("Carried forward with the plan: " + r.plan(), BODY), 4);
        closingBox(r);
    }

    /**
     * A resolution decided at an earlier meeting that this one took up: only what was done to it here (contention
     * votes, elections, recalls, the plan, its dismissal), then where it stands at this meeting's close.
     */
    private void laterBusiness(Resolution r, Resolution before) throws DocumentException {
        resolutionHeading(r);
        paragraph(MinutesFonts.text("Presented by " + r.proposer() + " at meeting " + r.meeting() + " (entry " + r.seq() + "); "
                + standingWords(before) + " when this meeting opened.", BODY, Font.NORMAL, MUTED), 2);
        List<Speaker> speakers = r.speakers().stream().filter(sp -> here(sp.seq())).toList();
        if (!speakers.isEmpty()) {
            paragraph(MinutesFonts.text("Speakers, in order: " + speakers.stream().map(Speaker::name)
                    .collect(Collectors.joining(", ")) + ".", BODY), 4);
        }
        votes(r, VoteStage.CONTENTION, this::here);
        delegates(r, d -> here(d.seq()) || d.recallVotes().stream().anyMatch(v -> here(v.seq())));
        if (r.carriedForward() && !before.carriedForward()) {
            paragraph(MinutesFonts.text("Carried forward with the plan: " + r.plan(), BODY), 4);
        }
        if (r.outcome().orElse(null) == Outcome.DISMISSED && before.outcome().orElse(null) != Outcome.DISMISSED) {
            paragraph(MinutesFonts.text("The body recorded the resolution dismissed.", BODY), 4);
        }
        closingBox(r);
    }

    private void resolutionHeading(Resolution r) throws DocumentException {
        keepWithNext(140);
        spacer(10);
        Paragraph heading = paragraphOf(MinutesFonts.text("Resolution " + r.id() + " — " + r.title(), 14, Font.BOLD, INK));
        heading.setKeepTogether(true);
        document.add(heading);
    }

    /** Where a decided resolution stood, e.g. "passed by consensus at meeting 1 and in planning". */
    private String standingWords(Resolution r) {
        Outcome o = r.outcome().orElseThrow();
        String at = r.decidingVote().map(v -> " at " + entry(v.seq())).orElse("");
        return switch (o) {
            case PASSED -> "passed" + at + (r.carriedForward() ? ", carried forward" : ", in planning");
            case NOT_PASSED -> "not passed" + at;
            case TABLED -> "tabled" + at + ", awaiting dismissal";
            case DISMISSED -> "dismissed";
            case WITHDRAWN -> "withdrawn";
        };
    }

    /** The final text, the outcome and the verdict stay on one page: they are read out together. */
    private void closingBox(Resolution r) throws DocumentException {
        boolean amended = !r.workingText().equals(r.originalText());
        PdfPTable close = boxTable(r.outcome().isPresent() ? "Final text" + (amended ? " (as amended)" : " (unamended)")
                : "Working text" + (amended ? " (as amended so far)" : ""), r.workingText());
        PdfPCell ending = new PdfPCell();
        ending.setBorder(Rectangle.NO_BORDER);
        ending.setPaddingTop(6);
        ending.addElement(paragraphOf(MinutesFonts.text(outcomeWords(r), 11, Font.BOLD,
                r.outcome().map(o -> o == Outcome.PASSED ? REACHED : NOT_REACHED).orElse(INK))));
        VerdictPayload.Issued v = issuedHere(r.id());
        if (v != null) {
            ending.addElement(paragraphOf(MinutesFonts.text("Community Verdict fingerprint: " + fingerprint(v)
                    + "   (signed with key " + keyId + ")", BODY, Font.BOLD, INK)));
            if (!v.supersedes().isEmpty()) {
                ending.addElement(paragraphOf(MinutesFonts.text("It " + supersedesWords(v) + ".", BODY, Font.NORMAL, INK)));
            }
        } else {
            VerdictPayload.Issued earlier = latestBefore(r.id());
            ending.addElement(paragraphOf(MinutesFonts.text(earlier != null
                    ? "No new Community Verdict: its standing did not change at this meeting; the verdict of meeting "
                    + earlier.meeting() + " (fingerprint " + fingerprint(earlier) + ") stands."
                    : "No Community Verdict: the resolution has not reached an outcome.", BODY, Font.NORMAL, INK)));
        }
        close.addCell(ending);
        close.setKeepTogether(true);
        document.add(close);
    }

    /** The verdict this meeting's close issued for resolution {@code id}, or null. */
    private VerdictPayload.Issued issuedHere(String id) {
        return issued.stream().filter(i -> i.meeting() == number() && i.resolution().equals(id)).findFirst().orElse(null);
    }

    /** The latest verdict an earlier meeting issued for resolution {@code id}, or null. */
    private VerdictPayload.Issued latestBefore(String id) {
        VerdictPayload.Issued latest = null;
        for (VerdictPayload.Issued i : issued) if (i.meeting() < number() && i.resolution().equals(id)) latest = i;
        return latest;
    }

    /** "supersedes the verdict of meeting 1, fingerprint …", naming each earlier one, oldest first. */
    private String supersedesWords(VerdictPayload.Issued v) {
        return "supersedes " + v.supersedes().stream().map(sha -> {
            VerdictPayload.Issued earlier = bySha.get(sha);
            return earlier == null ? "the verdict with payload SHA-256 " + sha
                    : "the verdict of meeting " + earlier.meeting() + ", fingerprint " + fingerprint(earlier);
        }).collect(Collectors.joining("; and "));
    }

    private static String capitalized(String words) {
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String fingerprint(VerdictPayload.Issued v) {
        return Ed25519Keys.fingerprint(v.payload());
    }

    private void votes(Resolution r, VoteStage stage, java.util.function.LongPredicate shown) throws DocumentException {
        List<RecordedVote> votes = r.votes().stream().filter(v -> v.stage() == stage && shown.test(v.seq())).toList();
        if (votes.isEmpty()) return;
        Rules rules = meeting.header().rules();
        Fraction threshold = rules.threshold(stage);
        String heading = switch (stage) {
            case CHECK_1 -> "Temperature check 1";
            case CHECK_2 -> "Temperature check 2";
            case FINAL -> "The final vote";
            case CONTENTION -> votes.size() > 1 ? "Contention votes" : "Contention vote";
        };
        PdfPTable t = table(new float[] {0.7f, 0.9f, 0.9f, 0.9f, 0.9f, 1.4f, 2.6f});
        headerRow(t, "Entry", "For", "Against", "Abstain", "Present", "Support", "Against the threshold " + threshold);
        for (RecordedVote v : votes) {
            cell(t, Long.toString(v.seq()));
            cell(t, Long.toString(v.tally().inFavour()));
            cell(t, Long.toString(v.tally().against()));
            cell(t, Long.toString(v.tally().abstain()));
            cell(t, Long.toString(v.present()));
            cell(t, v.support() + "\n" + percent(v.support()));
            PdfPCell bar = new PdfPCell(MinutesFonts.text(" ", BODY));
            bar.setCellEvent(new Bar(v.support(), threshold, v.reached()));
            bar.setBorderColor(RULE);
            bar.setMinimumHeight(22);
            t.addCell(bar);
        }
        subheading(heading, t);
        document.add(t);
        for (RecordedVote v : votes) paragraph(MinutesFonts.text(voteWords(v, threshold), BODY), 2);
    }

    private String voteWords(RecordedVote v, Fraction threshold) {
        String tally = v.tally() + " of " + v.present() + " present";
        String support = "support " + v.support() + " (" + percent(v.support()) + ")";
        if (v.support().denominator() == 0) support = "no votes were cast";
        return switch (v.stage()) {
            case CHECK_1 -> capitalized(entry(v.seq())) + ": " + tally + "; " + support + (v.reached()
                    ? ", at or above " + threshold + ": consensus reached, the resolution passes."
                    : ", below the " + threshold + " needed: no consensus; the objections are heard.");
            case CHECK_2 -> capitalized(entry(v.seq())) + ": " + tally + "; " + support + (v.reached()
                    ? ", at or above " + threshold + ": consensus reached on the amended text, the resolution passes."
                    : ", below the " + threshold + " needed: no consensus; the deal-breakers are heard.");
            case FINAL -> capitalized(entry(v.seq())) + ": " + tally + "; " + support + (v.reached()
                    ? ", at or above " + threshold + ": the resolution passes."
                    : ", below the " + threshold + " needed: the resolution is not passed.");
            case CONTENTION -> capitalized(entry(v.seq())) + ": " + tally + "; " + support + (v.reached()
                    ? ", not below " + threshold + ": the resolution keeps its support."
                    : ", below " + threshold + ": the resolution is tabled.");
        };
    }

    private void round(Resolution r, int round) throws DocumentException {
        List<GrievanceCategory> categories = r.grievances().stream().filter(g -> g.round() == round).toList();
        List<Amendment> amendments = r.amendments().stream().filter(a -> a.round() == round).toList();
        if (categories.isEmpty() && amendments.isEmpty()) return;
        PdfPTable t = table(new float[] {1.2f, 1.05f, 1.1f, 2.4f, 1.3f, 1.65f});
        headerRow(t, "Category", "Members", "Delegate", "Statement", "Agreement", "Sustained");
        for (GrievanceCategory g : categories) {
            cell(t, g.category());
            cell(t, Long.toString(g.members()));
            cell(t, g.delegate() + (g.pleaded() ? " (pleaded)" : ""));
            cell(t, g.statement());
            Tally a = g.agreement();
            cell(t, a == null ? "not weighed" : a.inFavour() + " agree\n" + a.against() + " disagree\n" + a.abstain() + " abstain");
            cell(t, sustainedWords(g, amendments));
        }
        subheading(round == 1 ? "Round 1 — non-deal-breakers" : "Round 2 — deal-breakers", t);
        document.add(t);
        if (categories.stream().anyMatch(g -> g.sustained() != null)) {
            paragraph(MinutesFonts.text(SUSTAINED_MEANS, 8.5f, Font.NORMAL, MUTED), 1);
        }
        for (Amendment a : amendments) amendment(a);
    }

    private void amendment(Amendment a) throws DocumentException {
        // the word first, as the secretary reads it out: an adopted change in the text's colours (old struck, new
        // underlined), a rejected one grey with its proposed words struck, so it never reads as a change made
        String word = !a.voted() ? "Not voted:" : a.adopted() ? "Adopted:" : "Rejected:";
        Color wordColor = !a.voted() ? INK : a.adopted() ? REACHED : NOT_REACHED;
        String vote = !a.voted() ? "" : " " + a.tally() + " (" + entry(a.voteSeq()) + "); support " + a.support()
                + " (" + percent(a.support()) + "), more than " + meeting.header().rules().amendment() + " needed"
                + (a.adopted() ? "; the text was changed." : "; the text was left as it was.");
        Paragraph p = paragraphOf();
        p.setLeading(BODY * 1.35f);
        p.add(MinutesFonts.text(word + " ", BODY, Font.BOLD, wordColor));
        p.add(MinutesFonts.text("amendment " + a.id() + " from " + a.category() + " (" + entry(a.seq()) + ")", BODY, Font.BOLD, INK));
        p.add(MinutesFonts.text(vote, BODY, Font.NORMAL, a.voted() && !a.adopted() ? MUTED : INK));
        p.setSpacingBefore(4);
        document.add(p);
        Paragraph change = paragraphOf();
        change.setLeading(BODY * 1.35f);
        change.setIndentationLeft(14);
        String replace = a.replace().isEmpty() ? "(deleted)" : a.replace();
        if (a.voted() && !a.adopted()) {
            change.add(MinutesFonts.text("proposed: \u201C" + a.find() + "\u201D", BODY, Font.NORMAL, MUTED));
            change.add(MinutesFonts.text("  →  ", BODY, Font.NORMAL, MUTED));
            change.add(MinutesFonts.text(replace, BODY, Font.STRIKETHRU, MUTED));
        } else {
            change.add(MinutesFonts.text(a.find(), BODY, Font.STRIKETHRU, NOT_REACHED));
            change.add(MinutesFonts.text("  →  ", BODY, Font.NORMAL, MUTED));
            change.add(MinutesFonts.text(replace, BODY, Font.UNDERLINE, REACHED));
        }
        document.add(change);
    }

    /** What "sustained" means, printed under each round's categories (docs/procedure.md, round 2). */
    static final String SUSTAINED_MEANS = "Sustained: the grievance still stands, because none of its category's amendments "
            + "was adopted (all were rejected, or it offered none). Not sustained: an amendment of its category was adopted, "
            + "and the text was changed to meet it.";

    /** "yes — none of its amendments adopted", "no — A1 adopted", "round open". */
    private static String sustainedWords(GrievanceCategory g, List<Amendment> round) {
        if (g.sustained() == null) return "round open";
        List<Amendment> its = round.stream().filter(a -> a.category().equals(g.category())).toList();
        if (!g.sustained()) {
            String adopted = its.stream().filter(Amendment::adopted).map(Amendment::id).collect(Collectors.joining(", "));
            return adopted.isEmpty() ? "no — an amendment of its category adopted" : "no — " + adopted + " adopted";
        }
        return its.isEmpty() ? "yes — it offered no amendment" : "yes — none of its amendments adopted";
    }

    /** The delegates {@code shown} picks, with their election and the recall votes taken on them at this meeting. */
    private void delegates(Resolution r, java.util.function.Predicate<Delegate> shown) throws DocumentException {
        List<Delegate> delegates = r.delegates().stream().filter(shown).toList();
        if (delegates.isEmpty()) return;
        PdfPTable t = table(new float[] {1.3f, 3.2f, 1.6f, 1.9f});
        headerRow(t, "Name", "Mandate", "Election", "Standing");
        for (Delegate d : delegates) {
            cell(t, d.name());
            cell(t, d.mandate());
            cell(t, entry(d.seq()) + ": " + d.tally().inFavour() + " for, " + d.tally().against() + " against, "
                    + d.tally().abstain() + " abstaining (" + d.support() + ")");
            StringBuilder standing = new StringBuilder(d.elected() ? "elected" : "not elected");
            for (Delegate.RecallVote rv : d.recallVotes()) {
                if (!here(rv.seq())) continue;
                standing.append("; recall at entry ").append(rv.seq()).append(": ").append(rv.tally().inFavour()).append(" for, ")
                        .append(rv.tally().against()).append(" against — ").append(rv.recalled() ? "recalled" : "stays");
            }
            cell(t, standing.toString());
        }
        subheading("Delegates and their mandates", t);
        document.add(t);
    }

    private String outcomeWords(Resolution r) {
        if (r.outcome().isEmpty()) return "Outcome: none yet — the resolution is " + r.stage().words() + ".";
        Outcome o = r.outcome().get();
        String deciding = r.decidingVote().map(v -> " (" + entry(v.seq()) + ", support " + v.support() + ", "
                + percent(v.support()) + ")").orElse("");
        return switch (o) {
            case PASSED -> "Outcome: passed — " + switch (r.route().orElseThrow()) {
                case CONSENSUS -> "by consensus at the first temperature check";
                case AMENDED -> "by consensus on the amended text";
                case SUPERMAJORITY -> "by the final vote";
            } + deciding + (r.carriedForward() ? "; carried forward." : "; still in planning.");
            case NOT_PASSED -> "Outcome: not passed" + deciding + ".";
            case TABLED -> "Outcome: tabled by a contention vote" + deciding + ".";
            case DISMISSED -> "Outcome: dismissed after being tabled" + deciding + ".";
            case WITHDRAWN -> "Outcome: withdrawn by the proposer.";
        };
    }

    // ---- the end of the minutes -------------------------------------------------------------------

    /** The corrections made at this meeting, saying which earlier meeting's entry each corrects. */
    private void corrections() throws DocumentException {
        List<Correction> made = meeting.corrections().stream().filter(c -> here(c.seq())).toList();
        if (made.isEmpty()) return;
        spacer(8);
        PdfPTable t = table(new float[] {0.8f, 1.1f, 2.2f, 2.2f, 2.3f});
        headerRow(t, "Entry", "Corrects", "As first recorded", "Replaced by", "Reason");
        for (Correction c : made) {
            cell(t, Long.toString(c.seq()));
            cell(t, entry(c.entry()));
            // which vote it was, as the console's history and correction list say it
            cell(t, EntryWords.of(meeting, c.entry(), c.original()).text());
            cell(t, EntryWords.of(meeting, c.entry(), c.replacement()).text());
            cell(t, c.reason());
        }
        subheading("Corrections", t);
        document.add(t);
    }

    /** The notes of this meeting, with those written since the meeting before it (between the two) marked so. */
    private void notes() throws DocumentException {
        List<Note> notes = meeting.notes().stream().filter(n -> here(n.seq())).toList();
        if (notes.isEmpty()) return;
        spacer(8);
        subheading("The secretary's notes");
        for (Note n : notes) {
            boolean between = n.seq() < held.sitting().openedAt();
            paragraph(MinutesFonts.text("Entry " + n.seq() + (between ? ", between the meetings" : "")
                    + (n.resolution() == null ? "" : " (" + n.resolution() + ")") + ": " + n.text(), BODY), 2);
        }
    }

    /** Every verdict this meeting's close issued, to be checked against the files that leave the room. */
    private void verdictsIssued() throws DocumentException {
        List<VerdictPayload.Issued> here = issued.stream().filter(i -> i.meeting() == number()).toList();
        String heading = "Verdicts issued at the close of this meeting";
        if (here.isEmpty()) {
            subheading(heading);
            paragraph(MinutesFonts.text("None: no resolution reached an outcome or changed its standing at this meeting.", BODY), 2);
            return;
        }
        PdfPTable t = table(new float[] {1f, 2.2f, 3.8f});
        headerRow(t, "Resolution", "Fingerprint", "Supersedes");
        for (VerdictPayload.Issued v : here) {
            cell(t, v.resolution());
            cell(t, fingerprint(v));
            cell(t, v.supersedes().isEmpty() ? "—" : v.supersedes().stream().map(sha -> bySha.containsKey(sha)
                    ? "meeting " + bySha.get(sha).meeting() + ": " + fingerprint(bySha.get(sha)) : "payload SHA-256 " + sha)
                    .collect(Collectors.joining("\n")));
        }
        subheading(heading, t);
        document.add(t);
        paragraph(MinutesFonts.text("Signed with key " + keyId + ".", BODY, Font.NORMAL, MUTED), 2);
    }

    private void signatures() throws DocumentException {
        spacer(28);
        MeetingInfo m = held.sitting().info();
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
        document.add(t);
    }

    /** An entry in a few words, as the minutes and the console history show it. */
    public static String describe(Action a) {
        return EntryWords.of(a).text();
    }

    // ---- layout helpers ---------------------------------------------------------------------------

    private String footerText(Sitting sitting) {
        MeetingInfo m = sitting.info();
        return "Minutes — " + meeting.header().community().name() + " — meeting " + sitting.number()
                + (m.date() == null ? "" : ", " + m.date());
    }

    /** A heading and at least three lines of text beneath it. */
    private void subheading(String text) throws DocumentException {
        subheading(text, 80);
    }

    /**
     * A heading kept with the head of the table beneath it: its header row and first row, however tall (a
     * category's statement and weigh-in run to several lines), come on the heading's page.
     */
    private void subheading(String text, PdfPTable first) throws DocumentException {
        first.setTotalWidth(document.right() - document.left());
        float rows = first.spacingBefore();
        for (int i = 0; i < Math.min(first.size(), first.getHeaderRows() + 1); i++) rows += first.getRowHeight(i);
        subheading(text, HEADING_HEIGHT + rows);
    }

    /** The height a subheading takes with its spacing: its line, 8 points before and 3 after. */
    private static final float HEADING_HEIGHT = 11.5f * 1.5f + 8 + 3;

    private void subheading(String text, float withWhatFollows) throws DocumentException {
        keepWithNext(withWhatFollows);
        Paragraph p = paragraphOf(MinutesFonts.text(text, 11.5f, Font.BOLD, INK));
        p.setSpacingBefore(8);
        p.setSpacingAfter(3);
        document.add(p);
    }

    /** A heading never ends a page: with less than {@code points} left below it, it begins the next. */
    private void keepWithNext(float points) throws DocumentException {
        if (writer.getVerticalPosition(false) - document.bottom() < points) document.newPage();
    }

    private void paragraph(Phrase phrase, float before) {
        Paragraph p = paragraphOf(phrase);
        p.setSpacingBefore(before);
        p.setLeading(BODY * 1.35f);
        try {
            document.add(p);
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
    }

    private void boxed(String label, String text) throws DocumentException {
        document.add(boxTable(label, text));
    }

    /**
     * A paragraph whose own font is the embedded one: OpenPDF lays the space before and after a paragraph out as a
     * blank in the paragraph's font, and a paragraph left with the default one puts Helvetica, not embedded, in the file.
     */
    private static Paragraph paragraphOf(Phrase phrase) {
        Paragraph p = new Paragraph(phrase);
        p.setFont(new Font(MinutesFonts.regular(), BODY));
        return p;
    }

    private static Paragraph paragraphOf() {
        return paragraphOf(new Phrase());
    }

    private static PdfPTable boxTable(String label, String text) {
        PdfPTable t = table(new float[] {1});
        PdfPCell c = new PdfPCell();
        c.setBackgroundColor(SHADE);
        c.setBorderColor(RULE);
        c.setPadding(7);
        c.addElement(paragraphOf(MinutesFonts.text(label, 8.5f, Font.BOLD, MUTED)));
        Paragraph body = paragraphOf(MinutesFonts.text(text, 10.5f));
        body.setLeading(14);
        c.addElement(body);
        t.addCell(c);
        t.setSpacingBefore(5);
        return t;
    }

    private static PdfPTable table(float[] widths) {
        PdfPTable t = new PdfPTable(widths);
        t.setWidthPercentage(100);
        t.setSpacingBefore(3);
        t.setSpacingAfter(3);
        t.setHeaderRows(0);
        return t;
    }

    private static void row(PdfPTable t, String label, String value) {
        PdfPCell l = new PdfPCell(MinutesFonts.bold(label, 9.5f));
        l.setBorderColor(RULE);
        l.setBackgroundColor(SHADE);
        l.setPadding(4);
        t.addCell(l);
        cell(t, value);
    }

    private static void headerRow(PdfPTable t, String... labels) {
        for (String label : labels) {
            PdfPCell c = new PdfPCell(MinutesFonts.text(label, 8.5f, Font.BOLD, INK));
            c.setBackgroundColor(SHADE);
            c.setBorderColor(RULE);
            c.setPadding(4);
            t.addCell(c);
        }
        t.setHeaderRows(1);
    }

    private static void cell(PdfPTable t, String text) {
        PdfPCell c = new PdfPCell(MinutesFonts.text(text, 9.5f));
        c.setBorderColor(RULE);
        c.setPadding(4);
        t.addCell(c);
    }

    private void spacer(float points) throws DocumentException {
        // the space in the embedded font: a bare " " would bring in Helvetica, the one font not embedded
        Paragraph p = paragraphOf(MinutesFonts.text(" ", BODY));
        p.setLeading(points);
        document.add(p);
    }

    /** A share as a percentage with one decimal, for people; decisions never use it. */
    public static String percent(Fraction f) {
        return f.denominator() == 0 ? "no votes cast" : f.percent();
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }

    private static String join(String sep, String... parts) {
        List<String> present = new ArrayList<>();
        for (String p : parts) if (p != null && !p.isBlank()) present.add(p);
        return String.join(sep, present);
    }

    /** A horizontal bar of the support, with a mark where the threshold stands. */
    private static final class Bar implements PdfPCellEvent {
        private final Fraction support;
        private final Fraction threshold;
        private final boolean reached;

        Bar(Fraction support, Fraction threshold, boolean reached) {
            this.support = support;
            this.threshold = threshold;
            this.reached = reached;
        }

        @Override
        public void cellLayout(PdfPCell cell, Rectangle position, PdfContentByte[] canvases) {
            PdfContentByte cb = canvases[PdfPTable.LINECANVAS];
            float left = position.getLeft() + 6;
            float width = position.getWidth() - 12;
            float bottom = position.getBottom() + position.getHeight() / 2 - 5;
            float share = support.denominator() == 0 ? 0f : (float) support.numerator() / support.denominator(); // drawing only
            cb.saveState();
            cb.setColorFill(new Color(0xE0, 0xE0, 0xE0));
            cb.rectangle(left, bottom, width, 10);
            cb.fill();
            cb.setColorFill(reached ? REACHED : NOT_REACHED);
            cb.rectangle(left, bottom, width * Math.min(1f, share), 10);
            cb.fill();
            float mark = left + width * ((float) threshold.numerator() / threshold.denominator());
            cb.setColorStroke(Color.BLACK);
            cb.setLineWidth(1.6f);
            cb.moveTo(mark, bottom - 3);
            cb.lineTo(mark, bottom + 13);
            cb.stroke();
            cb.restoreState();
        }
    }

    /**
     * "Minutes — Community — meeting N, date" on the left and "page X of Y" on the right of every page, counted
     * within each meeting's minutes: each is signed and filed as a document of its own.
     */
    private static final class Footer extends PdfPageEventHelper {
        private String text = "";
        private PdfTemplate total;
        private int firstPage = 1;

        /** The next meeting's minutes begin on this page: the meeting before it has its page count. */
        void begin(PdfWriter writer, String meetingText) {
            finish(writer);
            text = meetingText;
            total = writer.getDirectContent().createTemplate(40, 12);
            firstPage = writer.getPageNumber();
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte cb = writer.getDirectContent();
            float y = document.bottom() - 24;
            cb.saveState();
            cb.setColorStroke(RULE);
            cb.setLineWidth(0.5f);
            cb.moveTo(document.left(), y + 12);
            cb.lineTo(document.right(), y + 12);
            cb.stroke();
            // the Community's name may be in any script: laid out like the body text, font by font
            com.lowagie.text.pdf.ColumnText.showTextAligned(cb, Element.ALIGN_LEFT,
                    MinutesFonts.text(text, 8.5f, Font.NORMAL, MUTED), document.left(), y, 0);
            cb.beginText();
            cb.setFontAndSize(MinutesFonts.regular(), 8.5f);
            cb.setColorFill(MUTED);
            String page = "page " + (writer.getPageNumber() - firstPage + 1) + " of ";
            float pageWidth = MinutesFonts.regular().getWidthPoint(page, 8.5f);
            cb.setTextMatrix(document.right() - pageWidth - 18, y);
            cb.showText(page);
            cb.endText();
            cb.addTemplate(total, document.right() - 18, y);
            cb.restoreState();
        }

        @Override
        public void onCloseDocument(PdfWriter writer, Document document) {
            finish(writer);
        }

        /** Writes the count of the pages since {@code firstPage}, the current one ended. */
        private void finish(PdfWriter writer) {
            if (total == null) return;
            total.beginText();
            total.setFontAndSize(MinutesFonts.regular(), 8.5f);
            total.setColorFill(MUTED);
            total.setTextMatrix(0, 0);
            total.showText(Integer.toString(writer.getPageNumber() - firstPage));
            total.endText();
            total = null;
        }
    }
}
