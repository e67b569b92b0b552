package org.folkmoot.combine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.folkmoot.verdict.Dsse;
import org.folkmoot.verdict.Ed25519Keys;
import org.folkmoot.verdict.Roster;
import org.folkmoot.verdict.SignedFile;

/**
 * Keeping a body's roster (docs/signed-files.md, "The roster"): enrolling a Community's exported key, retiring
 * and revoking keys, and the version, which goes up with every change. Each change is checked before it is
 * made; a refused change leaves the roster as it was.
 */
public final class RosterBook {
    private static final Set<String> LEVELS = Set.of("municipality", "region", "collective");

    private RosterBook() {
    }

    /** Why a change was not made, in one line. */
    public static final class Refused extends Exception {
        public Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    /** A new, empty roster of version 1. */
    public static ObjectNode create(String level, String id, String name) throws Refused {
        if (level == null || !LEVELS.contains(level)) {
            throw new Refused("the level is municipality, region or collective, not \"" + level + "\"");
        }
        if (id == null || id.isBlank()) throw new Refused("the body needs an id");
        ObjectNode r = JsonNodeFactory.instance.objectNode();
        r.put("format", Roster.FORMAT);
        r.putObject("body").put("level", level).put("id", id.strip()).put("name", name == null || name.isBlank() ? id.strip() : name.strip());
        r.put("version", 1);
        r.putArray("communities");
        return r;
    }

    /** The roster file's JSON, plain or signed (a signed one checked against {@code bodyKeys}). */
    public static ObjectNode load(Path file, List<byte[]> bodyKeys) throws Refused {
        try {
            return Roster.readJson(file, bodyKeys);
        } catch (SignedFile.Refused e) {
            throw new Refused(e.getMessage());
        }
    }

    /**
     * Enrolls a Community's key from the entry {@code keys export} wrote. A Community already enrolled with
     * another key has that key retired the day before {@code today} (its old verdicts still verify); the same
     * key twice is refused.
     *
     * @return the entry as enrolled
     */
    public static ObjectNode enroll(ObjectNode roster, ObjectNode exported, LocalDate today) throws Refused {
        return enrollAll(roster, List.of(exported), today).get(0);
    }

    /**
     * Enrolls several exported keys at once (a folder of them from a day of enrolment): all of them, or, when
     * one is refused, none. The roster's version goes up once.
     *
     * @return the entries as enrolled, in order
     */
    public static List<ObjectNode> enrollAll(ObjectNode roster, List<ObjectNode> exported, LocalDate today) throws Refused {
        ArrayNode list = communities(roster);
        java.util.Map<String, String> enrolledKeys = new java.util.HashMap<>(); // canonical base64 -> community
        java.util.Map<String, ObjectNode> active = new java.util.HashMap<>();
        for (JsonNode c : list) {
            byte[] listed = Ed25519Keys.decodeBase64(c.path("publicKey").asText(""));
            if (listed != null) enrolledKeys.put(Ed25519Keys.base64(listed), c.path("id").asText());
            if ("active".equals(c.path("status").asText("active"))) active.put(c.path("id").asText(), (ObjectNode) c);
        }
        List<ObjectNode> added = new java.util.ArrayList<>(exported.size());
        for (ObjectNode e : exported) {
            String id = text(e, "id");
            byte[] key = Ed25519Keys.decodeBase64(text(e, "publicKey"));
            if (key == null || key.length != Ed25519Keys.KEY_BYTES) {
                throw new Refused("the entry for " + id + ": its publicKey is not 32 bytes of base64");
            }
            if (!Ed25519Keys.isValidPublicKey(key)) {
                throw new Refused("the public key of " + id + " is not a valid Ed25519 key (small order or not canonical)");
            }
            long members = e.path("members").asLong(0);
            if (!e.path("members").canConvertToLong() || members < 1) throw new Refused("the entry for " + id + " gives no number of members");
            String canonical = Ed25519Keys.base64(key);
            String holder = enrolledKeys.putIfAbsent(canonical, id);
            if (holder != null) throw new Refused("this key is already enrolled (for " + holder + ")");
            ObjectNode entry = JsonNodeFactory.instance.objectNode();
            entry.put("id", id).put("name", e.path("name").asText(id)).put("members", members).put("publicKey", canonical);
            LocalDate from = validFrom(e, id);
            if (from == null) entry.putNull("validFrom"); else entry.put("validFrom", from.toString());
            entry.putNull("validUntil").put("status", "active");
            added.add(entry);
        }
        // every entry is good: now the roster changes, all at once
        for (ObjectNode entry : added) {
            ObjectNode old = active.put(entry.path("id").asText(), entry);
            if (old != null) {
                old.put("status", "retired");
                old.put("validUntil", today.minusDays(1).toString());
            }
            list.add(entry);
        }
        bump(roster);
        return added;
    }

    /** Retires a Community's active key: verdicts of days up to {@code until} still verify, later ones do not. */
    public static void retire(ObjectNode roster, String id, LocalDate until) throws Refused {
        ObjectNode active = active(roster, id);
        active.put("status", "retired");
        active.put("validUntil", until.toString());
        bump(roster);
    }

    /** Revokes a Community's key (its active one, or the one with {@code keyId}): it verifies nothing any more. */
    public static void revoke(ObjectNode roster, String id, String keyId) throws Refused {
        ObjectNode target = null;
        for (JsonNode c : communities(roster)) {
            if (!id.equals(c.path("id").asText())) continue;
            byte[] key = Ed25519Keys.decodeBase64(c.path("publicKey").asText(""));
            boolean named = keyId == null ? !"revoked".equals(c.path("status").asText()) && !"retired".equals(c.path("status").asText())
                    : key != null && Ed25519Keys.keyId(key).equals(keyId);
            if (named) target = (ObjectNode) c;
        }
        if (target == null) {
            throw new Refused(keyId == null ? id + " has no active key in the roster" : id + " has no key " + keyId + " in the roster");
        }
        if ("revoked".equals(target.path("status").asText())) throw new Refused("that key of " + id + " is already revoked");
        target.put("status", "revoked");
        bump(roster);
    }

    /** The roster as a signed file: a DSSE envelope signed by the body's key. */
    public static byte[] sign(ObjectNode roster, org.folkmoot.verdict.CommunityKey bodyKey) {
        byte[] payload = (org.folkmoot.record.Json.compact(roster) + "\n").getBytes(StandardCharsets.UTF_8);
        return Dsse.sign(Dsse.ROSTER_TYPE, payload, bodyKey);
    }

    public static byte[] plain(ObjectNode roster) {
        try {
            return (org.folkmoot.record.Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(roster) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a roster read from JSON always writes back", e);
        }
    }

    private static ObjectNode active(ObjectNode roster, String id) throws Refused {
        ObjectNode found = null;
        boolean listed = false;
        for (JsonNode c : communities(roster)) {
            if (!id.equals(c.path("id").asText())) continue;
            listed = true;
            if ("active".equals(c.path("status").asText("active"))) found = (ObjectNode) c;
        }
        if (found == null) throw new Refused(listed ? id + " has no active key in the roster" : id + " is not in the roster");
        return found;
    }

    private static ArrayNode communities(ObjectNode roster) throws Refused {
        JsonNode list = roster.get("communities");
        if (!(list instanceof ArrayNode a)) throw new Refused("the roster lists no communities");
        return a;
    }

    private static void bump(ObjectNode roster) {
        roster.put("version", roster.path("version").asLong(0) + 1);
    }

    /** The day the exported key is valid from, written YYYY-MM-DD, or null (from always); anything else is refused. */
    private static LocalDate validFrom(ObjectNode e, String id) throws Refused {
        JsonNode from = e.get("validFrom");
        if (from == null || from.isNull()) return null;
        try {
            if (from.isTextual()) return LocalDate.parse(from.textValue(), java.time.format.DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (java.time.format.DateTimeParseException bad) {
            // said below
        }
        throw new Refused("the entry for " + id + ": its validFrom '" + shorten(from.asText()) + "' cannot be read (YYYY-MM-DD)");
    }

    private static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    private static String text(ObjectNode o, String key) throws Refused {
        JsonNode v = o.get(key);
        if (v == null || !v.isTextual() || v.textValue().isBlank()) throw new Refused("the entry has no " + key);
        return v.textValue().strip();
    }
}
