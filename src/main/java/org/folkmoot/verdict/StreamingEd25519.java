package org.folkmoot.verdict;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Ed25519 (RFC 8032, pure) over a message read as a stream rather than held in memory: a body's result
 * carries every verdict it counted and may be far larger than the heap. Ed25519 hashes the whole message
 * (twice to sign, once to verify); everything else is a few point operations, the same ones
 * {@link BatchEd25519} does. Verifying is Folkmoot's one rule ({@link Ed25519Keys#verify}); signing is
 * constant-time in the key and the nonce ({@link BatchEd25519#multiplyBase}, {@link Scalars}), and its
 * signatures are those of any Ed25519: a test holds them byte-equal to BouncyCastle's.
 */
public final class StreamingEd25519 {
    /** A message that can be read more than once, each time from its start. */
    @FunctionalInterface
    public interface Message {
        void feed(MessageDigest digest) throws IOException;
    }

    private StreamingEd25519() {
    }

    /** The expanded secret: the clamped scalar a, the nonce prefix, and the public key [a]B. */
    private record Expanded(byte[] scalar, byte[] prefix, byte[] publicKey) {
        static Expanded of(byte[] seed) {
            byte[] h = sha512().digest(seed);
            byte[] scalar = Arrays.copyOfRange(h, 0, 32);
            scalar[0] &= (byte) 248;
            scalar[31] &= 127;
            scalar[31] |= 64;
            return new Expanded(scalar, Arrays.copyOfRange(h, 32, 64), Ed25519Keys.publicKey(seed));
        }

        /** R = [r]B and S = (r + k a) mod L, k = SHA-512(R || A || M) from {@code challenge} once fed M. */
        byte[] signature(byte[] r, byte[] bigR, MessageDigest challenge) {
            byte[] k = Scalars.reduce(challenge.digest());
            byte[] s = Scalars.multiplyAdd(k, scalar, r);
            byte[] signature = new byte[64];
            System.arraycopy(bigR, 0, signature, 0, 32);
            System.arraycopy(s, 0, signature, 32, 32);
            return signature;
        }
    }

    /** Signs {@code message} with the 32-byte secret seed exactly as RFC 8032 does; the message is read twice. */
    public static byte[] sign(byte[] seed, Message message) throws IOException {
        Expanded e = Expanded.of(seed);
        MessageDigest first = sha512();
        first.update(e.prefix());
        message.feed(first);
        byte[] r = Scalars.reduce(first.digest());
        byte[] bigR = BatchEd25519.multiplyBase(r);
        MessageDigest second = sha512();
        second.update(bigR);
        second.update(e.publicKey());
        message.feed(second);
        return e.signature(r, bigR, second);
    }

    /**
     * The nonce of a one-pass signature: r = SHA-512(prefix || "folkmoot one-pass nonce" || d) mod L, where
     * d is a collision-resistant digest of the whole message that the caller computed before writing it. RFC
     * 8032 takes r from the message itself, which needs the message read before R — and R is hashed before
     * the message in the challenge, so a message written once could not be signed. Any nonce that is secret
     * and unique to the message gives a valid, secure Ed25519 signature; this one is secret (the prefix),
     * unique to the message (d binds it) and deterministic (the same result always gets the same signature).
     * The label keeps it apart from RFC 8032's nonce for any message.
     */
    static byte[] oneTimeNonce(byte[] prefix, byte[] messageDigest) {
        MessageDigest nonce = sha512();
        nonce.update(prefix);
        nonce.update("folkmoot one-pass nonce".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        nonce.update(messageDigest);
        return Scalars.reduce(nonce.digest());
    }

    /** Signing in one pass over the message, for a message written once (a body's result); see {@link #oneTimeNonce}. */
    public static final class Signer {
        private final Expanded key;
        private final byte[] r;
        private final byte[] bigR;
        private final MessageDigest challenge;

        Signer(byte[] seed, byte[] messageDigest) {
            key = Expanded.of(seed);
            r = oneTimeNonce(key.prefix(), messageDigest);
            bigR = BatchEd25519.multiplyBase(r);
            challenge = sha512();
            challenge.update(bigR);
            challenge.update(key.publicKey());
        }

        /** Feed the whole message to this digest, once, then call {@link #signature()}. */
        public MessageDigest message() {
            return challenge;
        }

        public byte[] signature() {
            return key.signature(r, bigR, challenge);
        }
    }

    public static Signer signer(byte[] seed, byte[] messageDigest) {
        return new Signer(seed, messageDigest);
    }

    /** Whether {@code signature} holds for {@code publicKey} over {@code message} (read once), by the one rule. */
    public static boolean verify(byte[] publicKey, Message message, byte[] signature) throws IOException {
        if (publicKey == null || signature == null || publicKey.length != 32 || signature.length != 64) return false;
        if (!Ed25519Keys.isValidPublicKey(publicKey)) return false;
        MessageDigest challenge = sha512();
        challenge.update(signature, 0, 32);
        challenge.update(publicKey);
        message.feed(challenge);
        return BatchEd25519.holdsAlone(publicKey, signature, challenge.digest());
    }

    private static MessageDigest sha512() {
        return Ed25519Keys.sha512();
    }
}
