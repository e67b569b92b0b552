package org.folkmoot.procedure;

/** An entry in a few words, as the minutes and the console's history show it. */
public final class EntryWords {
    private EntryWords() {
    }

    /**
     * Entry {@code seq} of meeting {@code m} as {@code a} (the entry itself, or what a correction puts there),
     * saying which vote a vote was: "temperature check 1 on R1: 100 for, 3 against, 0 abstaining". The
     * record says it by the vote's place on the ladder, which only the meeting knows.
     */
    public static Reason of(Meeting m, long seq, Action a) {
        if (a instanceof Action.Vote v) {
            for (Resolution r : m.resolutions()) {
                for (RecordedVote rv : r.votes()) {
                    if (rv.seq() == seq) return Reason.of("entry.vote.which", rv.stage(), r.id(), v.tally());
                }
            }
        }
        if (a instanceof Action.Correct c) {
            Reason all = null;
            for (Action.Replacement r : c.replacements()) {
                Reason one = Reason.of("entry.replaced", r.entry(), of(m, r.entry(), r.with()));
                all = all == null ? one : Reason.of("entry.and", all, one);
            }
            if (c.replacements().size() == 1) return Reason.of("entry.correct", c.entry(), of(m, c.entry(), c.with()), c.reason());
            return Reason.of("entry.correct.many", all, c.reason());
        }
        return of(a);
    }

    public static Reason of(Action a) {
        String on = Ladder.target(a);
        return on == null ? plain(a) : Reason.of("entry.on", plain(a), on);
    }

    private static Reason plain(Action a) {
        if (a instanceof Action.Vote v) {
            return v.stage() == null ? Reason.of("entry.vote", v.tally()) : Reason.of("entry.vote.stage", v.stage().word(), v.tally());
        }
        if (a instanceof Action.Attendance at) return Reason.of("entry.attendance", at.present());
        if (a instanceof Action.Objections o) return Reason.of("entry.objections", o.nonDealBreakers(), o.dealBreakers());
        if (a instanceof Action.Agreement ag) {
            Tally t = ag.tally();
            return Reason.of("entry.agreement", ag.category(), t.inFavour(), t.against(), t.abstain());
        }
        if (a instanceof Action.AmendmentVote av) return Reason.of("entry.amendment-vote", av.id(), av.tally());
        if (a instanceof Action.Elect e) return Reason.of("entry.elect", e.name(), e.tally());
        if (a instanceof Action.Recall r) return Reason.of("entry.recall", r.name(), r.tally());
        if (a instanceof Action.Present p) return Reason.of("entry.present", p.resolution(), p.title());
        if (a instanceof Action.Grievance g) {
            return Reason.of("entry.grievance", g.round(), g.category(), g.members(), g.delegate());
        }
        if (a instanceof Action.Plead p) return Reason.of("entry.plead", p.category());
        if (a instanceof Action.Amend am) return Reason.of("entry.amend", am.id(), am.category(), am.find(), am.replace());
        if (a instanceof Action.Speak sp) return Reason.of("entry.speak", sp.name());
        if (a instanceof Action.Discuss d) {
            return d.minutes() == null ? Reason.of("entry.discuss") : Reason.of("entry.discuss.minutes", d.minutes());
        }
        if (a instanceof Action.CarryForward c) return Reason.of("entry.carry-forward", c.plan());
        if (a instanceof Action.Note n) return Reason.of("entry.note", n.text());
        if (a instanceof Action.Correct c) {
            if (c.replacements().size() == 1) return Reason.of("entry.correct", c.entry(), of(c.with()), c.reason());
            Reason all = null;
            for (Action.Replacement r : c.replacements()) {
                Reason one = Reason.of("entry.replaced", r.entry(), of(r.with()));
                all = all == null ? one : Reason.of("entry.and", all, one);
            }
            return Reason.of("entry.correct.many", all, c.reason());
        }
        if (a instanceof Action.NextMeeting m) {
            return Reason.of("entry.meeting", m.meeting().date(), m.meeting().place(), m.meeting().facilitator(), m.meeting().secretary());
        }
        return Reason.of("entry." + a.kind());
    }
}
