package org.folkmoot.verdict;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Ed25519's edge cases, made here from first principles with affine BigInteger arithmetic that shares no code
 * with the program's (the categories of C2SP/CCTV's ed25519vectors and ed25519-speccheck): keys and R that are
 * small-order points, points with a small-order component, non-canonical encodings, S at or above L, and the
 * honest signature beside each. Each case carries the answer Folkmoot's one rule gives it
 * (docs/decisions/0004): the key a point of prime order, S &lt; L, R canonical, the cofactored equation.
 */
public final class EdgeCases {
    static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
    static final BigInteger L = BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));
    static final BigInteger D = BigInteger.valueOf(-121665).multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);
    static final BigInteger I = BigInteger.TWO.modPow(P.subtract(BigInteger.ONE).shiftRight(2), P); // sqrt(-1)

    /** An affine point; the identity is (0, 1). */
    record Pt(BigInteger x, BigInteger y) {
        static final Pt ZERO = new Pt(BigInteger.ZERO, BigInteger.ONE);

        Pt plus(Pt q) {
            BigInteger xx = x.multiply(q.x), yy = y.multiply(q.y);
            BigInteger dxy = D.multiply(xx).multiply(yy).mod(P);
            BigInteger nx = x.multiply(q.y).add(y.multiply(q.x));
            BigInteger ny = yy.add(xx); // a = -1: y1 y2 - a x1 x2
            return new Pt(nx.multiply(BigInteger.ONE.add(dxy).modInverse(P)).mod(P),
                    ny.multiply(BigInteger.ONE.subtract(dxy).mod(P).modInverse(P)).mod(P));
        }

        Pt times(BigInteger k) {
            Pt r = ZERO, a = this;
            for (int i = 0; i < k.bitLength(); i++) {
                if (k.testBit(i)) r = r.plus(a);
                a = a.plus(a);
            }
            return r;
        }

        byte[] encode() {
            byte[] out = le(y);
            if (x.testBit(0)) out[31] |= (byte) 0x80;
            return out;
        }
    }

    /** The point with this y and x's sign, or null; y may be at or above p only for the non-canonical spellings. */
    static Pt fromY(BigInteger y, boolean odd) {
        y = y.mod(P);
        BigInteger y2 = y.multiply(y).mod(P);
        BigInteger x2 = y2.subtract(BigInteger.ONE).multiply(D.multiply(y2).add(BigInteger.ONE).modInverse(P)).mod(P);
        BigInteger x = x2.modPow(P.add(BigInteger.valueOf(3)).shiftRight(3), P);
        if (!x.multiply(x).mod(P).equals(x2)) x = x.multiply(I).mod(P);
        if (!x.multiply(x).mod(P).equals(x2)) return null;
        if (x.testBit(0) != odd) x = P.subtract(x).mod(P);
        return new Pt(x, y);
    }

    static final Pt B = fromY(BigInteger.valueOf(4).multiply(BigInteger.valueOf(5).modInverse(P)).mod(P), false);
    /** A point of order 8: [L] of a point whose order is 8L. */
    static final Pt T8;

    static {
        Pt found = null;
        for (int y = 2; found == null; y++) {
            Pt p = fromY(BigInteger.valueOf(y), false);
            if (p == null) continue;
            Pt t = p.times(L);
            if (!t.times(BigInteger.valueOf(4)).equals(Pt.ZERO)) found = t;
        }
        T8 = found;
    }

    /** The encodings of the eight small-order points, the identity first. */
    public static List<byte[]> smallOrderKeys() {
        List<byte[]> out = new ArrayList<>();
        for (int j = 0; j < 8; j++) out.add(torsion(j).encode());
        return out;
    }

    /** [a]B + [j]T8: a key whose holder knows a, with a small-order component of order 8/gcd(j, 8). */
    public static byte[] mixedKey(BigInteger a, int j) {
        return B.times(a).plus(torsion(j)).encode();
    }

    /** The eight small-order points: [j]T8. */
    static Pt torsion(int j) {
        return T8.times(BigInteger.valueOf(j));
    }

    /** One case: a key, a message, a signature, what it is, and whether the rule lets it hold. */
    record Case(String name, byte[] key, byte[] message, byte[] signature, boolean holds) {
        @Override
        public String toString() {
            return name;
        }
    }

    static byte[] le(BigInteger n) {
        byte[] big = n.toByteArray(), out = new byte[32];
        for (int i = 0; i < Math.min(32, big.length); i++) out[i] = big[big.length - 1 - i];
        return out;
    }

    static BigInteger fromLe(byte[] b, int off, int len) {
        byte[] big = new byte[len + 1];
        for (int i = 0; i < len; i++) big[len - i] = b[off + i];
        return new BigInteger(big);
    }

    static BigInteger challenge(byte[] r, byte[] a, byte[] m) {
        try {
            MessageDigest h = MessageDigest.getInstance("SHA-512");
            h.update(r);
            h.update(a);
            h.update(m);
            return fromLe(h.digest(), 0, 64).mod(L);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] sig(byte[] r, BigInteger s) {
        byte[] out = new byte[64];
        System.arraycopy(r, 0, out, 0, 32);
        System.arraycopy(le(s), 0, out, 32, 32);
        return out;
    }

    /** Signs as the holder of discrete log {@code a} of A's prime-order part would, for any R spelling given. */
    static byte[] sign(BigInteger a, byte[] keyBytes, BigInteger r, byte[] rBytes, byte[] message) {
        BigInteger k = challenge(rBytes, keyBytes, message);
        return sig(rBytes, r.add(k.multiply(a)).mod(L));
    }

    /** Every edge case, over {@code message} (often a verdict's PAE), with secrets drawn from {@code random}. */
    static List<Case> all(Random random, byte[] message) {
        List<Case> cases = new ArrayList<>();
        BigInteger a = new BigInteger(250, random).mod(L), r = new BigInteger(250, random).mod(L);
        Pt bigA = B.times(a), bigR = B.times(r);
        byte[] aBytes = bigA.encode(), rBytes = bigR.encode();
        cases.add(new Case("honest", aBytes, message, sign(a, aBytes, r, rBytes, message), true));
        cases.add(new Case("honest, another message", aBytes, message,
                sign(a, aBytes, r, rBytes, "another".getBytes(StandardCharsets.UTF_8)), false));

        for (int j = 1; j < 8; j++) {
            Pt t = torsion(j);
            // R with a small-order component: only the cofactored equation holds — Folkmoot's rule takes it
            byte[] mixedR = bigR.plus(t).encode();
            cases.add(new Case("R with a component of order " + order(j), aBytes, message, sign(a, aBytes, r, mixedR, message), true));
            // R a small-order point itself (r = 0): canonical, so it holds for a key of prime order
            byte[] smallR = t.encode();
            cases.add(new Case("R of order " + order(j), aBytes, message, sign(a, aBytes, BigInteger.ZERO, smallR, message), true));
            // a key with a small-order component, signed by the holder of its prime-order part: refused for the key
            byte[] mixedA = bigA.plus(t).encode();
            cases.add(new Case("key with a component of order " + order(j), mixedA, message, sign(a, mixedA, r, rBytes, message), false));
            cases.add(new Case("key with a component of order " + order(j) + ", R too", mixedA, message,
                    sign(a, mixedA, r, bigR.plus(torsion(8 - j)).encode(), message), false));
            // a small-order key: S = 0 with R small holds [8]... for any message — no secret at all
            byte[] smallA = t.encode();
            cases.add(new Case("key of order " + order(j) + ", R of order " + order(j) + ", S = 0", smallA, message,
                    sig(smallR, BigInteger.ZERO), false));
        }
        // the identity as key and as R, S = 0: finding 1 of issue 11, counted by the old batch check
        byte[] identity = Pt.ZERO.encode();
        cases.add(new Case("key the identity, R the identity, S = 0", identity, message, sig(identity, BigInteger.ZERO), false));
        cases.add(new Case("R the identity, S = k a", aBytes, message, sign(a, aBytes, BigInteger.ZERO, identity, message), true));

        // S not below L: the same signature with S + L (S + L < 2^256 always), and S = L exactly
        byte[] honest = cases.get(0).signature();
        BigInteger s = fromLe(honest, 32, 32);
        cases.add(new Case("S + L", aBytes, message, sig(rBytes, s.add(L)), false));
        cases.add(new Case("S = L", aBytes, message, sig(rBytes, L), false));
        cases.add(new Case("S with its top bits set", aBytes, message, sig(rBytes, s.add(BigInteger.TWO.pow(255))), false));

        // non-canonical spellings of points whose y is 0 or 1 (y + p fits in 255 bits), and x = 0 with its sign set
        for (byte[] spelled : nonCanonical()) {
            BigInteger y = fromLe(spelled, 0, 32).clearBit(255).mod(P);
            boolean odd = (spelled[31] & 0x80) != 0;
            Pt point = fromY(y, odd);
            if (point == null) continue;
            cases.add(new Case("R non-canonical " + hexOf(spelled), aBytes, message,
                    sign(a, aBytes, BigInteger.ZERO, spelled, message), false));
            cases.add(new Case("key non-canonical " + hexOf(spelled), spelled, message, sig(spelled, BigInteger.ZERO), false));
        }
        // y at or above p that is no point at all, and a y that is not on the curve
        byte[] notOnCurve = null;
        for (int y = 2; notOnCurve == null; y++) if (fromY(BigInteger.valueOf(y), false) == null) notOnCurve = le(BigInteger.valueOf(y));
        cases.add(new Case("key not on the curve", notOnCurve, message, honest, false));
        cases.add(new Case("R not on the curve", aBytes, message, sig(notOnCurve, s), false));
        byte[] allOnes = new byte[32];
        java.util.Arrays.fill(allOnes, (byte) 0xff);
        cases.add(new Case("key 2^256 - 1", allOnes, message, honest, false));
        return cases;
    }

    /** Spellings of small-order points that are not canonical: y + p for y = 0, 1; x = 0 with the sign set. */
    static List<byte[]> nonCanonical() {
        List<byte[]> out = new ArrayList<>();
        for (int y : new int[] {0, 1}) {
            for (boolean sign : new boolean[] {false, true}) {
                byte[] e = le(P.add(BigInteger.valueOf(y)));
                if (sign) e[31] |= (byte) 0x80;
                out.add(e);
            }
        }
        byte[] identitySigned = le(BigInteger.ONE);
        identitySigned[31] |= (byte) 0x80;
        out.add(identitySigned);
        byte[] minusOneSigned = le(P.subtract(BigInteger.ONE));
        minusOneSigned[31] |= (byte) 0x80;
        out.add(minusOneSigned);
        return out;
    }

    private static int order(int j) {
        int o = 8 / BigInteger.valueOf(j).gcd(BigInteger.valueOf(8)).intValue();
        return o;
    }

    static String hexOf(byte[] b) {
        return java.util.HexFormat.of().formatHex(b);
    }
}
