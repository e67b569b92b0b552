package org.folkmoot.verdict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A body's roster of Community keys ({@code folkmoot-roster/1}): a plain JSON file, or one signed in an
 * envelope by the body's own key. A Community may be listed more than once: a retired key stays listed
 * (with its {@code validUntil}) beside the key that replaced it, so old verdicts still verify.
 */
public final class Roster {
    public static final String FORMAT = "folkmoot-roster/1";
    static final long MAX_BYTES = 256L * 1024 * 1024;

    /** The body the roster belongs to. */
    public record Body(String level, String id, String name) {
    }

    /** One Community's enrolled key. Dates are days; null means open-ended. */
    public record Entry(String id, String name, long members, byte[] publicKey, LocalDate validFrom,
                        LocalDate validUntil, String status) {
        /** Why this key may not sign a verdict of {@code day}, or null when it may. */
        public String refusal(LocalDate day) {
            if ("revoked".equals(status)) return "the key of " + id + " is revoked";
            if (day != null && validFrom != null && day.isBefore(validFrom)) {
                return "the key of " + id + " is valid only from " + validFrom + ", the verdict is of " + day;
            }
            if (day != null && validUntil != null && day.isAfter(validUntil)) {
                return "the key of " + id + " was valid until " + validUntil + ", the verdict is of " + day;
            }
            return null;
        }

        public String keyId() {
            return Ed25519Keys.keyId(publicKey);
        }
    }

    private final Body body;
    private final Map<String, List<Entry>> communities;
    private final long version;
    private final byte[] bytes;
    private final String signedBy;
    private final ObjectNode json;

    private Roster(Body body, Map<String, List<Entry>> communities, long version, byte[] bytes, String signedBy, ObjectNode json) {
        this.json = json;
        this.body = body;
        this.communities = communities;
        this.version = version;
        this.bytes = bytes;
        this.signedBy = signedBy;
    }

    public long version() {
        return version;
    }

    /** The body whose roster this is, or null when the file does not say (an older plain roster). */
    public Body body() {
        return body;
    }

    /** The roster's JSON (a signed roster's payload), a copy to change: how {@code folkmoot roster} edits it. */
    public ObjectNode json() {
        return json.deepCopy();
    }

    /** The key id that signed the roster, or null for a plain one. */
    public String signedBy() {
        return signedBy;
    }

    /** SHA-256 of the roster file's bytes, as a result names the roster it counted against. */
    public String sha256() {
        return org.folkmoot.record.Chain.sha256(bytes);
    }

    /** The Community's key in force: the last listed that is not revoked, else the last listed. */
    public Optional<Entry> community(String id) {
        List<Entry> keys = communities.get(id);
        if (keys == null) return Optional.empty();
        for (int i = keys.size() - 1; i >= 0; i--) {
            if (!"revoked".equals(keys.get(i).status())) return Optional.of(keys.get(i));
        }
        return Optional.of(keys.get(keys.size() - 1));
    }

    /** Every key listed for the Community, oldest first (empty when it is not in the roster). */
    public List<Entry> keys(String id) {
        return communities.getOrDefault(id, List.of());
    }

    /** The Communities by id, each with its key in force. */
    public Map<String, Entry> communities() {
        Map<String, Entry> out = new LinkedHashMap<>();
        for (String id : communities.keySet()) out.put(id, community(id).orElseThrow());
        return Collections.unmodifiableMap(out);
    }

    /** The Communities' ids, in the roster's order. */
    public java.util.Set<String> ids() {
        return Collections.unmodifiableSet(communities.keySet());
    }

    /** How many Communities (not keys) the roster lists. */
    public int size() {
        return communities.size();
    }

    /** A plain roster file; a signed one is refused here (read it with the body's key). */
    public static Roster read(Path file) throws SignedFile.Refused {
        return read(file, List.of());
    }

    /**
     * A roster file, plain or signed. A signed roster must be signed by one of {@code bodyKeys} (the
     * public keys the reader trusts to sign it); a plain one is taken as it is.
     */
    public static Roster read(Path file, List<byte[]> bodyKeys) throws SignedFile.Refused {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) throw new SignedFile.Refused("the roster is too large");
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SignedFile.Refused("the roster cannot be read: " + e.getMessage());
        }
        ObjectNode root = SignedFile.object(bytes, "the roster");
        if (root.has("payloadType")) {
            SignedFile envelope = SignedFile.parse(bytes);
            if (!Dsse.ROSTER_TYPE.equals(envelope.payloadType())) {
                throw new SignedFile.Refused("not a roster (payload type " + SignedFile.shorten(envelope.payloadType()) + ")");
            }
            String signer = null;
            for (byte[] key : bodyKeys) {
                if (envelope.signedBy(key)) signer = Ed25519Keys.keyId(key);
            }
            if (signer == null) {
                throw new SignedFile.Refused(bodyKeys.isEmpty()
                        ? "the roster is signed: give the body's public key (--roster-key) to check it"
                        : "the roster's signature does not hold for the body's key");
            }
            return parse(SignedFile.object(envelope.payload(), "the roster"), bytes, signer);
        }
        return parse(root, bytes, null);
    }

    static Roster parse(ObjectNode root) throws SignedFile.Refused {
        return parse(root, root.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), null);
    }

    private static Roster parse(ObjectNode root, byte[] bytes, String signedBy) throws SignedFile.Refused {
        if (!FORMAT.equals(root.path("format").textValue())) {
            throw new SignedFile.Refused("the roster's format is not " + FORMAT);
        }
        JsonNode list = root.get("communities");
        if (list == null || !list.isArray()) throw new SignedFile.Refused("the roster lists no communities");
        Map<String, List<Entry>> entries = new LinkedHashMap<>();
        for (JsonNode c : list) {
            if (!(c instanceof ObjectNode o)) throw new SignedFile.Refused("a roster entry is not an object");
            String id = SignedFile.text(o, "id", "a roster entry");
            byte[] key = Ed25519Keys.decodeBase64(SignedFile.text(o, "publicKey", "the roster entry " + id));
            if (key == null || key.length != Ed25519Keys.KEY_BYTES) {
                throw new SignedFile.Refused("the roster entry " + id + " has no 32-byte public key");
            }
            String status = o.path("status").asText("active");
            entries.computeIfAbsent(id, k -> new ArrayList<>(1)).add(new Entry(id, o.path("name").asText(id),
                    o.path("members").asLong(0), key, date(o, "validFrom", id), date(o, "validUntil", id), status));
        }
        JsonNode b = root.get("body");
        Body body = b instanceof ObjectNode bo
                ? new Body(bo.path("level").asText(null), bo.path("id").asText(null), bo.path("name").asText(null))
                : null;
        return new Roster(body, entries, root.path("version").asLong(0), bytes, signedBy, root);
    }

    private static LocalDate date(ObjectNode o, String key, String id) throws SignedFile.Refused {
        JsonNode v = o.get(key);
        if (v == null || v.isNull()) return null;
        try {
            return LocalDate.parse(v.asText().length() >= 10 ? v.asText().substring(0, 10) : v.asText());
        } catch (DateTimeParseException e) {
            throw new SignedFile.Refused("the roster entry " + id + " has a bad " + key + ": " + v.asText());
        }
    }
}
