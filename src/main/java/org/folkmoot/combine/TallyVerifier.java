package org.folkmoot.combine;

import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.folkmoot.record.Json;
import org.folkmoot.verdict.Dsse;
import org.folkmoot.verdict.Ed25519Keys;
import org.folkmoot.verdict.EnvelopeReader;
import org.folkmoot.verdict.Roster;
import org.folkmoot.verdict.SignedFile;
import org.folkmoot.verdict.StreamingEd25519;
import org.folkmoot.verdict.VerdictVerifier;

/**
 * Checks a body's result ({@code folkmoot-tally/1}) as a stream, whatever its size: the body's signature over
 * the payload, and — given the roster the result names — every verdict it carries counted again from its own
 * signature, the counts and the outcome compared with what the result says.
 */
public final class TallyVerifier {
    /** What a result says, once its signature holds; {@code recounted} when its verdicts were counted again. */
    public record Checked(String level, String body, String name, String keyId, boolean keyFromResult, String resolution,
                          String textSha256, String outcome, String route, long reporting, String fingerprint,
                          boolean recounted, Proposed proposal) {
    }

    /** The proposal a result was counted against, as it says (null in {@link Checked} for a count without one). */
    public record Proposed(Against against, long onTime, long late) {
    }

    private TallyVerifier() {
    }

    /**
     * @param bodyKey the body's public key, or null to take the one the result carries (which proves the file
     *                is whole, not who made it)
     * @param roster  the roster to count the carried verdicts against again, or null not to
     */
    public static Checked verify(Path file, byte[] bodyKey, Roster roster, Path work) throws SignedFile.Refused, IOException {
        return verify(file, bodyKey, roster, work, null);
    }

    /**
     * @param proposing the body whose proposal the result must have been counted against, or null when not known: the
     *                  verdicts counted again must then name it in their upstream, as a count against its proposal asks
     */
    public static Checked verify(Path file, byte[] bodyKey, Roster roster, Path work, Roster.Body proposing)
            throws SignedFile.Refused, IOException {
        Path payload = Files.createTempFile(work, "tally-", ".json");
        try {
            EnvelopeReader.Envelope envelope = ResultEnvelope.read(file, payload);
            List<Dsse.Signature> signatures = envelope.signatures();
            String type = envelope.type();
            if (!Dsse.TALLY_TYPE.equals(type)) {
                // a verdict reaches here when it is over a verdict's size limit (verify reads such a file as a result)
                if (Dsse.VERDICT_TYPE.equals(type) && Files.size(file) > SignedFile.MAX_BYTES) {
                    throw new SignedFile.Refused("the file is larger than " + SignedFile.MAX_BYTES + " bytes");
                }
                throw new SignedFile.Refused(Dsse.VERDICT_TYPE.equals(type) ? "a Community Verdict, not a body's result"
                        : "not a body's result (payload type " + type + ")");
            }
            ResultEnvelope.Shape shape = new ResultEnvelope.Shape();
            ObjectNode head = head(payload, shape);
            String tooLarge = shape.refusal(Files.size(payload));
            if (tooLarge != null) throw new SignedFile.Refused(tooLarge);
            if (!TallyWriter.FORMAT.equals(head.path("format").asText())) {
                throw new SignedFile.Refused("the payload is not " + TallyWriter.FORMAT);
            }
            JsonNode body = head.path("body");
            byte[] key = bodyKey;
            boolean fromResult = key == null;
            if (key == null) {
                key = Ed25519Keys.decodeBase64(body.path("publicKey").asText(""));
                if (key == null || key.length != Ed25519Keys.KEY_BYTES) {
                    throw new SignedFile.Refused("the result does not carry its body's key: give the body's key to check it");
                }
            }
            if (!Ed25519Keys.isValidPublicKey(key)) {
                throw new SignedFile.Refused(VerdictVerifier.invalidKey(fromResult ? "the body's key the result carries" : "the body's key given"));
            }
            long length = Files.size(payload);
            byte[] prefix = ("DSSEv1 " + Dsse.TALLY_TYPE.length() + " " + Dsse.TALLY_TYPE + " " + length + " ")
                    .getBytes(StandardCharsets.US_ASCII);
            String keyId = Ed25519Keys.keyId(key);
            boolean holds = false;
            for (Dsse.Signature s : signatures) {
                if (!s.keyId().isEmpty() && !s.keyId().equals(keyId)) continue;
                if (StreamingEd25519.verify(key, d -> {
                    d.update(prefix);
                    ResultEnvelope.feed(payload, d);
                }, s.sig())) {
                    holds = true;
                    break;
                }
            }
            if (!holds) throw new SignedFile.Refused("the body's signature does not hold" + (fromResult ? "" : " for the key given"));
            MessageDigest sha = ResultEnvelope.sha256();
            ResultEnvelope.feed(payload, sha);
            String hex = HexFormat.of().formatHex(sha.digest()).substring(0, 20);
            StringBuilder fingerprint = new StringBuilder();
            for (int i = 0; i < hex.length(); i += 4) fingerprint.append(i > 0 ? " " : "").append(hex, i, i + 4);

            JsonNode counts = head.path("counts");
            List<Combination.Superseded> superseded = superseded(head);
            String resolution = head.path("resolution").path("id").asText();
            String textSha = head.path("resolution").path("textSha256").asText();
            Proposed proposed = proposal(head, resolution, counts);
            boolean recounted = false;
            if (roster != null) {
                if (!roster.sha256().equals(head.path("roster").path("sha256").asText())) {
                    throw new SignedFile.Refused("the result was counted against another roster (SHA-256 "
                            + head.path("roster").path("sha256").asText() + "); give that roster to count it again");
                }
                BodyRules rules;
                try {
                    rules = BodyRules.read(head.get("rules") instanceof ObjectNode r ? r : null);
                } catch (IllegalArgumentException e) {
                    throw new SignedFile.Refused("the result's rules cannot be read: " + e.getMessage());
                }
                try (Combination again = new Combination(roster, rules, resolution, textSha, work, null)) {
                    if (proposed != null) {
                        Against a = proposed.against();
                        again.against(proposing == null ? a : new Against(a.proposalSha256(), a.resolution(), a.reportBy(), 0, null,
                                proposing.level(), proposing.id()));
                    }
                    again.read(List.of(file), Runtime.getRuntime().availableProcessors());
                    Combination.Summary s = again.summary();
                    if (s.refused() > 0) {
                        Combination.Refusal first = again.refusals().iterator().next();
                        throw new SignedFile.Refused(s.refused() + " of the verdicts it carries do not hold (" + first.file() + ": "
                                + first.reason() + ")");
                    }
                    if (!s.superseded().isEmpty()) {
                        Combination.Superseded first = s.superseded().get(0);
                        throw new SignedFile.Refused("the result carries a superseded verdict of " + first.community() + " ("
                                + first.payloadSha256() + "): it carries the latest only");
                    }
                    accountedFor(superseded, head.path("conflicts"), roster, again);
                    compare(counts, "reporting", s.reporting());
                    compare(counts, "passed", s.count(Combination.Kind.PASSED));
                    compare(counts, "passedWithAmendments", s.count(Combination.Kind.PASSED_WITH_AMENDMENTS));
                    compare(counts, "notPassed", s.count(Combination.Kind.NOT_PASSED));
                    compare(counts, "tabled", s.count(Combination.Kind.TABLED));
                    compare(counts, "dismissed", s.count(Combination.Kind.DISMISSED));
                    compare(counts, "withdrawn", s.count(Combination.Kind.WITHDRAWN));
                    if (proposed != null) reportsAsCounted(head.path("proposal").path("reports"), s.reports());
                    if (!s.outcome().equals(head.path("outcome").asText())
                            || !String.valueOf(s.route()).equals(head.path("route").isNull() ? "null" : head.path("route").asText())) {
                        throw new SignedFile.Refused("the result says " + head.path("outcome").asText() + ", but its verdicts give "
                                + s.outcome() + (s.route() == null ? "" : " (" + s.route() + ")"));
                    }
                }
                recounted = true;
            }
            return new Checked(body.path("level").asText(), body.path("id").asText(), body.path("name").asText(), keyId, fromResult,
                    resolution, textSha, head.path("outcome").asText(), head.path("route").isNull() ? null : head.path("route").asText(),
                    counts.path("reporting").asLong(), fingerprint.toString(), recounted, proposed);
        } finally {
            Files.deleteIfExists(payload);
        }
    }

    /**
     * The result's list of superseded verdicts, checked against its count: each {community, payloadSha256} once,
     * sorted as a result writes them. A result that has neither (written before verdicts superseded) lists none.
     */
    private static List<Combination.Superseded> superseded(ObjectNode head) throws SignedFile.Refused {
        JsonNode counted = head.path("counts").get("superseded");
        JsonNode list = head.get("superseded");
        if (counted == null && list == null) return List.of();
        if (list != null && !list.isArray()) throw new SignedFile.Refused("the result's superseded list is not a list");
        List<Combination.Superseded> out = new ArrayList<>();
        Combination.Superseded before = null;
        for (JsonNode e : list == null ? Json.MAPPER.createArrayNode() : list) {
            JsonNode community = e.get("community");
            JsonNode sha = e.get("payloadSha256");
            if (!e.isObject() || e.size() != 2 || community == null || !community.isTextual() || sha == null || !sha.isTextual()
                    || !VerdictVerifier.isSha256(sha.textValue())) {
                throw new SignedFile.Refused("the result's superseded list holds " + SignedFile.shorten(Json.compact(e))
                        + ", not {community, payloadSha256}");
            }
            Combination.Superseded x = new Combination.Superseded(community.textValue(), sha.textValue());
            if (before != null && Combination.SUPERSEDED_ORDER.compare(before, x) >= 0) {
                throw new SignedFile.Refused("the result's superseded list is not sorted by community and hash, each once");
            }
            out.add(x);
            before = x;
        }
        if (counted == null || !counted.isIntegralNumber() || counted.longValue() != out.size()) {
            throw new SignedFile.Refused("the result counts " + (counted == null ? "no" : SignedFile.shorten(counted.asText()))
                    + " superseded, but lists " + (list == null ? "none" : out.size()));
        }
        return out;
    }

    /**
     * Each verdict the result lists as superseded is of a Community in the roster whose later verdict it counts —
     * not that very one — or which it shows in conflict (where what is superseded stays superseded).
     */
    private static void accountedFor(List<Combination.Superseded> superseded, JsonNode conflicts, Roster roster, Combination again)
            throws SignedFile.Refused {
        java.util.Set<String> inConflict = new java.util.HashSet<>();
        for (JsonNode c : conflicts) inConflict.add(c.asText());
        for (Combination.Superseded x : superseded) {
            int k = roster.index(x.community());
            if (k < 0) throw new SignedFile.Refused("the result lists a superseded verdict of " + x.community() + ", which is not in the roster");
            if (again.carries(k)) {
                if (HexFormat.of().formatHex(again.payloadSha(k)).equals(x.payloadSha256())) {
                    throw new SignedFile.Refused("the result lists the verdict of " + x.community() + " it counts as superseded");
                }
            } else if (!inConflict.contains(x.community())) {
                throw new SignedFile.Refused("the result lists a superseded verdict of " + x.community()
                        + ", whose Community it neither counts nor shows in conflict");
            }
        }
    }

    private static final java.util.Set<String> PROPOSAL_KEYS = java.util.Set.of("sha256", "resolution", "reportBy", "onTime", "late", "reports");

    /**
     * The proposal the result says it was counted against, checked in itself: its keys, a resolution that is the
     * result's, a day to report by, a report for each Community reporting, each on time exactly when its meeting was
     * on or before that day, and its two counts those of its reports. Null when it names none.
     */
    private static Proposed proposal(ObjectNode head, String resolution, JsonNode counts) throws SignedFile.Refused {
        JsonNode p = head.get("proposal");
        if (p == null || p.isNull()) return null;
        java.util.Set<String> keys = new java.util.HashSet<>();
        if (p.isObject()) p.fieldNames().forEachRemaining(keys::add);
        if (!keys.equals(PROPOSAL_KEYS)) {
            throw new SignedFile.Refused("the result's proposal is " + SignedFile.shorten(Json.compact(p))
                    + ", not {sha256, resolution, reportBy, onTime, late, reports}");
        }
        JsonNode sha = p.get("sha256");
        if (!sha.isTextual() || !VerdictVerifier.isSha256(sha.textValue())) {
            throw new SignedFile.Refused("the result's proposal sha256 is not 64 lowercase hex digits");
        }
        if (!p.get("resolution").isTextual() || !p.get("resolution").textValue().equals(resolution)) {
            throw new SignedFile.Refused("the result's proposal is of resolution " + SignedFile.shorten(p.get("resolution").asText())
                    + ", but the result counts " + SignedFile.shorten(resolution));
        }
        java.time.LocalDate reportBy = p.get("reportBy").isTextual() ? org.folkmoot.record.RecordDates.day(p.get("reportBy").textValue()) : null;
        if (reportBy == null) {
            throw new SignedFile.Refused("the result's proposal reportBy '" + SignedFile.shorten(p.get("reportBy").asText())
                    + "' is not a day (YYYY-MM-DD)");
        }
        JsonNode reports = p.get("reports");
        if (!reports.isArray()) throw new SignedFile.Refused("the result's proposal reports are not a list");
        long onTime = 0, late = 0;
        for (JsonNode r : reports) {
            JsonNode community = r.get("community"), date = r.get("date"), said = r.get("onTime");
            java.time.LocalDate day = date != null && date.isTextual() ? org.folkmoot.record.RecordDates.day(date.textValue()) : null;
            if (!r.isObject() || r.size() != 3 || community == null || !community.isTextual() || date == null
                    || !(date.isNull() || day != null) || said == null || !said.isBoolean()) {
                throw new SignedFile.Refused("the result's proposal reports " + SignedFile.shorten(Json.compact(r))
                        + ", not {community, date, onTime}");
            }
            boolean inTime = day != null && !day.isAfter(reportBy);
            String who = SignedFile.shorten(community.textValue());
            if (said.booleanValue() != inTime) {
                throw new SignedFile.Refused("the result reports " + who + (said.booleanValue() ? " on time" : " late") + ", but its meeting "
                        + (day == null ? "gives no day" : "on " + day + " is " + (inTime ? "on or before " : "after ") + reportBy)
                        + ", the day to report by");
            }
            if (inTime) onTime++; else late++;
        }
        JsonNode saidOnTime = p.get("onTime"), saidLate = p.get("late");
        // a whole number past a long's range would be read as its low 64 bits: 2^64 + 1 as 1
        if (!saidOnTime.isIntegralNumber() || !saidLate.isIntegralNumber() || !saidOnTime.canConvertToLong() || !saidLate.canConvertToLong()
                || saidOnTime.longValue() != onTime || saidLate.longValue() != late) {
            throw new SignedFile.Refused("the result's proposal counts " + SignedFile.shorten(saidOnTime.asText()) + " on time and "
                    + SignedFile.shorten(saidLate.asText()) + " late, but its reports give " + onTime + " and " + late);
        }
        if (counts.path("reporting").asLong(-1) != reports.size()) {
            throw new SignedFile.Refused("the result's proposal reports " + reports.size() + " verdicts, but it counts "
                    + counts.path("reporting").asText("no") + " reporting");
        }
        return new Proposed(new Against(sha.textValue(), resolution, reportBy), onTime, late);
    }

    /** Each report names the Community of the verdict carried in its place, and that verdict's meeting day. */
    private static void reportsAsCounted(JsonNode reports, List<Combination.Report> recounted) throws SignedFile.Refused {
        for (int i = 0; i < recounted.size(); i++) {
            Combination.Report r = recounted.get(i);
            JsonNode said = reports.get(i);
            String community = said.get("community").textValue();
            if (!community.equals(r.community())) {
                throw new SignedFile.Refused("the result's proposal reports " + SignedFile.shorten(community) + " where its verdicts give "
                        + r.community() + " (one report a counted verdict, in their order)");
            }
            String date = said.get("date").isNull() ? null : said.get("date").textValue();
            String counted = r.date() == null ? null : r.date().toString();
            if (!java.util.Objects.equals(date, counted)) {
                throw new SignedFile.Refused("the result reports " + community + "'s meeting on " + (date == null ? "no day" : date)
                        + ", but its verdict says " + (counted == null ? "none" : counted));
            }
        }
    }

    private static void compare(JsonNode counts, String key, long recounted) throws SignedFile.Refused {
        if (counts.path(key).asLong(-1) != recounted) {
            throw new SignedFile.Refused("the result counts " + counts.path(key).asText("nothing") + " " + key
                    + ", but its verdicts give " + recounted);
        }
    }

    /** Whether {@code file} is a body's result (larger than a verdict may be, or naming the result's type first). */
    public static boolean isResult(Path file) throws IOException {
        if (!Files.isRegularFile(file)) return false;
        if (Files.size(file) > SignedFile.MAX_BYTES) return true;
        try (InputStream in = Files.newInputStream(file)) {
            return ResultEnvelope.namesResultType(in.readNBytes(256));
        }
    }

    /** The payload's fields before its verdicts (a result writes them last). */
    private static ObjectNode head(Path payload, ResultEnvelope.Shape shape) throws SignedFile.Refused {
        ObjectNode head = Json.MAPPER.createObjectNode();
        try (JsonParser in = EnvelopeReader.parser(payload)) {
            EnvelopeReader.fields(in, "the payload is not a JSON object", null, (name, value, p) -> {
                if (name.equals("verdicts")) {
                    shape.read(p, name);
                    return;
                }
                JsonNode v = Json.ONE_OF_MANY.readValue(p);
                if (v.isArray()) shape.listed += v.size();
                if (name.equals("proposal") && v.isObject()) {
                    for (JsonNode r : v) if (r.isArray()) shape.listed += r.size(); // its reports are entries too
                }
                head.set(name, v);
            });
        } catch (IOException e) {
            throw new SignedFile.Refused("the payload is not JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        return head;
    }
}
