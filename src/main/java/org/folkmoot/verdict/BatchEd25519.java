package org.folkmoot.verdict;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.math.ec.rfc7748.X25519Field;

/**
 * Ed25519 signatures checked many at once: a body counting a million verdicts checks a million signatures,
 * and checked together they cost well under half of what they cost one by one.
 *
 * <p>For signatures (R_i, s_i) by keys A_i with challenges k_i = SHA-512(R_i || A_i || M_i) mod L, each holds
 * when [s_i]B = R_i + [k_i]A_i. With random odd 128-bit weights z_i (secret, fresh per batch) the batch
 * holds when [Σ z_i s_i]B = Σ [z_i]R_i + Σ [z_i k_i]A_i — one multi-scalar multiplication (Straus, with
 * signed sliding windows) instead of n. A forged signature makes the sum hold only with probability about
 * 2^-128. When the batch does not hold, each signature is checked alone (BouncyCastle's {@code verify}), so
 * the answer for each is that of the one-by-one check; for signatures that hold one by one, the batch holds.
 *
 * <p>(Where the two could differ: signatures deliberately built by their own key's holder with a small-order
 * component may pass the batch while failing alone. That needs the private key, so it forges nothing.)
 *
 * <p>Field arithmetic is BouncyCastle's {@link X25519Field}; the point formulas are those of Hisil, Wong,
 * Carter and Dawson (2008) for twisted Edwards curves with a = -1, in extended coordinates.
 */
public final class BatchEd25519 {
    private static final BigInteger L = BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));
    private static final int[] D = fieldOf(new BigInteger("37095705934669439343138083508754565189542113879843219016388785533085940283555"));
    private static final int[] D2 = fieldOf(new BigInteger("16295367250680780974490674513165176452449235426866156013048779062215315747161"));
    private static final int[] BASE_Y = fieldOf(new BigInteger("46316835694926478169428394003475163141307993866256225615783033603165251855960"));
    private static final Cached[] BASE_TABLE;
    private static final SecureRandom RANDOM = new SecureRandom();

    static {
        byte[] encoded = new byte[32];
        X25519Field.encode(BASE_Y, encoded, 0); // x of B is even: the sign bit is 0
        BASE_TABLE = table(decode(encoded), 8);
    }

    private BatchEd25519() {
    }

    /** A point in extended coordinates: x = X/Z, y = Y/Z, xy = T/Z. */
    private static final class Point {
        final int[] x = X25519Field.create(), y = X25519Field.create(), z = X25519Field.create(), t = X25519Field.create();

        static Point identity() {
            Point p = new Point();
            X25519Field.one(p.y);
            X25519Field.one(p.z);
            return p;
        }
    }

    /** A point ready to be added: (Y+X, Y-X, 2dT, 2Z). */
    private static final class Cached {
        final int[] yPlusX = X25519Field.create(), yMinusX = X25519Field.create(), t2d = X25519Field.create(), z2 = X25519Field.create();
    }

    /**
     * Checks each signature; {@code valid[i]} says whether signature i holds for key i over message i.
     * Malformed inputs (wrong lengths, points that do not decode, s not below L) are simply not valid.
     */
    public static boolean[] verify(byte[][] keys, byte[][] messages, byte[][] signatures) {
        return verify(keys, messages, signatures, new boolean[1]);
    }

    /** As {@link #verify}; {@code together[0]} says whether the batch held as a whole (no one-by-one checks). */
    static boolean[] verify(byte[][] keys, byte[][] messages, byte[][] signatures, boolean[] together) {
        int n = keys.length;
        boolean[] valid = new boolean[n];
        Point[] as = new Point[n];
        Point[] rs = new Point[n];
        BigInteger[] ks = new BigInteger[n];
        BigInteger[] ss = new BigInteger[n];
        int usable = 0;
        MessageDigest sha512 = sha512();
        for (int i = 0; i < n; i++) {
            byte[] sig = signatures[i];
            if (keys[i] == null || sig == null || keys[i].length != 32 || sig.length != 64) continue;
            BigInteger s = littleEndian(sig, 32, 32);
            if (s.compareTo(L) >= 0) continue;
            Point a = decode(keys[i]);
            Point r = decode(Arrays.copyOfRange(sig, 0, 32));
            if (a == null || r == null) continue;
            sha512.update(sig, 0, 32);
            sha512.update(keys[i]);
            sha512.update(messages[i]);
            ks[i] = littleEndian(sha512.digest(), 0, 64).mod(L);
            ss[i] = s;
            as[i] = a;
            rs[i] = r;
            usable++;
        }
        together[0] = usable > 0 && batchHolds(as, rs, ks, ss, usable);
        if (together[0]) {
            for (int i = 0; i < n; i++) valid[i] = as[i] != null;
            return valid;
        }
        // some signature does not hold (or none could be read): each alone says which
        for (int i = 0; i < n; i++) valid[i] = as[i] != null && Ed25519Keys.verify(keys[i], messages[i], signatures[i]);
        return valid;
    }

    private static boolean batchHolds(Point[] as, Point[] rs, BigInteger[] ks, BigInteger[] ss, int usable) {
        Cached[][] tables = new Cached[2 * usable + 1][];
        byte[][] slides = new byte[2 * usable + 1][];
        BigInteger baseScalar = BigInteger.ZERO;
        byte[] weight = new byte[16];
        int j = 0;
        for (int i = 0; i < as.length; i++) {
            if (as[i] == null) continue;
            RANDOM.nextBytes(weight);
            weight[0] |= 1; // odd: no small-order component of R is cancelled by the weight
            BigInteger z = littleEndian(weight, 0, 16);
            baseScalar = baseScalar.add(z.multiply(ss[i]));
            // Σ [z]R + Σ [z k]A - [Σ z s]B must be the identity
            // R's weight has 128 bits: a smaller table (odd multiples to 7) costs less than it saves
            tables[j] = table(rs[i], 4);
            slides[j++] = slide(z, 7);
            tables[j] = table(as[i], 8);
            slides[j++] = slide(z.multiply(ks[i]).mod(L), 15);
        }
        tables[j] = BASE_TABLE;
        slides[j] = slide(L.subtract(baseScalar.mod(L)).mod(L), 15);

        int top = 255;
        while (top >= 0 && allZero(slides, top)) top--;
        Point q = Point.identity();
        int[][] tmp = temporaries();
        for (int bit = top; bit >= 0; bit--) {
            doubleInto(q, tmp);
            for (int p = 0; p < slides.length; p++) {
                int d = slides[p][bit];
                if (d > 0) add(q, tables[p][d >> 1], false, tmp);
                else if (d < 0) add(q, tables[p][(-d) >> 1], true, tmp);
            }
        }
        // the identity: X = 0 and Y = Z
        X25519Field.normalize(q.x);
        X25519Field.normalize(q.y);
        X25519Field.normalize(q.z);
        return X25519Field.isZeroVar(q.x) && X25519Field.areEqualVar(q.y, q.z);
    }

    private static boolean allZero(byte[][] slides, int bit) {
        for (byte[] s : slides) if (s[bit] != 0) return false;
        return true;
    }

    // ---- point arithmetic ------------------------------------------------------------------------

    private static int[][] temporaries() {
        int[][] t = new int[8][];
        for (int i = 0; i < t.length; i++) t[i] = X25519Field.create();
        return t;
    }

    /** p = 2p. */
    private static void doubleInto(Point p, int[][] tmp) {
        int[] a = tmp[0], b = tmp[1], c = tmp[2], e = tmp[3], f = tmp[4], g = tmp[5], h = tmp[6];
        X25519Field.sqr(p.x, a);
        X25519Field.sqr(p.y, b);
        X25519Field.sqr(p.z, c);
        X25519Field.add(c, c, c);
        X25519Field.add(p.x, p.y, e);
        X25519Field.sqr(e, e);
        X25519Field.apm(b, a, g, h); // g = B + A, h = B - A
        X25519Field.sub(e, g, e);    // E = (X+Y)^2 - A - B
        X25519Field.carry(e);
        X25519Field.sub(h, c, f);    // F = (B - A) - 2Z^2   (G - C with G = B - A for a = -1)
        X25519Field.carry(f);
        // G = B - A = h, H = -(A + B) = -g
        X25519Field.negate(g, g);
        X25519Field.mul(e, f, p.x);
        X25519Field.mul(h, g, p.y);
        X25519Field.mul(e, g, p.t);
        X25519Field.mul(f, h, p.z);
    }

    /** p = p + q (or p - q). */
    private static void add(Point p, Cached q, boolean subtract, int[][] tmp) {
        int[] a = tmp[0], b = tmp[1], c = tmp[2], d = tmp[3], e = tmp[4], f = tmp[5], g = tmp[6], h = tmp[7];
        X25519Field.apm(p.y, p.x, b, a); // b = Y + X, a = Y - X
        if (subtract) {
            // -q = (-x, y): Y+X and Y-X swap, T negates
            X25519Field.mul(a, q.yPlusX, a);
            X25519Field.mul(b, q.yMinusX, b);
            X25519Field.mul(p.t, q.t2d, c);
            X25519Field.negate(c, c);
        } else {
            X25519Field.mul(a, q.yMinusX, a);
            X25519Field.mul(b, q.yPlusX, b);
            X25519Field.mul(p.t, q.t2d, c);
        }
        X25519Field.mul(p.z, q.z2, d);
        X25519Field.apm(b, a, h, e); // h = B + A, e = B - A
        X25519Field.apm(d, c, g, f); // g = D + C, f = D - C
        X25519Field.mul(e, f, p.x);
        X25519Field.mul(g, h, p.y);
        X25519Field.mul(e, h, p.t);
        X25519Field.mul(f, g, p.z);
    }

    /** P, 3P, 5P, ... ({@code size} odd multiples), ready to be added. */
    private static Cached[] table(Point p, int size) {
        int[][] tmp = temporaries();
        Cached[] t = new Cached[size];
        Point twice = copy(p);
        doubleInto(twice, tmp);
        Cached two = cache(twice);
        Point acc = copy(p);
        t[0] = cache(acc);
        for (int i = 1; i < size; i++) {
            add(acc, two, false, tmp);
            t[i] = cache(acc);
        }
        return t;
    }

    private static Point copy(Point p) {
        Point c = new Point();
        X25519Field.copy(p.x, 0, c.x, 0);
        X25519Field.copy(p.y, 0, c.y, 0);
        X25519Field.copy(p.z, 0, c.z, 0);
        X25519Field.copy(p.t, 0, c.t, 0);
        return c;
    }

    private static Cached cache(Point p) {
        Cached c = new Cached();
        X25519Field.apm(p.y, p.x, c.yPlusX, c.yMinusX);
        X25519Field.carry(c.yPlusX);
        X25519Field.carry(c.yMinusX);
        X25519Field.mul(p.t, D2, c.t2d);
        X25519Field.add(p.z, p.z, c.z2);
        X25519Field.carry(c.z2);
        return c;
    }

    /** RFC 8032, 5.1.3; null when the bytes are not a point (or not canonically written). */
    private static Point decode(byte[] encoded) {
        if (!canonical(encoded)) return null;
        Point p = new Point();
        byte[] y = encoded.clone();
        y[31] &= 0x7f; // the top bit is x's sign, not part of y
        X25519Field.decode(y, 0, p.y);
        int[] u = X25519Field.create(), v = X25519Field.create();
        X25519Field.sqr(p.y, u);
        X25519Field.mul(D, u, v);
        X25519Field.subOne(u);          // u = y^2 - 1
        X25519Field.addOne(v);          // v = d y^2 + 1
        if (!X25519Field.sqrtRatioVar(u, v, p.x)) return null;
        X25519Field.normalize(p.x);
        boolean sign = (encoded[31] & 0x80) != 0;
        if (X25519Field.isZeroVar(p.x) && sign) return null;
        byte[] xBytes = new byte[32];
        X25519Field.encode(p.x, xBytes, 0);
        if (((xBytes[0] & 1) != 0) != sign) X25519Field.negate(p.x, p.x);
        X25519Field.one(p.z);
        X25519Field.mul(p.x, p.y, p.t);
        return p;
    }

    /** The y of an encoding is below p = 2^255 - 19. */
    private static boolean canonical(byte[] e) {
        if ((e[31] & 0x7f) != 0x7f) return true;
        for (int i = 30; i >= 1; i--) if ((e[i] & 0xff) != 0xff) return true;
        return (e[0] & 0xff) < 0xed;
    }

    /**
     * The scalar in signed odd digits of at most {@code max} (15 or 7; ref10's "slide"): 256 digits, least
     * significant first.
     */
    private static byte[] slide(BigInteger scalar, int max) {
        byte[] r = new byte[256];
        byte[] big = scalar.toByteArray(); // big-endian, non-negative
        for (int i = 0; i < 256; i++) {
            int at = big.length - 1 - (i >> 3);
            r[i] = (byte) (at >= 0 ? (big[at] >> (i & 7)) & 1 : 0);
        }
        int reach = max == 15 ? 6 : 4;
        for (int i = 0; i < 256; i++) {
            if (r[i] == 0) continue;
            for (int b = 1; b <= reach && i + b < 256; b++) {
                if (r[i + b] == 0) continue;
                if (r[i] + (r[i + b] << b) <= max) {
                    r[i] += (byte) (r[i + b] << b);
                    r[i + b] = 0;
                } else if (r[i] - (r[i + b] << b) >= -max) {
                    r[i] -= (byte) (r[i + b] << b);
                    for (int k = i + b; k < 256; k++) {
                        if (r[k] == 0) {
                            r[k] = 1;
                            break;
                        }
                        r[k] = 0;
                    }
                } else {
                    break;
                }
            }
        }
        return r;
    }

    private static BigInteger littleEndian(byte[] bytes, int offset, int length) {
        byte[] big = new byte[length + 1];
        for (int i = 0; i < length; i++) big[length - i] = bytes[offset + i];
        return new BigInteger(big);
    }

    private static int[] fieldOf(BigInteger n) {
        byte[] le = new byte[32];
        byte[] big = n.toByteArray();
        for (int i = 0; i < Math.min(32, big.length); i++) le[i] = big[big.length - 1 - i];
        int[] f = X25519Field.create();
        X25519Field.decode(le, 0, f);
        return f;
    }

    private static MessageDigest sha512() {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java platform has SHA-512", impossible);
        }
    }
}
