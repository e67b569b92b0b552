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
    String apply(long seq, Action action) {
        if (adjourned && !(action instanceof Action.Resume || action instanceof Action.Note
                || action instanceof Action.Attendance)) {
            return "the meeting is adjourned; resume it first";
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
        return "a " + action.kind() + " cannot be applied here";
    }

    /**
     * Why an action of {@code kind} cannot be taken now, whatever its fields, or null when the ladder offers
     * it. What it offers may still be refused for its fields (a tally over the present count, a passage
     * that is not in the text); what it does not offer is always refused.
     */
    String whyNot(String kind) {
        if (adjourned && !kind.equals("resume") && !kind.equals("note") && !kind.equals("attendance")) {
            return "the meeting is adjourned; resume it first";
        }
        Resolution r = current;
        switch (kind) {
            case "attendance":
            case "note":
                return null;
            case "adjourn":
                return null;
            case "resume":
                return adjourned ? null : "the meeting is not adjourned";
            case "present":
                return r != null && r.isOpen()
                        ? "resolution " + r.id() + " is still open (" + r.stage().words() + "); it must reach an outcome first"
                        : null;
            case "discuss":
            case "speak":
                return needOpen("the discussion");
            case "vote": {
                String closed = needOpen("a vote");
                if (closed != null) return closed;
                return switch (r.stage()) {
                    case CHECK_1, CHECK_2, FINAL, PLANNING -> null;
                    default -> "no vote is taken now: " + r.id() + " is " + r.stage().words() + "; " + nextStep(r);
                };
            }
            case "objections":
                return needStage("objections", Stage.OBJECTIONS);
            case "grievance": {
                String notRound = needRound("grievances are grouped");
                if (notRound != null) return notRound;
                if (r.boardClosed()) return "the categories of round " + r.round() + " are settled";
                return membersInRound(r.round()) < roundCount(r, r.round()) ? null
                        : "the categories of round " + r.round() + " already hold every " + grievanceKind(r.round()).replace("s", "");
            }
            case "plead":
            case "agreement":
            case "amend": {
                String notRound = needRound("categories plead, weigh in and amend");
                if (notRound != null) return notRound;
                if (r.grievances.stream().noneMatch(c -> c.round() == r.round())) return "round " + r.round() + " has no category yet";
                return r.boardClosed() ? null : boardMismatch(r.round());
            }
            case "amendment-vote": {
                String notRound = needRound("amendments are voted");
                if (notRound != null) return notRound;
                return r.amendments.stream().anyMatch(a -> a.round() == r.round() && !a.voted()) ? null
                        : "no amendment is waiting for its vote";
            }
            case "close-round": {
                String notRound = needRound("a round is closed");
                if (notRound != null) return notRound;
                String uneven = r.boardClosed() ? null : boardMismatch(r.round());
                if (uneven != null) return uneven;
                return r.amendments.stream().anyMatch(a -> a.round() == r.round() && !a.voted())
                        ? "every amendment is voted before the round closes" : null;
            }
            case "elect":
                return needStage("elections are held", Stage.PLANNING);
            case "carry-forward": {
                String wrong = needStage("a resolution is carried forward", Stage.PLANNING);
                if (wrong != null) return wrong;
                return r.delegates.stream().anyMatch(Delegate::serving) ? null
                        : "carrying " + r.id() + " forward needs at least one elected delegate: hold an election first";
            }
            case "recall":
                return resolutions.stream().anyMatch(x -> x.delegates.stream().anyMatch(Delegate::serving)) ? null
                        : "no delegate holds a mandate";
            case "dismiss":
                return r != null && r.outcome().orElse(null) == Outcome.TABLED ? null : "only a tabled resolution can be dismissed";
            case "withdraw":
                if (r == null) return "no resolution has been presented";
                if (r.stage() == Stage.PLANNING) return r.id() + " has passed and can no longer be withdrawn";
                if (r.stage() == Stage.CLOSED) return r.id() + " is " + describe(r) + "; there is nothing to withdraw";
                return null;
            default:
                return "\"" + kind + "\" is not an action of the meeting format";
        }
    }

    // ---- attendance, agenda, discussion ---------------------------------------------------------

    private String attendance(Action.Attendance a) {
        long members = header.community().members();
        if (a.present() > members) {
            return a.present() + " present is more than the Community's " + members + " members";
        }
        present = a.present();
        return null;
    }

    private String present(long seq, Action.Present p) {
        String missing = firstBlank("resolution id", p.resolution(), "title", p.title(), "text", p.text(),
                "proposer", p.proposer());
        if (missing != null) return missing;
        if (current != null && current.isOpen()) {
            return "resolution " + current.id() + " is still open (" + current.stage().words()
                    + "); it must reach an outcome first";
        }
        if (byId.containsKey(p.resolution())) {
            return "resolution " + p.resolution() + " was already presented in this meeting";
        }
        Upstream up = p.upstream();
        if (up != null) {
            String blank = firstBlank("upstream level", up.level(), "upstream body", up.body(),
                    "upstream resolution", up.resolution(), "upstream textSha256", up.textSha256());
            if (blank != null) return blank;
            if (!up.textSha256().matches("[0-9a-f]{64}")) {
                return "the upstream textSha256 must be 64 lowercase hex digits";
            }
            String actual = sha256(p.text());
            if (!actual.equals(up.textSha256())) {
                return "the text is not the one " + up.body() + " sent: its SHA-256 is " + actual
                        + ", the reference names " + up.textSha256();
            }
        }
        Resolution r = new Resolution(seq, p.resolution(), p.title(), p.proposer(), p.text(), up);
        resolutions.add(r);
        byId.put(r.id(), r);
        current = r;
        return null;
    }

    private String discuss(Action.Discuss d) {
        String closed = needOpen("a discussion");
        if (closed != null) return closed;
        current.discuss(d.minutes());
        return null;
    }

    private String speak(long seq, Action.Speak s) {
        if (isBlank(s.name())) return "the speaker needs a name";
        String closed = needOpen("the speakers' queue");
        if (closed != null) return closed;
        current.speakers.add(new Speaker(seq, s.name()));
        return null;
    }

    // ---- the votes on the resolution --------------------------------------------------------------

    private String vote(long seq, Action.Vote v) {
        String closed = needOpen("a vote");
        if (closed != null) return closed;
        VoteStage expected = switch (current.stage()) {
            case CHECK_1 -> VoteStage.CHECK_1;
            case CHECK_2 -> VoteStage.CHECK_2;
            case FINAL -> VoteStage.FINAL;
            case PLANNING -> VoteStage.CONTENTION;
            default -> null;
        };
        if (expected == null) {
            return "no vote is taken now: " + current.id() + " is " + current.stage().words() + "; " + nextStep(current);
        }
        if (v.stage() != null && v.stage() != expected) {
            return "this vote is marked " + v.stage().word() + ", but " + current.id() + " is at "
                    + expected.spoken() + " (" + expected.word() + ")";
        }
        String bad = checkDecisionTally(v.tally(), "the vote");
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

    private String objections(long seq, Action.Objections o) {
        String wrong = needStage("objections", Stage.OBJECTIONS);
        if (wrong != null) return wrong;
        long against = lastVote(current, VoteStage.CHECK_1).tally().against();
        long sum = o.nonDealBreakers() + o.dealBreakers();
        if (sum < 0 || sum != against) { // sum < 0: the two did not fit in a long together
            return against + " voted against at temperature check 1, but the objections add up to "
                    + (sum < 0 ? "more than that" : Long.toString(sum)) + " (" + o.nonDealBreakers()
                    + " non-deal-breakers + " + o.dealBreakers() + " deal-breakers)";
        }
        current.recordObjections(new ObjectionCount(seq, o.nonDealBreakers(), o.dealBreakers()));
        // a round with no categories is skipped (PROCEDURE.md, step 5)
        current.moveTo(o.nonDealBreakers() > 0 ? Stage.ROUND_1 : Stage.CHECK_2);
        return null;
    }

    // ---- the grievance rounds ---------------------------------------------------------------------

    private String grievance(long seq, Action.Grievance g) {
        String notRound = needRound("grievances are grouped");
        if (notRound != null) return notRound;
        int round = current.round();
        if (g.round() != round) {
            return "this grievance is for round " + g.round() + ", but " + current.id() + " is "
                    + current.stage().words();
        }
        if (current.boardClosed()) {
            return "the categories of round " + round
                    + " are settled once pleading, agreement or amendments have begun";
        }
        String missing = firstBlank("category", g.category(), "statement", g.statement(), "delegate", g.delegate());
        if (missing != null) return missing;
        if (g.members() < 1) return "a category needs at least one member";
        if (category(round, g.category()) != null) {
            return "round " + round + " already has a category \"" + g.category() + "\"";
        }
        long counted = roundCount(current, round);
        long held = membersInRound(round);
        if (g.members() > counted - held) {
            return "with " + g.members() + " more, the categories of round " + round + " would hold more than the "
                    + counted + " " + grievanceKind(round) + " counted (" + held + " so far)";
        }
        current.grievances.add(new GrievanceCategory(seq, round, g.category(), g.members(), g.statement(), g.delegate()));
        return null;
    }

    private String plead(Action.Plead p) {
        String bad = checkCategoryAction(p.category());
        if (bad != null) return bad;
        settleBoard();
        category(current.round(), p.category()).markPleaded();
        return null;
    }

    private String agreement(Action.Agreement a) {
        String bad = checkCategoryAction(a.category());
        if (bad != null) return bad;
        GrievanceCategory c = category(current.round(), a.category());
        if (c.agreement() != null) {
            return "the assembly has already weighed in on \"" + c.category() + "\"; correct that entry instead";
        }
        bad = checkTally(a.tally(), "the agreement");
        if (bad != null) return bad;
        settleBoard();
        c.weighIn(a.tally());
        return null;
    }

    private String amend(long seq, Action.Amend a) {
        String bad = checkCategoryAction(a.category());
        if (bad != null) return bad;
        if (isBlank(a.id())) return "the amendment needs an id";
        if (amendment(a.id()) != null) {
            return "an amendment " + a.id() + " was already offered for " + current.id();
        }
        if (a.find().isEmpty()) return "the passage to find is empty";
        if (a.find().equals(a.replace())) return "replacing the passage with itself changes nothing";
        int found = occurrences(current.workingText(), a.find());
        if (found == 0) {
            return "the passage \"" + a.find() + "\" does not occur in the working text";
        }
        if (found > 1) {
            return "the passage \"" + a.find() + "\" occurs " + found
                    + " times in the working text; quote enough of it to make it unique";
        }
        settleBoard();
        current.amendments.add(new Amendment(seq, a.id(), current.round(), a.category(), a.find(), a.replace()));
        return null;
    }

    private String amendmentVote(long seq, Action.AmendmentVote v) {
        String notRound = needRound("amendments are voted");
        if (notRound != null) return notRound;
        Amendment a = amendment(v.id());
        if (a == null) return "no amendment " + v.id() + " was offered for " + current.id();
        if (a.round() != current.round()) return a.id() + " belongs to round " + a.round() + ", which is closed";
        if (a.voted()) return a.id() + " was already voted on; correct that entry instead";
        String bad = checkDecisionTally(v.tally(), "the vote");
        if (bad != null) return bad;
        Fraction support = rules.support(v.tally(), present);
        boolean adopted = support.exceeds(rules.amendment());
        if (adopted && occurrences(current.workingText(), a.find()) != 1) {
            return a.id() + " cannot be applied: its passage \"" + a.find()
                    + "\" no longer occurs exactly once in the working text (an amendment adopted since changed it)";
        }
        a.decide(seq, v.tally(), support, adopted);
        if (adopted) {
            String text = current.workingText();
            int at = text.indexOf(a.find());
            current.amendText(text.substring(0, at) + a.replace() + text.substring(at + a.find().length()));
        }
        return null;
    }

    private String closeRound() {
        String notRound = needRound("a round is closed");
        if (notRound != null) return notRound;
        int round = current.round();
        if (!current.boardClosed()) {
            String uneven = boardMismatch(round);
            if (uneven != null) return uneven;
        }
        List<String> unvoted = current.amendments.stream()
                .filter(a -> a.round() == round && !a.voted())
                .map(Amendment::id)
                .collect(Collectors.toList());
        if (!unvoted.isEmpty()) {
            return String.join(", ", unvoted) + (unvoted.size() == 1 ? " has" : " have")
                    + " not been voted on; every amendment is voted before the round closes";
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

    private String elect(long seq, Action.Elect e) {
        String wrong = needStage("elections are held", Stage.PLANNING);
        if (wrong != null) return wrong;
        String missing = firstBlank("name", e.name(), "mandate", e.mandate());
        if (missing != null) return missing;
        boolean serving = current.delegates.stream().anyMatch(d -> d.name().equals(e.name()) && d.serving());
        if (serving) return e.name() + " is already a delegate for " + current.id();
        String bad = checkDecisionTally(e.tally(), "the election");
        if (bad != null) return bad;
        Fraction support = rules.support(e.tally(), present);
        current.delegates.add(new Delegate(seq, e.name(), e.mandate(), e.tally(), support,
                support.exceeds(rules.election())));
        return null;
    }

    private String carryForward(Action.CarryForward c) {
        String wrong = needStage("a resolution is carried forward", Stage.PLANNING);
        if (wrong != null) return wrong;
        if (isBlank(c.plan())) return "the plan summary is empty";
        if (current.delegates.stream().noneMatch(Delegate::serving)) {
            return "carrying " + current.id() + " forward needs at least one elected delegate: hold an election first";
        }
        current.carryForward(c.plan());
        return null;
    }

    private String recall(long seq, Action.Recall r) {
        if (isBlank(r.name())) return "the recall needs the delegate's name";
        Delegate delegate = null;
        if (r.resolution() != null) {
            Resolution of = byId.get(r.resolution());
            if (of == null) return "no resolution " + r.resolution() + " was presented in this meeting";
            delegate = latestElected(of, r.name());
            if (delegate == null) return r.name() + " was not elected as a delegate for " + of.id();
        } else {
            for (int i = resolutions.size() - 1; i >= 0 && delegate == null; i--) {
                delegate = latestElected(resolutions.get(i), r.name());
            }
            if (delegate == null) return "no delegate named " + r.name() + " has been elected in this meeting";
        }
        if (delegate.recalled()) return r.name() + " was already recalled";
        String bad = checkDecisionTally(r.tally(), "the recall vote");
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

    private String dismiss() {
        if (current == null || current.outcome().orElse(null) != Outcome.TABLED) {
            return "only a tabled resolution can be dismissed"
                    + (current == null ? "" : "; " + current.id() + " is " + describe(current));
        }
        current.dismiss();
        return null;
    }

    private String withdraw() {
        if (current == null) return "no resolution has been presented";
        if (current.stage() == Stage.PLANNING) {
            return current.id() + " has passed and can no longer be withdrawn (a contention vote may still table it)";
        }
        if (current.stage() == Stage.CLOSED) {
            return current.id() + " is " + describe(current) + "; there is nothing to withdraw";
        }
        current.withdraw();
        return null;
    }

    private String adjourn(long seq, Action.Adjourn a) {
        // the adjourned check at the top refuses a second adjourn
        adjourned = true;
        adjournments.add(new Adjournment(seq, a.date(), 0, null));
        if (current != null && current.stage() == Stage.PLANNING) {
            current.adjournInPlanning();
        }
        return null;
    }

    private String resume(long seq, Action.Resume r) {
        if (!adjourned) return "the meeting is not adjourned";
        adjourned = false;
        Adjournment last = adjournments.remove(adjournments.size() - 1);
        adjournments.add(new Adjournment(last.seq(), last.date(), seq, r.date()));
        return null;
    }

    private String note(long seq, Action.Note n) {
        if (isBlank(n.text())) return "the note is empty";
        notes.add(new Note(seq, n.text(), current == null ? null : current.id()));
        return null;
    }

    // ---- shared checks ----------------------------------------------------------------------------

    private String needOpen(String what) {
        if (current == null) return "no resolution has been presented";
        if (current.stage() == Stage.CLOSED) {
            return current.id() + " is " + describe(current) + "; " + what + " needs an open resolution";
        }
        return null;
    }

    private String needStage(String what, Stage stage) {
        String closed = needOpen(what);
        if (closed != null) return closed;
        if (current.stage() != stage) {
            return current.id() + " is " + current.stage().words() + ", not " + stage.words() + "; " + nextStep(current);
        }
        return null;
    }

    private String needRound(String what) {
        String closed = needOpen(what);
        if (closed != null) return closed;
        if (!current.stage().isRound()) {
            return current.id() + " is " + current.stage().words() + "; " + what + " only in rounds 1 and 2";
        }
        return null;
    }

    /** A plead, agreement or amendment: needs a known category of the current round and a settled board. */
    private String checkCategoryAction(String name) {
        String notRound = needRound("categories plead, weigh in and amend");
        if (notRound != null) return notRound;
        int round = current.round();
        if (category(round, name) == null) {
            String known = current.grievances.stream().filter(c -> c.round() == round)
                    .map(c -> "\"" + c.category() + "\"").collect(Collectors.joining(", "));
            return "round " + round + " has no category \"" + name + "\""
                    + (known.isEmpty() ? " (none yet)" : " (it has " + known + ")");
        }
        return current.boardClosed() ? null : boardMismatch(round);
    }

    private String boardMismatch(int round) {
        long counted = roundCount(current, round);
        long held = membersInRound(round);
        if (held == counted) return null;
        return "the categories of round " + round + " hold " + held + " members, but " + counted + " "
                + grievanceKind(round) + " were counted: add or correct a category first";
    }

    private void settleBoard() {
        current.closeBoard();
    }

    private String checkTally(Tally t, String what) {
        if (present < 0) return "no attendance has been recorded yet: count those present first";
        if (t.total() > present) {
            return what + " counts " + (t.total() == Long.MAX_VALUE ? "more hands than that" : t.total() + " hands")
                    + ", but only " + present + " are present";
        }
        return null;
    }

    private String checkDecisionTally(Tally t, String what) {
        String bad = checkTally(t, what);
        if (bad != null) return bad;
        if (!rules.quorate(present, header.community().members())) {
            return "there is no quorum: " + present + " present of " + header.community().members()
                    + " members, and " + rules.quorum() + " of the members must be present to decide";
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

    private static String grievanceKind(int round) {
        return round == 1 ? "non-deal-breakers" : "deal-breakers";
    }

    private static RecordedVote lastVote(Resolution r, VoteStage stage) {
        for (int i = r.votes.size() - 1; i >= 0; i--) {
            if (r.votes.get(i).stage() == stage) return r.votes.get(i);
        }
        throw new IllegalStateException("no " + stage.word() + " vote on " + r.id());
    }

    private static String describe(Resolution r) {
        if (r.stage() != Stage.CLOSED) return r.stage().words();
        return "closed (" + r.outcome().map(Outcome::word).orElse("no outcome")
                + (r.carriedForward() ? ", carried forward" : "") + ")";
    }

    static String nextStep(Resolution r) {
        return switch (r.stage()) {
            case CHECK_1 -> "next is temperature check 1";
            case OBJECTIONS -> "next, those against say whether their grievances are deal-breakers (objections)";
            case ROUND_1, ROUND_2 -> "next come the categories, pleading, agreement and amendments, then close-round";
            case CHECK_2 -> "next is temperature check 2";
            case FINAL -> "next is the final vote";
            case PLANNING -> "in planning come contention votes, elections and carry-forward";
            case CLOSED -> "it has reached its outcome";
        };
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

    /** Pairs of (label, value): the first blank one, as a refusal, or null. */
    private static String firstBlank(String... labelsAndValues) {
        for (int i = 0; i < labelsAndValues.length; i += 2) {
            if (isBlank(labelsAndValues[i + 1])) return "the " + labelsAndValues[i] + " is empty";
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
