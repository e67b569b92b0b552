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

    /**
     * Folkmoot's one validity rule (docs/decisions/0004): the key is acceptable ({@link #isValidPublicKey}), S
     * &lt; L, R is canonically encoded, and the cofactored equation [8][S]B = [8]R + [8][k]A holds. False for a
     * malformed key or signature as for a wrong one: never throws on what a file holds.
     */
    public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey == null || signature == null || publicKey.length != KEY_BYTES || signature.length != SIGNATURE_BYTES) return false;
        return isValidPublicKey(publicKey) && holds(publicKey, message, signature);
    }

    /**
     * The rule's equation for one signature, the key taken as checked. BouncyCastle's {@code verify} (S &lt; L, R
     * canonical, the equation without the cofactor) answers first: where it holds, the cofactored equation
     * holds too, and it is what every honest signature meets, at BouncyCastle's speed. Where it does not, the
     * cofactored equation decides ({@link BatchEd25519#holdsAlone}): it differs only for an R with a
     * small-order component, which the rule takes. {@code ValidityRuleTest} holds the two to one answer.
     */
    static boolean holds(byte[] publicKey, byte[] message, byte[] signature) {
        try {
            if (Ed25519.verify(signature, 0, publicKey, 0, message, 0, message.length)) return true;
        } catch (RuntimeException malformed) {
            // the cofactored check below refuses what is malformed in its own words
        }
        java.security.MessageDigest sha512 = sha512();
        sha512.update(signature, 0, 32);
        sha512.update(publicKey);
        sha512.update(message);
        return BatchEd25519.holdsAlone(publicKey, signature, sha512.digest());
    }

    /**
     * Whether {@code key} may be a Community's or a body's key: the canonical encoding (y below p, no sign
     * on x = 0) of a point of prime order L — never the identity, never a point of small order, never one
     * with a small-order component. Refused wherever a key is taken: enrolled, read from a roster, carried
     * in a file, a body's own. Costs a scalar multiplication (some 100 µs), so a count remembers the keys
     * it has checked ({@code combine.CheckedKeys}).
     */
    public static boolean isValidPublicKey(byte[] key) {
        if (key == null || key.length != KEY_BYTES) return false;
        if (key[0] == 1 && allZero(key, 1)) return false; // the identity, (0, 1): [L] of it is itself
        return BatchEd25519.inPrimeOrderSubgroup(key);
    }

    private static boolean allZero(byte[] b, int from) {
        for (int i = from; i < b.length; i++) if (b[i] != 0) return false;
        return true;
    }

    static java.security.MessageDigest sha512() {
        try {
            return java.security.MessageDigest.getInstance("SHA-512");
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java platform has SHA-512", impossible);
        }
    }

    /** {@code ed25519:} and the first 16 hex digits of SHA-256 of the raw key (docs/signed-files.md). */
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
