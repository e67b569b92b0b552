package org.folkmoot.verdict;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
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
import org.folkmoot.record.Json;

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
    private final String sha256;
    private final String signedBy;

    private Roster(Body body, Map<String, List<Entry>> communities, long version, String sha256, String signedBy) {
        this.body = body;
        this.communities = communities;
        this.version = version;
        this.sha256 = sha256;
        this.signedBy = signedBy;
    }

    public long version() {
        return version;
    }

    /** The body whose roster this is, or null when the file does not say (an older plain roster). */
    public Body body() {
        return body;
    }

    /** The key id that signed the roster, or null for a plain one. */
    public String signedBy() {
        return signedBy;
    }

    /** SHA-256 of the roster file's bytes, as a result names the roster it counted against. */
    public String sha256() {
        return sha256;
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
     *
     * <p>The Collective's roster lists every Community there is — a million entries, a quarter of a
     * gigabyte — so it is read as a stream: the envelope's payload decoded without a string in between,
     * the entries read one at a time, and nothing of the file kept but what a count needs of each entry.
     */
    public static Roster read(Path file, List<byte[]> bodyKeys) throws SignedFile.Refused {
        Loaded loaded = load(file, bodyKeys);
        Map<String, List<Entry>> entries = new LinkedHashMap<>();
        String format = null;
        long version = 0;
        Body body = null;
        boolean listed = false;
        try (JsonParser in = Json.MAPPER.getFactory().createParser(loaded.json())) {
            if (in.nextToken() != JsonToken.START_OBJECT) throw new SignedFile.Refused("the roster is not a JSON object");
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String name = in.currentName();
                JsonToken value = in.nextToken();
                switch (name) {
                    case "format" -> format = value == JsonToken.VALUE_STRING ? in.getText() : null;
                    case "version" -> version = value.isNumeric() ? in.getValueAsLong(0) : 0;
                    case "body" -> {
                        JsonNode b = ONE_OF_MANY.readValue(in);
                        if (b instanceof ObjectNode bo) {
                            body = new Body(bo.path("level").asText(null), bo.path("id").asText(null), bo.path("name").asText(null));
                        }
                    }
                    case "communities" -> {
                        if (value != JsonToken.START_ARRAY) throw new SignedFile.Refused("the roster lists no communities");
                        listed = true;
                        for (JsonToken t = in.nextToken(); t != JsonToken.END_ARRAY; t = in.nextToken()) {
                            if (t != JsonToken.START_OBJECT) throw new SignedFile.Refused("a roster entry is not an object");
                            add(entries, ONE_OF_MANY.readValue(in));
                        }
                    }
                    default -> in.skipChildren();
                }
            }
            if (in.nextToken() != null) throw new SignedFile.Refused("the roster is not JSON (something follows it)");
        } catch (IOException e) {
            throw new SignedFile.Refused("the roster " + SignedFile.jsonProblem(e));
        }
        if (!FORMAT.equals(format)) throw new SignedFile.Refused("the roster's format is not " + FORMAT);
        if (!listed) throw new SignedFile.Refused("the roster lists no communities");
        return new Roster(body, entries, version, loaded.sha256(), loaded.signedBy());
    }

    /** The roster file's JSON (a signed roster's payload), whole, to be changed: how {@code folkmoot roster} edits it. */
    public static ObjectNode readJson(Path file, List<byte[]> bodyKeys) throws SignedFile.Refused {
        read(file, bodyKeys); // every check a count makes
        return SignedFile.object(load(file, bodyKeys).json(), "the roster");
    }

    /** One value of a stream that goes on after it (the strict mapper refuses anything after a value). */
    private static final ObjectReader ONE_OF_MANY = Json.MAPPER.readerFor(JsonNode.class)
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** A roster file's JSON (a signed one's payload, its signature checked), its SHA-256, and who signed it. */
    private record Loaded(byte[] json, String sha256, String signedBy) {
    }

    private static Loaded load(Path file, List<byte[]> bodyKeys) throws SignedFile.Refused {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) throw new SignedFile.Refused("the roster is too large");
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SignedFile.Refused("the roster cannot be read: " + e.getMessage());
        }
        String sha256 = org.folkmoot.record.Chain.sha256(bytes);
        if (!topLevelKeys(bytes).contains("payloadType")) return new Loaded(bytes, sha256, null);

        SignedFile.Streamed envelope = SignedFile.stream(bytes, "the roster");
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
        return new Loaded(envelope.payload(), sha256, signer);
    }

    /** The names of the document's top-level keys (values skipped, not built). */
    private static java.util.Set<String> topLevelKeys(byte[] bytes) throws SignedFile.Refused {
        java.util.Set<String> names = new java.util.HashSet<>();
        try (JsonParser in = Json.MAPPER.getFactory().createParser(bytes)) {
            if (in.nextToken() != JsonToken.START_OBJECT) throw new SignedFile.Refused("the roster is not a JSON object");
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                names.add(in.currentName());
                in.nextToken();
                in.skipChildren();
            }
        } catch (IOException e) {
            throw new SignedFile.Refused("the roster " + SignedFile.jsonProblem(e));
        }
        return names;
    }

    private static void add(Map<String, List<Entry>> entries, JsonNode c) throws SignedFile.Refused {
        if (!(c instanceof ObjectNode o)) throw new SignedFile.Refused("a roster entry is not an object");
        String id = SignedFile.text(o, "id", "a roster entry");
        byte[] key = Ed25519Keys.decodeBase64(SignedFile.text(o, "publicKey", "the roster entry " + id));
        if (key == null || key.length != Ed25519Keys.KEY_BYTES) {
            throw new SignedFile.Refused("the roster entry " + id + " has no 32-byte public key");
        }
        String status = o.path("status").asText("active").intern(); // three words, a million times
        String name = o.path("name").asText(id);
        Entry entry = new Entry(id, name.equals(id) ? id : name, o.path("members").asLong(0), key, date(o, "validFrom", id),
                date(o, "validUntil", id), status);
        List<Entry> listed = entries.get(id);
        if (listed == null) {
            entries.put(id, List.of(entry)); // most Communities have one key: no list to grow
        } else {
            List<Entry> more = new ArrayList<>(listed);
            more.add(entry);
            entries.put(id, List.copyOf(more));
        }
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
