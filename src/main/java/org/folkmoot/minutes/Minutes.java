package org.folkmoot.minutes;

import com.lowagie.text.Chunk;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.folkmoot.procedure.Action;
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
import org.folkmoot.procedure.Speaker;
import org.folkmoot.procedure.Tally;
import org.folkmoot.procedure.Upstream;
import org.folkmoot.procedure.VoteStage;

/**
 * The minutes a secretary signs and files: the meeting's header, every resolution step by step with its
 * tallies against their thresholds, grievances, amendments as tracked changes, corrections, the outcome,
 * delegates, notes, verdict fingerprints and the signature lines; "page X of Y" on every page.
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

    private final Meeting meeting;
    private final Map<String, Seal> seals;
    private final String opened;
    private final String closed;
    private final Document document = new Document(PageSize.A4, 56, 56, 60, 60);

    private Minutes(Meeting meeting, Map<String, Seal> seals, String opened, String closed) {
        this.meeting = meeting;
        this.seals = seals;
        this.opened = opened;
        this.closed = closed;
    }

    /**
     * @param seals  resolution id -> its verdict's fingerprint and key id (resolutions with a verdict)
     * @param opened the time of the record's first entry, or null
     * @param closed the time of its last entry, or null
     */
    public static byte[] render(Meeting meeting, Map<String, Seal> seals, String opened, String closed) {
        return new Minutes(meeting, seals, opened, closed).write();
    }

    private byte[] write() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setPageEvent(new Footer(footerText()));
            document.addTitle("Minutes — " + meeting.header().community().name());
            document.addCreator("Folkmoot");
            document.open();
            title();
            headerTable();
            for (Resolution r : meeting.resolutions()) resolution(r);
            if (meeting.resolutions().isEmpty()) paragraph(MinutesFonts.text("No resolution was presented.", BODY), 8);
            corrections();
            notes();
            signatures();
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("the minutes could not be laid out: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    // ---- the head of the minutes ------------------------------------------------------------------

    private void title() throws DocumentException {
        Header h = meeting.header();
        Paragraph t = new Paragraph(MinutesFonts.text("Minutes of the assembly", 20, Font.BOLD, INK));
        document.add(t);
        Paragraph c = new Paragraph(MinutesFonts.text(h.community().name(), 15, Font.NORMAL, INK));
        document.add(c);
        String when = join(" · ", h.meeting().date(), h.meeting().place());
        if (!when.isEmpty()) document.add(new Paragraph(MinutesFonts.text(when, 11, Font.NORMAL, MUTED)));
        spacer(10);
    }

    private void headerTable() throws DocumentException {
        Header h = meeting.header();
        MeetingInfo m = h.meeting();
        PdfPTable t = table(new float[] {1.3f, 4f});
        row(t, "Community", h.community().name() + " (" + h.community().id() + ")");
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
        if (opened != null || closed != null) row(t, "Opened / closed", orDash(opened) + " / " + orDash(closed));
        if (!meeting.adjournments().isEmpty()) {
            row(t, "Adjourned", meeting.adjournments().stream().map(a -> "at entry " + a.seq()
                    + (a.date() == null ? "" : " (" + a.date() + ")")
                    + (a.resumedSeq() == 0 ? ", not resumed" : ", resumed at entry " + a.resumedSeq()
                    + (a.resumedDate() == null ? "" : " (" + a.resumedDate() + ")")))
                    .collect(Collectors.joining("; ")));
        }
        document.add(t);
        spacer(6);
    }

    private String presentText() {
        List<String> counts = new ArrayList<>();
        for (long seq = 1; seq <= meeting.size(); seq++) {
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

    private void resolution(Resolution r) throws DocumentException {
        spacer(10);
        Paragraph heading = new Paragraph(MinutesFonts.text("Resolution " + r.id() + " — " + r.title(), 14, Font.BOLD, INK));
        heading.setKeepTogether(true);
        document.add(heading);
        String by = "Presented by " + r.proposer() + " (entry " + r.seq() + ").";
        Upstream up = r.upstream();
        if (up != null) {
            by += " From the " + up.level() + " " + up.body() + ", its resolution " + up.resolution() + " (text SHA-256 "
                    + up.textSha256().substring(0, 16) + "…).";
        }
        paragraph(MinutesFonts.text(by, BODY, Font.NORMAL, MUTED), 2);
        boxed("Original text", r.originalText());

        if (r.discussionMinutes() != null || !r.speakers().isEmpty()) {
            String discussion = r.discussionMinutes() != null ? "Discussion: " + r.discussionMinutes() + " minutes." : "Discussion.";
            if (!r.speakers().isEmpty()) {
                discussion += " Speakers, in order: " + r.speakers().stream().map(Speaker::name).collect(Collectors.joining(", ")) + ".";
            }
            paragraph(MinutesFonts.text(discussion, BODY), 4);
        }

        votes(r, VoteStage.CHECK_1);
        r.objections().ifPresent(o -> paragraph(MinutesFonts.text("Objections: of those against, " + o.nonDealBreakers()
                + " said their grievance is not a deal-breaker and " + o.dealBreakers() + " that it is.", BODY), 4));
        round(r, 1);
        votes(r, VoteStage.CHECK_2);
        round(r, 2);
        votes(r, VoteStage.FINAL);
        votes(r, VoteStage.CONTENTION);
        delegates(r);
        if (r.plan() != null) paragraph(MinutesFonts.text("Carried forward with the plan: " + r.plan(), BODY), 4);

        // the final text, the outcome and the fingerprint stay on one page: they are read out together
        boolean amended = !r.workingText().equals(r.originalText());
        PdfPTable close = boxTable(r.outcome().isPresent() ? "Final text" + (amended ? " (as amended)" : " (unamended)")
                : "Working text" + (amended ? " (as amended so far)" : ""), r.workingText());
        PdfPCell ending = new PdfPCell();
        ending.setBorder(Rectangle.NO_BORDER);
        ending.setPaddingTop(6);
        ending.addElement(new Paragraph(MinutesFonts.text(outcomeWords(r), 11, Font.BOLD,
                r.outcome().map(o -> o == Outcome.PASSED ? REACHED : NOT_REACHED).orElse(INK))));
        Seal seal = seals.get(r.id());
        ending.addElement(new Paragraph(MinutesFonts.text(seal == null
                ? "No Community Verdict: the resolution has not reached an outcome."
                : "Community Verdict fingerprint: " + seal.fingerprint() + "   (signed with key " + seal.keyId() + ")",
                BODY, seal == null ? Font.NORMAL : Font.BOLD, INK)));
        close.addCell(ending);
        close.setKeepTogether(true);
        document.add(close);
    }

    private void votes(Resolution r, VoteStage stage) throws DocumentException {
        List<RecordedVote> votes = r.votes().stream().filter(v -> v.stage() == stage).toList();
        if (votes.isEmpty()) return;
        Rules rules = meeting.header().rules();
        Fraction threshold = rules.threshold(stage);
        subheading(switch (stage) {
            case CHECK_1 -> "Temperature check 1";
            case CHECK_2 -> "Temperature check 2";
            case FINAL -> "The final vote";
            case CONTENTION -> votes.size() > 1 ? "Contention votes" : "Contention vote";
        });
        PdfPTable t = table(new float[] {0.7f, 0.9f, 0.9f, 0.9f, 0.9f, 1.4f, 2.6f});
        headerRow(t, "Entry", "For", "Against", "Abstain", "Present", "Support", "Against the threshold " + threshold);
        for (RecordedVote v : votes) {
            cell(t, Long.toString(v.seq()));
            cell(t, Long.toString(v.tally().inFavour()));
            cell(t, Long.toString(v.tally().against()));
            cell(t, Long.toString(v.tally().abstain()));
            cell(t, Long.toString(v.present()));
            cell(t, v.support() + "\n" + percent(v.support()));
            PdfPCell bar = new PdfPCell(new Phrase(" "));
            bar.setCellEvent(new Bar(v.support(), threshold, v.reached()));
            bar.setBorderColor(RULE);
            bar.setMinimumHeight(22);
            t.addCell(bar);
        }
        document.add(t);
        for (RecordedVote v : votes) paragraph(MinutesFonts.text(voteWords(v, threshold), BODY), 2);
    }

    private String voteWords(RecordedVote v, Fraction threshold) {
        String tally = v.tally() + " of " + v.present() + " present";
        String support = "support " + v.support() + " (" + percent(v.support()) + ")";
        if (v.support().denominator() == 0) support = "no votes were cast";
        return switch (v.stage()) {
            case CHECK_1 -> "Entry " + v.seq() + ": " + tally + "; " + support + (v.reached()
                    ? ", at or above " + threshold + ": consensus reached, the resolution passes."
                    : ", below the " + threshold + " needed: no consensus; the objections are heard.");
            case CHECK_2 -> "Entry " + v.seq() + ": " + tally + "; " + support + (v.reached()
                    ? ", at or above " + threshold + ": consensus reached on the amended text, the resolution passes."
                    : ", below the " + threshold + " needed: no consensus; the deal-breakers are heard.");
            case FINAL -> "Entry " + v.seq() + ": " + tally + "; " + support + (v.reached()
                    ? ", at or above " + threshold + ": the resolution passes."
                    : ", below the " + threshold + " needed: the resolution is not passed.");
            case CONTENTION -> "Entry " + v.seq() + ": " + tally + "; " + support + (v.reached()
                    ? ", not below " + threshold + ": the resolution keeps its support."
                    : ", below " + threshold + ": the resolution is tabled.");
        };
    }

    private void round(Resolution r, int round) throws DocumentException {
        List<GrievanceCategory> categories = r.grievances().stream().filter(g -> g.round() == round).toList();
        List<Amendment> amendments = r.amendments().stream().filter(a -> a.round() == round).toList();
        if (categories.isEmpty() && amendments.isEmpty()) return;
        subheading(round == 1 ? "Round 1 — non-deal-breakers" : "Round 2 — deal-breakers");
        PdfPTable t = table(new float[] {1.3f, 1.1f, 1.2f, 2.7f, 1.4f, 1.2f});
        headerRow(t, "Category", "Members", "Delegate", "Statement", "Agreement", "Sustained");
        for (GrievanceCategory g : categories) {
            cell(t, g.category());
            cell(t, Long.toString(g.members()));
            cell(t, g.delegate() + (g.pleaded() ? " (pleaded)" : ""));
            cell(t, g.statement());
            Tally a = g.agreement();
            cell(t, a == null ? "not weighed" : a.inFavour() + " agree\n" + a.against() + " disagree\n" + a.abstain() + " abstain");
            cell(t, g.sustained() == null ? "round open" : g.sustained() ? "yes" : "no");
        }
        document.add(t);
        for (Amendment a : amendments) amendment(a);
    }

    private void amendment(Amendment a) throws DocumentException {
        String verdict;
        if (!a.voted()) {
            verdict = "not voted";
        } else {
            verdict = (a.adopted() ? "adopted" : "rejected") + " (entry " + a.voteSeq() + "): " + a.tally()
                    + "; support " + a.support() + " (" + percent(a.support()) + "), more than "
                    + meeting.header().rules().amendment() + " needed";
        }
        Paragraph p = new Paragraph();
        p.add(MinutesFonts.text("Amendment " + a.id() + " from " + a.category() + " (entry " + a.seq() + ") — ", BODY, Font.BOLD, INK));
        p.add(MinutesFonts.text(verdict + ".", BODY, Font.NORMAL, a.adopted() ? REACHED : INK));
        p.setSpacingBefore(4);
        document.add(p);
        Paragraph change = new Paragraph();
        change.setIndentationLeft(14);
        change.add(MinutesFonts.text(a.find(), BODY, Font.STRIKETHRU, NOT_REACHED));
        change.add(new Chunk("  →  ", new Font(MinutesFonts.regular(), BODY, Font.NORMAL, MUTED)));
        change.add(MinutesFonts.text(a.replace().isEmpty() ? "(deleted)" : a.replace(), BODY, Font.UNDERLINE, REACHED));
        document.add(change);
    }

    private void delegates(Resolution r) throws DocumentException {
        if (r.delegates().isEmpty()) return;
        subheading("Delegates and their mandates");
        PdfPTable t = table(new float[] {1.3f, 3.2f, 1.6f, 1.9f});
        headerRow(t, "Name", "Mandate", "Election", "Standing");
        for (Delegate d : r.delegates()) {
            cell(t, d.name());
            cell(t, d.mandate());
            cell(t, "entry " + d.seq() + ": " + d.tally().inFavour() + " for, " + d.tally().against() + " against, "
                    + d.tally().abstain() + " abstaining (" + d.support() + ")");
            StringBuilder standing = new StringBuilder(d.elected() ? "elected" : "not elected");
            for (Delegate.RecallVote rv : d.recallVotes()) {
                standing.append("; recall at entry ").append(rv.seq()).append(": ").append(rv.tally().inFavour()).append(" for, ")
                        .append(rv.tally().against()).append(" against — ").append(rv.recalled() ? "recalled" : "stays");
            }
            cell(t, standing.toString());
        }
        document.add(t);
    }

    private String outcomeWords(Resolution r) {
        if (r.outcome().isEmpty()) return "Outcome: none yet — the resolution is " + r.stage().words() + ".";
        Outcome o = r.outcome().get();
        String deciding = r.decidingVote().map(v -> " (entry " + v.seq() + ", support " + v.support() + ", "
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

    private void corrections() throws DocumentException {
        if (meeting.corrections().isEmpty()) return;
        spacer(8);
        subheading("Corrections");
        PdfPTable t = table(new float[] {0.8f, 1.1f, 2.2f, 2.2f, 2.3f});
        headerRow(t, "Entry", "Corrects", "As first recorded", "Replaced by", "Reason");
        for (Correction c : meeting.corrections()) {
            cell(t, Long.toString(c.seq()));
            cell(t, "entry " + c.entry());
            cell(t, describe(c.original()));
            cell(t, describe(c.replacement()));
            cell(t, c.reason());
        }
        document.add(t);
    }

    private void notes() throws DocumentException {
        if (meeting.notes().isEmpty()) return;
        spacer(8);
        subheading("The secretary's notes");
        for (Note n : meeting.notes()) {
            paragraph(MinutesFonts.text("Entry " + n.seq() + (n.resolution() == null ? "" : " (" + n.resolution() + ")")
                    + ": " + n.text(), BODY), 2);
        }
    }

    private void signatures() throws DocumentException {
        spacer(28);
        MeetingInfo m = meeting.header().meeting();
        PdfPTable t = new PdfPTable(2);
        t.setWidthPercentage(100);
        t.setKeepTogether(true);
        for (String[] who : new String[][] {{"Facilitator", m.facilitator()}, {"Secretary", m.secretary()}}) {
            PdfPCell c = new PdfPCell();
            c.setBorder(Rectangle.NO_BORDER);
            c.setPaddingRight(24);
            c.addElement(new Paragraph(MinutesFonts.text("\n\n______________________________", BODY)));
            c.addElement(new Paragraph(MinutesFonts.text(who[0] + (who[1] == null ? "" : ": " + who[1]), BODY)));
            c.addElement(new Paragraph(MinutesFonts.text("Date: ____________", BODY, Font.NORMAL, MUTED)));
            t.addCell(c);
        }
        document.add(t);
    }

    /** An entry in a few words, as the minutes and the console history show it. */
    public static String describe(Action a) {
        return EntryWords.of(a).text();
    }

    // ---- layout helpers ---------------------------------------------------------------------------

    private String footerText() {
        MeetingInfo m = meeting.header().meeting();
        return "Minutes — " + meeting.header().community().name() + (m.date() == null ? "" : " — " + m.date());
    }

    private void subheading(String text) throws DocumentException {
        Paragraph p = new Paragraph(MinutesFonts.text(text, 11.5f, Font.BOLD, INK));
        p.setSpacingBefore(8);
        p.setSpacingAfter(3);
        document.add(p);
    }

    private void paragraph(Phrase phrase, float before) {
        Paragraph p = new Paragraph(phrase);
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

    private static PdfPTable boxTable(String label, String text) {
        PdfPTable t = table(new float[] {1});
        PdfPCell c = new PdfPCell();
        c.setBackgroundColor(SHADE);
        c.setBorderColor(RULE);
        c.setPadding(7);
        c.addElement(new Paragraph(MinutesFonts.text(label, 8.5f, Font.BOLD, MUTED)));
        Paragraph body = new Paragraph(MinutesFonts.text(text, 10.5f));
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
        Paragraph p = new Paragraph(" ");
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

    /** "Minutes — Community — date" on the left and "page X of Y" on the right of every page. */
    private static final class Footer extends PdfPageEventHelper {
        private final String text;
        private PdfTemplate total;

        Footer(String text) {
            this.text = text;
        }

        @Override
        public void onOpenDocument(PdfWriter writer, Document document) {
            total = writer.getDirectContent().createTemplate(40, 12);
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
            String page = "page " + writer.getPageNumber() + " of ";
            float pageWidth = MinutesFonts.regular().getWidthPoint(page, 8.5f);
            cb.setTextMatrix(document.right() - pageWidth - 18, y);
            cb.showText(page);
            cb.endText();
            cb.addTemplate(total, document.right() - 18, y);
            cb.restoreState();
        }

        @Override
        public void onCloseDocument(PdfWriter writer, Document document) {
            total.beginText();
            total.setFontAndSize(MinutesFonts.regular(), 8.5f);
            total.setColorFill(MUTED);
            total.setTextMatrix(0, 0);
            total.showText(Integer.toString(writer.getPageNumber() - 1));
            total.endText();
        }
    }
}
