package org.folkmoot.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.folkmoot.files.InputFile;
import org.folkmoot.files.OutputFile;
import org.folkmoot.record.Json;
import org.folkmoot.verdict.CommunityKey;
import org.folkmoot.verdict.Ed25519Keys;
import org.folkmoot.verdict.Roster;
import org.folkmoot.verdict.SignedFile;

/**
 * The bodies this Community belongs to (its Municipality, Region, Collective), each by the public key it
 * enrolled in person — the mirror of how a body enrolls a Community's key. Kept in the data folder as
 * {@code bodies.json}; a proposal is taken only when its signature holds for one of them.
 */
public final class Bodies {
    public static final String FILE = "bodies.json";
    public static final String FORMAT = "folkmoot-bodies/1";
    /** The format of the file {@code roster key --export} writes for a body's Communities. */
    public static final String KEY_FORMAT = "folkmoot-body-key/1";
    private static final Set<String> KEY_KEYS = Set.of("format", "body", "publicKey", "keyId");
    private static final Set<String> LEVELS = Set.of("municipality", "region", "collective");
    private static final Set<String> LIST_KEYS = Set.of("format", "bodies");
    private static final Set<String> ENTRY_KEYS = Set.of("body", "publicKey", "keyId", "enrolled");
    private static final Set<String> BODY_KEYS = Set.of("level", "id", "name");

    /**
     * One enrolled body: its key, and, when its key file named it, the body it signs for (a proposal signed by
     * this key must then name the same body).
     */
    public record Body(Roster.Body body, byte[] publicKey, LocalDate enrolled) {
        public String keyId() {
            return Ed25519Keys.keyId(publicKey);
        }

        /** In words: "Millbrook (municipality M7)", or "a body" when its key file did not say. */
        public String named() {
            return Proposal.named(body);
        }
    }

    /** A proposal whose signature holds for an enrolled body (or for a key given to check it by). */
    public record Checked(Proposal proposal, String signedBy, Body enrolled) {
    }

    private final Path file;
    private final List<Body> bodies;

    private Bodies(Path file, List<Body> bodies) {
        this.file = file;
        this.bodies = List.copyOf(bodies);
    }

    /**
     * The bodies enrolled in data folder {@code folder} (none when it has no {@code bodies.json} yet). A file
     * edited by hand is read as strictly as a key file: a key this program does not read, a key id that is not
     * its key's, a key twice, no list of bodies — refused, never read as something else (or as none).
     */
    public static Bodies load(Path folder) throws Proposal.Refused {
        Path file = folder.resolve(FILE);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) return new Bodies(file, List.of());
        ObjectNode all;
        try {
            all = SignedFile.object(InputFile.read(file, InputFile.Kind.SETTINGS), "the enrolled bodies (" + file + ")");
        } catch (InputFile.Refused e) {
            throw new Proposal.Refused(e.getMessage());
        } catch (SignedFile.Refused e) {
            throw new Proposal.Refused(e.getMessage());
        }
        if (!FORMAT.equals(all.path("format").asText())) throw new Proposal.Refused(file + " is not a list of enrolled bodies");
        only(all, LIST_KEYS, file + " has");
        if (!(all.get("bodies") instanceof ArrayNode entries)) throw new Proposal.Refused(file + " holds no list of bodies");
        List<Body> read = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (JsonNode n : entries) {
            if (!(n instanceof ObjectNode o)) throw new Proposal.Refused(file + ": an entry is not an object");
            only(o, ENTRY_KEYS, file + ": an entry has");
            byte[] key = Ed25519Keys.decodeBase64(o.path("publicKey").asText(""));
            if (key == null || !Ed25519Keys.isValidPublicKey(key)) throw new Proposal.Refused(file + ": an entry's key is not a valid public key");
            String keyId = Ed25519Keys.keyId(key);
            JsonNode named = o.get("keyId");
            if (named != null && !named.isNull() && !keyId.equals(named.asText())) {
                throw new Proposal.Refused(file + ": an entry names key " + SignedFile.shorten(named.asText()) + " but holds " + keyId
                        + ": the file was changed");
            }
            if (!seen.add(keyId)) throw new Proposal.Refused(file + ": key " + keyId + " is enrolled twice");
            LocalDate enrolled;
            try {
                enrolled = LocalDate.parse(o.path("enrolled").asText(""));
            } catch (java.time.format.DateTimeParseException e) {
                throw new Proposal.Refused(file + ": an entry's day of enrolment cannot be read");
            }
            read.add(new Body(body(o.get("body"), file + " names a body wrongly"), key, enrolled));
        }
        return new Bodies(file, read);
    }

    public List<Body> all() {
        return bodies;
    }

    /** The enrolled body with this key id, if any. */
    public Optional<Body> byKeyId(String keyId) {
        return bodies.stream().filter(b -> b.keyId().equals(keyId)).findFirst();
    }

    // ---- the key file a body gives its Communities ----------------------------------------------------

    /** The file {@code roster key --export} writes: the body's public key, and the body when it is known. */
    public static byte[] keyFile(Roster.Body body, CommunityKey bodyKey) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("format", KEY_FORMAT);
        if (body != null) {
            n.putObject("body").put("level", body.level()).put("id", body.id()).put("name", body.name() == null ? body.id() : body.name());
        }
        n.put("publicKey", Ed25519Keys.base64(bodyKey.publicKey())).put("keyId", bodyKey.keyId());
        return (Json.compact(n) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A body's key file, read and checked: the key a point of prime order, its key id (if given) its own. */
    public static Body readKeyFile(byte[] bytes, LocalDate today) throws Proposal.Refused {
        ObjectNode n;
        try {
            n = SignedFile.object(bytes, "the body's key file");
        } catch (SignedFile.Refused e) {
            throw new Proposal.Refused(e.getMessage());
        }
        if (!KEY_FORMAT.equals(n.path("format").asText())) {
            throw new Proposal.Refused("not a body's key file (" + KEY_FORMAT + ", written by `folkmoot roster key --export`)");
        }
        only(n, KEY_KEYS, "the body's key file has");
        byte[] key = Ed25519Keys.decodeBase64(n.path("publicKey").asText(""));
        if (key == null || key.length != Ed25519Keys.KEY_BYTES) throw new Proposal.Refused("the body's key file holds no 32-byte public key");
        if (!Ed25519Keys.isValidPublicKey(key)) {
            throw new Proposal.Refused("the body's key is not a point of prime order (a small-order key would let anyone sign for it)");
        }
        JsonNode keyId = n.get("keyId");
        if (keyId != null && !keyId.isNull() && !Ed25519Keys.keyId(key).equals(keyId.asText())) {
            throw new Proposal.Refused("the body's key file names key " + SignedFile.shorten(keyId.asText()) + " but holds "
                    + Ed25519Keys.keyId(key) + ": the file was changed");
        }
        return new Body(body(n.get("body"), "the body's key file names its body wrongly"), key, today);
    }

    /** The body a key signs for, or null when its file did not say; {@code wrongly} begins each refusal. */
    private static Roster.Body body(JsonNode n, String wrongly) throws Proposal.Refused {
        if (n == null || n.isNull()) return null;
        if (!(n instanceof ObjectNode o)) throw new Proposal.Refused(wrongly + " (not an object)");
        only(o, BODY_KEYS, wrongly + ": it has");
        JsonNode levelNode = o.get("level"), idNode = o.get("id"), name = o.get("name");
        String level = levelNode != null && levelNode.isTextual() ? levelNode.textValue() : "";
        if (!LEVELS.contains(level)) throw new Proposal.Refused(wrongly + ": the level \"" + SignedFile.shorten(level)
                + "\" is not municipality, region or collective");
        String id = idNode != null && idNode.isTextual() ? idNode.textValue() : "";
        if (id.isBlank() || org.folkmoot.procedure.Ids.problem("community-id", id) != null) {
            throw new Proposal.Refused(wrongly + ": the id is not text, empty, longer than 64 characters or holds a control character");
        }
        if (name == null || name.isNull()) return new Roster.Body(level, id, null);
        // printed by bodies add and bodies show, shown when a proposal is taken: text on one line, nothing a terminal obeys
        if (!name.isTextual()) throw new Proposal.Refused(wrongly + ": the name is not text");
        if (name.textValue().codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL
                || Character.getType(c) == Character.LINE_SEPARATOR || Character.getType(c) == Character.PARAGRAPH_SEPARATOR)) {
            throw new Proposal.Refused(wrongly + ": the name holds a control character or a line break");
        }
        return new Roster.Body(level, id, name.textValue());
    }

    private static void only(ObjectNode n, Set<String> keys, String where) throws Proposal.Refused {
        for (var it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!keys.contains(k)) throw new Proposal.Refused(where + " an unknown key '" + SignedFile.shorten(k) + "'");
        }
    }

    // ---- enrolling ------------------------------------------------------------------------------------

    /**
     * Enrolls {@code body} (written whole to the data folder before this returns). Refused when its key is
     * already enrolled; another key for a body already enrolled is kept beside the first (a body that got a
     * new key still has proposals signed with the old one out).
     */
    public Bodies add(Body body) throws Proposal.Refused, IOException {
        Optional<Body> same = byKeyId(body.keyId());
        if (same.isPresent()) {
            throw new Proposal.Refused("key " + body.keyId() + " is already enrolled, for " + same.get().named());
        }
        List<Body> now = new ArrayList<>(bodies);
        now.add(body);
        return write(now);
    }

    /** Takes the body with key id {@code keyId} off the list (its proposals are refused from now on). */
    public Bodies remove(String keyId) throws Proposal.Refused, IOException {
        List<Body> now = new ArrayList<>(bodies);
        if (!now.removeIf(b -> b.keyId().equals(keyId))) throw new Proposal.Refused("no body with key " + SignedFile.shorten(keyId) + " is enrolled");
        return write(now);
    }

    private Bodies write(List<Body> now) throws IOException {
        ObjectNode all = JsonNodeFactory.instance.objectNode().put("format", FORMAT);
        ArrayNode list = all.putArray("bodies");
        for (Body b : now) {
            ObjectNode n = list.addObject();
            if (b.body() == null) n.putNull("body");
            else n.putObject("body").put("level", b.body().level()).put("id", b.body().id()).put("name", b.body().name());
            n.put("publicKey", Ed25519Keys.base64(b.publicKey())).put("keyId", b.keyId()).put("enrolled", b.enrolled().toString());
        }
        OutputFile.writeDurably(file, (Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(all) + "\n")
                .getBytes(StandardCharsets.UTF_8));
        return new Bodies(file, now);
    }

    // ---- taking a proposal ----------------------------------------------------------------------------

    /**
     * The proposal in {@code file}'s bytes, once its signature holds for an enrolled body — or for one of
     * {@code alsoTrusted} (this laptop's own body key, a key given on the command line), each named by the
     * words paired with it. Refused with the reason otherwise: not a proposal, a broken signature, a body
     * not enrolled, a key enrolled for another body.
     */
    public Checked check(byte[] file, List<Trusted> alsoTrusted) throws Proposal.Refused {
        // the signature first, over the bytes received: what they say is read only once a trusted key signed them
        SignedFile envelope = Proposal.envelope(file);
        for (Body b : bodies) {
            if (!envelope.signedBy(b.publicKey())) continue;
            Proposal p = Proposal.parse(file);
            if (b.body() != null && !(b.body().level().equals(p.body().level()) && b.body().id().equals(p.body().id()))) {
                throw new Proposal.Refused("signed with the key enrolled for " + b.named() + ", but it says it is from " + p.from()
                        + ": not taken");
            }
            return new Checked(p, b.keyId(), b);
        }
        for (Trusted t : alsoTrusted) {
            if (envelope.signedBy(t.publicKey())) return new Checked(Proposal.parse(file), Ed25519Keys.keyId(t.publicKey()), null);
        }
        Proposal p;
        try {
            p = Proposal.parse(file); // only to name the body it claims in the refusal
        } catch (Proposal.Refused unreadable) {
            throw new Proposal.Refused("its signature holds for no key this Community trusts: the file was changed after it was "
                    + "signed, or is not a proposal a body made (" + unreadable.getMessage() + ")");
        }
        boolean known = bodies.stream().anyMatch(b -> b.body() != null && b.body().level().equals(p.body().level())
                && b.body().id().equals(p.body().id()));
        if (known) {
            throw new Proposal.Refused("its signature does not hold for the key enrolled for " + p.from()
                    + ": the file was changed after it was signed, or signed with another key");
        }
        if (bodies.isEmpty() && alsoTrusted.isEmpty()) {
            throw new Proposal.Refused("it says it is from " + p.from() + ", but this Community has enrolled no body's key yet "
                    + "(folkmoot bodies add, with the key file the body gives)");
        }
        throw new Proposal.Refused("its signature holds for no body this Community enrolled (it says it is from " + p.from()
                + "): enroll the body's key in person first, or the file was changed");
    }

    /** A key trusted besides the enrolled bodies, and who it is. */
    public record Trusted(byte[] publicKey, String who) {
    }
}
