package org.folkmoot.procedure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The rules of PROCEDURE.md applied to one action at a time. Every handler checks everything first and
 * changes the state only when the action fits, so a refused action leaves no trace.
 */
final class Ladder {
    private final Header header;
    private final Rules rules;
    private long present = -1;
    private boolean adjourned;
    final List<Resolution> resolutions = new ArrayList<>();
    private final Map<String, Resolution> byId = new HashMap<>();
    private Resolution current;
    final List<Note> notes = new ArrayList<>();
    final List<Adjournment> adjournments = new ArrayList<>();

    Ladder(Header header) {
        this.header = header;
        this.rules = header.rules();
    }

    long present() { return present; }
    boolean adjourned() { return adjourned; }
    Resolution current() { return current; }

    /** Applies {@code action} as entry {@code seq}; returns why it does not fit, or null when it was applied. */
    Reason apply(long seq, Action action) {
        if (adjourned && !(action instanceof Action.Resume || action instanceof Action.Note
                || action instanceof Action.Attendance)) {
            return Reason.of("refused.adjourned");
        }
        if (action instanceof Action.Attendance a) return attendance(a);
        if (action instanceof Action.Present p) return present(seq, p);
        if (action instanceof Action.Discuss d) return discuss(d);
        if (action instanceof Action.Speak s) return speak(seq, s);
        if (action instanceof Action.Vote v) return vote(seq, v);
        if (action instanceof Action.Objections o) return objections(seq, o);
        if (action instanceof Action.Grievance g) return grievance(seq, g);
        if (action instanceof Action.Plead p) return plead(p);
        if (action instanceof Action.Agreement a) return agreement(a);
        if (action instanceof Action.Amend a) return amend(seq, a);
        if (action instanceof Action.AmendmentVote v) return amendmentVote(seq, v);
        if (action instanceof Action.CloseRound) return closeRound();
        if (action instanceof Action.Elect e) return elect(seq, e);
        if (action instanceof Action.CarryForward c) return carryForward(c);
        if (action instanceof Action.Recall r) return recall(seq, r);
        if (action instanceof Action.Dismiss) return dismiss();
        if (action instanceof Action.Withdraw) return withdraw();
        if (action instanceof Action.Adjourn a) return adjourn(seq, a);
        if (action instanceof Action.Resume r) return resume(seq, r);
        if (action instanceof Action.Note n) return note(seq, n);
        return Reason.of("refused.not-here", action.kind());
    }

    /**
     * Why an action of {@code kind} cannot be taken now, whatever its fields, or null when the ladder offers
     * it. What it offers may still be refused for its fields (a tally over the present count, a passage
     * that is not in the text); what it does not offer is always refused.
     */
    Reason whyNot(String kind) {
        if (adjourned && !kind.equals("resume") && !kind.equals("note") && !kind.equals("attendance")) {
            return Reason.of("refused.adjourned");
        }
        Resolution r = current;
        switch (kind) {
            case "attendance":
            case "note":
                return null;
            case "adjourn":
                return null;
            case "resume":
                return adjourned ? null : Reason.of("refused.not-adjourned");
            case "present":
                return r != null && r.isOpen()
                        ? Reason.of("refused.still-open", r.id(), r.stage())
                        : null;
            case "discuss":
            case "speak":
                return needOpen(Reason.of("what.discussion"));
            case "vote": {
                Reason closed = needOpen(Reason.of("what.vote"));
                if (closed != null) return closed;
                return switch (r.stage()) {
                    case CHECK_1, CHECK_2, FINAL, PLANNING -> null;
                    default -> Reason.of("refused.no-vote-now", r.id(), r.stage(), nextStep(r));
                };
            }
            case "objections":
                return needStage(Reason.of("what.objections"), Stage.OBJECTIONS);
            case "grievance": {
                Reason notRound = needRound(Reason.of("what.grouped"));
                if (notRound != null) return notRound;
                if (r.boardClosed()) return Reason.of("refused.board-settled", r.round());
                return membersInRound(r.round()) < roundCount(r, r.round()) ? null
                        : Reason.of("refused.board-full", r.round(), Reason.of("kind." + r.round()));
            }
            case "plead":
            case "agreement":
            case "amend": {
                Reason notRound = needRound(Reason.of("what.category-actions"));
                if (notRound != null) return notRound;
                if (r.grievances.stream().noneMatch(c -> c.round() == r.round())) return Reason.of("refused.no-category-yet", r.round());
                return r.boardClosed() ? null : boardMismatch(r.round());
            }
            case "amendment-vote": {
                Reason notRound = needRound(Reason.of("what.amendment-votes"));
                if (notRound != null) return notRound;
                return r.amendments.stream().anyMatch(a -> a.round() == r.round() && !a.voted()) ? null
                        : Reason.of("refused.no-amendment-waiting");
            }
            case "close-round": {
                Reason notRound = needRound(Reason.of("what.close-round"));
                if (notRound != null) return notRound;
                Reason uneven = r.boardClosed() ? null : boardMismatch(r.round());
                if (uneven != null) return uneven;
                return r.amendments.stream().anyMatch(a -> a.round() == r.round() && !a.voted())
                        ? Reason.of("refused.amendments-unvoted") : null;
            }
            case "elect":
                return needStage(Reason.of("what.elections"), Stage.PLANNING);
            case "carry-forward": {
                Reason wrong = needStage(Reason.of("what.carry-forward"), Stage.PLANNING);
                if (wrong != null) return wrong;
                return r.delegates.stream().anyMatch(Delegate::serving) ? null
                        : Reason.of("refused.needs-delegate", r.id());
            }
            case "recall":
                return resolutions.stream().anyMatch(x -> x.delegates.stream().anyMatch(Delegate::serving)) ? null
                        : Reason.of("refused.no-mandate");
            case "dismiss":
                return r != null && r.outcome().orElse(null) == Outcome.TABLED ? null : Reason.of("refused.dismiss-untabled");
            case "withdraw":
                if (r == null) return Reason.of("refused.nothing-presented");
                if (r.stage() == Stage.PLANNING) return Reason.of("refused.withdraw-passed", r.id());
                if (r.stage() == Stage.CLOSED) return Reason.of("refused.withdraw-closed", r.id(), describe(r));
                return null;
            default:
                return Reason.of("refused.unknown-kind", kind);
        }
    }

    // ---- attendance, agenda, discussion ---------------------------------------------------------

    private Reason attendance(Action.Attendance a) {
        long members = header.community().members();
        if (a.present() > members) {
            return Reason.of("refused.over-members", a.present(), members);
        }
        present = a.present();
        return null;
    }

    private Reason present(long seq, Action.Present p) {
        Reason missing = firstBlank("resolution-id", p.resolution(), "title", p.title(), "text", p.text(),
                "proposer", p.proposer());
        if (missing != null) return missing;
        Reason badId = Ids.problem("resolution-id", p.resolution());
        if (badId != null) return badId;
        if (current != null && current.isOpen()) {
            return Reason.of("refused.still-open", current.id(), current.stage());
        }
        if (byId.containsKey(p.resolution())) {
            return Reason.of("refused.presented-twice", p.resolution());
        }
        Upstream up = p.upstream();
        if (up != null) {
            Reason blank = firstBlank("upstream-level", up.level(), "upstream-body", up.body(),
                    "upstream-resolution", up.resolution(), "upstream-textSha256", up.textSha256());
            if (blank != null) return blank;
            if (!up.textSha256().matches("[0-9a-f]{64}")) {
                return Reason.of("refused.upstream-hex");
            }
            String actual = sha256(p.text());
            if (!actual.equals(up.textSha256())) {
                return Reason.of("refused.upstream-text", up.body(), actual, up.textSha256());
            }
        }
        Resolution r = new Resolution(seq, p.resolution(), p.title(), p.proposer(), p.text(), up);
        resolutions.add(r);
        byId.put(r.id(), r);
        current = r;
        return null;
    }

    private Reason discuss(Action.Discuss d) {
        Reason closed = needOpen(Reason.of("what.a-discussion"));
        if (closed != null) return closed;
        current.discuss(d.minutes());
        return null;
    }

    private Reason speak(long seq, Action.Speak s) {
        if (isBlank(s.name())) return Reason.of("refused.speaker-name");
        Reason closed = needOpen(Reason.of("what.queue"));
        if (closed != null) return closed;
        current.speakers.add(new Speaker(seq, s.name()));
        return null;
    }

    // ---- the votes on the resolution --------------------------------------------------------------

    private Reason vote(long seq, Action.Vote v) {
        Reason closed = needOpen(Reason.of("what.vote"));
        if (closed != null) return closed;
        VoteStage expected = switch (current.stage()) {
            case CHECK_1 -> VoteStage.CHECK_1;
            case CHECK_2 -> VoteStage.CHECK_2;
            case FINAL -> VoteStage.FINAL;
            case PLANNING -> VoteStage.CONTENTION;
            default -> null;
        };
        if (expected == null) {
            return Reason.of("refused.no-vote-now", current.id(), current.stage(), nextStep(current));
        }
        if (v.stage() != null && v.stage() != expected) {
            return Reason.of("refused.vote-marked", v.stage().word(), current.id(), expected, expected.word());
        }
        Reason bad = checkDecisionTally(v.tally(), Reason.of("what.the-vote"));
        if (bad != null) return bad;

        Fraction support = rules.support(v.tally(), present);
        Fraction threshold = rules.threshold(expected);
        boolean reached = support.reaches(threshold);
        RecordedVote recorded = new RecordedVote(seq, expected, v.tally(), present, support, reached);
        current.votes.add(recorded);
        switch (expected) {
            case CHECK_1 -> {
                if (reached) current.decide(Outcome.PASSED, Route.CONSENSUS, recorded);
                else current.moveTo(Stage.OBJECTIONS);
            }
            case CHECK_2 -> {
                if (reached) current.decide(Outcome.PASSED, Route.AMENDED, recorded);
                else current.moveTo(roundCount(current, 2) > 0 ? Stage.ROUND_2 : Stage.FINAL);
            }
            case FINAL -> {
                if (reached) current.decide(Outcome.PASSED, Route.SUPERMAJORITY, recorded);
                else current.decide(Outcome.NOT_PASSED, null, recorded);
            }
            case CONTENTION -> {
                if (!reached) current.decide(Outcome.TABLED, null, recorded);
            }
        }
        return null;
    }

    private Reason objections(long seq, Action.Objections o) {
        Reason wrong = needStage(Reason.of("what.objections"), Stage.OBJECTIONS);
        if (wrong != null) return wrong;
        long against = lastVote(current, VoteStage.CHECK_1).tally().against();
        long sum = o.nonDealBreakers() + o.dealBreakers();
        if (sum < 0 || sum != against) { // sum < 0: the two did not fit in a long together
            return Reason.of("refused.objections-sum", against,
                    sum < 0 ? Reason.of("refused.objections-sum.more") : Long.toString(sum), o.nonDealBreakers(),
                    o.dealBreakers());
        }
        current.recordObjections(new ObjectionCount(seq, o.nonDealBreakers(), o.dealBreakers()));
        // a round with no categories is skipped (PROCEDURE.md, step 5)
        current.moveTo(o.nonDealBreakers() > 0 ? Stage.ROUND_1 : Stage.CHECK_2);
        return null;
    }

    // ---- the grievance rounds ---------------------------------------------------------------------

    private Reason grievance(long seq, Action.Grievance g) {
        Reason notRound = needRound(Reason.of("what.grouped"));
        if (notRound != null) return notRound;
        int round = current.round();
        if (g.round() != round) {
            return Reason.of("refused.grievance-round", g.round(), current.id(), current.stage());
        }
        if (current.boardClosed()) {
            return Reason.of("refused.board-settled-begun", round);
        }
        Reason missing = firstBlank("category", g.category(), "statement", g.statement(), "delegate", g.delegate());
        if (missing != null) return missing;
        if (g.members() < 1) return Reason.of("refused.no-members");
        if (category(round, g.category()) != null) {
            return Reason.of("refused.category-twice", round, g.category());
        }
        long counted = roundCount(current, round);
        long held = membersInRound(round);
        if (g.members() > counted - held) {
            return Reason.of("refused.board-over", g.members(), round, counted, grievanceKind(round), held);
        }
        current.grievances.add(new GrievanceCategory(seq, round, g.category(), g.members(), g.statement(), g.delegate()));
        return null;
    }

    private Reason plead(Action.Plead p) {
        Reason bad = checkCategoryAction(p.category());
        if (bad != null) return bad;
        settleBoard();
        category(current.round(), p.category()).markPleaded();
        return null;
    }

    private Reason agreement(Action.Agreement a) {
        Reason bad = checkCategoryAction(a.category());
        if (bad != null) return bad;
        GrievanceCategory c = category(current.round(), a.category());
        if (c.agreement() != null) {
            return Reason.of("refused.weighed-in", c.category());
        }
        bad = checkTally(a.tally(), Reason.of("what.the-agreement"));
        if (bad != null) return bad;
        settleBoard();
        c.weighIn(a.tally());
        return null;
    }

    private Reason amend(long seq, Action.Amend a) {
        Reason bad = checkCategoryAction(a.category());
        if (bad != null) return bad;
        if (isBlank(a.id())) return Reason.of("refused.amendment-id");
        if (amendment(a.id()) != null) {
            return Reason.of("refused.amendment-twice", a.id(), current.id());
        }
        if (a.find().isEmpty()) return Reason.of("refused.find-empty");
        if (a.find().equals(a.replace())) return Reason.of("refused.find-same");
        int found = occurrences(current.workingText(), a.find());
        if (found == 0) {
            return Reason.of("refused.find-missing", a.find());
        }
        if (found > 1) {
            return Reason.of("refused.find-many", a.find(), found);
        }
        settleBoard();
        current.amendments.add(new Amendment(seq, a.id(), current.round(), a.category(), a.find(), a.replace()));
        return null;
    }

    private Reason amendmentVote(long seq, Action.AmendmentVote v) {
        Reason notRound = needRound(Reason.of("what.amendment-votes"));
        if (notRound != null) return notRound;
        Amendment a = amendment(v.id());
        if (a == null) return Reason.of("refused.amendment-unknown", v.id(), current.id());
        if (a.round() != current.round()) return Reason.of("refused.amendment-closed-round", a.id(), a.round());
        if (a.voted()) return Reason.of("refused.amendment-voted", a.id());
        Reason bad = checkDecisionTally(v.tally(), Reason.of("what.the-vote"));
        if (bad != null) return bad;
        Fraction support = rules.support(v.tally(), present);
        boolean adopted = support.exceeds(rules.amendment());
        if (adopted && occurrences(current.workingText(), a.find()) != 1) {
            return Reason.of("refused.amendment-stale", a.id(), a.find());
        }
        a.decide(seq, v.tally(), support, adopted);
        if (adopted) {
            String text = current.workingText();
            int at = text.indexOf(a.find());
            current.amendText(text.substring(0, at) + a.replace() + text.substring(at + a.find().length()));
        }
        return null;
    }

    private Reason closeRound() {
        Reason notRound = needRound(Reason.of("what.close-round"));
        if (notRound != null) return notRound;
        int round = current.round();
        if (!current.boardClosed()) {
            Reason uneven = boardMismatch(round);
            if (uneven != null) return uneven;
        }
        List<String> unvoted = current.amendments.stream()
                .filter(a -> a.round() == round && !a.voted())
                .map(Amendment::id)
                .collect(Collectors.toList());
        if (!unvoted.isEmpty()) {
            return Reason.of(unvoted.size() == 1 ? "refused.unvoted.one" : "refused.unvoted.many", String.join(", ", unvoted));
        }
        for (GrievanceCategory c : current.grievances) {
            if (c.round() == round) {
                boolean anyAdopted = current.amendments.stream()
                        .anyMatch(a -> a.round() == round && a.category().equals(c.category()) && a.adopted());
                c.settle(!anyAdopted);
            }
        }
        current.moveTo(round == 1 ? Stage.CHECK_2 : Stage.FINAL);
        return null;
    }

    // ---- planning, delegates, recall --------------------------------------------------------------

    private Reason elect(long seq, Action.Elect e) {
        Reason wrong = needStage(Reason.of("what.elections"), Stage.PLANNING);
        if (wrong != null) return wrong;
        Reason missing = firstBlank("name", e.name(), "mandate", e.mandate());
        if (missing != null) return missing;
        boolean serving = current.delegates.stream().anyMatch(d -> d.name().equals(e.name()) && d.serving());
        if (serving) return Reason.of("refused.delegate-twice", e.name(), current.id());
        Reason bad = checkDecisionTally(e.tally(), Reason.of("what.the-election"));
        if (bad != null) return bad;
        Fraction support = rules.support(e.tally(), present);
        current.delegates.add(new Delegate(seq, e.name(), e.mandate(), e.tally(), support,
                support.exceeds(rules.election())));
        return null;
    }

    private Reason carryForward(Action.CarryForward c) {
        Reason wrong = needStage(Reason.of("what.carry-forward"), Stage.PLANNING);
        if (wrong != null) return wrong;
        if (isBlank(c.plan())) return Reason.of("refused.plan-empty");
        if (current.delegates.stream().noneMatch(Delegate::serving)) {
            return Reason.of("refused.needs-delegate", current.id());
        }
        current.carryForward(c.plan());
        return null;
    }

    private Reason recall(long seq, Action.Recall r) {
        if (isBlank(r.name())) return Reason.of("refused.recall-name");
        Delegate delegate = null;
        if (r.resolution() != null) {
            Resolution of = byId.get(r.resolution());
            if (of == null) return Reason.of("refused.no-such-resolution", r.resolution());
            delegate = latestElected(of, r.name());
            if (delegate == null) return Reason.of("refused.not-elected-for", r.name(), of.id());
        } else {
            for (int i = resolutions.size() - 1; i >= 0 && delegate == null; i--) {
                delegate = latestElected(resolutions.get(i), r.name());
            }
            if (delegate == null) return Reason.of("refused.no-such-delegate", r.name());
        }
        if (delegate.recalled()) return Reason.of("refused.recalled-twice", r.name());
        Reason bad = checkDecisionTally(r.tally(), Reason.of("what.the-recall"));
        if (bad != null) return bad;
        Fraction support = rules.support(r.tally(), present);
        delegate.recallVote(new Delegate.RecallVote(seq, r.tally(), support, support.exceeds(rules.election())));
        return null;
    }

    private static Delegate latestElected(Resolution r, String name) {
        for (int i = r.delegates.size() - 1; i >= 0; i--) {
            Delegate d = r.delegates.get(i);
            if (d.elected() && d.name().equals(name)) return d;
        }
        return null;
    }

    // ---- the ends of a resolution, the meeting itself --------------------------------------------

    private Reason dismiss() {
        if (current == null || current.outcome().orElse(null) != Outcome.TABLED) {
            return current == null ? Reason.of("refused.dismiss-untabled")
                    : Reason.of("refused.dismiss-untabled.is", current.id(), describe(current));
        }
        current.dismiss();
        return null;
    }

    private Reason withdraw() {
        if (current == null) return Reason.of("refused.nothing-presented");
        if (current.stage() == Stage.PLANNING) return Reason.of("refused.withdraw-passed", current.id());
        if (current.stage() == Stage.CLOSED) return Reason.of("refused.withdraw-closed", current.id(), describe(current));
        current.withdraw();
        return null;
    }

    private Reason adjourn(long seq, Action.Adjourn a) {
        // the adjourned check at the top refuses a second adjourn
        adjourned = true;
        adjournments.add(new Adjournment(seq, a.date(), 0, null));
        if (current != null && current.stage() == Stage.PLANNING) {
            current.adjournInPlanning();
        }
        return null;
    }

    private Reason resume(long seq, Action.Resume r) {
        if (!adjourned) return Reason.of("refused.not-adjourned");
        adjourned = false;
        Adjournment last = adjournments.remove(adjournments.size() - 1);
        adjournments.add(new Adjournment(last.seq(), last.date(), seq, r.date()));
        return null;
    }

    private Reason note(long seq, Action.Note n) {
        if (isBlank(n.text())) return Reason.of("refused.note-empty");
        notes.add(new Note(seq, n.text(), current == null ? null : current.id()));
        return null;
    }

    // ---- shared checks ----------------------------------------------------------------------------

    private Reason needOpen(Reason what) {
        if (current == null) return Reason.of("refused.nothing-presented");
        if (current.stage() == Stage.CLOSED) return Reason.of("refused.needs-open", current.id(), describe(current), what);
        return null;
    }

    private Reason needStage(Reason what, Stage stage) {
        Reason closed = needOpen(what);
        if (closed != null) return closed;
        if (current.stage() != stage) return Reason.of("refused.needs-stage", current.id(), current.stage(), stage, nextStep(current));
        return null;
    }

    private Reason needRound(Reason what) {
        Reason closed = needOpen(what);
        if (closed != null) return closed;
        if (!current.stage().isRound()) return Reason.of("refused.needs-round", current.id(), current.stage(), what);
        return null;
    }

    /** A plead, agreement or amendment: needs a known category of the current round and a settled board. */
    private Reason checkCategoryAction(String name) {
        Reason notRound = needRound(Reason.of("what.category-actions"));
        if (notRound != null) return notRound;
        int round = current.round();
        if (category(round, name) == null) {
            String known = current.grievances.stream().filter(c -> c.round() == round)
                    .map(c -> "\"" + c.category() + "\"").collect(Collectors.joining(", "));
            return known.isEmpty() ? Reason.of("refused.no-such-category", round, name)
                    : Reason.of("refused.no-such-category.has", round, name, known);
        }
        return current.boardClosed() ? null : boardMismatch(round);
    }

    private Reason boardMismatch(int round) {
        long counted = roundCount(current, round);
        long held = membersInRound(round);
        if (held == counted) return null;
        return Reason.of("refused.board-mismatch", round, held, counted, grievanceKind(round));
    }

    private void settleBoard() {
        current.closeBoard();
    }

    private Reason checkTally(Tally t, Reason what) {
        if (present < 0) return Reason.of("refused.no-attendance");
        if (t.total() > present) {
            return t.total() == Long.MAX_VALUE ? Reason.of("refused.over-present.huge", what, present)
                    : Reason.of("refused.over-present", what, t.total(), present);
        }
        return null;
    }

    private Reason checkDecisionTally(Tally t, Reason what) {
        Reason bad = checkTally(t, what);
        if (bad != null) return bad;
        if (!rules.quorate(present, header.community().members())) {
            return Reason.of("refused.no-quorum", present, header.community().members(), rules.quorum());
        }
        return null;
    }

    private GrievanceCategory category(int round, String name) {
        for (GrievanceCategory c : current.grievances) {
            if (c.round() == round && c.category().equals(name)) return c;
        }
        return null;
    }

    private Amendment amendment(String id) {
        for (Amendment a : current.amendments) {
            if (a.id().equals(id)) return a;
        }
        return null;
    }

    private long membersInRound(int round) {
        long sum = 0;
        for (GrievanceCategory c : current.grievances) {
            if (c.round() == round) sum += c.members(); // bounded by the round's count, so no overflow
        }
        return sum;
    }

    private static long roundCount(Resolution r, int round) {
        ObjectionCount o = r.objections().orElseThrow();
        return round == 1 ? o.nonDealBreakers() : o.dealBreakers();
    }

    private static Reason grievanceKind(int round) {
        return Reason.of("kinds." + round);
    }

    private static RecordedVote lastVote(Resolution r, VoteStage stage) {
        for (int i = r.votes.size() - 1; i >= 0; i--) {
            if (r.votes.get(i).stage() == stage) return r.votes.get(i);
        }
        throw new IllegalStateException("no " + stage.word() + " vote on " + r.id());
    }

    private static Object describe(Resolution r) {
        if (r.stage() != Stage.CLOSED) return r.stage();
        if (r.outcome().isEmpty()) return Reason.of("closed.none");
        return Reason.of(r.carriedForward() ? "closed.as.carried" : "closed.as", r.outcome().get());
    }

    static Reason nextStep(Resolution r) {
        return Reason.of(r.stage().isRound() ? "next.ROUND" : "next." + r.stage().name());
    }

    static int occurrences(String text, String passage) {
        int count = 0;
        for (int at = text.indexOf(passage); at >= 0; at = text.indexOf(passage, at + 1)) {
            count++;
        }
        return count;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** Pairs of (field, value): the first blank one, as a refusal, or null. */
    private static Reason firstBlank(String... fieldsAndValues) {
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            if (isBlank(fieldsAndValues[i + 1])) return Reason.of("refused.blank", Reason.of("field." + fieldsAndValues[i]));
        }
        return null;
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java platform has SHA-256", impossible);
        }
    }
}
