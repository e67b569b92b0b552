package org.folkmoot.minutes;

import static org.folkmoot.minutes.MinutesLayout.BODY;
import static org.folkmoot.minutes.MinutesLayout.INK;
import static org.folkmoot.minutes.MinutesLayout.MUTED;
import static org.folkmoot.minutes.MinutesLayout.NOT_REACHED;
import static org.folkmoot.minutes.MinutesLayout.REACHED;
import static org.folkmoot.minutes.MinutesLayout.RULE;
import static org.folkmoot.minutes.MinutesLayout.boxTable;
import static org.folkmoot.minutes.MinutesLayout.cell;
import static org.folkmoot.minutes.MinutesLayout.headerRow;
import static org.folkmoot.minutes.MinutesLayout.paragraphOf;
import static org.folkmoot.minutes.MinutesLayout.table;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.awt.Color;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.folkmoot.procedure.Amendment;
import org.folkmoot.procedure.Delegate;
import org.folkmoot.procedure.Fraction;
import org.folkmoot.procedure.GrievanceCategory;
import org.folkmoot.procedure.Outcome;
import org.folkmoot.procedure.RecordedVote;
import org.folkmoot.procedure.Resolution;
import org.folkmoot.procedure.Rules;
import org.folkmoot.procedure.Speaker;
import org.folkmoot.procedure.Tally;
import org.folkmoot.procedure.Upstream;
import org.folkmoot.procedure.VoteStage;
import org.folkmoot.proposal.Proposal;
import org.folkmoot.verdict.Ed25519Keys;
import org.folkmoot.verdict.VerdictPayload;

/**
 * One resolution in the minutes of a meeting: where it came from, its ladder step by step with each tally
 * against its threshold, the rounds' grievances and amendments as tracked changes, its delegates, and the
 * box the secretary reads out at the close (the final text, the outcome, the verdict).
 */
final class ResolutionMinutes {
    private final MeetingAtHand at;
    private final MinutesLayout page;
    private final IssuedVerdicts verdicts;
    /** The body's proposal by its payload SHA-256, where this laptop kept it (its name, the day to report by). */
    private final Function<String, Optional<Proposal>> proposals;

    ResolutionMinutes(MeetingAtHand at, MinutesLayout page, IssuedVerdicts verdicts, Function<String, Optional<Proposal>> proposals) {
        this.at = at;
        this.page = page;
        this.verdicts = verdicts;
        this.proposals = proposals;
    }

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
    void resolution(Resolution r, Resolution before) throws DocumentException {
        resolutionHeading(r);
        String by = "Presented by " + r.proposer() + (before == null ? "" : " at meeting " + r.meeting()) + " (entry " + r.seq() + ")"
                + (before == null ? "." : "; still to be decided when this meeting opened, continued here.");
        if (r.upstream() != null) by += " " + source(r.upstream());
        page.paragraph(MinutesFonts.text(by, BODY, Font.NORMAL, MUTED), 2);
        page.boxed("Original text", r.originalText());

        if (r.discussionMinutes() != null || !r.speakers().isEmpty()) {
            String discussion = r.discussionMinutes() != null ? "Discussion: " + r.discussionMinutes() + " minutes." : "Discussion.";
            if (!r.speakers().isEmpty()) {
                discussion += " Speakers, in order: " + r.speakers().stream().map(Speaker::name).collect(Collectors.joining(", ")) + ".";
            }
            page.paragraph(MinutesFonts.text(discussion, BODY), 4);
        }

        votes(r, VoteStage.CHECK_1, seq -> true);
        r.objections().ifPresent(o -> page.paragraph(MinutesFonts.text("Objections: of those against, " + o.nonDealBreakers()
                + " said their grievance is not a deal-breaker and " + o.dealBreakers() + " that it is.", BODY), 4));
        round(r, 1);
        votes(r, VoteStage.CHECK_2, seq -> true);
        round(r, 2);
        votes(r, VoteStage.FINAL, seq -> true);
        votes(r, VoteStage.CONTENTION, seq -> true);
        delegates(r, d -> true);
        if (r.plan() != null) page.paragraph(MinutesFonts.text("Carried forward with the plan: " + r.plan(), BODY), 4);
        closingBox(r);
    }

    /**
     * A resolution decided at an earlier meeting that this one took up: only what was done to it here (contention
     * votes, elections, recalls, the plan, its dismissal), then where it stands at this meeting's close.
     */
    void laterBusiness(Resolution r, Resolution before) throws DocumentException {
        resolutionHeading(r);
        page.paragraph(MinutesFonts.text("Presented by " + r.proposer() + " at meeting " + r.meeting() + " (entry " + r.seq() + "); "
                + standingWords(before) + " when this meeting opened.", BODY, Font.NORMAL, MUTED), 2);
        List<Speaker> speakers = r.speakers().stream().filter(sp -> at.here(sp.seq())).toList();
        if (!speakers.isEmpty()) {
            page.paragraph(MinutesFonts.text("Speakers, in order: " + speakers.stream().map(Speaker::name)
                    .collect(Collectors.joining(", ")) + ".", BODY), 4);
        }
        votes(r, VoteStage.CONTENTION, at::here);
        delegates(r, d -> at.here(d.seq()) || d.recallVotes().stream().anyMatch(v -> at.here(v.seq())));
        if (r.carriedForward() && !before.carriedForward()) {
            page.paragraph(MinutesFonts.text("Carried forward with the plan: " + r.plan(), BODY), 4);
        }
        if (r.outcome().orElse(null) == Outcome.DISMISSED && before.outcome().orElse(null) != Outcome.DISMISSED) {
            page.paragraph(MinutesFonts.text("The body recorded the resolution dismissed.", BODY), 4);
        }
        closingBox(r);
    }

    private void resolutionHeading(Resolution r) throws DocumentException {
        page.keepWithNext(140);
        page.spacer(10);
        Paragraph heading = paragraphOf(MinutesFonts.text("Resolution " + r.id() + " — " + r.title(), 14, Font.BOLD, INK));
        heading.setKeepTogether(true);
        page.add(heading);
    }

    /** Where a decided resolution stood, e.g. "passed by consensus at meeting 1 and in planning". */
    private String standingWords(Resolution r) {
        Outcome o = r.outcome().orElseThrow();
        String when = r.decidingVote().map(v -> " at " + at.entry(v.seq())).orElse("");
        return switch (o) {
            case PASSED -> "passed" + when + (r.carriedForward() ? ", carried forward" : ", in planning");
            case NOT_PASSED -> "not passed" + when;
            case TABLED -> "tabled" + when + ", awaiting dismissal";
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
        VerdictPayload.Issued v = verdicts.issuedAt(at.number(), r.id());
        if (v != null) {
            ending.addElement(paragraphOf(MinutesFonts.text("Community Verdict fingerprint: " + IssuedVerdicts.fingerprint(v)
                    + "   (signed with key " + verdicts.keyId() + ")", BODY, Font.BOLD, INK)));
            if (!v.supersedes().isEmpty()) {
                ending.addElement(paragraphOf(MinutesFonts.text("It " + verdicts.supersedesWords(v) + ".", BODY, Font.NORMAL, INK)));
            }
        } else {
            VerdictPayload.Issued earlier = verdicts.latestBefore(at.number(), r.id());
            ending.addElement(paragraphOf(MinutesFonts.text(earlier != null
                    ? "No new Community Verdict: its standing did not change at this meeting; the verdict of meeting "
                    + earlier.meeting() + " (fingerprint " + IssuedVerdicts.fingerprint(earlier) + ") stands."
                    : "No Community Verdict: the resolution has not reached an outcome.", BODY, Font.NORMAL, INK)));
        }
        close.addCell(ending);
        close.setKeepTogether(true);
        page.add(close);
    }

    private static String capitalized(String words) {
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
    private void votes(Resolution r, VoteStage stage, java.util.function.LongPredicate shown) throws DocumentException {
        List<RecordedVote> votes = r.votes().stream().filter(v -> v.stage() == stage && shown.test(v.seq())).toList();
        if (votes.isEmpty()) return;
        Rules rules = at.meeting().header().rules();
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
            bar.setCellEvent(new MinutesLayout.Bar(v.support(), threshold, v.reached()));
            bar.setBorderColor(RULE);
            bar.setMinimumHeight(22);
            t.addCell(bar);
        }
        page.subheading(heading, t);
        page.add(t);
        for (RecordedVote v : votes) page.paragraph(MinutesFonts.text(voteWords(v, threshold), BODY), 2);
    }

    private String voteWords(RecordedVote v, Fraction threshold) {
        String tally = v.tally() + " of " + v.present() + " present";
        String support = "support " + v.support() + " (" + percent(v.support()) + ")";
        if (v.support().denominator() == 0) support = "no votes were cast";
        return switch (v.stage()) {
            case CHECK_1 -> capitalized(at.entry(v.seq())) + ": " + tally + "; " + support + (v.reached()
                    ? ", at or above " + threshold + ": consensus reached, the resolution passes."
                    : ", below the " + threshold + " needed: no consensus; the objections are heard.");
            case CHECK_2 -> capitalized(at.entry(v.seq())) + ": " + tally + "; " + support + (v.reached()
                    ? ", at or above " + threshold + ": consensus reached on the amended text, the resolution passes."
                    : ", below the " + threshold + " needed: no consensus; the deal-breakers are heard.");
            case FINAL -> capitalized(at.entry(v.seq())) + ": " + tally + "; " + support + (v.reached()
                    ? ", at or above " + threshold + ": the resolution passes."
                    : ", below the " + threshold + " needed: the resolution is not passed.");
            case CONTENTION -> capitalized(at.entry(v.seq())) + ": " + tally + "; " + support + (v.reached()
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
        page.subheading(round == 1 ? "Round 1 — non-deal-breakers" : "Round 2 — deal-breakers", t);
        page.add(t);
        if (categories.stream().anyMatch(g -> g.sustained() != null)) {
            page.paragraph(MinutesFonts.text(SUSTAINED_MEANS, 8.5f, Font.NORMAL, MUTED), 1);
        }
        for (Amendment a : amendments) amendment(a);
    }

    private void amendment(Amendment a) throws DocumentException {
        // the word first, as the secretary reads it out: an adopted change in the text's colours (old struck, new
        // underlined), a rejected one grey with its proposed words struck, so it never reads as a change made
        String word = !a.voted() ? "Not voted:" : a.adopted() ? "Adopted:" : "Rejected:";
        Color wordColor = !a.voted() ? INK : a.adopted() ? REACHED : NOT_REACHED;
        String vote = !a.voted() ? "" : " " + a.tally() + " (" + at.entry(a.voteSeq()) + "); support " + a.support()
                + " (" + percent(a.support()) + "), more than " + at.meeting().header().rules().amendment() + " needed"
                + (a.adopted() ? "; the text was changed." : "; the text was left as it was.");
        Paragraph p = paragraphOf();
        p.setLeading(BODY * 1.35f);
        p.add(MinutesFonts.text(word + " ", BODY, Font.BOLD, wordColor));
        p.add(MinutesFonts.text("amendment " + a.id() + " from " + a.category() + " (" + at.entry(a.seq()) + ")", BODY, Font.BOLD, INK));
        p.add(MinutesFonts.text(vote, BODY, Font.NORMAL, a.voted() && !a.adopted() ? MUTED : INK));
        p.setSpacingBefore(4);
        page.add(p);
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
        page.add(change);
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
            cell(t, at.entry(d.seq()) + ": " + d.tally().inFavour() + " for, " + d.tally().against() + " against, "
                    + d.tally().abstain() + " abstaining (" + d.support() + ")");
            StringBuilder standing = new StringBuilder(d.elected() ? "elected" : "not elected");
            for (Delegate.RecallVote rv : d.recallVotes()) {
                if (!at.here(rv.seq())) continue;
                standing.append("; recall at entry ").append(rv.seq()).append(": ").append(rv.tally().inFavour()).append(" for, ")
                        .append(rv.tally().against()).append(" against — ").append(rv.recalled() ? "recalled" : "stays");
            }
            cell(t, standing.toString());
        }
        page.subheading("Delegates and their mandates", t);
        page.add(t);
    }

    private String outcomeWords(Resolution r) {
        if (r.outcome().isEmpty()) return "Outcome: none yet — the resolution is " + r.stage().words() + ".";
        Outcome o = r.outcome().get();
        String deciding = r.decidingVote().map(v -> " (" + at.entry(v.seq()) + ", support " + v.support() + ", "
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

    /**
     * A share as a percentage with one decimal, for people; decisions never use it. The minutes' English: the
     * screens say a share with no votes cast in their own language ({@code ConsoleViewModel.percent}).
     */
    static String percent(Fraction f) {
        return f.denominator() == 0 ? "no votes cast" : f.percent();
    }
}
