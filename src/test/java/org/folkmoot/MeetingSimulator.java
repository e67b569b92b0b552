package org.folkmoot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;
import org.folkmoot.procedure.Action;
import org.folkmoot.procedure.Amendment;
import org.folkmoot.procedure.Delegate;
import org.folkmoot.procedure.GrievanceCategory;
import org.folkmoot.procedure.Header;
import org.folkmoot.procedure.Meeting;
import org.folkmoot.procedure.Resolution;
import org.folkmoot.procedure.Stage;
import org.folkmoot.procedure.Tally;
import org.folkmoot.record.ActionCodec;
import org.folkmoot.record.HeaderCodec;
import org.folkmoot.record.Json;

/**
 * Writes valid meeting scripts from a stream of choices, as a facilitator would run them: it asks the
 * meeting where it stands and picks among the moves that fit. Candidates the ladder refuses (a correction
 * that no longer fits, say) are left out, so every script it writes replays without a refusal.
 */
public final class MeetingSimulator {
    private static final String[] SENTENCES = {
        "The Community builds a bicycle shed.", "It has room for forty bicycles.", "Members keep it clean in turns.",
        "The roof collects rain for the garden.", "Work starts in spring.", "Children may use it after school.",
        "The shed is locked at night.", "Repairs are paid from the common fund.",
    };

    private final IntUnaryOperator choose;
    private final Meeting meeting;
    private final List<String> lines = new ArrayList<>();
    private long clock = Instant.parse("2026-11-26T18:00:00Z").getEpochSecond();
    private int resolutions;

    /** @param choose given n, a choice in [0, n) */
    private MeetingSimulator(String header, IntUnaryOperator choose) {
        this.choose = choose;
        try {
            Header h = HeaderCodec.read(Json.object(header));
            this.meeting = Meeting.open(h);
        } catch (org.folkmoot.record.FormatException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        lines.add(header);
    }

    /** A script of at most {@code steps} entries after the header. */
    public static List<String> script(String header, int steps, IntUnaryOperator choose) {
        MeetingSimulator s = new MeetingSimulator(header, choose);
        int attempts = 0;
        while (s.meeting.size() < steps && attempts++ < steps * 20) {
            s.step();
        }
        return s.lines;
    }

    /** A script driven by a list of numbers (what a property test generates and shrinks); cycles through it. */
    public static List<String> script(String header, List<Integer> choices) {
        int[] next = {0};
        return script(header, choices.size(), n -> choices.isEmpty() ? 0 : Math.floorMod(choices.get(next[0]++ % choices.size()), n));
    }

    private int pick(int n) {
        return n <= 1 ? 0 : choose.applyAsInt(n);
    }

    private void step() {
        Action action = candidate();
        if (action != null && meeting.apply(action).isEmpty()) {
            com.fasterxml.jackson.databind.node.ObjectNode node = ActionCodec.write(action);
            clock += 60;
            node.put("at", Instant.ofEpochSecond(clock).toString());
            lines.add(Json.compact(node));
        }
    }

    private Action candidate() {
        long members = meeting.header().community().members();
        if (meeting.present() < 0) return new Action.Attendance(members / 2 + pick((int) (members / 2)));
        if (meeting.adjourned()) {
            switch (pick(5)) {
                case 0: return new Action.Note("Break.");
                case 1: return new Action.Resume(null);
                case 2: return correction(); // the secretary's bookkeeping between two meetings
                default: {
                    // the book's next meeting, a week later
                    int number = meeting.book().meetings().size() + 1;
                    String date = java.time.LocalDate.parse("2026-11-26").plusWeeks(number - 1).toString();
                    return new Action.NextMeeting(new org.folkmoot.procedure.MeetingInfo(date, "Hall " + number,
                            "Facilitator " + number, "Secretary " + number));
                }
            }
        }
        switch (pick(40)) {
            case 0: return new Action.Note("Note " + meeting.size() + ": ünïcødé ✓");
            case 1: return new Action.Attendance(Math.max(members / 2, meeting.present() - pick(5)));
            case 2: return correction();
            case 3: return new Action.Adjourn(null);
            case 4: case 5: {
                Action planning = elsewhere();
                if (planning != null) return planning;
                break;
            }
            default: break;
        }
        Resolution r = meeting.current().orElse(null);
        if (r == null || r.stage() == Stage.CLOSED || r.stage() == Stage.PLANNING && pick(2) == 0) {
            if (r != null && r.outcome().map(o -> o.word().equals("tabled")).orElse(false) && pick(2) == 0) {
                return new Action.Dismiss();
            }
            resolutions++;
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < SENTENCES.length; i++) {
                if (pick(3) > 0) text.append(text.length() == 0 ? "" : " ").append(SENTENCES[i]);
            }
            if (text.length() == 0) text.append(SENTENCES[0]);
            return new Action.Present("R" + resolutions, "Resolution " + resolutions, text.toString(), "Proposer " + resolutions, null);
        }
        switch (r.stage()) {
            case CHECK_1:
                switch (pick(8)) {
                    case 0: return new Action.Discuss((long) pick(30));
                    case 1: return new Action.Speak("Speaker " + pick(9));
                    case 2: return pick(4) == 0 ? new Action.Withdraw() : new Action.Speak("Speaker " + pick(9));
                    default: return new Action.Vote(null, tally(highSupport()));
                }
            case OBJECTIONS: {
                long against = r.votes().get(r.votes().size() - 1).tally().against();
                long non = against == 0 ? 0 : pick((int) against + 1);
                return new Action.Objections(non, against - non);
            }
            case ROUND_1:
            case ROUND_2:
                return roundMove(r);
            case CHECK_2:
            case FINAL:
                return new Action.Vote(null, tally(highSupport()));
            case PLANNING:
                switch (pick(6)) {
                    case 0: return new Action.Vote(null, tally(pick(4) == 0 ? 40 : 80));
                    case 1: case 2: return new Action.Elect("Delegate " + pick(5), "Carry out " + r.id() + ".", tally(60));
                    case 3: {
                        for (Delegate d : r.delegates()) {
                            if (d.serving() && pick(3) == 0) return new Action.Recall(d.name(), r.id(), tally(pick(2) == 0 ? 30 : 60));
                        }
                        return new Action.CarryForward("Plan for " + r.id() + ".");
                    }
                    default: return new Action.CarryForward("Plan for " + r.id() + ".");
                }
            default:
                return null;
        }
    }

    /** A planning entry on an earlier resolution, naming it: a contention vote, an election, a plan, a dismissal, a recall. */
    private Action elsewhere() {
        List<Action> moves = new ArrayList<>();
        List<Resolution> all = meeting.resolutions();
        for (int i = 0; i < all.size() - 1; i++) {
            Resolution x = all.get(i);
            if (x.stage() == Stage.PLANNING) {
                moves.add(new Action.Vote(null, tally(pick(3) == 0 ? 40 : 80), x.id()));
                moves.add(new Action.Elect("Delegate " + pick(5), "Carry out " + x.id() + ".", tally(60), x.id()));
                if (!x.serving().isEmpty()) moves.add(new Action.CarryForward("Plan for " + x.id() + ".", x.id()));
            }
            if (x.outcome().orElse(null) == org.folkmoot.procedure.Outcome.TABLED) moves.add(new Action.Dismiss(x.id()));
        }
        for (Resolution x : all) {
            for (Delegate d : x.serving()) moves.add(new Action.Recall(d.name(), x.id(), tally(pick(2) == 0 ? 30 : 60)));
        }
        return moves.isEmpty() ? null : moves.get(pick(moves.size()));
    }

    private Action roundMove(Resolution r) {
        int round = r.round();
        long counted = round == 1 ? r.objections().orElseThrow().nonDealBreakers() : r.objections().orElseThrow().dealBreakers();
        long held = r.grievances().stream().filter(c -> c.round() == round).mapToLong(GrievanceCategory::members).sum();
        List<GrievanceCategory> categories = r.grievances().stream().filter(c -> c.round() == round).toList();
        if (held < counted) {
            long members = categories.size() >= 3 ? counted - held : 1 + pick((int) (counted - held));
            return new Action.Grievance(round, "Category " + round + "." + categories.size(), members,
                    "A grievance of " + members + ".", "Delegate " + pick(5));
        }
        for (Amendment a : r.amendments()) {
            if (a.round() == round && !a.voted()) return new Action.AmendmentVote(a.id(), tally(pick(2) == 0 ? 45 : 70));
        }
        GrievanceCategory c = categories.get(pick(categories.size()));
        switch (pick(5)) {
            case 0: return new Action.Plead(c.category());
            case 1: return new Action.Agreement(c.category(), tally(60));
            case 2: case 3: {
                String[] sentences = r.workingText().split("(?<=\\.) ");
                String find = sentences[pick(sentences.length)];
                return new Action.Amend("A" + (r.amendments().size() + 1), c.category(), find,
                        find.replace(".", ", as amended " + r.amendments().size() + "."));
            }
            default: return new Action.CloseRound();
        }
    }

    /** A correction of an earlier tally: the same kind, counts nudged; left out if the ladder refuses it. */
    private Action correction() {
        for (int tries = 0; tries < 5 && meeting.size() > 0; tries++) {
            long seq = 1 + pick(meeting.size());
            Action a = meeting.effective(seq);
            if (a instanceof Action.Objections o) {
                Action compound = withItsCheck(seq, o);
                if (compound != null) return compound;
            }
            if (a instanceof Action.Vote v) return correct(seq, new Action.Vote(v.stage(), nudge(v.tally()), v.resolution()));
            if (a instanceof Action.Agreement ag) return correct(seq, new Action.Agreement(ag.category(), nudge(ag.tally())));
            if (a instanceof Action.AmendmentVote av) return correct(seq, new Action.AmendmentVote(av.id(), nudge(av.tally())));
            if (a instanceof Action.Elect e) return correct(seq, new Action.Elect(e.name(), e.mandate(), nudge(e.tally()), e.resolution()));
        }
        return null;
    }

    /** The check 1 before these objections recounted (one more against) together with them (one more non-deal-breaker). */
    private Action withItsCheck(long seq, Action.Objections o) {
        for (long k = seq - 1; k >= 1; k--) {
            if (meeting.effective(k) instanceof Action.Vote v) {
                if (v.resolution() != null || v.tally().inFavour() == 0) return null;
                Tally t = v.tally();
                return new Action.Correct("The tellers recounted check 1 and the objections.", List.of(
                        new Action.Replacement(k, new Action.Vote(v.stage(), new Tally(t.inFavour() - 1, t.against() + 1, t.abstain()))),
                        new Action.Replacement(seq, new Action.Objections(o.nonDealBreakers() + 1, o.dealBreakers()))));
            }
        }
        return null;
    }

    private static Action correct(long seq, Action with) {
        return new Action.Correct(seq, "Recounted by two tellers.", with);
    }

    private Tally nudge(Tally t) {
        long move = Math.min(t.inFavour(), pick(3));
        return new Tally(t.inFavour() - move, t.against() + move, t.abstain());
    }

    /** Mostly near the thresholds, so every branch of the ladder is walked. */
    private int highSupport() {
        int[] percents = {50, 66, 67, 80, 89, 90, 91, 95};
        return percents[pick(percents.length)];
    }

    /** A tally within those present with about {@code percent}% of the votes cast in favour. */
    private Tally tally(int percent) {
        long present = meeting.present();
        long abstain = present == 0 ? 0 : pick((int) Math.min(present / 10 + 1, Integer.MAX_VALUE));
        long cast = present - abstain;
        long inFavour = cast * percent / 100 + (pick(3) - 1);
        inFavour = Math.max(0, Math.min(cast, inFavour));
        return new Tally(inFavour, cast - inFavour, abstain);
    }
}
