package org.folkmoot.combine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.folkmoot.Meetings;
import org.folkmoot.procedure.Meeting;
import org.folkmoot.record.Json;
import org.folkmoot.record.Replay;
import org.folkmoot.verdict.CommunityKey;
import org.folkmoot.verdict.Dsse;
import org.folkmoot.verdict.Ed25519Keys;
import org.folkmoot.verdict.VerdictPayload;

/**
 * Communities for combination tests: each with its own key (from its id, so runs repeat), and real
 * verdicts — the ladder replayed once per outcome, then the payload made each Community's own and signed.
 */
public final class Communities {
    public static final String TEXT = "Every Community keeps a seed library, open on market days.";
    public static final String SHA = Meeting.textSha256(TEXT);
    public static final String RESOLUTION = "M-R1";

    /** What a Community decided, as a ladder that gets there. */
    public enum Decided {
        PASSED, PASSED_AMENDED, NOT_PASSED, TABLED, DISMISSED, WITHDRAWN
    }

    private static final Map<Decided, String> TEMPLATES = new EnumMap<>(Decided.class);

    private Communities() {
    }

    public static CommunityKey key(String id) {
        try {
            return CommunityKey.fromSeed(MessageDigest.getInstance("SHA-256").digest(("seed of " + id).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String present(String resolution, String text, String sha) {
        ObjectNode p = Json.MAPPER.createObjectNode();
        p.put("do", "present").put("resolution", "R1").put("title", "Seed library").put("text", text).put("proposer", "M1");
        p.putObject("upstream").put("level", "municipality").put("body", "M1").put("resolution", resolution).put("textSha256", sha);
        return Json.compact(p);
    }

    static String[] ladder(Decided d, String present) {
        String a = Meetings.attendance(100);
        return switch (d) {
            case PASSED -> new String[] {a, present, Meetings.vote("check-1", 95, 5, 0)};
            case PASSED_AMENDED -> new String[] {a, present, Meetings.vote("check-1", 80, 20, 0), Meetings.objections(20, 0),
                Meetings.grievance(1, "Days", 20), Meetings.plead("Days"),
                Meetings.amend("A1", "Days", "open on market days", "open every day"), Meetings.amendmentVote("A1", 90, 10, 0),
                Meetings.closeRound(), Meetings.vote("check-2", 95, 5, 0)};
            case NOT_PASSED -> new String[] {a, present, Meetings.vote("check-1", 60, 40, 0), Meetings.objections(0, 40),
                Meetings.grievance(2, "No", 40), Meetings.plead("No"),
                Meetings.closeRound(), Meetings.vote("final", 60, 40, 0)};
            case TABLED -> new String[] {a, present, Meetings.vote("check-1", 95, 5, 0), Meetings.vote("contention", 40, 60, 0)};
            case DISMISSED -> new String[] {a, present, Meetings.vote("check-1", 95, 5, 0), Meetings.vote("contention", 40, 60, 0),
                "{\"do\":\"dismiss\"}"};
            case WITHDRAWN -> new String[] {a, present, "{\"do\":\"withdraw\"}"};
        };
    }

    /** A verdict payload as Community {@code template} of the ladder, for any resolution, text and rules. */
    static byte[] payload(Decided d, String resolution, String text, String rules) {
        String header = rules == null ? Meetings.HEADER : Meetings.headerWithRules(rules);
        Replay.Result r = Meetings.replayWith(header, ladder(d, present(resolution, text, Meeting.textSha256(text))));
        if (r.refused()) throw new AssertionError(d + " refused: " + r.refusal());
        return VerdictPayload.build(r.meeting(), r.meeting().resolutions().get(0), r.record(), new byte[32], "folkmoot test");
    }

    /** Community {@code id}'s signed verdict: the outcome's payload made its own (its id, name and key). */
    public static byte[] verdict(String id, Decided d) {
        String template;
        synchronized (TEMPLATES) {
            template = TEMPLATES.computeIfAbsent(d, k -> new String(payload(k, RESOLUTION, TEXT, null), StandardCharsets.UTF_8));
        }
        return sign(id, template);
    }

    /**
     * Community {@code id}'s verdict decided {@code d} at {@code issuedAt}, superseding the verdicts whose payload
     * SHA-256s are given (oldest first): a later verdict of the same resolution, made by hand.
     */
    public static byte[] verdict(String id, Decided d, String issuedAt, String... supersedes) {
        try {
            String template;
            synchronized (TEMPLATES) {
                template = TEMPLATES.computeIfAbsent(d, k -> new String(payload(k, RESOLUTION, TEXT, null), StandardCharsets.UTF_8));
            }
            ObjectNode p = Json.object(template.strip());
            p.put("issuedAt", issuedAt);
            var list = p.putArray("supersedes");
            for (String sha : supersedes) list.add(sha);
            return sign(id, Json.compact(p));
        } catch (org.folkmoot.record.FormatException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Community {@code id}'s verdict decided {@code d} at a meeting on {@code date}, of a body's resolution presented
     * with {@code upstream} (as a proposal fills it, {@code proposalSha256} too) and its {@code text}: the ladder replayed.
     */
    public static byte[] verdictAt(String id, Decided d, String date, String text, ObjectNode upstream) {
        ObjectNode p = Json.MAPPER.createObjectNode();
        p.put("do", "present").put("resolution", "R1").put("title", "Seed library").put("text", text).put("proposer", "M1");
        p.set("upstream", upstream.deepCopy());
        String header = Meetings.HEADER.replace("\"date\":\"2026-11-26\"", "\"date\":\"" + date + "\"");
        Replay.Result r = Meetings.replayWith(header, ladder(d, Json.compact(p)));
        if (r.refused()) throw new AssertionError(d + " refused: " + r.refusal());
        return sign(id, new String(VerdictPayload.build(r.meeting(), r.meeting().resolutions().get(0), r.record(), new byte[32],
                "folkmoot test"), StandardCharsets.UTF_8));
    }

    /** The SHA-256 (lowercase hex) of a signed verdict's payload bytes: what a later verdict names it by. */
    public static String payloadSha(byte[] verdict) {
        try {
            return org.folkmoot.record.Chain.sha256(org.folkmoot.verdict.SignedFile.parse(verdict).payload());
        } catch (org.folkmoot.verdict.SignedFile.Refused e) {
            throw new AssertionError(e);
        }
    }

    /** Signs {@code payload} (as {@link #payload} made it) as Community {@code id}'s own. */
    public static byte[] sign(String id, String payload) {
        try {
            CommunityKey key = key(id);
            ObjectNode p = Json.object(payload.strip());
            if (!p.has("supersedes")) p.putArray("supersedes"); // a first verdict names none
            ((ObjectNode) p.get("community")).put("id", id).put("name", "Community " + id)
                    .put("publicKey", Ed25519Keys.base64(key.publicKey())).put("keyId", key.keyId());
            return Dsse.sign(Dsse.VERDICT_TYPE, (Json.compact(p) + "\n").getBytes(StandardCharsets.UTF_8), key);
        } catch (org.folkmoot.record.FormatException e) {
            throw new AssertionError(e);
        }
    }

    /** The entry `keys export` writes for Community {@code id}. */
    public static ObjectNode exported(String id) {
        ObjectNode e = Json.MAPPER.createObjectNode();
        e.put("id", id).put("name", "Community " + id).put("members", 150)
                .put("publicKey", Ed25519Keys.base64(key(id).publicKey())).put("keyId", key(id).keyId())
                .putNull("validFrom").putNull("validUntil").put("status", "active");
        return e;
    }

    /** A municipality's roster of the Communities {@code ids}, written to {@code file}. */
    public static Path roster(Path file, String bodyId, List<String> ids) throws IOException {
        try {
            ObjectNode r = RosterBook.create("municipality", bodyId, "Municipality " + bodyId);
            RosterBook.enrollAll(r, ids.stream().map(Communities::exported).toList(), LocalDate.of(2026, 1, 1));
            Files.write(file, RosterBook.plain(r));
            return file;
        } catch (RosterBook.Refused e) {
            throw new AssertionError(e);
        }
    }
}
