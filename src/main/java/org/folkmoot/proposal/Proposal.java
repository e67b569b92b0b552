package org.folkmoot.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.folkmoot.combine.BodyRules;
import org.folkmoot.procedure.Ids;
import org.folkmoot.procedure.Meeting;
import org.folkmoot.record.Chain;
import org.folkmoot.record.Json;
import org.folkmoot.record.RecordDates;
import org.folkmoot.verdict.CommunityKey;
import org.folkmoot.verdict.Dsse;
import org.folkmoot.verdict.Ed25519Keys;
import org.folkmoot.verdict.Program;
import org.folkmoot.verdict.Roster;
import org.folkmoot.verdict.SignedFile;

/**
 * A body's resolution as it reaches its Communities ({@code folkmoot-proposal/1}): signed by the body's key,
 * holding the text exactly, the rules the body will count by, the roster it counts against and the day it
 * wants the verdicts by. A Community presents it unchanged; the body counts against the same file, so no one
 * types a hash (docs/decisions/0013-proposals.md).
 *
 * @param payloadSha256 SHA-256 of the payload bytes as signed: how a verdict's {@code upstream.proposalSha256}
 *                      and a result name this proposal
 * @param file          the envelope's bytes as read (or as written), kept so the file can be shelved unchanged
 */
public record Proposal(Roster.Body body, String resolution, String title, String text, String textSha256, String proposer,
                       BodyRules rules, long rosterVersion, String rosterSha256, LocalDate reportBy, String issuedAt,
                       String program, byte[] payload, String payloadSha256, List<Dsse.Signature> signatures, byte[] file) {
    public static final String FORMAT = "folkmoot-proposal/1";
    /**
     * The most a proposal's title, text and proposer hold together, as a verdict's JSON writes them: the verdicts that
     * name it hold the text twice and stay under their 1 MiB.
     */
    public static final int MAX_TEXT_BYTES = 256 * 1024;

    private static final Set<String> KEYS = Set.of("format", "body", "resolution", "rules", "roster", "reportBy", "issuedAt", "program");
    private static final Set<String> BODY_KEYS = Set.of("level", "id", "name");
    private static final Set<String> RESOLUTION_KEYS = Set.of("id", "title", "text", "textSha256", "proposer");
    private static final Set<String> RULES_KEYS = Set.of("consensus", "final", "contention", "basis", "passConsensus",
            "passSupermajority", "reportingQuorum");
    private static final Set<String> ROSTER_KEYS = Set.of("version", "sha256");
    private static final Set<String> LEVELS = Set.of("municipality", "region", "collective");

    /** Why a proposal was not made or not taken, in one line. */
    public static final class Refused extends Exception {
        public Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    /** The fingerprint people read aloud: the first 20 hex digits of the payload's SHA-256, in groups of four. */
    public String fingerprint() {
        return Ed25519Keys.fingerprint(payload);
    }

    /** The body in words: "Millbrook (municipality M7)". */
    public String from() {
        return named(body);
    }

    static String named(Roster.Body b) {
        if (b == null) return "a body";
        String name = b.name() == null || b.name().isBlank() ? b.id() : b.name();
        return name + " (" + b.level() + " " + b.id() + ")";
    }

    /**
     * What a count against this proposal takes from it: with the roster it was made from when the count is the
     * proposing body's own (its summary says when it counts with another version), without it when a lower body
     * gathers its Communities' verdicts on a higher body's proposal with its own roster.
     */
    public org.folkmoot.combine.Against against(boolean ownRoster) {
        return new org.folkmoot.combine.Against(payloadSha256, resolution, reportBy, ownRoster ? rosterVersion : 0,
                ownRoster ? rosterSha256 : null, body.level(), body.id());
    }

    /** Whether a body of {@code level} is below one of this proposal's level (a Municipality below its Region). */
    public boolean fromAbove(String level) {
        List<String> order = List.of("municipality", "region", "collective");
        return order.indexOf(level) >= 0 && order.indexOf(level) < order.indexOf(body.level());
    }

    /** Whether one of the signatures holds for {@code publicKey}, over PAE of the payload as received. */
    public boolean signedBy(byte[] publicKey) {
        return new SignedFile(Dsse.PROPOSAL_TYPE, payload, signatures).signedBy(publicKey);
    }

    // ---- making one ---------------------------------------------------------------------------------

    /**
     * The text of a resolution as a file holds it: strict UTF-8, exactly its content less one final line break
     * ({@code \n}, {@code \r\n} or {@code \r}) if it ends with one — an editor adds one, and the text hash must
     * not depend on the editor.
     */
    public static String textOf(byte[] file) throws Refused {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
        } catch (CharacterCodingException e) {
            throw new Refused("the text file is not UTF-8 text");
        }
        if (text.endsWith("\r\n")) text = text.substring(0, text.length() - 2);
        else if (text.endsWith("\n") || text.endsWith("\r")) text = text.substring(0, text.length() - 1);
        return text;
    }

    /** What a body states in a proposal; {@link #issue} checks it, signs it and gives the file. */
    public record Draft(Roster.Body body, String resolution, String title, String text, String proposer, BodyRules rules,
                        Roster roster, LocalDate reportBy) {
    }

    /**
     * Signs {@code draft} with the body's key; {@code issuedAt} is the moment written into it. Refused, with
     * the reason, when the body, the id, the title or the text could not be presented by a Community.
     */
    public static Proposal issue(Draft d, String issuedAt, CommunityKey bodyKey) throws Refused {
        if (d.body() == null || blank(d.body().level()) || blank(d.body().id())) {
            throw new Refused("the roster does not name its body (level, id, name); make it with `folkmoot roster new`");
        }
        if (!LEVELS.contains(d.body().level())) {
            throw new Refused("the body's level is \"" + SignedFile.shorten(d.body().level()) + "\", not municipality, region or collective");
        }
        // what parse refuses is refused here, before signing: a proposal just made must read back
        idProblem("body id", d.body().id());
        String name = d.body().name() == null ? d.body().id() : d.body().name();
        oneLine("body's name", name);
        if (blank(d.resolution())) throw new Refused("the proposal needs the resolution's id");
        idProblem("resolution id", d.resolution());
        if (blank(d.title())) throw new Refused("the proposal needs a title");
        if (d.text() == null || d.text().isBlank()) throw new Refused("the resolution's text is empty");
        if (d.reportBy() == null || RecordDates.day(d.reportBy().toString()) == null) {
            throw new Refused("the proposal needs a day to report by, written YYYY-MM-DD (a year from 0000 to 9999)");
        }
        String proposer = d.proposer() == null ? name : d.proposer();
        oneLine("title", d.title());
        plainText("text", d.text());
        oneLine("proposer", proposer);
        carried(d.title(), d.text(), proposer);
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        p.put("format", FORMAT);
        p.putObject("body").put("level", d.body().level()).put("id", d.body().id()).put("name", name);
        p.putObject("resolution").put("id", d.resolution()).put("title", d.title()).put("text", d.text())
                .put("textSha256", Meeting.textSha256(d.text())).put("proposer", proposer);
        p.set("rules", (d.rules() == null ? BodyRules.defaults() : d.rules()).write());
        p.putObject("roster").put("version", d.roster().version()).put("sha256", d.roster().sha256());
        p.put("reportBy", d.reportBy().toString());
        p.put("issuedAt", issuedAt);
        p.put("program", Program.nameAndVersion());
        byte[] payload = (Json.compact(p)).getBytes(StandardCharsets.UTF_8);
        byte[] file = Dsse.sign(Dsse.PROPOSAL_TYPE, payload, bodyKey);
        try {
            return parse(file);
        } catch (Refused e) {
            throw new IllegalStateException("a proposal just made could not be read back: " + e.getMessage(), e);
        }
    }

    // ---- reading one --------------------------------------------------------------------------------

    /**
     * The proposal in {@code file}'s bytes, every limit of a signed file kept and every key of its payload
     * checked; its signature is not checked here (that is {@link Bodies#check}'s, against the keys trusted).
     */
    public static Proposal parse(byte[] file) throws Refused {
        SignedFile env = envelope(file);
        ObjectNode p;
        try {
            p = SignedFile.object(env.payload(), "the proposal");
        } catch (SignedFile.Refused e) {
            throw new Refused(e.getMessage());
        }
        only(p, "the proposal", KEYS);
        String format = text(p, "format", "the proposal");
        if (!format.equals(FORMAT)) throw new Refused("the proposal's format is \"" + SignedFile.shorten(format) + "\", not " + FORMAT);
        ObjectNode b = object(p, "body");
        only(b, "the proposal's body", BODY_KEYS);
        String level = text(b, "level", "the proposal's body");
        if (!LEVELS.contains(level)) throw new Refused("the proposal's body is of level \"" + SignedFile.shorten(level)
                + "\", not municipality, region or collective");
        String bodyId = text(b, "id", "the proposal's body");
        idProblem("body id", bodyId);
        Roster.Body body = new Roster.Body(level, bodyId, optionalText(b, "name", "the proposal's body"));
        ObjectNode r = object(p, "resolution");
        only(r, "the proposal's resolution", RESOLUTION_KEYS);
        String id = text(r, "id", "the proposal's resolution");
        if (id.isBlank()) throw new Refused("the proposal's resolution has no id");
        idProblem("resolution id", id);
        String title = text(r, "title", "the proposal's resolution");
        if (title.isBlank()) throw new Refused("the proposal's resolution has no title");
        String text = text(r, "text", "the proposal's resolution");
        if (text.isBlank()) throw new Refused("the proposal's text is empty");
        String sha = text(r, "textSha256", "the proposal's resolution");
        if (!sha.equals(Meeting.textSha256(text))) {
            throw new Refused("the proposal's textSha256 is not the SHA-256 of its text");
        }
        String proposer = optionalText(r, "proposer", "the proposal's resolution");
        oneLine("title", title);
        plainText("text", text);
        if (proposer != null) oneLine("proposer", proposer);
        if (body.name() != null) oneLine("body's name", body.name());
        carried(title, text, proposer == null ? "" : proposer);
        ObjectNode rulesNode = object(p, "rules");
        only(rulesNode, "the proposal's rules", RULES_KEYS);
        BodyRules rules;
        try {
            for (String k : RULES_KEYS) {
                JsonNode v = rulesNode.get(k);
                if (v != null && !v.isNull() && !v.isTextual()) throw new IllegalArgumentException("'" + k + "' must be text");
            }
            rules = BodyRules.read(rulesNode);
        } catch (IllegalArgumentException e) {
            throw new Refused("the proposal's rules cannot be read: " + e.getMessage());
        }
        ObjectNode roster = object(p, "roster");
        only(roster, "the proposal's roster", ROSTER_KEYS);
        JsonNode version = roster.get("version");
        if (version == null || !version.isIntegralNumber() || !version.canConvertToLong() || version.longValue() < 1) {
            throw new Refused("the proposal's roster has no version (a whole number from 1)");
        }
        String rosterSha = text(roster, "sha256", "the proposal's roster");
        if (!rosterSha.matches("[0-9a-f]{64}")) throw new Refused("the proposal's roster sha256 is not 64 lowercase hex digits");
        String reportByText = text(p, "reportBy", "the proposal");
        // YYYY-MM-DD as the result writes it and its verifier reads it (LocalDate.parse also takes "+10000-01-01")
        LocalDate reportBy = RecordDates.day(reportByText);
        if (reportBy == null) {
            throw new Refused("the proposal's reportBy \"" + SignedFile.shorten(reportByText) + "\" is not a day written YYYY-MM-DD");
        }
        String issuedAt = text(p, "issuedAt", "the proposal");
        String program = text(p, "program", "the proposal");
        return new Proposal(body, id, title, text, sha, proposer, rules, version.longValue(), rosterSha, reportBy, issuedAt,
                program, env.payload(), Chain.sha256(env.payload()), env.signatures(), file.clone());
    }

    /**
     * The proposal's envelope, not yet its payload: what a signature is checked on before what it signed is read
     * (a byte changed in the payload is then told as a changed file, not as whatever the changed byte now says).
     */
    public static SignedFile envelope(byte[] file) throws Refused {
        wholeFile(file);
        SignedFile env;
        try {
            env = SignedFile.parse(file);
        } catch (SignedFile.Refused e) {
            throw new Refused(e.getMessage());
        }
        if (!env.payloadType().equals(Dsse.PROPOSAL_TYPE)) {
            throw new Refused("not a proposal: its payload type is " + env.payloadType());
        }
        return env;
    }

    /**
     * The envelope and at most one final line break: JSON would let a changed last byte (a space for the line
     * break) read the same, and a proposal changed in any byte is not the one the body sent.
     */
    private static void wholeFile(byte[] file) throws Refused {
        int end = file.length;
        if (end > 0 && file[end - 1] == '\n') end--;
        if (end > 0 && file[end - 1] == '\r') end--;
        if (end == 0 || file[0] != '{' || file[end - 1] != '}') {
            throw new Refused("not a proposal file: it must be one JSON object, with nothing before it and at most a line break after");
        }
    }

    /** A text shown on the projector and printed: no control character but tab and line breaks. */
    private static void plainText(String what, String value) throws Refused {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                throw new Refused("the proposal's " + what + " holds a control character");
            }
        }
    }

    /**
     * A title, a proposer or a body's name: plain text on one line, as every place that shows it prints it (proposal
     * show's facts, the console's source line, the count's proposal line) — a line break there writes a line of its own.
     */
    private static void oneLine(String what, String value) throws Refused {
        plainText(what, value);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                throw new Refused("the proposal's " + what + " holds a line break (it is one line)");
            }
        }
    }

    /**
     * What each verdict carries of the proposal — its title and proposer once, its text twice — measured as the
     * verdict's JSON writes it, where a quote mark or a line break takes two bytes: at most {@link #MAX_TEXT_BYTES},
     * so the verdict stays under its 1 MiB.
     */
    private static void carried(String title, String text, String proposer) throws Refused {
        long bytes = written(title) + written(text) + written(proposer);
        if (bytes > MAX_TEXT_BYTES) {
            throw new Refused("the proposal's title, text and proposer are " + bytes / 1024 + " KiB as a verdict writes them (a quote mark "
                    + "or a line break takes two bytes), more than " + MAX_TEXT_BYTES / 1024 + " KiB");
        }
    }

    private static long written(String s) throws Refused {
        try {
            return Json.MAPPER.writeValueAsBytes(s).length - 2L; // less the two quote marks
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new Refused("the proposal's text cannot be written as JSON");
        }
    }

    private static void idProblem(String what, String id) throws Refused {
        if (Ids.problem("resolution-id", id) != null) {
            throw new Refused("the " + what + " \"" + SignedFile.shorten(id) + "\" is longer than " + Ids.MAX_LENGTH
                    + " characters or holds a control character");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static void only(ObjectNode node, String where, Set<String> keys) throws Refused {
        for (var it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!keys.contains(k)) throw new Refused(where + " has an unknown key '" + SignedFile.shorten(k) + "'");
        }
    }

    private static ObjectNode object(ObjectNode node, String key) throws Refused {
        JsonNode v = node.get(key);
        if (!(v instanceof ObjectNode o)) throw new Refused("the proposal has no '" + key + "'");
        return o;
    }

    private static String text(ObjectNode node, String key, String where) throws Refused {
        JsonNode v = node.get(key);
        if (v == null || !v.isTextual()) throw new Refused(where + " has no '" + key + "'");
        return v.textValue();
    }

    private static String optionalText(ObjectNode node, String key, String where) throws Refused {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw new Refused(where + "'s '" + key + "' is not text");
        return v.textValue();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Proposal p && java.util.Arrays.equals(file, p.file);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(file);
    }

    @Override
    public String toString() {
        return "proposal " + resolution + " of " + from() + " (" + fingerprint() + ")";
    }
}
