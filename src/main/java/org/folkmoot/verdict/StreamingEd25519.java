package org.folkmoot.verdict;

import java.io.IOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Ed25519 (RFC 8032, pure) over a message read as a stream, twice, rather than held in memory: a body's
 * result carries every verdict it counted and may be far larger than the heap. Ed25519 hashes the whole
 * message (twice to sign, once to verify); everything else is a handful of point operations, done here
 * with {@link BigInteger}, slow per call (milliseconds) but called once per result. The signatures are
 * those of any Ed25519: a test holds them byte-equal to BouncyCastle's.
 */
public final class StreamingEd25519 {
    /** A message that can be read more than once, each time from its start. */
    @FunctionalInterface
    public interface Message {
        void feed(MessageDigest digest) throws IOException;
    }

    private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
    private static final BigInteger L = BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));
    private static final BigInteger D = BigInteger.valueOf(-121665).mod(P)
            .multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);
    private static final BigInteger D2 = D.shiftLeft(1).mod(P);
    private static final BigInteger SQRT_M1 = BigInteger.TWO.modPow(P.subtract(BigInteger.ONE).shiftRight(2), P);
    private static final Point B;

    static {
        BigInteger y = BigInteger.valueOf(4).multiply(BigInteger.valueOf(5).modInverse(P)).mod(P);
        byte[] encoded = littleEndian(y);
        B = decode(encoded);
    }

    private StreamingEd25519() {
    }

    /** A point in extended coordinates: x = X/Z, y = Y/Z, x*y = T/Z. */
    private record Point(BigInteger x, BigInteger y, BigInteger z, BigInteger t) {
        static final Point ZERO = new Point(BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE, BigInteger.ZERO);

        Point plus(Point q) {
            BigInteger a = y.subtract(x).multiply(q.y.subtract(q.x)).mod(P);
            BigInteger b = y.add(x).multiply(q.y.add(q.x)).mod(P);
            BigInteger c = t.multiply(D2).multiply(q.t).mod(P);
            BigInteger d = z.shiftLeft(1).multiply(q.z).mod(P);
            BigInteger e = b.subtract(a), f = d.subtract(c), g = d.add(c), h = b.add(a);
            return new Point(e.multiply(f).mod(P), g.multiply(h).mod(P), f.multiply(g).mod(P), e.multiply(h).mod(P));
        }

        Point times(BigInteger k) {
            Point result = ZERO;
            for (int i = k.bitLength() - 1; i >= 0; i--) {
                result = result.plus(result);
                if (k.testBit(i)) result = result.plus(this);
            }
            return result;
        }

        byte[] encode() {
            BigInteger zInv = z.modInverse(P);
            BigInteger ax = x.multiply(zInv).mod(P), ay = y.multiply(zInv).mod(P);
            byte[] out = littleEndian(ay);
            if (ax.testBit(0)) out[31] |= (byte) 0x80;
            return out;
        }
    }

    /** Signs {@code message} with the 32-byte secret seed; the message is read twice. */
    public static byte[] sign(byte[] seed, Message message) throws IOException {
        byte[] h = sha512().digest(seed);
        byte[] scalar = Arrays.copyOfRange(h, 0, 32);
        scalar[0] &= (byte) 248;
        scalar[31] &= 127;
        scalar[31] |= 64;
        BigInteger a = fromLittleEndian(scalar);
        byte[] publicKey = B.times(a).encode();

        MessageDigest first = sha512();
        first.update(h, 32, 32);
        message.feed(first);
        BigInteger r = fromLittleEndian(first.digest()).mod(L);
        byte[] bigR = B.times(r).encode();

        BigInteger k = challenge(bigR, publicKey, message);
        BigInteger s = r.add(k.multiply(a)).mod(L);
        byte[] signature = new byte[64];
        System.arraycopy(bigR, 0, signature, 0, 32);
        System.arraycopy(littleEndian(s), 0, signature, 32, 32);
        return signature;
    }

    /**
     * Signing in one pass over the message, for a message written once and read once more (a body's result):
     * the nonce is derived from the key's secret half and a digest of the message the caller computed while
     * writing it (r = SHA-512(prefix || digest) mod L), rather than from the message itself as RFC 8032's
     * deterministic nonce is. Any secret nonce unique to the message gives a valid, secure Ed25519 signature;
     * this one is still deterministic, so the same result always gets the same signature.
     */
    public static final class Signer {
        private final BigInteger a;
        private final BigInteger r;
        private final byte[] bigR;
        private final MessageDigest challenge;

        Signer(byte[] seed, byte[] messageDigest) {
            byte[] h = sha512().digest(seed);
            byte[] scalar = Arrays.copyOfRange(h, 0, 32);
            scalar[0] &= (byte) 248;
            scalar[31] &= 127;
            scalar[31] |= 64;
            a = fromLittleEndian(scalar);
            byte[] publicKey = B.times(a).encode();
            MessageDigest nonce = sha512();
            nonce.update(h, 32, 32);
            nonce.update("folkmoot one-pass nonce".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            nonce.update(messageDigest);
            r = fromLittleEndian(nonce.digest()).mod(L);
            bigR = B.times(r).encode();
            challenge = sha512();
            challenge.update(bigR);
            challenge.update(publicKey);
        }

        /** Feed the whole message to this digest, once, then call {@link #signature()}. */
        public MessageDigest message() {
            return challenge;
        }

        public byte[] signature() {
            BigInteger k = fromLittleEndian(challenge.digest()).mod(L);
            BigInteger s = r.add(k.multiply(a)).mod(L);
            byte[] signature = new byte[64];
            System.arraycopy(bigR, 0, signature, 0, 32);
            System.arraycopy(littleEndian(s), 0, signature, 32, 32);
            return signature;
        }
    }

    public static Signer signer(byte[] seed, byte[] messageDigest) {
        return new Signer(seed, messageDigest);
    }

    /** Whether {@code signature} holds for {@code publicKey} over {@code message} (read once). */
    public static boolean verify(byte[] publicKey, Message message, byte[] signature) throws IOException {
        if (publicKey.length != 32 || signature.length != 64) return false;
        Point a = decode(publicKey);
        byte[] bigR = Arrays.copyOfRange(signature, 0, 32);
        Point r = decode(bigR);
        BigInteger s = fromLittleEndian(Arrays.copyOfRange(signature, 32, 64));
        if (a == null || r == null || s.compareTo(L) >= 0) return false;
        BigInteger k = challenge(bigR, publicKey, message);
        return Arrays.equals(B.times(s).encode(), r.plus(a.times(k)).encode());
    }

    private static BigInteger challenge(byte[] bigR, byte[] publicKey, Message message) throws IOException {
        MessageDigest second = sha512();
        second.update(bigR);
        second.update(publicKey);
        message.feed(second);
        return fromLittleEndian(second.digest()).mod(L);
    }

    private static Point decode(byte[] encoded) {
        byte[] bytes = encoded.clone();
        boolean sign = (bytes[31] & 0x80) != 0;
        bytes[31] &= 0x7f;
        BigInteger y = fromLittleEndian(bytes);
        if (y.compareTo(P) >= 0) return null;
        BigInteger y2 = y.multiply(y).mod(P);
        BigInteger u = y2.subtract(BigInteger.ONE).mod(P);
        BigInteger v = D.multiply(y2).add(BigInteger.ONE).mod(P);
        BigInteger v3 = v.modPow(BigInteger.valueOf(3), P);
        BigInteger x = u.multiply(v3).multiply(u.multiply(v3).multiply(v3).multiply(v).mod(P)
                .modPow(P.subtract(BigInteger.valueOf(5)).shiftRight(3), P)).mod(P);
        BigInteger vx2 = v.multiply(x).multiply(x).mod(P);
        if (!vx2.equals(u)) {
            if (vx2.equals(u.negate().mod(P))) x = x.multiply(SQRT_M1).mod(P);
            else return null;
        }
        if (x.signum() == 0 && sign) return null;
        if (x.testBit(0) != sign) x = P.subtract(x);
        return new Point(x, y, BigInteger.ONE, x.multiply(y).mod(P));
    }

    private static BigInteger fromLittleEndian(byte[] bytes) {
        byte[] big = new byte[bytes.length + 1];
        for (int i = 0; i < bytes.length; i++) big[bytes.length - i] = bytes[i];
        return new BigInteger(big);
    }

    private static byte[] littleEndian(BigInteger n) {
        byte[] big = n.toByteArray();
        byte[] out = new byte[32];
        for (int i = 0; i < Math.min(32, big.length); i++) out[i] = big[big.length - 1 - i];
        return out;
    }

    private static MessageDigest sha512() {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java platform has SHA-512", impossible);
        }
    }
}
