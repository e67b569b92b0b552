package org.folkmoot.verdict;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
    /** The statuses a key may have, exactly: any other ("Revoked", "suspended") would be read as nobody meant it. */
    public static final java.util.Set<String> STATUSES = java.util.Set.of("active", "retired", "revoked");
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
            if (day == null && (validFrom != null || validUntil != null)) {
                return "the verdict gives no date (its meeting's, or issuedAt) to check the key of " + id + " against: it is valid "
                        + (validFrom == null ? "" : "from " + validFrom) + (validFrom != null && validUntil != null ? " " : "")
                        + (validUntil == null ? "" : "until " + validUntil);
            }
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
    private final Rows rows;
    private final long version;
    private final String sha256;
    private final String signedBy;

    private final String contentSha256;

    private Roster(Body body, Rows rows, long version, String sha256, String signedBy, String contentSha256) {
        this.body = body;
        this.rows = rows;
        this.version = version;
        this.sha256 = sha256;
        this.signedBy = signedBy;
        this.contentSha256 = contentSha256;
    }

    /**
     * SHA-256 of what the roster says — its body, version and every entry as read — the same for a plain roster
     * and for its signed envelope: how this laptop knows a roster of a version it has seen from another one of
     * the same version ({@link RosterHistory}).
     */
    public String contentSha256() {
        return contentSha256;
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
        List<Entry> keys = keys(id);
        if (keys.isEmpty()) return Optional.empty();
        for (int i = keys.size() - 1; i >= 0; i--) {
            if (!"revoked".equals(keys.get(i).status())) return Optional.of(keys.get(i));
        }
        return Optional.of(keys.get(keys.size() - 1));
    }

    /** Every key listed for the Community, oldest first (empty when it is not in the roster). */
    public List<Entry> keys(String id) {
        int at = rows.find(id);
        if (at < 0) return List.of();
        List<Entry> out = new ArrayList<>(1);
        for (int i = at; i < rows.count && (i == at || !rows.startsId(i)); i++) out.add(rows.entry(rows.byId[i]));
        return out;
    }

    /**
     * The Community's place in the roster (0 to {@link #size()} - 1, the order of their first entries), or
     * -1 when it is not in the roster: what a count keeps its tallies by, instead of the id.
     */
    public int index(String id) {
        int at = rows.find(id);
        return at < 0 ? -1 : rows.community[rows.byId[at]];
    }

    /** The id of the Community at {@code index}. */
    public String id(int index) {
        return rows.id(rows.firstRow[index]);
    }

    /** The Communities' places ({@link #index}), in the order of their ids (as bytes of UTF-8). */
    public int[] indexesById() {
        int[] out = new int[size()];
        int n = 0;
        for (int i = 0; i < rows.count; i++) {
            if (rows.startsId(i)) out[n++] = rows.community[rows.byId[i]];
        }
        return out;
    }

    /** The Communities by id, each with its key in force. */
    public Map<String, Entry> communities() {
        Map<String, Entry> out = new LinkedHashMap<>();
        for (int c = 0; c < size(); c++) out.put(id(c), community(id(c)).orElseThrow());
        return Collections.unmodifiableMap(out);
    }

    /** The Communities' ids, in the roster's order. */
    public List<String> ids() {
        List<String> out = new ArrayList<>(size());
        for (int c = 0; c < size(); c++) out.add(id(c));
        return out;
    }

    /** How many Communities (not keys) the roster lists. */
    public int size() {
        return rows.firstRow.length;
    }

    /**
     * The roster's entries packed into arrays: the Collective's roster lists every Community there is, and
     * an object per entry (its strings, its key, a map's node) comes to some 340 bytes a Community; packed,
     * about 90. Entries are rows in the file's order; {@code byId} sorts them by id (then row) for lookup.
     */
    private static final class Rows {
        int count;
        byte[] ids = new byte[1 << 12];
        int[] idStart = new int[65];
        byte[] names = new byte[1 << 12];
        int[] nameStart = new int[65];
        byte[] keys = new byte[64 * 32];
        long[] members = new long[64];
        int[] validFrom = new int[64];
        int[] validUntil = new int[64];
        byte[] status = new byte[64];
        final List<String> statuses = new ArrayList<>();
        int[] byId;
        int[] community;
        int[] firstRow;
        private static final int OPEN = Integer.MIN_VALUE;

        void add(String id, String name, long memberCount, byte[] key, LocalDate from, LocalDate until, String state)
                throws SignedFile.Refused {
            if (count == members.length) grow();
            byte[] idUtf8 = id.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            byte[] nameUtf8 = name.equals(id) ? new byte[0] : name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ids = append(ids, idStart[count], idUtf8);
            idStart[count + 1] = idStart[count] + idUtf8.length;
            names = append(names, nameStart[count], nameUtf8);
            nameStart[count + 1] = nameStart[count] + nameUtf8.length;
            System.arraycopy(key, 0, keys, count * 32, 32);
            members[count] = memberCount;
            validFrom[count] = from == null ? OPEN : Math.toIntExact(from.toEpochDay());
            validUntil[count] = until == null ? OPEN : Math.toIntExact(until.toEpochDay());
            int s = statuses.indexOf(state);
            if (s < 0) {
                if (statuses.size() == 256) throw new SignedFile.Refused("the roster's entries have more than 256 different statuses");
                statuses.add(state);
                s = statuses.size() - 1;
            }
            status[count] = (byte) s;
            count++;
        }

        private static byte[] append(byte[] to, int at, byte[] bytes) {
            if (at + bytes.length > to.length) to = java.util.Arrays.copyOf(to, Math.max(to.length * 2, at + bytes.length));
            System.arraycopy(bytes, 0, to, at, bytes.length);
            return to;
        }

        private void grow() {
            int n = members.length * 2;
            idStart = java.util.Arrays.copyOf(idStart, n + 1);
            nameStart = java.util.Arrays.copyOf(nameStart, n + 1);
            keys = java.util.Arrays.copyOf(keys, n * 32);
            members = java.util.Arrays.copyOf(members, n);
            validFrom = java.util.Arrays.copyOf(validFrom, n);
            validUntil = java.util.Arrays.copyOf(validUntil, n);
            status = java.util.Arrays.copyOf(status, n);
        }

        /** Sorts the rows by id, and numbers the Communities in the order of their first rows. */
        void index() {
            Integer[] order = new Integer[count];
            for (int i = 0; i < count; i++) order[i] = i;
            java.util.Arrays.sort(order, (a, b) -> {
                int c = compareIds(a, b);
                return c != 0 ? c : Integer.compare(a, b);
            });
            byId = new int[count];
            for (int i = 0; i < count; i++) byId[i] = order[i];
            // a row's id begins with its lowest row (byId sorts ties by row): the Community's first entry in the file
            int[] head = new int[count];
            for (int i = 0, start = 0; i < count; i++) {
                if (startsId(i)) start = byId[i];
                head[byId[i]] = start;
            }
            int[] number = new int[count];
            int n = 0;
            for (int row = 0; row < count; row++) if (head[row] == row) number[row] = n++;
            firstRow = new int[n];
            community = new int[count];
            for (int row = 0; row < count; row++) {
                if (head[row] == row) firstRow[number[row]] = row;
                community[row] = number[head[row]];
            }
            // the arrays at their size
            ids = java.util.Arrays.copyOf(ids, idStart[count]);
            names = java.util.Arrays.copyOf(names, nameStart[count]);
            idStart = java.util.Arrays.copyOf(idStart, count + 1);
            nameStart = java.util.Arrays.copyOf(nameStart, count + 1);
            keys = java.util.Arrays.copyOf(keys, 32 * count);
            members = java.util.Arrays.copyOf(members, count);
            validFrom = java.util.Arrays.copyOf(validFrom, count);
            validUntil = java.util.Arrays.copyOf(validUntil, count);
            status = java.util.Arrays.copyOf(status, count);
        }

        int compareIds(int a, int b) {
            return java.util.Arrays.compareUnsigned(ids, idStart[a], idStart[a + 1], ids, idStart[b], idStart[b + 1]);
        }

        boolean sameId(int a, int b) {
            return compareIds(a, b) == 0;
        }

        /** Whether {@code byId[i]} is the first of its id's rows there. */
        boolean startsId(int i) {
            return i == 0 || !sameId(byId[i], byId[i - 1]);
        }

        /** Where in {@code byId} the id's first row is, or -1. */
        int find(String id) {
            byte[] key = id.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            int lo = 0, hi = count - 1, found = -1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int row = byId[mid];
                int c = java.util.Arrays.compareUnsigned(ids, idStart[row], idStart[row + 1], key, 0, key.length);
                if (c < 0) {
                    lo = mid + 1;
                } else {
                    if (c == 0) found = mid;
                    hi = mid - 1;
                }
            }
            return found;
        }

        String id(int row) {
            return new String(ids, idStart[row], idStart[row + 1] - idStart[row], java.nio.charset.StandardCharsets.UTF_8);
        }

        Entry entry(int row) {
            String id = id(row);
            int nameLength = nameStart[row + 1] - nameStart[row];
            String name = nameLength == 0 ? id : new String(names, nameStart[row], nameLength, java.nio.charset.StandardCharsets.UTF_8);
            return new Entry(id, name, members[row], java.util.Arrays.copyOfRange(keys, row * 32, row * 32 + 32),
                    validFrom[row] == OPEN ? null : LocalDate.ofEpochDay(validFrom[row]),
                    validUntil[row] == OPEN ? null : LocalDate.ofEpochDay(validUntil[row]), statuses.get(status[row] & 0xff));
        }
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
        return read(load(file, bodyKeys));
    }

    /** A plain roster's bytes (as {@code roster} commands are about to write them), read with every check a count makes. */
    public static Roster parse(byte[] json) throws SignedFile.Refused {
        return read(new Loaded(json, org.folkmoot.record.Chain.sha256(json), null));
    }

    private static Roster read(Loaded loaded) throws SignedFile.Refused {
        Rows entries = new Rows();
        java.security.MessageDigest content = RosterContent.digest();
        var read = new Object() {
            String format;
            long version;
            Body body;
            boolean listed;
        };
        EnvelopeReader.fields(loaded.json(), "the roster", (name, value, in) -> {
            switch (name) {
                case "format" -> read.format = value == JsonToken.VALUE_STRING ? in.getText() : null;
                case "version" -> {
                    if (value != JsonToken.VALUE_NUMBER_INT || in.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                            || in.getLongValue() < 0) {
                        throw new SignedFile.Refused("the roster's version is not a whole number");
                    }
                    read.version = in.getLongValue();
                }
                case "body" -> {
                    if (Json.ONE_OF_MANY.readValue(in) instanceof ObjectNode b) {
                        read.body = new Body(b.path("level").asText(null), b.path("id").asText(null), b.path("name").asText(null));
                    }
                }
                case "communities" -> {
                    if (value != JsonToken.START_ARRAY) throw new SignedFile.Refused("the roster lists no communities");
                    read.listed = true;
                    for (JsonToken t = in.nextToken(); t != JsonToken.END_ARRAY; t = in.nextToken()) {
                        if (t != JsonToken.START_OBJECT) throw new SignedFile.Refused("a roster entry is not an object");
                        add(entries, Json.ONE_OF_MANY.readValue(in), content);
                    }
                }
                default -> in.skipChildren();
            }
        });
        if (!FORMAT.equals(read.format)) throw new SignedFile.Refused("the roster's format is not " + FORMAT);
        if (!read.listed) throw new SignedFile.Refused("the roster lists no communities");
        entries.index();
        RosterContent.head(content, read.body, read.version);
        return new Roster(read.body, entries, read.version, loaded.sha256(), loaded.signedBy(),
                java.util.HexFormat.of().formatHex(content.digest()));
    }

    /** The roster file's JSON (a signed roster's payload), whole, to be changed: how {@code folkmoot roster} edits it. */
    public static ObjectNode readJson(Path file, List<byte[]> bodyKeys) throws SignedFile.Refused {
        Loaded loaded = load(file, bodyKeys);
        read(loaded); // every check a count makes
        return SignedFile.object(loaded.json(), "the roster");
    }

    /** A roster file's JSON (a signed one's payload, its signature checked), its SHA-256, and who signed it. */
    private record Loaded(byte[] json, String sha256, String signedBy) {
    }

    private static Loaded load(Path file, List<byte[]> bodyKeys) throws SignedFile.Refused {
        byte[] bytes;
        try {
            bytes = org.folkmoot.files.InputFile.read(file, org.folkmoot.files.InputFile.Kind.ROSTER);
        } catch (org.folkmoot.files.InputFile.Refused e) {
            throw new SignedFile.Refused(e.reason());
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
                    : "the roster's signature does not hold for " + (bodyKeys.size() == 1 ? "the key " + Ed25519Keys.keyId(bodyKeys.get(0))
                    : "any of the keys " + bodyKeys.stream().map(Ed25519Keys::keyId).toList()) + " (this laptop's body key, or --roster-key KEY "
                    + "with the public key of the body that signed it)");
        }
        return new Loaded(envelope.payload(), sha256, signer);
    }

    /** The names of the document's top-level keys (values skipped, not built). */
    private static java.util.Set<String> topLevelKeys(byte[] bytes) throws SignedFile.Refused {
        java.util.Set<String> names = new java.util.HashSet<>();
        EnvelopeReader.fields(bytes, "the roster", (name, value, in) -> {
            names.add(name);
            in.skipChildren();
        });
        return names;
    }

    private static void add(Rows entries, JsonNode c, java.security.MessageDigest content) throws SignedFile.Refused {
        if (!(c instanceof ObjectNode o)) throw new SignedFile.Refused("a roster entry is not an object");
        String id = SignedFile.text(o, "id", "a roster entry");
        byte[] key = Ed25519Keys.decodeBase64(SignedFile.text(o, "publicKey", "the roster entry " + id));
        if (key == null || key.length != Ed25519Keys.KEY_BYTES) {
            throw new SignedFile.Refused("the roster entry " + id + " has no 32-byte public key");
        }
        // no status is an older roster's active key; any other word is refused, never read as active
        JsonNode s = o.get("status");
        String status = s == null || s.isNull() ? "active" : s.isTextual() ? s.textValue() : null;
        if (status == null || !STATUSES.contains(status)) {
            throw new SignedFile.Refused("the roster entry " + SignedFile.shorten(id) + " has the status "
                    + (s.isTextual() ? "\"" + SignedFile.shorten(s.textValue()) + "\"" : s.toString())
                    + "; a key is active, retired or revoked");
        }
        LocalDate from = date(o, "validFrom", id);
        LocalDate until = date(o, "validUntil", id);
        if ("retired".equals(status) && until == null) {
            throw new SignedFile.Refused("the roster entry " + SignedFile.shorten(id) + " is retired but gives no validUntil");
        }
        String name = o.path("name").asText(id);
        long members = o.path("members").asLong(0);
        entries.add(id, name, members, key, from, until, status);
        RosterContent.entry(content, id, name, members, key, from, until, status);
    }

    /** A date of a roster entry: a day written YYYY-MM-DD, or null; anything else refuses the roster. */
    private static LocalDate date(ObjectNode o, String key, String id) throws SignedFile.Refused {
        JsonNode v = o.get(key);
        if (v == null || v.isNull()) return null;
        try {
            if (v.isTextual()) return LocalDate.parse(v.textValue(), java.time.format.DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
            // said below
        }
        throw new SignedFile.Refused("the roster entry " + SignedFile.shorten(id) + " has a " + key + " that cannot be read (YYYY-MM-DD): "
                + SignedFile.shorten(v.asText()));
    }
}
