package org.folkmoot.verdict;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.folkmoot.record.Chain;

/** Ed25519 over raw 32-byte keys (RFC 8032, BouncyCastle's implementation): sign, verify, name. */
public final class Ed25519Keys {
    public static final int KEY_BYTES = 32;
    public static final int SIGNATURE_BYTES = 64;

    static {
        Ed25519.precompute();
    }

    private Ed25519Keys() {
    }

    /** Whether {@code key} is the canonical encoding of a point of prime order (VERDICT-FORMAT.md's rule). */
    public static boolean isValidPublicKey(byte[] key) {
        return key != null && key.length == KEY_BYTES && Ed25519.validatePublicKeyFull(key, 0);
    }

    public static byte[] publicKey(byte[] secretSeed) {
        byte[] pk = new byte[KEY_BYTES];
        Ed25519.generatePublicKey(secretSeed, 0, pk, 0);
        return pk;
    }

    public static byte[] sign(byte[] secretSeed, byte[] message) {
        byte[] sig = new byte[SIGNATURE_BYTES];
        Ed25519.sign(secretSeed, 0, message, 0, message.length, sig, 0);
        return sig;
    }

    /** False for a malformed key or signature as for a wrong one: never throws on what a file holds. */
    public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey.length != KEY_BYTES || signature.length != SIGNATURE_BYTES) return false;
        try {
            return Ed25519.verify(signature, 0, publicKey, 0, message, 0, message.length);
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    /** {@code ed25519:} and the first 16 hex digits of SHA-256 of the raw key (VERDICT-FORMAT.md). */
    public static String keyId(byte[] publicKey) {
        return "ed25519:" + Chain.sha256(publicKey).substring(0, 16);
    }

    public static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * Standard or URL-safe base64, padded or not, in its one canonical spelling; null otherwise. A decoder
     * that let unused low bits vary would let a file change and still verify.
     */
    public static byte[] decodeBase64(String text) {
        byte[] bytes;
        boolean urlSafe = false;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException notStandard) {
            try {
                bytes = Base64.getUrlDecoder().decode(text);
                urlSafe = true;
            } catch (IllegalArgumentException notUrlSafe) {
                return null;
            }
        }
        if (bytes.length == 0) return text.isEmpty() ? bytes : null;
        // whole groups of three bytes have one spelling; only the last group's unused bits and its padding could vary
        int lastGroup = (bytes.length - 1) / 3;
        byte[] tail = java.util.Arrays.copyOfRange(bytes, lastGroup * 3, bytes.length);
        String spelled = (urlSafe ? Base64.getUrlEncoder() : Base64.getEncoder()).encodeToString(tail);
        String written = text.substring(lastGroup * 4);
        return written.equals(spelled) || written.equals(strip(spelled)) ? bytes : null;
    }

    private static String strip(String padded) {
        int end = padded.length();
        while (end > 0 && padded.charAt(end - 1) == '=') end--;
        return padded.substring(0, end);
    }

    /** The first 20 hex digits of SHA-256 of the payload, in groups of four: what people read aloud. */
    public static String fingerprint(byte[] payload) {
        return fingerprintOfDigest(Chain.sha256Bytes(payload));
    }

    /** The fingerprint, from the payload's SHA-256. */
    public static String fingerprintOfDigest(byte[] sha256) {
        String hex = java.util.HexFormat.of().formatHex(sha256, 0, 10);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 4) {
            if (i > 0) s.append(' ');
            s.append(hex, i, i + 4);
        }
        return s.toString();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
