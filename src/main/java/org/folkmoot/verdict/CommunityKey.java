package org.folkmoot.verdict;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * The Community's Ed25519 key pair, made on first use in the data folder. The secret is the 32-byte
 * seed, base64 in {@code community.key}, readable by its owner only.
 */
public final class CommunityKey {
    static final String FILE = "community.key";
    static final String BODY_FILE = "body.key";

    private final byte[] seed;
    private final byte[] publicKey;

    private CommunityKey(byte[] seed) {
        this.seed = seed.clone();
        this.publicKey = Ed25519Keys.publicKey(seed);
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

    private static CommunityKey loadOrCreate(Path folder, String name) throws IOException {
        Path file = folder.resolve(name);
        if (!Files.exists(file)) create(folder, file);
        byte[] seed = Ed25519Keys.decodeBase64(Files.readString(file, StandardCharsets.US_ASCII).strip());
        if (seed == null || seed.length != Ed25519Keys.KEY_BYTES) {
            throw new IOException(file + " is not a Folkmoot key (32 bytes, base64)");
        }
        return new CommunityKey(seed);
    }

    /** A key from a known seed: for tests and for restoring a backup. */
    public static CommunityKey fromSeed(byte[] seed) {
        if (seed.length != Ed25519Keys.KEY_BYTES) throw new IllegalArgumentException("an Ed25519 seed is 32 bytes");
        return new CommunityKey(seed);
    }

    private static void create(Path folder, Path file) throws IOException {
        Files.createDirectories(folder);
        byte[] seed = new byte[Ed25519Keys.KEY_BYTES];
        new SecureRandom().nextBytes(seed);
        Path temp = folder.resolve(file.getFileName() + ".new");
        Files.deleteIfExists(temp);
        try {
            // owner-only from the first byte: the secret never sits in a file others may read
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(temp); // Windows: the user's profile folder is already private
        }
        Files.writeString(temp, Ed25519Keys.base64(seed) + "\n", StandardCharsets.US_ASCII);
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file);
        } catch (FileAlreadyExistsException raced) {
            Files.deleteIfExists(temp); // another process made it first: theirs stands
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
