package org.folkmoot.record;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.folkmoot.procedure.Action;
import org.folkmoot.procedure.Tally;
import org.folkmoot.procedure.Upstream;
import org.folkmoot.procedure.VoteStage;

/** Actions to and from their JSON form in MEETING-FORMAT.md. */
public final class ActionCodec {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ActionCodec() {
    }

    /** Reads an action line (bookkeeping fields, if any, are ignored here). */
    public static Action read(ObjectNode node) throws FormatException {
        String kind = Fields.text(node, "do");
        switch (kind) {
            case "attendance":
                return new Action.Attendance(Fields.count(node, "present"));
            case "present":
                return new Action.Present(Fields.text(node, "resolution"), Fields.text(node, "title"),
                        Fields.text(node, "text"), Fields.text(node, "proposer"), upstream(node));
            case "discuss":
                return new Action.Discuss(Fields.optionalCount(node, "minutes"));
            case "speak":
                return new Action.Speak(Fields.text(node, "name"));
            case "vote": {
                String stage = Fields.optionalText(node, "stage");
                VoteStage voteStage = null;
                if (stage != null) {
                    try {
                        voteStage = VoteStage.fromWord(stage);
                    } catch (IllegalArgumentException e) {
                        throw new FormatException("'stage' " + e.getMessage().substring("stage ".length()));
                    }
                }
                return new Action.Vote(voteStage, tally(node, "for", "against", "abstain"));
            }
            case "objections":
                return new Action.Objections(Fields.count(node, "nonDealBreakers"), Fields.count(node, "dealBreakers"));
            case "grievance": {
                long round = Fields.count(node, "round");
                if (round != 1 && round != 2) {
                    throw new FormatException("'round' must be 1 (non-deal-breakers) or 2 (deal-breakers), not " + round);
                }
                return new Action.Grievance((int) round, Fields.text(node, "category"), Fields.count(node, "members"),
                        Fields.text(node, "statement"), Fields.text(node, "delegate"));
            }
            case "plead":
                return new Action.Plead(Fields.text(node, "category"));
            case "agreement":
                return new Action.Agreement(Fields.text(node, "category"), tally(node, "agree", "disagree", "abstain"));
            case "amend":
                return new Action.Amend(Fields.text(node, "id"), Fields.text(node, "category"),
                        Fields.text(node, "find"), Fields.text(node, "replace"));
            case "amendment-vote":
                return new Action.AmendmentVote(Fields.text(node, "id"), tally(node, "for", "against", "abstain"));
            case "close-round":
                return new Action.CloseRound();
            case "elect":
                return new Action.Elect(Fields.text(node, "name"), Fields.text(node, "mandate"),
                        tally(node, "for", "against", "abstain"));
            case "carry-forward":
                return new Action.CarryForward(Fields.text(node, "plan"));
            case "recall":
                return new Action.Recall(Fields.text(node, "name"), Fields.optionalText(node, "resolution"),
                        tally(node, "for", "against", "abstain"));
            case "dismiss":
                return new Action.Dismiss();
            case "withdraw":
                return new Action.Withdraw();
            case "adjourn":
                return new Action.Adjourn(Fields.optionalText(node, "date"));
            case "resume":
                return new Action.Resume(Fields.optionalText(node, "date"));
            case "note":
                return new Action.Note(Fields.text(node, "text"));
            case "correct": {
                long entry = Fields.count(node, "entry");
                String reason = Fields.text(node, "reason");
                ObjectNode with = Fields.object(node, "with", true);
                Action replacement;
                try {
                    replacement = read(with);
                } catch (FormatException e) {
                    throw new FormatException("the replacement ('with'): " + e.getMessage());
                }
                return new Action.Correct(entry, reason, replacement);
            }
            default:
                throw new FormatException("\"" + kind + "\" is not an action of the meeting format");
        }
    }

    private static Tally tally(ObjectNode node, String yes, String no, String abstain) throws FormatException {
        return new Tally(Fields.count(node, yes), Fields.count(node, no), Fields.count(node, abstain));
    }

    private static Upstream upstream(ObjectNode node) throws FormatException {
        ObjectNode up = Fields.object(node, "upstream", false);
        if (up == null) return null;
        return new Upstream(Fields.text(up, "level"), Fields.text(up, "body"), Fields.text(up, "resolution"),
                Fields.text(up, "textSha256"));
    }

    /** The action as a script line's object, fields in the order of MEETING-FORMAT.md. */
    public static ObjectNode write(Action action) {
        ObjectNode n = NODES.objectNode();
        n.put("do", action.kind());
        if (action instanceof Action.Attendance a) {
            n.put("present", a.present());
        } else if (action instanceof Action.Present p) {
            n.put("resolution", p.resolution()).put("title", p.title()).put("text", p.text()).put("proposer", p.proposer());
            if (p.upstream() != null) {
                Upstream u = p.upstream();
                n.putObject("upstream").put("level", u.level()).put("body", u.body())
                        .put("resolution", u.resolution()).put("textSha256", u.textSha256());
            }
        } else if (action instanceof Action.Discuss d) {
            if (d.minutes() != null) n.put("minutes", d.minutes());
        } else if (action instanceof Action.Speak s) {
            n.put("name", s.name());
        } else if (action instanceof Action.Vote v) {
            if (v.stage() != null) n.put("stage", v.stage().word());
            putTally(n, v.tally(), "for", "against", "abstain");
        } else if (action instanceof Action.Objections o) {
            n.put("nonDealBreakers", o.nonDealBreakers()).put("dealBreakers", o.dealBreakers());
        } else if (action instanceof Action.Grievance g) {
            n.put("round", g.round()).put("category", g.category()).put("members", g.members())
                    .put("statement", g.statement()).put("delegate", g.delegate());
        } else if (action instanceof Action.Plead p) {
            n.put("category", p.category());
        } else if (action instanceof Action.Agreement a) {
            n.put("category", a.category());
            putTally(n, a.tally(), "agree", "disagree", "abstain");
        } else if (action instanceof Action.Amend a) {
            n.put("id", a.id()).put("category", a.category()).put("find", a.find()).put("replace", a.replace());
        } else if (action instanceof Action.AmendmentVote v) {
            n.put("id", v.id());
            putTally(n, v.tally(), "for", "against", "abstain");
        } else if (action instanceof Action.Elect e) {
            n.put("name", e.name()).put("mandate", e.mandate());
            putTally(n, e.tally(), "for", "against", "abstain");
        } else if (action instanceof Action.CarryForward c) {
            n.put("plan", c.plan());
        } else if (action instanceof Action.Recall r) {
            n.put("name", r.name());
            if (r.resolution() != null) n.put("resolution", r.resolution());
            putTally(n, r.tally(), "for", "against", "abstain");
        } else if (action instanceof Action.Adjourn a) {
            if (a.date() != null) n.put("date", a.date());
        } else if (action instanceof Action.Resume r) {
            if (r.date() != null) n.put("date", r.date());
        } else if (action instanceof Action.Note note) {
            n.put("text", note.text());
        } else if (action instanceof Action.Correct c) {
            n.put("entry", c.entry()).put("reason", c.reason());
            n.set("with", write(c.with()));
        }
        return n;
    }

    private static void putTally(ObjectNode n, Tally t, String yes, String no, String abstain) {
        n.put(yes, t.inFavour()).put(no, t.against()).put(abstain, t.abstain());
    }
}
