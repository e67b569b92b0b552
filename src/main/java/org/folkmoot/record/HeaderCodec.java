package org.folkmoot.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.folkmoot.procedure.Basis;
import org.folkmoot.procedure.Community;
import org.folkmoot.procedure.Fraction;
import org.folkmoot.procedure.Header;
import org.folkmoot.procedure.MeetingInfo;
import org.folkmoot.procedure.Rules;

/** The first line of a meeting: format, Community, rules (each optional, defaults of docs/procedure.md), meeting. */
public final class HeaderCodec {
    public static final String FORMAT = "folkmoot-meeting/1";
    private static final Set<String> RULE_KEYS =
            Set.of("consensus", "final", "contention", "amendment", "election", "basis", "quorum");

    private HeaderCodec() {
    }

    public static Header read(ObjectNode node) throws FormatException {
        String format = Fields.text(node, "format");
        if (!FORMAT.equals(format)) {
            throw new FormatException("the format is \"" + format + "\"; this program reads \"" + FORMAT + "\"");
        }
        only(node, "the header", "format", "community", "rules", "meeting");
        ObjectNode c = Fields.object(node, "community", true);
        only(c, "'community'", "id", "name", "members");
        String id = Fields.text(c, "id");
        if (id.isBlank()) throw new FormatException("the community id is empty");
        org.folkmoot.procedure.Reason badId = org.folkmoot.procedure.Ids.problem("community-id", id);
        if (badId != null) throw new FormatException(badId.text());
        String name = Fields.optionalText(c, "name");
        long members = Fields.count(c, "members");
        if (members < 1) throw new FormatException("a Community has at least one member");
        Community community = new Community(id, name == null ? id : name, members);

        Rules rules = rules(Fields.object(node, "rules", false));

        ObjectNode m = Fields.object(node, "meeting", false);
        if (m != null) only(m, "'meeting'", "date", "place", "facilitator", "secretary");
        MeetingInfo info = m == null
                ? new MeetingInfo(null, null, null, null)
                : new MeetingInfo(Fields.optionalText(m, "date"), Fields.optionalText(m, "place"),
                        Fields.optionalText(m, "facilitator"), Fields.optionalText(m, "secretary"));
        if (info.date() != null && !readableDate(info.date())) {
            throw new FormatException("the meeting date '" + info.date() + "' cannot be read: write it YYYY-MM-DD (2026-12-01)");
        }
        return new Header(community, rules, info);
    }

    /** Refuses a key the header does not take: a misspelt "rulez" must never leave the rulebook's defaults in force unseen. */
    private static void only(ObjectNode node, String what, String... keys) throws FormatException {
        String name = Fields.firstUnknown(node, java.util.List.of(keys));
        if (name != null) {
            throw new FormatException("'" + name + "' is not a key of " + what + " (it takes " + String.join(", ", keys) + ")");
        }
    }

    /**
     * Whether {@code date} is a day as the record writes it, YYYY-MM-DD, and a real one. The verdict carries the
     * meeting's date and every body checks the Community's key against it: a date written any other way ("1
     * December 2026") would give a verdict every verifier refuses, so it is refused when the meeting starts.
     */
    public static boolean readableDate(String date) {
        return RecordDates.day(date) != null;
    }

    /** The header line for a new meeting: the format, the Community, every rule in force, the meeting. */
    public static String write(Header header) {
        com.fasterxml.jackson.databind.node.ObjectNode n = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        n.put("format", FORMAT);
        n.putObject("community").put("id", header.community().id()).put("name", header.community().name())
                .put("members", header.community().members());
        n.set("rules", writeRules(header.rules()));
        ObjectNode m = n.putObject("meeting");
        MeetingInfo info = header.meeting();
        putText(m, "date", info.date());
        putText(m, "place", info.place());
        putText(m, "facilitator", info.facilitator());
        putText(m, "secretary", info.secretary());
        return Json.compact(n);
    }

    /** The rules as the header writes them: every one, fractions as "p/q", no quorum as null. */
    public static ObjectNode writeRules(Rules r) {
        ObjectNode rules = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        rules.put("consensus", r.consensus().toString()).put("final", r.finalVote().toString())
                .put("contention", r.contention().toString()).put("amendment", r.amendment().toString())
                .put("election", r.election().toString()).put("basis", r.basis().word());
        if (r.quorum() == null) rules.putNull("quorum"); else rules.put("quorum", r.quorum().toString());
        return rules;
    }

    /** Rules as a header or a Community's settings hold them; what is left out takes the rulebook's default. */
    public static Rules readRules(ObjectNode node) throws FormatException {
        return rules(node);
    }

    private static void putText(ObjectNode n, String key, String value) {
        if (value == null) n.putNull(key); else n.put(key, value);
    }

    private static Rules rules(ObjectNode node) throws FormatException {
        Rules d = Rules.defaults();
        if (node == null) return d;
        String key = Fields.firstUnknown(node, RULE_KEYS);
        if (key != null) {
            throw new FormatException("\"" + key + "\" is not a rule (the rules are " + String.join(", ",
                    "consensus", "final", "contention", "amendment", "election", "basis", "quorum") + ")");
        }
        Basis basis = d.basis();
        String basisWord = Fields.optionalText(node, "basis");
        if (basisWord != null) {
            try {
                basis = Basis.fromWord(basisWord);
            } catch (IllegalArgumentException e) {
                throw new FormatException("rules: " + e.getMessage());
            }
        }
        Fraction quorum = share(node, "quorum", null);
        if (quorum != null && quorum.numerator() == 0) quorum = null; // a quorum of nobody is no quorum
        return new Rules(share(node, "consensus", d.consensus()), share(node, "final", d.finalVote()),
                share(node, "contention", d.contention()), share(node, "amendment", d.amendment()),
                share(node, "election", d.election()), basis, quorum);
    }

    private static Fraction share(ObjectNode node, String key, Fraction fallback) throws FormatException {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) return fallback;
        if (!value.isTextual()) {
            throw new FormatException("rules: '" + key + "' must be a fraction written as \"p/q\", not " + Fields.shown(value));
        }
        try {
            return Fraction.parseShare(value.textValue());
        } catch (IllegalArgumentException e) {
            throw new FormatException("rules: '" + key + "': " + e.getMessage());
        }
    }
}
