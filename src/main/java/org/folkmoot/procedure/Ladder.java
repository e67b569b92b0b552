package org.folkmoot.procedure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The rules of docs/procedure.md as one pure function (the decider pattern): {@link #decide} takes a book's state
 * and an action and gives either why the action does not fit or the next state. Nothing is changed in
 * place, so a refused action leaves no trace and a trial fold is thrown away for free.
 *
 * <p>Whether a kind of action is offered at all ({@link #offered}) is the first thing {@code decide} asks,
 * and what the console greys out with its reason: the two cannot drift apart.
 *
 * <p>Longer than 500 lines because it is one state machine: each rung's conditions sit beside the
 * rung's transition, and splitting them by stage would scatter a rule's offer, its refusal and its effect
 * over files that must change together. Its helpers (tallies, thresholds, ids) live in their own classes.
 */
final class Ladder {
    private Ladder() {
    }

    /** The ladder's answer: why not, or the state after the action. */
    sealed interface Decision {
        record Refused(Reason why) implements Decision {
        }

        record Taken(Book next) implements Decision {
        }
    }

    private static Decision no(Reason why) {
        return new Decision.Refused(why);
    }

    private static Decision yes(Book next) {
        return new Decision.Taken(next);
    }

    /**
     * Whether an action of {@code kind} may be taken now on {@code target} (a resolution id, or null for the
     * latest presented), whatever its fields: null when offered, else why not. What it offers may still be
     * refused for its fields (a tally over the present count, a passage not in the text).
     */
    static Reason offered(Book b, ActionKind kind, String target) {
        if (b.adjourned() && kind != ActionKind.RESUME && kind != ActionKind.MEETING && kind != ActionKind.NOTE
                && kind != ActionKind.ATTENDANCE) {
            return Reason.of("refused.adjourned");
        }
        Resolution latest = b.latest().orElse(null);
        switch (kind) {
            case ATTENDANCE:
            case NOTE:
            case ADJOURN:
                return null;
            case RESUME:
                return b.adjourned() ? null : Reason.of("refused.not-adjourned");
            case MEETING:
                return b.adjourned() ? null : Reason.of("refused.meeting-not-adjourned");
            case PRESENT:
                return latest != null && latest.undecided() ? Reason.of("refused.still-open", latest.id(), latest.stage()) : null;
            case DISCUSS:
            case SPEAK:
                return needOpen(latest, Reason.of("what.discussion"));
            case VOTE: {
                Resolution r = target == null ? latest : b.resolution(target).orElse(null);
                if (r == null) return target == null ? Reason.of("refused.nothing-presented") : Reason.of("refused.no-such-resolution", target);
                if (r != latest) {
                    // an earlier resolution takes only a contention vote, and only while it is in planning
                    return r.stage() == Stage.PLANNING ? null : Reason.of("refused.contention-not-planning", r.id(), describe(r));
                }
                Reason closed = needOpen(r, Reason.of("what.vote"));
                if (closed != null) return closed;
                return switch (r.stage()) {
                    case CHECK_1, CHECK_2, FINAL, PLANNING -> null;
                    default -> Reason.of("refused.no-vote-now", r.id(), r.stage(), nextStep(r));
                };
            }
            case OBJECTIONS:
                return needStage(latest, Reason.of("what.objections"), Stage.OBJECTIONS);
            case GRIEVANCE: {
                Reason notRound = needRound(latest, Reason.of("what.grouped"));
                if (notRound != null) return notRound;
                if (latest.boardClosed()) return Reason.of("refused.board-settled", latest.round());
                return membersInRound(latest, latest.round()) < roundCount(latest, latest.round()) ? null
                        : Reason.of("refused.board-full", latest.round(), Reason.of("kind." + latest.round()));
            }
            case PLEAD:
            case AGREEMENT:
            case AMEND: {
                Reason notRound = needRound(latest, Reason.of("what.category-actions"));
                if (notRound != null) return notRound;
                if (latest.grievances().stream().noneMatch(c -> c.round() == latest.round())) {
                    return Reason.of("refused.no-category-yet", latest.round());
                }
                return latest.boardClosed() ? null : boardMismatch(latest, latest.round());
            }
            case AMENDMENT_VOTE: {
                Reason notRound = needRound(latest, Reason.of("what.amendment-votes"));
                if (notRound != null) return notRound;
                return latest.amendments().stream().anyMatch(a -> a.round() == latest.round() && !a.voted()) ? null
                        : Reason.of("refused.no-amendment-waiting");
            }
            case CLOSE_ROUND: {
                Reason notRound = needRound(latest, Reason.of("what.close-round"));
                if (notRound != null) return notRound;
                Reason uneven = latest.boardClosed() ? null : boardMismatch(latest, latest.round());
                if (uneven != null) return uneven;
                return latest.amendments().stream().anyMatch(a -> a.round() == latest.round() && !a.voted())
                        ? Reason.of("refused.amendments-unvoted") : null;
            }
            case ELECT: {
                Resolution r = target(b, target);
                if (r == null) return missing(target);
                return needStage(r, Reason.of("what.elections"), Stage.PLANNING);
            }
            case CARRY_FORWARD: {
                Resolution r = target(b, target);
                if (r == null) return missing(target);
                Reason wrong = needStage(r, Reason.of("what.carry-forward"), Stage.PLANNING);
                if (wrong != null) return wrong;
                return r.delegates().stream().anyMatch(Delegate::serving) ? null : Reason.of("refused.needs-delegate", r.id());
            }
            case RECALL: {
                if (target != null) {
                    Resolution r = b.resolution(target).orElse(null);
                    if (r == null) return Reason.of("refused.no-such-resolution", target);
                    return r.serving().isEmpty() ? Reason.of("refused.no-mandate-for", r.id()) : null;
                }
                return b.serving().isEmpty() ? Reason.of("refused.no-mandate") : null;
            }
            case DISMISS: {
                Resolution r = target(b, target);
                if (r == null) return target == null ? Reason.of("refused.dismiss-untabled") : missing(target);
                return r.outcome().orElse(null) == Outcome.TABLED ? null : Reason.of("refused.dismiss-untabled.is", r.id(), describe(r));
            }
            case WITHDRAW:
                if (latest == null) return Reason.of("refused.nothing-presented");
                if (latest.stage() == Stage.PLANNING) return Reason.of("refused.withdraw-passed", latest.id());
                if (latest.stage() == Stage.CLOSED) return Reason.of("refused.withdraw-closed", latest.id(), describe(latest));
                return null;
            default:
                // a correction is the book's bookkeeping, decided by the Meeting that holds the entries
                return Reason.of("refused.not-here", kind.word());
        }
    }

    private static Resolution target(Book b, String target) {
        return target == null ? b.latest().orElse(null) : b.resolution(target).orElse(null);
    }

    private static Reason missing(String target) {
        return target == null ? Reason.of("refused.nothing-presented") : Reason.of("refused.no-such-resolution", target);
    }

    /** The resolution an action names in {@code resolution}, or null (the latest). */
    static String target(Action action) {
        if (action instanceof Action.Vote v) return v.resolution();
        if (action instanceof Action.Elect e) return e.resolution();
        if (action instanceof Action.CarryForward c) return c.resolution();
        if (action instanceof Action.Recall r) return r.resolution();
        if (action instanceof Action.Dismiss d) return d.resolution();
        return null;
    }

    /** Applies {@code action} as entry {@code seq} of the book {@code b}: why it does not fit, or the next state. */
    static Decision decide(Book b, long seq, Action action) {
        Reason notNow = offered(b, action.kind(), target(action));
        if (notNow != null) {
            // where the entry's own fields say more ("A1 was already voted on" rather than "no amendment is
            // waiting"), that is the reason given; the action is refused either way
            Decision specific = REFINED.contains(action.kind()) && !b.adjourned() ? handle(b, seq, action) : null;
            return specific instanceof Decision.Refused ? specific : no(notNow);
        }
        return handle(b, seq, action);
    }

    /** The kinds whose handlers check their own preconditions, and so can say why more exactly. */
    private static final java.util.Set<ActionKind> REFINED = java.util.EnumSet.of(ActionKind.GRIEVANCE,
            ActionKind.AMENDMENT_VOTE, ActionKind.CLOSE_ROUND, ActionKind.RECALL);

    private static Decision handle(Book b, long seq, Action action) {
        if (action instanceof Action.Attendance a) return attendance(b, a);
        if (action instanceof Action.Present p) return present(b, seq, p);
        if (action instanceof Action.Discuss d) {
            Resolution r = b.latest().orElseThrow();
            Resolution.Draft next = r.edit();
            if (d.minutes() != null) next.discussionMinutes = d.minutes();
            return yes(b.with(next.done()));
        }
        if (action instanceof Action.Speak s) {
            if (isBlank(s.name())) return no(Reason.of("refused.speaker-name"));
            Resolution r = b.latest().orElseThrow();
            Resolution.Draft next = r.edit();
            next.speakers = Lists.plus(r.speakers(), new Speaker(seq, s.name()));
            return yes(b.with(next.done()));
        }
        if (action instanceof Action.Vote v) return vote(b, seq, v);
        if (action instanceof Action.Objections o) return objections(b, seq, o);
        if (action instanceof Action.Grievance g) return grievance(b, seq, g);
        if (action instanceof Action.Plead p) return plead(b, p);
        if (action instanceof Action.Agreement a) return agreement(b, a);
        if (action instanceof Action.Amend a) return amend(b, seq, a);
        if (action instanceof Action.AmendmentVote v) return amendmentVote(b, seq, v);
        if (action instanceof Action.CloseRound) return closeRound(b);
        if (action instanceof Action.Elect e) return elect(b, seq, e);
        if (action instanceof Action.CarryForward c) return carryForward(b, c);
        if (action instanceof Action.Recall r) return recall(b, seq, r);
        if (action instanceof Action.Dismiss d) return yes(b.with(target(b, d.resolution()).edit().dismiss().done()));
        if (action instanceof Action.Withdraw) return yes(b.with(b.latest().orElseThrow().edit().withdraw().done()));
        if (action instanceof Action.Adjourn a) return yes(b.adjourned(new Adjournment(seq, a.date(), 0, null)));
        if (action instanceof Action.Resume r) return yes(b.resumed(seq, r.date()));
        if (action instanceof Action.NextMeeting m) return nextMeeting(b, seq, m);
        if (action instanceof Action.Note n) {
            if (isBlank(n.text())) return no(Reason.of("refused.note-empty"));
            return yes(b.with(new Note(seq, n.text(), b.latest().map(Resolution::id).orElse(null))));
        }
        return no(Reason.of("refused.not-here", action.kind().word()));
    }

    // ---- attendance, agenda, discussion, the book's meetings ---------------------------------------

    private static Decision attendance(Book b, Action.Attendance a) {
        long members = b.header().community().members();
        if (a.present() > members) return no(Reason.of("refused.over-members", a.present(), members));
        return yes(b.withPresent(a.present()));
    }

    private static Decision present(Book b, long seq, Action.Present p) {
        Reason missing = firstBlank("resolution-id", p.resolution(), "title", p.title(), "text", p.text(),
                "proposer", p.proposer());
        if (missing != null) return no(missing);
        Reason badId = Ids.problem("resolution-id", p.resolution());
        if (badId != null) return no(badId);
        Resolution earlier = b.resolution(p.resolution()).orElse(null);
        if (earlier != null) {
            return no(earlier.meeting() == b.meeting().number() ? Reason.of("refused.presented-twice", p.resolution())
                    : Reason.of("refused.presented-twice.earlier", p.resolution(), earlier.meeting()));
        }
        Upstream up = p.upstream();
        if (up != null) {
            Reason blank = firstBlank("upstream-level", up.level(), "upstream-body", up.body(),
                    "upstream-resolution", up.resolution(), "upstream-textSha256", up.textSha256());
            if (blank != null) return no(blank);
            if (!up.textSha256().matches("[0-9a-f]{64}")) return no(Reason.of("refused.upstream-hex"));
            if (up.proposalSha256() != null && !up.proposalSha256().matches("[0-9a-f]{64}")) {
                return no(Reason.of("refused.upstream-proposal-hex"));
            }
            String actual = sha256(p.text());
            if (!actual.equals(up.textSha256())) return no(Reason.of("refused.upstream-text", up.body(), actual, up.textSha256()));
        }
        return yes(b.plus(Resolution.presented(seq, b.meeting().number(), p.resolution(), p.title(), p.proposer(), p.text(), up)));
    }

    private static Decision nextMeeting(Book b, long seq, Action.NextMeeting m) {
        MeetingInfo info = m.meeting();
        Reason missing = firstBlank("meeting-date", info.date(), "meeting-place", info.place(),
                "meeting-facilitator", info.facilitator(), "meeting-secretary", info.secretary());
        if (missing != null) return no(missing);
        return yes(b.nextMeeting(seq, info));
    }

    // ---- the votes on a resolution ------------------------------------------------------------------

    private static Decision vote(Book b, long seq, Action.Vote v) {
        Resolution r = target(b, v.resolution());
        VoteStage expected = switch (r.stage()) {
            case CHECK_1 -> VoteStage.CHECK_1;
            case CHECK_2 -> VoteStage.CHECK_2;
            case FINAL -> VoteStage.FINAL;
            default -> VoteStage.CONTENTION; // offered() let through only these and planning
        };
        if (v.stage() != null && v.stage() != expected) {
            return no(Reason.of("refused.vote-marked", v.stage().word(), r.id(), expected, expected.word()));
        }
        Reason bad = checkDecisionTally(b, v.tally(), Reason.of("what.the-vote"));
        if (bad != null) return no(bad);

        Rules rules = b.header().rules();
        Fraction support = rules.support(v.tally(), b.present());
        boolean reached = support.reaches(rules.threshold(expected));
        RecordedVote recorded = new RecordedVote(seq, expected, v.tally(), b.present(), support, reached);
        Resolution.Draft next = r.edit();
        next.votes = Lists.plus(r.votes(), recorded);
        switch (expected) {
            case CHECK_1 -> {
                if (reached) next.decide(Outcome.PASSED, Route.CONSENSUS, recorded);
                else next.moveTo(Stage.OBJECTIONS);
            }
            case CHECK_2 -> {
                if (reached) next.decide(Outcome.PASSED, Route.AMENDED, recorded);
                else next.moveTo(roundCount(r, 2) > 0 ? Stage.ROUND_2 : Stage.FINAL);
            }
            case FINAL -> {
                if (reached) next.decide(Outcome.PASSED, Route.SUPERMAJORITY, recorded);
                else next.decide(Outcome.NOT_PASSED, null, recorded);
            }
            case CONTENTION -> {
                if (!reached) next.decide(Outcome.TABLED, null, recorded);
            }
        }
        return yes(b.with(next.done()));
    }

    private static Decision objections(Book b, long seq, Action.Objections o) {
        Resolution r = b.latest().orElseThrow();
        long against = lastVote(r, VoteStage.CHECK_1).tally().against();
        long sum = o.nonDealBreakers() + o.dealBreakers();
        if (sum < 0 || sum != against) { // sum < 0: the two did not fit in a long together
            return no(Reason.of("refused.objections-sum", against,
                    sum < 0 ? Reason.of("refused.objections-sum.more") : Long.toString(sum), o.nonDealBreakers(),
                    o.dealBreakers()));
        }
        Resolution.Draft next = r.edit();
        next.objections = new ObjectionCount(seq, o.nonDealBreakers(), o.dealBreakers());
        // no non-deal-breakers: round 1 and check 2 are both skipped, nothing changed to re-assess (docs/procedure.md, step 5)
        next.moveTo(o.nonDealBreakers() > 0 ? Stage.ROUND_1 : o.dealBreakers() > 0 ? Stage.ROUND_2 : Stage.FINAL);
        return yes(b.with(next.done()));
    }

    // ---- the grievance rounds -----------------------------------------------------------------------

    private static Decision grievance(Book b, long seq, Action.Grievance g) {
        Resolution r = b.latest().orElse(null);
        Reason notRound = needRound(r, Reason.of("what.grouped"));
        if (notRound != null) return no(notRound);
        int round = r.round();
        if (g.round() != round) return no(Reason.of("refused.grievance-round", g.round(), r.id(), r.stage()));
        if (r.boardClosed()) return no(Reason.of("refused.board-settled-begun", round));
        Reason missing = firstBlank("category", g.category(), "statement", g.statement(), "delegate", g.delegate());
        if (missing != null) return no(missing);
        if (g.members() < 1) return no(Reason.of("refused.no-members"));
        if (category(r, round, g.category()) != null) return no(Reason.of("refused.category-twice", round, g.category()));
        long counted = roundCount(r, round);
        long held = membersInRound(r, round);
        if (g.members() > counted - held) {
            return no(Reason.of("refused.board-over", g.members(), round, counted, grievanceKind(round), held));
        }
        Resolution.Draft next = r.edit();
        next.grievances = Lists.plus(r.grievances(), new GrievanceCategory(seq, round, g.category(), g.members(),
                g.statement(), g.delegate()));
        return yes(b.with(next.done()));
    }

    private static Decision plead(Book b, Action.Plead p) {
        Resolution r = b.latest().orElseThrow();
        Reason bad = checkCategory(r, p.category());
        if (bad != null) return no(bad);
        Resolution.Draft next = r.edit();
        next.boardClosed = true;
        next.grievances = replaceCategory(r, p.category(), GrievanceCategory::pleadedNow);
        return yes(b.with(next.done()));
    }

    private static Decision agreement(Book b, Action.Agreement a) {
        Resolution r = b.latest().orElseThrow();
        Reason bad = checkCategory(r, a.category());
        if (bad != null) return no(bad);
        GrievanceCategory c = category(r, r.round(), a.category());
        if (c.agreement() != null) return no(Reason.of("refused.weighed-in", c.category()));
        bad = checkTally(b, a.tally(), Reason.of("what.the-agreement"));
        if (bad != null) return no(bad);
        Resolution.Draft next = r.edit();
        next.boardClosed = true;
        next.grievances = replaceCategory(r, a.category(), x -> x.weighedIn(a.tally()));
        return yes(b.with(next.done()));
    }

    private static Decision amend(Book b, long seq, Action.Amend a) {
        Resolution r = b.latest().orElseThrow();
        Reason bad = checkCategory(r, a.category());
        if (bad != null) return no(bad);
        if (isBlank(a.id())) return no(Reason.of("refused.amendment-id"));
        if (amendment(r, a.id()) != null) return no(Reason.of("refused.amendment-twice", a.id(), r.id()));
        if (a.find().isEmpty()) return no(Reason.of("refused.find-empty"));
        if (a.find().equals(a.replace())) return no(Reason.of("refused.find-same"));
        int found = occurrences(r.workingText(), a.find());
        if (found == 0) return no(Reason.of("refused.find-missing", a.find()));
        if (found > 1) return no(Reason.of("refused.find-many", a.find(), found));
        Resolution.Draft next = r.edit();
        next.boardClosed = true;
        next.amendments = Lists.plus(r.amendments(), new Amendment(seq, a.id(), r.round(), a.category(), a.find(), a.replace()));
        return yes(b.with(next.done()));
    }

    private static Decision amendmentVote(Book b, long seq, Action.AmendmentVote v) {
        Resolution r = b.latest().orElse(null);
        Reason notRound = needRound(r, Reason.of("what.amendment-votes"));
        if (notRound != null) return no(notRound);
        Amendment a = amendment(r, v.id());
        if (a == null) return no(Reason.of("refused.amendment-unknown", v.id(), r.id()));
        if (a.round() != r.round()) return no(Reason.of("refused.amendment-closed-round", a.id(), a.round()));
        if (a.voted()) return no(Reason.of("refused.amendment-voted", a.id()));
        Reason bad = checkDecisionTally(b, v.tally(), Reason.of("what.the-vote"));
        if (bad != null) return no(bad);
        Rules rules = b.header().rules();
        Fraction support = rules.support(v.tally(), b.present());
        boolean adopted = support.exceeds(rules.amendment());
        if (adopted && occurrences(r.workingText(), a.find()) != 1) {
            return no(Reason.of("refused.amendment-stale", a.id(), a.find()));
        }
        Resolution.Draft next = r.edit();
        next.amendments = Lists.with(r.amendments(), r.amendments().indexOf(a), a.decided(seq, v.tally(), support, adopted));
        if (adopted) {
            String text = r.workingText();
            int at = text.indexOf(a.find());
            next.workingText = text.substring(0, at) + a.replace() + text.substring(at + a.find().length());
        }
        return yes(b.with(next.done()));
    }

    private static Decision closeRound(Book b) {
        Resolution r = b.latest().orElse(null);
        Reason notRound = needRound(r, Reason.of("what.close-round"));
        if (notRound != null) return no(notRound);
        int round = r.round();
        Reason uneven = r.boardClosed() ? null : boardMismatch(r, round);
        if (uneven != null) return no(uneven);
        List<String> unvoted = r.amendments().stream().filter(a -> a.round() == round && !a.voted())
                .map(Amendment::id).collect(Collectors.toList());
        if (!unvoted.isEmpty()) {
            return no(Reason.of(unvoted.size() == 1 ? "refused.unvoted.one" : "refused.unvoted.many", String.join(", ", unvoted)));
        }
        List<GrievanceCategory> settled = r.grievances().stream().map(c -> c.round() != round ? c
                : c.settled(r.amendments().stream().noneMatch(a -> a.round() == round
                && a.category().equals(c.category()) && a.adopted()))).toList();
        Resolution.Draft next = r.edit();
        next.grievances = settled;
        next.moveTo(round == 1 ? Stage.CHECK_2 : Stage.FINAL);
        return yes(b.with(next.done()));
    }

    // ---- planning, delegates, recall ----------------------------------------------------------------

    private static Decision elect(Book b, long seq, Action.Elect e) {
        Resolution r = target(b, e.resolution());
        Reason missing = firstBlank("name", e.name(), "mandate", e.mandate());
        if (missing != null) return no(missing);
        if (r.delegates().stream().anyMatch(d -> d.name().equals(e.name()) && d.serving())) {
            return no(Reason.of("refused.delegate-twice", e.name(), r.id()));
        }
        Reason bad = checkDecisionTally(b, e.tally(), Reason.of("what.the-election"));
        if (bad != null) return no(bad);
        Rules rules = b.header().rules();
        Fraction support = rules.support(e.tally(), b.present());
        Resolution.Draft next = r.edit();
        next.delegates = Lists.plus(r.delegates(), new Delegate(seq, e.name(), e.mandate(), e.tally(), support,
                support.exceeds(rules.election())));
        return yes(b.with(next.done()));
    }

    private static Decision carryForward(Book b, Action.CarryForward c) {
        if (isBlank(c.plan())) return no(Reason.of("refused.plan-empty"));
        return yes(b.with(target(b, c.resolution()).edit().carryForward(c.plan()).done()));
    }

    private static Decision recall(Book b, long seq, Action.Recall a) {
        if (isBlank(a.name())) return no(Reason.of("refused.recall-name"));
        Resolution of = null;
        Delegate delegate = null;
        if (a.resolution() != null) {
            of = b.resolution(a.resolution()).orElse(null);
            if (of == null) return no(Reason.of("refused.no-such-resolution", a.resolution()));
            delegate = latestElected(of, a.name());
            if (delegate == null) return no(Reason.of("refused.not-elected-for", a.name(), of.id()));
        } else {
            // the latest resolution that name holds a mandate for; only if none, the latest that elected it (to say so)
            for (int i = b.resolutions().size() - 1; i >= 0 && (delegate == null || !delegate.serving()); i--) {
                Resolution r = b.resolutions().get(i);
                Delegate d = latestElected(r, a.name());
                if (d != null && (delegate == null || d.serving())) {
                    of = r;
                    delegate = d;
                }
            }
            if (delegate == null) return no(Reason.of("refused.no-such-delegate", a.name()));
        }
        if (delegate.recalled()) return no(Reason.of("refused.recalled-twice", a.name()));
        Reason bad = checkDecisionTally(b, a.tally(), Reason.of("what.the-recall"));
        if (bad != null) return no(bad);
        Rules rules = b.header().rules();
        Fraction support = rules.support(a.tally(), b.present());
        Delegate recalled = delegate.withRecallVote(new Delegate.RecallVote(seq, a.tally(), support, support.exceeds(rules.election())));
        Resolution.Draft next = of.edit();
        next.delegates = Lists.with(of.delegates(), of.delegates().indexOf(delegate), recalled);
        return yes(b.with(next.done()));
    }

    private static Delegate latestElected(Resolution r, String name) {
        for (int i = r.delegates().size() - 1; i >= 0; i--) {
            Delegate d = r.delegates().get(i);
            if (d.elected() && d.name().equals(name)) return d;
        }
        return null;
    }

    // ---- shared checks ------------------------------------------------------------------------------

    private static Reason needOpen(Resolution r, Reason what) {
        if (r == null) return Reason.of("refused.nothing-presented");
        if (r.stage() == Stage.CLOSED) return Reason.of("refused.needs-open", r.id(), describe(r), what);
        return null;
    }

    private static Reason needStage(Resolution r, Reason what, Stage stage) {
        Reason closed = needOpen(r, what);
        if (closed != null) return closed;
        if (r.stage() != stage) return Reason.of("refused.needs-stage", r.id(), r.stage(), stage, nextStep(r));
        return null;
    }

    private static Reason needRound(Resolution r, Reason what) {
        Reason closed = needOpen(r, what);
        if (closed != null) return closed;
        if (!r.stage().isRound()) return Reason.of("refused.needs-round", r.id(), r.stage(), what);
        return null;
    }

    /** A plead, agreement or amendment: needs a known category of the current round (the board is checked by offered). */
    private static Reason checkCategory(Resolution r, String name) {
        int round = r.round();
        if (category(r, round, name) != null) return null;
        String known = r.grievances().stream().filter(c -> c.round() == round)
                .map(c -> "\"" + c.category() + "\"").collect(Collectors.joining(", "));
        return known.isEmpty() ? Reason.of("refused.no-such-category", round, name)
                : Reason.of("refused.no-such-category.has", round, name, known);
    }

    private static List<GrievanceCategory> replaceCategory(Resolution r, String name,
                                                           java.util.function.UnaryOperator<GrievanceCategory> change) {
        return r.grievances().stream().map(c -> c.round() == r.round() && c.category().equals(name) ? change.apply(c) : c).toList();
    }

    private static Reason boardMismatch(Resolution r, int round) {
        long counted = roundCount(r, round);
        long held = membersInRound(r, round);
        if (held == counted) return null;
        return Reason.of("refused.board-mismatch", round, held, counted, grievanceKind(round));
    }

    private static Reason checkTally(Book b, Tally t, Reason what) {
        long present = b.present();
        if (present < 0) return Reason.of("refused.no-attendance");
        if (t.total() > present) {
            return t.total() == Long.MAX_VALUE ? Reason.of("refused.over-present.huge", what, present)
                    : Reason.of("refused.over-present", what, t.total(), present);
        }
        return null;
    }

    /** A decision (a vote, an amendment vote, an election, a recall) is bound by the quorum; a weigh-in is not. */
    private static Reason checkDecisionTally(Book b, Tally t, Reason what) {
        Reason bad = checkTally(b, t, what);
        if (bad != null) return bad;
        long members = b.header().community().members();
        if (!b.header().rules().quorate(b.present(), members)) {
            return Reason.of("refused.no-quorum", b.present(), members, b.header().rules().quorum());
        }
        return null;
    }

    private static GrievanceCategory category(Resolution r, int round, String name) {
        for (GrievanceCategory c : r.grievances()) {
            if (c.round() == round && c.category().equals(name)) return c;
        }
        return null;
    }

    private static Amendment amendment(Resolution r, String id) {
        for (Amendment a : r.amendments()) {
            if (a.id().equals(id)) return a;
        }
        return null;
    }

    private static long membersInRound(Resolution r, int round) {
        long sum = 0;
        for (GrievanceCategory c : r.grievances()) {
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
        for (int i = r.votes().size() - 1; i >= 0; i--) {
            if (r.votes().get(i).stage() == stage) return r.votes().get(i);
        }
        throw new IllegalStateException("no " + stage.word() + " vote on " + r.id());
    }

    static Object describe(Resolution r) {
        if (r.stage() != Stage.CLOSED) return r.stage();
        if (r.outcome().isEmpty()) return Reason.of("closed.none");
        return Reason.of(r.carriedForward() ? "closed.as.carried" : "closed.as", r.outcome().get());
    }

    /**
     * The actions the procedure has come to, in the order a facilitator takes them: the first is the step
     * that comes next (the check after a presentation, the objections after a failed check, a round's
     * grievances until its board is full, then each category's plea and weigh-in, the amendments and the
     * close). Only kinds {@link #offered} now are given; the console opens the first one's form.
     */
    static List<ActionKind> nextKinds(Book b) {
        List<ActionKind> order = new java.util.ArrayList<>();
        Resolution r = b.latest().orElse(null);
        if (b.adjourned()) {
            order.addAll(List.of(ActionKind.RESUME, ActionKind.MEETING));
        } else if (b.present() < 0) {
            order.add(ActionKind.ATTENDANCE); // a meeting's first step is its count
        } else if (r == null || r.stage() == Stage.CLOSED) {
            order.add(ActionKind.PRESENT);
        } else {
            switch (r.stage()) {
                case CHECK_1 -> order.addAll(List.of(ActionKind.VOTE, ActionKind.DISCUSS, ActionKind.SPEAK));
                case OBJECTIONS -> order.add(ActionKind.OBJECTIONS);
                case CHECK_2, FINAL -> order.add(ActionKind.VOTE);
                case ROUND_1, ROUND_2 -> {
                    // an amendment offered is voted before anything else; the board is filled before any plea
                    order.add(ActionKind.AMENDMENT_VOTE);
                    order.add(ActionKind.GRIEVANCE);
                    // then category by category, in the order grouped: its plea, the assembly's weigh-in, its amendments
                    GrievanceCategory open = firstOpen(r, ActionKind.PLEAD);
                    GrievanceCategory offering = firstOpen(r, ActionKind.AMEND);
                    if (open != null && open.pleaded()) {
                        order.add(ActionKind.AGREEMENT);
                    } else {
                        boolean amended = offering != null && r.amendments().stream()
                                .anyMatch(x -> x.round() == r.round() && x.category().equals(offering.category()));
                        if (offering != null && !amended) order.add(ActionKind.AMEND);
                        if (open != null) order.addAll(List.of(ActionKind.PLEAD, ActionKind.AGREEMENT));
                    }
                    order.addAll(List.of(ActionKind.CLOSE_ROUND, ActionKind.AMEND, ActionKind.PLEAD, ActionKind.AGREEMENT));
                }
                case PLANNING -> {
                    // delegates are elected before planning is carried forward; a contention vote, or the next resolution
                    if (r.delegates().stream().anyMatch(Delegate::serving)) order.add(ActionKind.CARRY_FORWARD);
                    order.addAll(List.of(ActionKind.ELECT, ActionKind.CARRY_FORWARD, ActionKind.VOTE, ActionKind.PRESENT));
                }
                default -> {
                }
            }
        }
        return order.stream().distinct().filter(k -> offered(b, k, null) == null).toList();
    }

    /**
     * Where the latest resolution's round stands, category by category in the order grouped: for {@code PLEAD},
     * the first not yet through (pleaded and weighed in); for {@code AGREEMENT}, the first not yet weighed in;
     * for {@code AMEND}, the category just through, the one before the first that is not (the last, when all
     * are). Null when there is none.
     */
    static GrievanceCategory firstOpen(Resolution r, ActionKind kind) {
        GrievanceCategory through = null;
        for (GrievanceCategory c : r.grievances()) {
            if (c.round() != r.round()) continue;
            boolean done = c.pleaded() && c.agreement() != null;
            if (kind == ActionKind.AGREEMENT && c.agreement() == null) return c;
            if (kind == ActionKind.PLEAD && !done) return c;
            if (kind == ActionKind.AMEND) {
                if (!done) return through;
                through = c;
            }
        }
        return kind == ActionKind.AMEND ? through : null;
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
