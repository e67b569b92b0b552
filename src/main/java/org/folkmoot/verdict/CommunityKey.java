package org.folkmoot.verdict;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The Community's Ed25519 key pair, made on first use in the data folder. The secret is the 32-byte
 * seed, base64 in {@code community.key}, readable by its owner only (from its creation; an existing file
 * others could read is made so when it is loaded). The first key of a data folder is made exactly once,
 * even when several processes ask for it at once.
 */
public final class CommunityKey {
    static final String FILE = "community.key";
    static final String BODY_FILE = "body.key";

    private static final Object CREATING = new Object();
    private static final int MAX_FILE_BYTES = 1024;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final byte[] seed;
    private final byte[] publicKey;
    private final String notice;

    private CommunityKey(byte[] seed, String notice) {
        this.seed = seed.clone();
        this.publicKey = Ed25519Keys.publicKey(seed);
        this.notice = notice;
    }

    /** The key of the data folder {@code folder}, made there if it has none yet. */
    public static CommunityKey loadOrCreate(Path folder) throws IOException {
        return loadOrCreate(folder, FILE);
    }

    /**
     * The key of the body this laptop keeps a roster and counts for (a Municipality, Region or Collective),
     * made in the data folder if it has none yet. Apart from the Community key: one laptop may be both.
     */
    public static CommunityKey loadOrCreateBody(Path folder) throws IOException {
        return loadOrCreate(folder, BODY_FILE);
    }

    /**
     * This laptop's body key if it has one, never made by asking: a Community's laptop that checks a proposal
     * trusts its own body key too (the clerk checking the file just issued) without becoming a body.
     */
    public static Optional<CommunityKey> existingBody(Path folder) throws IOException {
        if (!Files.exists(folder.resolve(BODY_FILE), LinkOption.NOFOLLOW_LINKS)) return Optional.empty();
        return Optional.of(loadOrCreate(folder, BODY_FILE));
    }

    private static CommunityKey loadOrCreate(Path folder, String name) throws IOException {
        Path file = folder.resolve(name);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) create(folder, file);
        byte[] bytes = readSmall(file);
        String notice = ownerOnly(file);
        byte[] seed = Ed25519Keys.decodeBase64(new String(bytes, StandardCharsets.US_ASCII).strip());
        if (seed == null || seed.length != Ed25519Keys.KEY_BYTES) {
            throw new IOException(file + " is not a Folkmoot key (32 bytes, base64)");
        }
        return new CommunityKey(seed, notice);
    }

    /**
     * The one line to tell the user about the key file, if loading it changed something: a key file that
     * others could read is made owner-only when loaded (docs/decisions/0007-meeting-file-and-keys.md).
     */
    public Optional<String> notice() {
        return Optional.ofNullable(notice);
    }

    /** A key file is a few dozen bytes: one that is not a regular file, or is large, is not ours. */
    private static byte[] readSmall(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException("not a regular file: " + file);
        try (var in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) throw new IOException(file + " is not a Folkmoot key (32 bytes, base64)");
            return bytes;
        } catch (java.nio.file.AccessDeniedException e) {
            throw new IOException("permission denied: " + file, e);
        }
    }

    /**
     * Makes an existing key file that its group or others may read or write owner-only, and says so: the
     * secret may have been copied meanwhile, which only its owner can judge. Null when it already was.
     */
    private static String ownerOnly(Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) return null; // Windows: the user's profile folder is already private
        Set<PosixFilePermission> was = view.readAttributes().permissions();
        Set<PosixFilePermission> others = EnumSet.copyOf(was.isEmpty() ? OWNER_ONLY : was);
        others.removeAll(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));
        if (others.isEmpty()) return null; // owner-only already (perhaps read-only for its owner: left so)
        try {
            view.setPermissions(OWNER_ONLY);
        } catch (IOException e) {
            throw new IOException(file + " can be read by other users and cannot be made owner-only (" + e.getMessage()
                    + "): make it so (chmod 600) before signing with it", e);
        }
        String line = "the secret key " + file + " was open to other users (" + PosixFilePermissions.toString(was)
                + "); it is owner-only now (if anyone may have copied it, have the key revoked)";
        org.folkmoot.files.Logs.of("keys").warning(() -> "made the key file " + file.getFileName() + " owner-only (was "
                + PosixFilePermissions.toString(was) + ")");
        return line;
    }

    /** A key from a known seed: for tests and for restoring a backup. */
    public static CommunityKey fromSeed(byte[] seed) {
        if (seed.length != Ed25519Keys.KEY_BYTES) throw new IllegalArgumentException("an Ed25519 seed is 32 bytes");
        return new CommunityKey(seed, null);
    }

    /**
     * Makes the first key of a data folder, exactly once however many processes ask at the same moment:
     * they queue on a lock file, the first writes the key to a temporary file that is owner-only from its
     * creation, and links it into place only if no key exists yet (a link never replaces); every other
     * process then reads the key that won.
     */
    private static void create(Path folder, Path file) throws IOException {
        Files.createDirectories(folder);
        synchronized (CREATING) { // a file lock is held by the process: threads of one process queue here
            Path lockFile = folder.resolve("." + file.getFileName() + ".lock");
            try (FileChannel lock = FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE), ownerOnlyAttributes(folder));
                 FileLock held = lock.lock()) {
                if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) return; // made while this one waited
                byte[] seed = new byte[Ed25519Keys.KEY_BYTES];
                new SecureRandom().nextBytes(seed);
                // owner-only from the first byte: the secret never sits in a file others may read
                Path temp = Files.createTempFile(folder, "." + file.getFileName() + ".", ".new", ownerOnlyAttributes(folder));
                try {
                    writeSeed(temp, seed);
                    try {
                        Files.createLink(file, temp); // fails if a key exists: never replaces one
                    } catch (FileAlreadyExistsException raced) {
                        return; // made by a program that does not take the lock: theirs stands
                    } catch (UnsupportedOperationException | FileSystemException noLinks) {
                        Files.move(temp, file); // a file system without links (FAT): the lock keeps others out; no replace
                    }
                    syncFolder(folder);
                } finally {
                    Files.deleteIfExists(temp);
                }
            }
        }
    }

    private static FileAttribute<?>[] ownerOnlyAttributes(Path folder) throws IOException {
        if (Files.getFileStore(folder).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)};
        }
        return new FileAttribute<?>[0]; // Windows: the user's profile folder is already private
    }

    /** The seed, base64, into a file made owner-only already, and to the disk before it is linked into place. */
    private static void writeSeed(Path file, byte[] seed) throws IOException {
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ByteBuffer bytes = ByteBuffer.wrap((Ed25519Keys.base64(seed) + "\n").getBytes(StandardCharsets.US_ASCII));
            while (bytes.hasRemaining()) out.write(bytes);
            out.force(true);
        }
    }

    /** The folder's entry for the new key reaches the disk too, so a power cut cannot take the key back. */
    private static void syncFolder(Path folder) {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException notOnThisSystem) {
            // Windows cannot open a folder as a file; its file system orders the entry itself
        }
    }

    /**
     * Writes the secret key to {@code target} (a backup), owner-only from its creation: whoever can read
     * the copy can sign as the Community.
     */
    public void writeSecretKey(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".new", ownerOnlyAttributes(dir));
        try {
            writeSeed(temp, seed);
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            syncFolder(dir);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * The public key as a roster entry, for the Municipality to enroll ({@code keys export}, or the app's
     * start screen). Its validity is the enrolling body's to set: a verdict signed before enrolment must verify.
     */
    public byte[] exportEntry(String id, String name, long members) {
        com.fasterxml.jackson.databind.node.ObjectNode entry = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        entry.put("id", id).put("name", name).put("members", members)
                .put("publicKey", Ed25519Keys.base64(publicKey)).put("keyId", keyId())
                .putNull("validFrom").putNull("validUntil").put("status", "active");
        return (org.folkmoot.record.Json.compact(entry) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    public String keyId() {
        return Ed25519Keys.keyId(publicKey);
    }

    /** A one-pass signer for a message of which {@code messageDigest} (e.g. its SHA-256) is already known. */
    public StreamingEd25519.Signer signer(byte[] messageDigest) {
        return StreamingEd25519.signer(seed, messageDigest);
    }

    public byte[] sign(byte[] message) {
        return Ed25519Keys.sign(seed, message);
    }
}
