package org.folkmoot.verdict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import org.folkmoot.procedure.Meeting;
import org.folkmoot.procedure.Rules;
import org.folkmoot.record.Chain;
import org.folkmoot.record.FormatException;
import org.folkmoot.record.HeaderCodec;
import org.folkmoot.record.RecordDates;

/**
 * Checks a Community Verdict file as docs/signed-files.md says a verifier must: the envelope, the signature
 * of the Community's key over the bytes received, then what the payload says.
 */
public final class VerdictVerifier {
    private static final Set<String> OUTCOMES = Set.of("passed", "not-passed", "tabled", "dismissed", "withdrawn");
    private static final Set<String> ROUTES = Set.of("consensus", "amended", "supermajority");
    private static final String[] TOP_KEYS = {"format", "community", "resolution", "outcome", "route", "carriedForward",
        "votes", "objections", "grievances", "amendments", "delegates", "rules", "meeting", "supersedes", "recordSha256", "issuedAt", "program"};
    private static final String[] RESOLUTION_KEYS = {"id", "title", "proposer", "originalText", "originalSha256",
        "finalText", "finalSha256", "upstream"};

    /**
     * A verdict that holds: its payload bytes and what a clerk reads off it; {@code supersedes}, the payload
     * SHA-256s (lowercase hex) of the earlier verdicts of this resolution it replaces, oldest first.
     */
    public record Verified(byte[] payload, ObjectNode json, String communityId, String resolutionId, String outcome,
                           String route, byte[] payloadSha256, byte[] publicKey, boolean rosterChecked, Rules rules,
                           java.util.List<String> supersedes) {
        /** What people read aloud (worked out when asked: a body counting a million verdicts never asks). */
        public String fingerprint() {
            return Ed25519Keys.fingerprintOfDigest(payloadSha256);
        }

        public String keyId() {
            return Ed25519Keys.keyId(publicKey);
        }

        /** The Community's name as the verdict gives it (empty when it gives none): read off, not parsed by the reader. */
        public String communityName() {
            return json.path("community").path("name").asText();
        }

        /** The resolution's title as the verdict gives it (empty when it gives none). */
        public String resolutionTitle() {
            return json.path("resolution").path("title").asText();
        }
    }

    /** What the verdict must be about, when the caller knows (null: anything). */
    /**
     * What a verdict must be for: the resolution and its text's SHA-256 (null: any), and, counted against a body's
     * proposal, that body (null: any) — which a verdict names in its {@code upstream}.
     */
    public record Expected(String resolution, String textSha256, String bodyLevel, String bodyId) {
        public static final Expected ANY = new Expected(null, null);

        public Expected(String resolution, String textSha256) {
            this(resolution, textSha256, null, null);
        }
    }

    private VerdictVerifier() {
    }

    public static Verified verify(Path file, Roster roster, Expected expected) throws SignedFile.Refused {
        return verify(SignedFile.read(file, SignedFile.MAX_BYTES), roster, expected);
    }

    public static Verified verify(SignedFile envelope, Roster roster, Expected expected) throws SignedFile.Refused {
        ObjectNode p = payload(envelope);
        ObjectNode community = object(p, "community");
        String communityId = SignedFile.text(community, "id", "the payload's community");

        byte[] key;
        boolean rosterChecked = roster != null;
        if (roster != null) {
            java.util.List<Roster.Entry> listed = roster.keys(communityId);
            if (listed.isEmpty()) throw new SignedFile.Refused("the community " + communityId + " is not in the roster");
            // the key that signed it, among the Community's keys (a retired key and its successor may both be listed)
            // a date that cannot be read is said once the signature is known to hold: a forgery is refused as one
            LocalDate day = null;
            SignedFile.Refused undated = null;
            try {
                day = day(p);
            } catch (SignedFile.Refused e) {
                undated = e;
            }
            String refusal = null;
            key = null;
            for (int i = listed.size() - 1; i >= 0 && key == null; i--) {
                Roster.Entry entry = listed.get(i);
                if (!Ed25519Keys.isValidPublicKey(entry.publicKey())) {
                    if (refusal == null) refusal = invalidKey("the roster's key for " + communityId);
                    continue;
                }
                if (!envelope.signedBy(entry.publicKey())) continue;
                if (undated != null) throw undated;
                String why = entry.refusal(day);
                if (why == null) key = entry.publicKey();
                else if (refusal == null) refusal = why;
            }
            if (key == null && refusal != null) throw new SignedFile.Refused(refusal);
            if (key == null) throw new SignedFile.Refused("the signature does not hold for " + communityId + "'s key in the roster");
        } else {
            JsonNode carried = community.get("publicKey");
            key = carried != null && carried.isTextual() ? Ed25519Keys.decodeBase64(carried.textValue()) : null;
            if (key == null || key.length != Ed25519Keys.KEY_BYTES) {
                throw new SignedFile.Refused("the verdict does not carry its public key: give a --roster to check it");
            }
            if (!Ed25519Keys.isValidPublicKey(key)) throw new SignedFile.Refused(invalidKey("the verdict's own key"));
        }
        if (roster == null && !envelope.signedBy(key)) throw new SignedFile.Refused("the signature does not hold");
        return content(envelope, p, key, rosterChecked, expected);
    }

    /** The rules last read on this thread, and what they were read from: a count's verdicts mostly share their rules. */
    private static final ThreadLocal<Object[]> LAST_RULES = ThreadLocal.withInitial(() -> new Object[2]);

    private static Rules rulesOf(ObjectNode node) throws FormatException {
        Object[] last = LAST_RULES.get();
        if (node.equals(last[0])) return (Rules) last[1];
        Rules rules = HeaderCodec.readRules(node);
        last[0] = node.deepCopy(); // the node may be changed by its owner; the copy is what was read
        last[1] = rules;
        return rules;
    }

    /** The refusal of a key that is no point of prime order (VERDICT-FORMAT's one rule), in every path's words. */
    public static String invalidKey(String whose) {
        return whose + " is not a valid Ed25519 key (a point of small order, or with a small-order component)";
    }

    /** The envelope's payload, once it is known to be a Community Verdict's. */
    public static ObjectNode payload(SignedFile envelope) throws SignedFile.Refused {
        if (Dsse.PROPOSAL_TYPE.equals(envelope.payloadType())) {
            throw new SignedFile.Refused("a body's proposal, not a Community Verdict (check it with `folkmoot proposal show`)");
        }
        if (!Dsse.VERDICT_TYPE.equals(envelope.payloadType())) {
            throw new SignedFile.Refused("not a Community Verdict (payload type " + envelope.payloadType() + ")");
        }
        ObjectNode p = SignedFile.object(envelope.payload(), "the payload");
        if (!VerdictPayload.FORMAT.equals(p.path("format").textValue())) {
            throw new SignedFile.Refused("the payload is not " + VerdictPayload.FORMAT);
        }
        return p;
    }

    /** The Community a payload names (its id), or the refusal when it names none. */
    public static String communityId(ObjectNode p) throws SignedFile.Refused {
        return SignedFile.text(object(p, "community"), "id", "the payload's community");
    }

    /**
     * What the payload says, checked once its signature is known to hold for {@code key}: the keys the format
     * requires, the texts against their hashes, outcome and route, the counts, and what it must be about.
     */
    public static Verified content(SignedFile envelope, ObjectNode p, byte[] key, boolean rosterChecked, Expected expected)
            throws SignedFile.Refused {
        ObjectNode community = object(p, "community");
        String communityId = SignedFile.text(community, "id", "the payload's community");
        for (String k : TOP_KEYS) require(p, k, "the payload");
        for (String k : new String[] {"id", "name", "members"}) require(community, k, "the payload's community");
        ObjectNode res = object(p, "resolution");
        for (String k : RESOLUTION_KEYS) require(res, k, "the payload's resolution");
        String resolutionId = SignedFile.text(res, "id", "the payload's resolution");
        checkHash(res, "originalText", "originalSha256");
        checkHash(res, "finalText", "finalSha256");

        String outcome = p.path("outcome").asText("");
        if (!OUTCOMES.contains(outcome)) throw new SignedFile.Refused("unknown outcome \"" + SignedFile.shorten(outcome) + "\"");
        JsonNode routeNode = p.get("route");
        String route = routeNode.isNull() ? null : routeNode.asText("");
        if (route != null && !ROUTES.contains(route)) throw new SignedFile.Refused("unknown route \"" + SignedFile.shorten(route) + "\"");
        if ("passed".equals(outcome) != (route != null)) {
            throw new SignedFile.Refused("a route is given exactly when the outcome is passed");
        }
        day(p); // a date that cannot be read is refused, with a roster or without
        long members = whole(community.get("members"), "the community's members");
        JsonNode votes = p.get("votes");
        if (!votes.isArray()) throw new SignedFile.Refused("'votes' is not a list");
        for (JsonNode v : votes) {
            if (!(v instanceof ObjectNode vote)) throw new SignedFile.Refused("a vote is not an object");
            for (String k : new String[] {"seq", "stage", "for", "against", "abstain", "present"}) require(vote, k, "a vote");
            BigInteger counted = BigInteger.valueOf(whole(vote.get("for"), "a vote's for"))
                    .add(BigInteger.valueOf(whole(vote.get("against"), "a vote's against")))
                    .add(BigInteger.valueOf(whole(vote.get("abstain"), "a vote's abstain")));
            long present = whole(vote.get("present"), "a vote's present");
            if (counted.compareTo(BigInteger.valueOf(present)) > 0) {
                throw new SignedFile.Refused("vote " + vote.get("seq") + " counts " + counted + " hands, but only " + present + " were present");
            }
            if (present > members) {
                throw new SignedFile.Refused("vote " + vote.get("seq") + " has " + present + " present, more than the " + members + " members");
            }
        }

        JsonNode rulesNode = p.get("rules");
        if (!(rulesNode instanceof ObjectNode rulesObject)) throw new SignedFile.Refused("its rules are not an object");
        Rules rules;
        try {
            rules = rulesOf(rulesObject);
        } catch (FormatException e) {
            throw new SignedFile.Refused("its rules cannot be read: " + e.getMessage());
        }
        OutcomeCheck.check(votes, p.get("objections"), p.get("carriedForward"), p.get("decidingVote"), rules, outcome, route);

        JsonNode upstream = res.get("upstream");
        if (expected.bodyId() != null) {
            if (!upstream.isObject()) {
                throw new SignedFile.Refused("the verdict is for the Community's own resolution (its upstream names no body), not "
                        + expected.bodyLevel() + " " + expected.bodyId() + "'s proposal");
            }
            String level = named(upstream, "level");
            String body = named(upstream, "body");
            if (!expected.bodyLevel().equals(level) || !expected.bodyId().equals(body)) {
                throw new SignedFile.Refused("the verdict is for another body's resolution (" + SignedFile.shorten(level) + " "
                        + SignedFile.shorten(body) + ", not " + expected.bodyLevel() + " " + expected.bodyId() + ")");
            }
        }
        if (expected.resolution() != null) {
            String named = upstream.isObject() ? named(upstream, "resolution") : resolutionId;
            if (!expected.resolution().equals(named)) {
                throw new SignedFile.Refused("the verdict is for another resolution (" + named + ", not " + expected.resolution() + ")");
            }
        }
        if (expected.textSha256() != null) {
            String named = upstream.isObject() ? named(upstream, "textSha256") : res.path("originalSha256").asText();
            if (!expected.textSha256().equalsIgnoreCase(named)) { // the expected as typed; the verdict's is one spelling
                throw new SignedFile.Refused("the verdict is for another text (SHA-256 " + SignedFile.shorten(named) + ")");
            }
        }
        byte[] payloadSha = Chain.sha256Bytes(envelope.payload());
        java.util.List<String> supersedes = supersedes(p.get("supersedes"), payloadSha);
        return new Verified(envelope.payload(), p, communityId, resolutionId, outcome, route, payloadSha, key, rosterChecked,
                rules, supersedes);
    }

    /**
     * What an upstream names under {@code key}, as text: a number, null or nothing is refused, never read as the text
     * it would print ({@code 7} as "7", {@code null} as "null"), and a hash is one spelling, as the meeting writes it.
     */
    private static String named(JsonNode upstream, String key) throws SignedFile.Refused {
        JsonNode v = upstream.get(key);
        if (v == null || !v.isTextual()) {
            throw new SignedFile.Refused("the resolution's upstream " + key + " is not text: "
                    + (v == null ? "missing" : SignedFile.shorten(org.folkmoot.record.Json.compact(v))));
        }
        if (key.equals("textSha256") && !isSha256(v.textValue())) {
            throw new SignedFile.Refused("the resolution's upstream textSha256 is not 64 lowercase hex digits");
        }
        return v.textValue();
    }

    /**
     * The earlier verdicts a verdict names as superseded: a list of distinct payload SHA-256s, each 64 lowercase
     * hex digits (as a body's result names them, so one spelling of a hash is the only one), never its own.
     *
     * @param ownPayloadSha the SHA-256 of the naming verdict's payload bytes
     */
    public static java.util.List<String> supersedes(JsonNode list, byte[] ownPayloadSha) throws SignedFile.Refused {
        if (list == null || !list.isArray()) throw new SignedFile.Refused("'supersedes' is not a list");
        if (list.isEmpty()) return java.util.List.of(); // a first verdict: the common case, nothing to look at
        String own = java.util.HexFormat.of().formatHex(ownPayloadSha);
        java.util.List<String> out = new java.util.ArrayList<>(list.size());
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (JsonNode named : list) {
            if (!named.isTextual() || !isSha256(named.textValue())) {
                throw new SignedFile.Refused("'supersedes' names something that is not a payload's SHA-256 (64 lowercase hex digits): "
                        + SignedFile.shorten(org.folkmoot.record.Json.compact(named)));
            }
            String sha = named.textValue();
            if (sha.equals(own)) throw new SignedFile.Refused("the verdict names itself in 'supersedes'");
            if (!seen.add(sha)) throw new SignedFile.Refused("'supersedes' names the verdict " + sha + " twice");
            out.add(sha);
        }
        return java.util.List.copyOf(out);
    }

    /** Whether {@code s} is a SHA-256 as the formats write one: 64 lowercase hex digits. */
    public static boolean isSha256(String s) {
        if (s.length() != 64) return false;
        for (int i = 0; i < 64; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) return false;
        }
        return true;
    }

    /**
     * The day a verdict was decided, which the roster's key validity is read against: its meeting's date, or
     * (a meeting that gave none) the day of its {@code issuedAt} as written; null when it gives neither. A date
     * that is given but cannot be read is refused — never taken as no date, which a key's validity would not
     * be checked against (a retired key signing "1 December 2026").
     */
    public static LocalDate day(ObjectNode p) throws SignedFile.Refused {
        JsonNode issued = p.get("issuedAt");
        LocalDate issuedOn = null;
        if (issued != null && !issued.isNull()) {
            if (issued.isTextual()) {
                String text = issued.textValue();
                // the record's own form ("2026-11-28T19:40:00Z") read by hand: a count reads a million of them
                issuedOn = RecordDates.dayOfInstant(text);
                if (issuedOn == null) {
                    try {
                        issuedOn = LocalDate.from(ISSUED.parseBest(text, LocalDateTime::from, LocalDate::from));
                    } catch (DateTimeException e) {
                        issuedOn = null;
                    }
                }
            }
            if (issuedOn == null) {
                throw new SignedFile.Refused("its issuedAt '" + SignedFile.shorten(issued.asText()) + "' cannot be read (YYYY-MM-DDThh:mm:ssZ)");
            }
        }
        JsonNode date = p.path("meeting").get("date");
        if (date == null || date.isNull()) return issuedOn;
        LocalDate day = date.isTextual() ? RecordDates.day(date.textValue()) : null;
        if (day != null) return day;
        throw new SignedFile.Refused("the meeting date '" + SignedFile.shorten(date.asText()) + "' cannot be read (YYYY-MM-DD)");
    }

    /** An {@code issuedAt}: an instant as the record writes it ("2026-11-28T19:40:00Z"), with or without its offset, or a day. */
    private static final DateTimeFormatter ISSUED = new java.time.format.DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').append(DateTimeFormatter.ISO_LOCAL_TIME).optionalStart().appendOffsetId().optionalEnd()
            .optionalEnd()
            .toFormatter(java.util.Locale.ROOT).withResolverStyle(java.time.format.ResolverStyle.STRICT)
            .withChronology(java.time.chrono.IsoChronology.INSTANCE);

    private static ObjectNode object(ObjectNode node, String key) throws SignedFile.Refused {
        JsonNode v = node.get(key);
        if (!(v instanceof ObjectNode o)) throw new SignedFile.Refused("the payload has no '" + key + "'");
        return o;
    }

    private static void require(ObjectNode node, String key, String where) throws SignedFile.Refused {
        if (!node.has(key)) throw new SignedFile.Refused(where + " misses the key '" + key + "'");
    }

    private static long whole(JsonNode n, String what) throws SignedFile.Refused {
        if (n == null || !n.isIntegralNumber() || !n.canConvertToLong() || n.longValue() < 0) {
            throw new SignedFile.Refused(what + " is not a whole number");
        }
        if (n.longValue() > org.folkmoot.procedure.Community.MAX_MEMBERS) {
            throw new SignedFile.Refused("the count " + n.longValue() + " (" + what + ") is too large: no count is above "
                    + org.folkmoot.procedure.Community.MAX_MEMBERS);
        }
        return n.longValue();
    }

    private static void checkHash(ObjectNode res, String textKey, String hashKey) throws SignedFile.Refused {
        JsonNode text = res.get(textKey);
        if (text == null || !text.isTextual()) throw new SignedFile.Refused("the resolution's " + textKey + " is not text");
        if (!Meeting.textSha256(text.textValue()).equals(res.path(hashKey).asText())) {
            throw new SignedFile.Refused("the resolution's " + textKey + " does not match its " + hashKey);
        }
    }
}
