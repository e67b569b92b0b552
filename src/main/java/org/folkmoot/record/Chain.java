package org.folkmoot.record;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The record's hash chain: each entry's {@code prev} is the SHA-256 of the exact bytes of the line before it. */
public final class Chain {
    private Chain() {
    }

    /**
     * The {@code prev} a stored line names, or null when it names none: the store checks its chain without
     * reading JSON itself.
     *
     * @throws FormatException when the line is not a JSON object
     */
    public static String prev(String line) throws FormatException {
        return Json.object(line).path("prev").asText(null);
    }

    public static String sha256(String line) {
        return sha256(line.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256Bytes(bytes));
    }

    /** One digest per thread: looking the algorithm up costs more than hashing a verdict, and a count hashes millions. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java platform has SHA-256", impossible);
        }
    });

    public static byte[] sha256Bytes(byte[] bytes) {
        MessageDigest d = SHA256.get();
        d.reset();
        return d.digest(bytes);
    }
}
