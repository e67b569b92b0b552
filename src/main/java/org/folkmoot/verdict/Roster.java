package org.folkmoot.verdict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A body's roster of Community keys ({@code folkmoot-roster/1}), as a plain JSON file. */
public final class Roster {
    public static final String FORMAT = "folkmoot-roster/1";

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
    }

    private final Map<String, Entry> communities;
    private final long version;

    private Roster(Map<String, Entry> communities, long version) {
        this.communities = communities;
        this.version = version;
    }

    public long version() {
        return version;
    }

    public Optional<Entry> community(String id) {
        return Optional.ofNullable(communities.get(id));
    }

    public Map<String, Entry> communities() {
        return java.util.Collections.unmodifiableMap(communities);
    }

    public static Roster read(Path file) throws SignedFile.Refused {
        byte[] bytes;
        try {
            if (java.nio.file.Files.size(file) > 64L * 1024 * 1024) throw new SignedFile.Refused("the roster is too large");
            bytes = java.nio.file.Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new SignedFile.Refused("the roster cannot be read: " + e.getMessage());
        }
        return parse(SignedFile.object(bytes, "the roster"));
    }

    static Roster parse(ObjectNode root) throws SignedFile.Refused {
        if (!FORMAT.equals(root.path("format").textValue())) {
            throw new SignedFile.Refused("the roster's format is not " + FORMAT);
        }
        JsonNode list = root.get("communities");
        if (list == null || !list.isArray()) throw new SignedFile.Refused("the roster lists no communities");
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (JsonNode c : list) {
            if (!(c instanceof ObjectNode o)) throw new SignedFile.Refused("a roster entry is not an object");
            String id = SignedFile.text(o, "id", "a roster entry");
            byte[] key = Ed25519Keys.decodeBase64(SignedFile.text(o, "publicKey", "the roster entry " + id));
            if (key == null || key.length != Ed25519Keys.KEY_BYTES) {
                throw new SignedFile.Refused("the roster entry " + id + " has no 32-byte public key");
            }
            String status = o.path("status").asText("active");
            entries.put(id, new Entry(id, o.path("name").asText(id), o.path("members").asLong(0), key,
                    date(o, "validFrom", id), date(o, "validUntil", id), status));
        }
        return new Roster(entries, root.path("version").asLong(0));
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
