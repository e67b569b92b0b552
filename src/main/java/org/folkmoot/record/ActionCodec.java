package org.folkmoot.record;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.folkmoot.procedure.Action;
import org.folkmoot.procedure.ActionKind;
import org.folkmoot.procedure.MeetingInfo;
import org.folkmoot.procedure.Tally;
import org.folkmoot.procedure.Upstream;
import org.folkmoot.procedure.VoteStage;

/** Actions to and from their JSON form in docs/meeting-format.md. */
public final class ActionCodec {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ActionCodec() {
    }

    /** The bookkeeping fields a record's line carries beside the action's own (checked by {@link Replay}). */
    static final Set<String> BOOKKEEPING = Set.of("seq", "at", "prev");

    /** The fields each action takes (docs/meeting-format.md, "Actions"); any other is refused, never ignored. */
    private static final Map<ActionKind, List<String>> FIELDS = fields();

    private static Map<ActionKind, List<String>> fields() {
        Map<ActionKind, List<String>> f = new EnumMap<>(ActionKind.class);
        f.put(ActionKind.ATTENDANCE, List.of("present"));
        f.put(ActionKind.PRESENT, List.of("resolution", "title", "text", "proposer", "upstream"));
        f.put(ActionKind.DISCUSS, List.of("minutes"));
        f.put(ActionKind.SPEAK, List.of("name"));
        f.put(ActionKind.VOTE, List.of("stage", "for", "against", "abstain", "resolution"));
        f.put(ActionKind.OBJECTIONS, List.of("nonDealBreakers", "dealBreakers"));
        f.put(ActionKind.GRIEVANCE, List.of("round", "category", "members", "statement", "delegate"));
        f.put(ActionKind.PLEAD, List.of("category"));
        f.put(ActionKind.AGREEMENT, List.of("category", "agree", "disagree", "abstain"));
        f.put(ActionKind.AMEND, List.of("id", "category", "find", "replace"));
        f.put(ActionKind.AMENDMENT_VOTE, List.of("id", "for", "against", "abstain"));
        f.put(ActionKind.CLOSE_ROUND, List.of());
        f.put(ActionKind.ELECT, List.of("name", "mandate", "for", "against", "abstain", "resolution"));
        f.put(ActionKind.CARRY_FORWARD, List.of("plan", "resolution"));
        f.put(ActionKind.RECALL, List.of("name", "resolution", "for", "against", "abstain"));
        f.put(ActionKind.DISMISS, List.of("resolution"));
        f.put(ActionKind.WITHDRAW, List.of());
        f.put(ActionKind.ADJOURN, List.of("date"));
        f.put(ActionKind.RESUME, List.of("date"));
        f.put(ActionKind.MEETING, List.of("date", "place", "facilitator", "secretary"));
        f.put(ActionKind.NOTE, List.of("text"));
        f.put(ActionKind.CORRECT, List.of("reason", "entry", "with", "entries"));
        return f;
    }

    /** What a line of each kind may hold: its fields and "do", and in a record's line the bookkeeping too. */
    private static final Map<ActionKind, Set<String>> TAKEN = taken(false);
    private static final Map<ActionKind, Set<String>> TAKEN_WITH_BOOKKEEPING = taken(true);

    private static Map<ActionKind, Set<String>> taken(boolean bookkeeping) {
        Map<ActionKind, Set<String>> taken = new EnumMap<>(ActionKind.class);
        for (Map.Entry<ActionKind, List<String>> e : FIELDS.entrySet()) {
            Set<String> names = new java.util.HashSet<>(e.getValue());
            names.add("do");
            if (bookkeeping) names.addAll(BOOKKEEPING);
            taken.put(e.getKey(), Set.copyOf(names));
        }
        return taken;
    }

    private static final Set<String> ENTRY_FIELDS = Set.of("entry", "with");

    private static final Set<String> UPSTREAM_FIELDS = Set.of("level", "body", "resolution", "textSha256", "proposalSha256");

    /** Reads an action line; its bookkeeping fields (seq, at, prev), if any, are checked by the replay. */
    public static Action read(ObjectNode node) throws FormatException {
        return read(node, true);
    }

    private static Action read(ObjectNode node, boolean bookkeeping) throws FormatException {
        String kind = Fields.text(node, "do");
        ActionKind k = ActionKind.fromWord(kind).orElse(null);
        if (k == null) throw new FormatException("\"" + kind + "\" is not an action of the meeting format");
        onlyFields(node, k, bookkeeping);
        switch (k) {
            case ATTENDANCE:
                return new Action.Attendance(Fields.count(node, "present"));
            case PRESENT:
                return new Action.Present(Fields.text(node, "resolution"), Fields.text(node, "title"),
                        Fields.text(node, "text"), Fields.text(node, "proposer"), upstream(node));
            case DISCUSS:
                return new Action.Discuss(Fields.optionalCount(node, "minutes"));
            case SPEAK:
                return new Action.Speak(Fields.text(node, "name"));
            case VOTE: {
                String stage = Fields.optionalText(node, "stage");
                VoteStage voteStage = null;
                if (stage != null) {
                    try {
                        voteStage = VoteStage.fromWord(stage);
                    } catch (IllegalArgumentException e) {
                        throw new FormatException("'stage' " + e.getMessage().substring("stage ".length()));
                    }
                }
                return new Action.Vote(voteStage, tally(node, "for", "against", "abstain"), resolution(node));
            }
            case OBJECTIONS:
                return new Action.Objections(Fields.count(node, "nonDealBreakers"), Fields.count(node, "dealBreakers"));
            case GRIEVANCE: {
                long round = Fields.count(node, "round");
                if (round != 1 && round != 2) {
                    throw new FormatException("'round' must be 1 (non-deal-breakers) or 2 (deal-breakers), not " + round);
                }
                return new Action.Grievance((int) round, Fields.text(node, "category"), Fields.count(node, "members"),
                        Fields.text(node, "statement"), Fields.text(node, "delegate"));
            }
            case PLEAD:
                return new Action.Plead(Fields.text(node, "category"));
            case AGREEMENT:
                return new Action.Agreement(Fields.text(node, "category"), tally(node, "agree", "disagree", "abstain"));
            case AMEND:
                return new Action.Amend(Fields.text(node, "id"), Fields.text(node, "category"),
                        Fields.text(node, "find"), Fields.text(node, "replace"));
            case AMENDMENT_VOTE:
                return new Action.AmendmentVote(Fields.text(node, "id"), tally(node, "for", "against", "abstain"));
            case CLOSE_ROUND:
                return new Action.CloseRound();
            case ELECT:
                return new Action.Elect(Fields.text(node, "name"), Fields.text(node, "mandate"),
                        tally(node, "for", "against", "abstain"), resolution(node));
            case CARRY_FORWARD:
                return new Action.CarryForward(Fields.text(node, "plan"), resolution(node));
            case RECALL:
                return new Action.Recall(Fields.text(node, "name"), resolution(node),
                        tally(node, "for", "against", "abstain"));
            case DISMISS:
                return new Action.Dismiss(resolution(node));
            case WITHDRAW:
                return new Action.Withdraw();
            case ADJOURN:
                return new Action.Adjourn(Fields.optionalText(node, "date"));
            case RESUME:
                return new Action.Resume(Fields.optionalText(node, "date"));
            case MEETING: {
                MeetingInfo info = new MeetingInfo(Fields.text(node, "date"), Fields.text(node, "place"),
                        Fields.text(node, "facilitator"), Fields.text(node, "secretary"));
                if (!HeaderCodec.readableDate(info.date())) {
                    throw new FormatException("the meeting date '" + info.date() + "' cannot be read: write it YYYY-MM-DD (2026-12-01)");
                }
                return new Action.NextMeeting(info);
            }
            case NOTE:
                return new Action.Note(Fields.text(node, "text"));
            case CORRECT:
                return correct(node);
            default:
                throw new FormatException("\"" + kind + "\" is not an action of the meeting format");
        }
    }

    /** {@code entry} and {@code with} for one entry replaced, or {@code entries} for several replaced together. */
    private static Action.Correct correct(ObjectNode node) throws FormatException {
        String reason = Fields.text(node, "reason");
        boolean one = node.has("entry") || node.has("with");
        if (one && node.has("entries")) {
            throw new FormatException("a correction gives either 'entry' and 'with' or 'entries', not both");
        }
        if (one) return new Action.Correct(reason, List.of(replacement(node, "")));
        JsonNode list = node.get("entries");
        if (list == null || list.isNull()) throw new FormatException("'entry' and 'with' (or 'entries') are missing");
        if (!list.isArray() || list.isEmpty()) {
            throw new FormatException("'entries' must be a list of {entry, with}, at least one, not " + Fields.shown(list));
        }
        List<Action.Replacement> replacements = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof ObjectNode item)) {
                throw new FormatException("'entries' item " + (i + 1) + " must be an object {entry, with}, not " + Fields.shown(list.get(i)));
            }
            String unknown = Fields.firstUnknown(item, ENTRY_FIELDS);
            if (unknown != null) {
                throw new FormatException("'entries' item " + (i + 1) + " takes only 'entry' and 'with', not '" + unknown + "'");
            }
            replacements.add(replacement(item, "'entries' item " + (i + 1) + ": "));
        }
        return new Action.Correct(reason, replacements);
    }

    private static Action.Replacement replacement(ObjectNode node, String where) throws FormatException {
        long entry;
        ObjectNode with;
        try {
            entry = Fields.count(node, "entry");
            with = Fields.object(node, "with", true);
        } catch (FormatException e) {
            throw new FormatException(where + e.getMessage());
        }
        try {
            if (with.path("do").asText("").equals("correct")) throw new FormatException("a correction cannot replace an entry by a correction");
            return new Action.Replacement(entry, read(with, false));
        } catch (FormatException e) {
            throw new FormatException(where + "the replacement ('with'): " + e.getMessage());
        }
    }

    /** Refuses a field the action does not take: a misspelt or misplaced one must never silently change an entry. */
    private static void onlyFields(ObjectNode node, ActionKind kind, boolean bookkeeping) throws FormatException {
        List<String> takes = FIELDS.get(kind);
        String name = Fields.firstUnknown(node, bookkeeping ? TAKEN_WITH_BOOKKEEPING.get(kind) : TAKEN.get(kind));
        if (name == null) return;
        String hint = !bookkeeping && BOOKKEEPING.contains(name) ? " (a replacement carries no seq, at or prev)" : "";
        throw new FormatException("'" + name + "' is not a field of " + kind.word()
                + (takes.isEmpty() ? ", which takes none" : " (it takes " + String.join(", ", takes) + ")") + hint);
    }

    private static String resolution(ObjectNode node) throws FormatException {
        String id = Fields.optionalText(node, "resolution");
        if (id != null && id.isBlank()) {
            throw new FormatException("'resolution' is empty: name the resolution it concerns, or leave the field out for the latest");
        }
        return id;
    }

    private static Tally tally(ObjectNode node, String yes, String no, String abstain) throws FormatException {
        return new Tally(Fields.count(node, yes), Fields.count(node, no), Fields.count(node, abstain));
    }

    private static Upstream upstream(ObjectNode node) throws FormatException {
        ObjectNode up = Fields.object(node, "upstream", false);
        if (up == null) return null;
        String unknown = Fields.firstUnknown(up, UPSTREAM_FIELDS);
        if (unknown != null) {
            throw new FormatException("'upstream' takes level, body, resolution, textSha256 and proposalSha256, not '" + unknown + "'");
        }
        return new Upstream(Fields.text(up, "level"), Fields.text(up, "body"), Fields.text(up, "resolution"),
                Fields.text(up, "textSha256"), Fields.optionalText(up, "proposalSha256"));
    }

    /** The action as a script line's object, fields in the order of docs/meeting-format.md. */
    public static ObjectNode write(Action action) {
        ObjectNode n = NODES.objectNode();
        n.put("do", action.kind().word());
        if (action instanceof Action.Attendance a) {
            n.put("present", a.present());
        } else if (action instanceof Action.Present p) {
            n.put("resolution", p.resolution()).put("title", p.title()).put("text", p.text()).put("proposer", p.proposer());
            if (p.upstream() != null) {
                Upstream u = p.upstream();
                ObjectNode up = n.putObject("upstream").put("level", u.level()).put("body", u.body())
                        .put("resolution", u.resolution()).put("textSha256", u.textSha256());
                if (u.proposalSha256() != null) up.put("proposalSha256", u.proposalSha256());
            }
        } else if (action instanceof Action.Discuss d) {
            if (d.minutes() != null) n.put("minutes", d.minutes());
        } else if (action instanceof Action.Speak s) {
            n.put("name", s.name());
        } else if (action instanceof Action.Vote v) {
            if (v.stage() != null) n.put("stage", v.stage().word());
            putTally(n, v.tally(), "for", "against", "abstain");
            if (v.resolution() != null) n.put("resolution", v.resolution());
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
            if (e.resolution() != null) n.put("resolution", e.resolution());
        } else if (action instanceof Action.CarryForward c) {
            n.put("plan", c.plan());
            if (c.resolution() != null) n.put("resolution", c.resolution());
        } else if (action instanceof Action.Dismiss d) {
            if (d.resolution() != null) n.put("resolution", d.resolution());
        } else if (action instanceof Action.NextMeeting m) {
            n.put("date", m.meeting().date()).put("place", m.meeting().place())
                    .put("facilitator", m.meeting().facilitator()).put("secretary", m.meeting().secretary());
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
            if (c.replacements().size() == 1) {
                n.put("entry", c.entry()).put("reason", c.reason());
                n.set("with", write(c.with()));
            } else {
                n.put("reason", c.reason());
                com.fasterxml.jackson.databind.node.ArrayNode list = n.putArray("entries");
                for (Action.Replacement r : c.replacements()) {
                    ObjectNode item = list.addObject().put("entry", r.entry());
                    item.set("with", write(r.with()));
                }
            }
        }
        return n;
    }

    private static void putTally(ObjectNode n, Tally t, String yes, String no, String abstain) {
        n.put(yes, t.inFavour()).put(no, t.against()).put(abstain, t.abstain());
    }
}
