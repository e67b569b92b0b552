package org.folkmoot.verdict;

import org.folkmoot.files.DataFolder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.folkmoot.record.Json;

/**
 * What this laptop remembers of each body's roster (docs/signed-files.md: "a roster older than one this laptop
 * has signed or seen" is refused): per body — its level and id — the highest version it has signed or seen
 * signed, and the SHA-256 of that version's content ({@link Roster#contentSha256}). A roster older than that,
 * or another roster of that very version, is refused wherever a roster is taken: an older roster may still
 * list a key that a newer one revoked, and a copy of it is all a forger needs.
 *
 * <p>Only a signed roster whose signature holds raises what is remembered: a plain roster is anyone's draft,
 * and a stray one of version 999 would otherwise lock out every real one. A plain roster is still held to
 * what is remembered (a plain copy of an older version is refused too).
 *
 * <p>Kept in {@code rosters.json} in the data folder, written whole (a temporary file forced to disk, then
 * moved over the old one, the folder forced), under a lock so that the app and a command at once lose nothing.
 * {@code rosters-signed.json}, what {@code roster sign} kept before (body id and version), still counts.
 */
public final class RosterHistory {
    static final String FILE = "rosters.json";
    static final String LEGACY = "rosters-signed.json";
    private static final String FORMAT = "folkmoot-roster-history/1";
    /** Threads of this program take the lock here first: a file lock is held by the whole process. */
    private static final Object IN_PROCESS = new Object();

    private final Path folder;

    public RosterHistory(Path dataFolder) {
        this.folder = dataFolder;
    }

    /** The data folder's history. */
    public static RosterHistory here() {
        return new RosterHistory(DataFolder.path());
    }

    /** {@link Roster#read(Path, List)}, then held to (and, signed, remembered in) the data folder's history. */
    public static Roster read(Path file, List<byte[]> bodyKeys) throws SignedFile.Refused {
        return here().take(Roster.read(file, bodyKeys));
    }

    /** What is remembered of one body's roster. */
    public record Known(long version, String sha256, boolean signedHere) {
    }

    /** What is remembered of the body's roster, or null when nothing is. */
    public Known known(String level, String id) throws SignedFile.Refused {
        synchronized (IN_PROCESS) {
            try (Locked lock = lock()) {
                return known(load(), level, id);
            } catch (IOException e) {
                throw unreadable(e);
            }
        }
    }

    /**
     * The roster, once it is neither older than the version remembered for its body nor another roster of
     * that version; a signed one of a higher version is remembered from now on.
     */
    public Roster take(Roster roster) throws SignedFile.Refused {
        Roster.Body body = roster.body();
        if (body == null || body.level() == null || body.id() == null) return roster; // no body to keep it by (a count refuses it)
        synchronized (IN_PROCESS) {
            try (Locked lock = lock()) {
                ObjectNode all = load();
                Known known = known(all, body.level(), body.id());
                if (known != null) {
                    String whose = body.level() + " " + body.id() + "'s roster";
                    if (roster.version() < known.version()) {
                        throw new SignedFile.Refused("version " + roster.version() + " of " + whose + " is older than version "
                                + known.version() + ", which this laptop has " + (known.signedHere() ? "signed" : "seen")
                                + ": an older roster may list keys a newer one revoked");
                    }
                    if (roster.version() == known.version() && known.sha256() != null && !known.sha256().equals(roster.contentSha256())) {
                        throw new SignedFile.Refused("this is not the version " + known.version() + " of " + whose + " that this laptop has "
                                + (known.signedHere() ? "signed" : "seen") + " (its entries differ): a version is signed once");
                    }
                }
                if (roster.signedBy() != null && (known == null || roster.version() > known.version()
                        || (roster.version() == known.version() && known.sha256() == null))) {
                    remember(all, body.level(), body.id(), roster.version(), roster.contentSha256(), false);
                }
                return roster;
            } catch (IOException e) {
                throw unreadable(e);
            }
        }
    }

    /** What {@code write} does when it signs the body's roster of {@code version}. */
    public interface Signing {
        void write() throws IOException;
    }

    /**
     * Signs a version of the body's roster: refused unless it is above every version signed or seen here
     * (a version is signed once); {@code write} writes the signed file, then the version is remembered.
     */
    public void sign(Roster.Body body, long version, String contentSha256, Signing write) throws SignedFile.Refused, IOException {
        synchronized (IN_PROCESS) {
            try (Locked lock = lock()) {
                ObjectNode all;
                try {
                    all = load();
                } catch (IOException e) {
                    throw unreadable(e);
                }
                Known known = known(all, body.level(), body.id());
                if (known != null && version <= known.version()) {
                    throw new SignedFile.Refused("version " + version + " of " + body.id() + "'s roster is not above " + known.version()
                            + ", the highest this laptop has signed or seen; change the roster (each change raises its version) before signing");
                }
                write.write();
                remember(all, body.level(), body.id(), version, contentSha256, true);
            }
        }
    }

    // ---- the file ---------------------------------------------------------------------------------

    /** The history's lock file, held: the other processes of this laptop wait while one reads and writes. */
    private record Locked(FileChannel channel, FileLock lock) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            try {
                lock.release();
            } finally {
                channel.close();
            }
        }
    }

    private Locked lock() throws IOException {
        Files.createDirectories(folder);
        Path lockFile = folder.resolve(FILE + ".lock");
        // opening a FIFO to write blocks until someone reads it: whatever is not a regular file is refused first
        if (Files.exists(lockFile, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(lockFile, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("its lock file " + lockFile.getFileName() + " is not a regular file");
        }
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            return new Locked(channel, channel.lock());
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private ObjectNode load() throws IOException {
        Path file = folder.resolve(FILE);
        ObjectNode all;
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            all = readJson(file, "it");
            if (!FORMAT.equals(all.path("format").asText()) || !all.path("bodies").isObject()) throw new IOException("it is not " + FORMAT);
            // every entry as remember() writes it: an entry read leniently (a version "nine" taken as 0) would forget
            // the version it holds and let an older roster in — a damaged history is refused, never failed open
            for (JsonNode ofLevel : all.get("bodies")) {
                if (!ofLevel.isObject()) throw new IOException("it is damaged (a level that is not an object)");
                for (JsonNode entry : ofLevel) {
                    if (!entry.isObject() || !isVersion(entry.get("version"))
                            || !(entry.path("sha256").isMissingNode() || entry.get("sha256").isNull() || entry.get("sha256").isTextual())
                            || !(entry.path("signed").isMissingNode() || entry.get("signed").isBoolean())) {
                        throw new IOException("it is damaged (an entry that is not a version, its SHA-256 and whether it was signed here)");
                    }
                }
            }
        } else {
            all = Json.MAPPER.createObjectNode().put("format", FORMAT);
            all.putObject("bodies");
        }
        Path legacy = folder.resolve(LEGACY);
        if (Files.exists(legacy, LinkOption.NOFOLLOW_LINKS)) {
            ObjectNode old = readJson(legacy, LEGACY);
            for (JsonNode version : old) {
                if (!isVersion(version)) throw new IOException(LEGACY + " is damaged (a version that is not a whole number above 0)");
            }
            all.set("legacy", old);
        }
        return all;
    }

    private static boolean isVersion(JsonNode version) {
        return version != null && version.isIntegralNumber() && version.canConvertToLong() && version.asLong() >= 1;
    }

    /** The file's JSON object; only a regular file is read (a FIFO would block), at most 64 MiB. */
    private static ObjectNode readJson(Path file, String it) throws IOException {
        byte[] bytes;
        try {
            bytes = org.folkmoot.files.InputFile.read(file, 64L << 20, "the list of rosters");
        } catch (org.folkmoot.files.InputFile.Refused refused) {
            throw new IOException(it + " is " + refused.reason());
        }
        try {
            return Json.object(StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString().strip());
        } catch (org.folkmoot.record.FormatException | java.nio.charset.CharacterCodingException e) {
            throw new IOException(it + " " + e.getMessage());
        }
    }

    private static Known known(ObjectNode all, String level, String id) {
        JsonNode entry = all.path("bodies").path(level).path(id);
        long legacy = all.path("legacy").path(id).asLong(0); // what `roster sign` kept before: by id alone, no content
        if (entry.isMissingNode() && legacy == 0) return null;
        long version = entry.path("version").asLong(0);
        if (legacy > version) return new Known(legacy, null, true);
        return new Known(version, entry.path("sha256").asText(null), entry.path("signed").asBoolean(false));
    }

    private void remember(ObjectNode all, String level, String id, long version, String sha256, boolean signedHere) throws IOException {
        all.remove("legacy");
        ObjectNode bodies = (ObjectNode) all.get("bodies");
        ObjectNode ofLevel = bodies.get(level) instanceof ObjectNode o ? o : bodies.putObject(level);
        ofLevel.putObject(id).put("version", version).put("sha256", sha256).put("signed", signedHere);
        org.folkmoot.files.OutputFile.writeDurably(folder.resolve(FILE), (Json.compact(all) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private SignedFile.Refused unreadable(IOException e) {
        return new SignedFile.Refused("the list of rosters this laptop has signed or seen (" + folder.resolve(FILE)
                + ") cannot be used: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }
}
