package org.folkmoot.verdict;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.math.ec.rfc7748.X25519Field;

/**
 * The one Ed25519 signature equation of Folkmoot (docs/decisions/0004), checked one at a time or many at
 * once: a body counting a million verdicts checks a million signatures, and checked together they cost
 * well under half of what they cost one by one.
 *
 * <p>A signature (R, S) by key A over M, with k = SHA-512(R || A || M) mod L, holds when S &lt; L, R is the
 * canonical encoding of a point, and [8]([S]B - R - [k]A) is the identity: the <em>cofactored</em> equation.
 * Multiplying by the cofactor 8 removes every small-order component, so whether a signature holds never
 * depends on how it is checked: alone (weight 1), or in a batch with random odd 128-bit weights z_i, where
 * the batch holds when [8](Σ [z_i]R_i + Σ [z_i k_i]A_i - [Σ z_i S_i]B) is the identity — one
 * multi-scalar multiplication instead of n. A batch of signatures that each hold always holds; one that
 * holds although a signature in it does not has probability about 2^-128. (Checked without the cofactor, a
 * small-order component of R or A survives as [z_i]T, and whether a batch held depended on the weights:
 * the same folder could be counted two ways.) The keys are not checked here: every caller takes a key
 * only when {@link Ed25519Keys#isValidPublicKey} holds for it, that is, a point of prime order.
 *
 * <p>The multi-scalar multiplication is Pippenger's bucket method (signed digits, the window chosen for the
 * batch's size), which costs per signature less the more signatures there are: at a thousand signatures
 * (8-bit windows), about 49 additions of 7 field multiplications each into the buckets and 70
 * multiplications of summing them — some 415 in all, against some 650 for Straus's method at 128.
 * Decompressing the two points of each signature (a square root each: 250 squarings) costs about as much
 * again, and does not shrink with the batch.
 *
 * <p>When a batch does not hold, its halves are checked as batches of their own, down to a few signatures
 * that are checked alone (the same equation, {@link Ed25519Keys#holds}): one bad signature among a thousand costs a few
 * more batches, not a thousand single checks.
 *
 * <p>Field arithmetic is BouncyCastle's {@link X25519Field}; the point formulas are those of Hisil, Wong,
 * Carter and Dawson (2008) for twisted Edwards curves with a = -1, in extended coordinates (complete: they
 * hold for every pair of points, doubling and the identity included, which the constant-time ladder of
 * {@link #multiplyBase} relies on).
 *
 * <p>Longer than 500 lines because it is one proof in one file: the point types ({@code Point}, {@code Affine}), their
 * formulas, the decompression and the multi-scalar multiplication share one private representation
 * (X25519Field limbs, reused temporaries to keep the counting loop free of allocation) and one
 * security argument — the cofactored equation above must be the same alone, in a batch and in the
 * halves of a batch. Split, those internals would become package-visible to the rest of verdict/, and
 * the equation's two checks could drift apart; kept here, one file is read as one proof.
 */
public final class BatchEd25519 {
    private static final BigInteger L = BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));
    private static final int[] D = fieldOf(new BigInteger("37095705934669439343138083508754565189542113879843219016388785533085940283555"));
    private static final int[] D2 = fieldOf(new BigInteger("16295367250680780974490674513165176452449235426866156013048779062215315747161"));
    private static final int[] BASE_Y = fieldOf(new BigInteger("46316835694926478169428394003475163141307993866256225615783033603165251855960"));
    private static final Affine BASE;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Batches this small (or smaller) that do not hold are checked one by one. */
    private static final int ALONE = 4;

    static {
        byte[] encoded = new byte[32];
        X25519Field.encode(BASE_Y, encoded, 0); // x of B is even: the sign bit is 0
        BASE = decode(encoded);
    }

    private BatchEd25519() {
    }

    /** A point in extended coordinates: x = X/Z, y = Y/Z, xy = T/Z. */
    private static final class Point {
        final int[] x = X25519Field.create(), y = X25519Field.create(), z = X25519Field.create(), t = X25519Field.create();
    }

    /** A decoded point (Z = 1), and its form for adding: (y+x, y-x, 2dxy). */
    private static final class Affine {
        final int[] x = X25519Field.create(), y = X25519Field.create(), t = X25519Field.create();
        final int[] yPlusX = X25519Field.create(), yMinusX = X25519Field.create(), t2d = X25519Field.create();
    }

    /**
     * Checks each signature; {@code valid[i]} says whether signature i holds for key i over message i.
     * Malformed inputs (wrong lengths, points that do not decode, s not below L) are simply not valid.
     */
    public static boolean[] verify(byte[][] keys, byte[][] messages, byte[][] signatures) {
        return verify(keys, messages, signatures, new boolean[1]);
    }

    /** As {@link #verify}; {@code together[0]} says whether the batch held as a whole (no smaller checks). */
    static boolean[] verify(byte[][] keys, byte[][] messages, byte[][] signatures, boolean[] together) {
        int n = keys.length;
        Batch b = new Batch(keys, messages, signatures);
        MessageDigest sha512 = Ed25519Keys.sha512();
        int[] usable = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (b.take(i, null, sha512)) usable[m++] = i;
        }
        int[] all = Arrays.copyOf(usable, m);
        together[0] = m > 0 && b.holds(all, false);
        if (together[0]) {
            for (int i : all) b.valid[i] = true;
        } else if (m > 0) {
            b.settle(Arrays.copyOfRange(all, 0, m / 2));
            b.settle(Arrays.copyOfRange(all, m / 2, m));
        }
        return b.valid;
    }

    /** The signatures being checked, read once: their points, challenges and s. */
    private static final class Batch {
        final byte[][] keys, messages, signatures;
        final Affine[] a, r;
        final BigInteger[] k, s;
        final boolean[] valid;

        Batch(byte[][] keys, byte[][] messages, byte[][] signatures) {
            int n = keys.length;
            this.keys = keys;
            this.messages = messages;
            this.signatures = signatures;
            this.a = new Affine[n];
            this.r = new Affine[n];
            this.k = new BigInteger[n];
            this.s = new BigInteger[n];
            this.valid = new boolean[n];
        }

        /**
         * Reads signature i — its S (below L), its two points (canonical, on the curve) and its challenge, given
         * ({@code challenge}: SHA-512(R || A || M)) or hashed here; false, and nothing kept, for anything malformed.
         */
        boolean take(int i, byte[] challenge, MessageDigest sha512) {
            byte[] sig = signatures[i], key = keys[i];
            if (key == null || sig == null || key.length != 32 || sig.length != 64) return false;
            BigInteger sValue = littleEndian(sig, 32, 32);
            if (sValue.compareTo(L) >= 0) return false;
            Affine aPoint = decode(key);
            Affine rPoint = decode(Arrays.copyOfRange(sig, 0, 32));
            if (aPoint == null || rPoint == null) return false;
            if (challenge == null) {
                sha512.update(sig, 0, 32);
                sha512.update(key);
                sha512.update(messages[i]);
                challenge = sha512.digest();
            }
            k[i] = littleEndian(challenge, 0, 64).mod(L);
            s[i] = sValue;
            a[i] = aPoint;
            r[i] = rPoint;
            return true;
        }

        /** Says which of these hold: all of them when they hold together, else each half on its own. */
        void settle(int[] which) {
            if (which.length == 0) return;
            if (which.length <= ALONE) {
                for (int i : which) valid[i] = Ed25519Keys.holds(keys[i], messages[i], signatures[i]);
            } else if (holds(which, false)) {
                for (int i : which) valid[i] = true;
            } else {
                int half = which.length / 2;
                settle(Arrays.copyOfRange(which, 0, half));
                settle(Arrays.copyOfRange(which, half, which.length));
            }
        }

        /**
         * Whether [8](Σ [z]R + Σ [z k]A - [Σ z s]B) is the identity: with fresh random odd weights z, or with
         * every weight 1 ({@code alone}: one signature, no randomness, the equation itself).
         */
        boolean holds(int[] which, boolean alone) {
            int m = which.length;
            int c = window(m);
            int windows = (256 + c - 1) / c + 1;
            Affine[] points = new Affine[2 * m + 1];
            short[] digits = new short[points.length * windows];
            byte[] weights = new byte[16 * m];
            if (!alone) RANDOM.nextBytes(weights);
            BigInteger baseScalar = BigInteger.ZERO;
            for (int j = 0; j < m; j++) {
                int i = which[j];
                if (alone) weights[16 * j] = 1;
                else weights[16 * j] |= 1; // odd, though with the cofactor applied nothing rests on it
                BigInteger z = littleEndian(weights, 16 * j, 16);
                baseScalar = baseScalar.add(z.multiply(s[i]));
                points[2 * j] = r[i];
                digits(z, c, windows, digits, 2 * j * windows);
                points[2 * j + 1] = a[i];
                digits(z.multiply(k[i]).mod(L), c, windows, digits, (2 * j + 1) * windows);
            }
            points[2 * m] = BASE;
            digits(L.subtract(baseScalar.mod(L)).mod(L), c, windows, digits, 2 * m * windows);
            Point sum = multiScalar(points, digits, c, windows);
            if (sum == null) return true;
            int[][] tmp = temporaries();
            for (int i = 0; i < 3; i++) doubleInto(sum, tmp); // the cofactor: small-order components vanish
            return isIdentity(sum);
        }
    }

    /**
     * The equation for one signature, alone: {@code challenge} is SHA-512(R || A || M) (64 bytes), however the
     * caller fed it the message (in memory, or as a stream). False for anything malformed.
     */
    static boolean holdsAlone(byte[] key, byte[] signature, byte[] challenge) {
        if (challenge == null || challenge.length != 64) return false;
        Batch b = new Batch(new byte[][] {key}, new byte[][] {new byte[0]}, new byte[][] {signature});
        return b.take(0, challenge, null) && b.holds(new int[] {0}, true);
    }

    /**
     * [n]B for a secret scalar n (32 bytes, little-endian), encoded: a Montgomery ladder over all 256 bits
     * with conditional swaps, so that the sequence of field operations — and their time — never depends on
     * n's bits. For signing (a nonce's R); verifying uses the faster variable-time multiplication above.
     */
    static byte[] multiplyBase(byte[] n) {
        if (n.length != 32) throw new IllegalArgumentException("a scalar is 32 bytes");
        Point r0 = new Point(), r1 = new Point();
        X25519Field.one(r0.y);
        X25519Field.one(r0.z); // r0 = the identity (0, 1, 1, 0)
        set(r1, BASE, false);
        int[][] tmp = temporaries();
        int swap = 0;
        for (int i = 255; i >= 0; i--) {
            int bit = (n[i >>> 3] >>> (i & 7)) & 1;
            swap ^= bit;
            cswap(swap, r0, r1);
            swap = bit;
            add(r1, r0, tmp);    // r1 = r0 + r1
            doubleInto(r0, tmp); // r0 = 2 r0
        }
        cswap(swap, r0, r1);
        int[] zInv = X25519Field.create(), x = X25519Field.create(), y = X25519Field.create();
        X25519Field.inv(r0.z, zInv);
        X25519Field.mul(r0.x, zInv, x);
        X25519Field.mul(r0.y, zInv, y);
        X25519Field.normalize(x);
        X25519Field.normalize(y);
        byte[] out = new byte[32], xBytes = new byte[32];
        X25519Field.encode(y, out, 0);
        X25519Field.encode(x, xBytes, 0);
        out[31] |= (byte) ((xBytes[0] & 1) << 7); // x's sign, without a branch
        return out;
    }

    private static void cswap(int swap, Point p, Point q) {
        X25519Field.cswap(swap, p.x, q.x);
        X25519Field.cswap(swap, p.y, q.y);
        X25519Field.cswap(swap, p.z, q.z);
        X25519Field.cswap(swap, p.t, q.t);
    }

    /** Whether the encoded point decodes and [L]P is the identity (a point of the prime-order subgroup, or the identity). */
    static boolean inPrimeOrderSubgroup(byte[] encoded) {
        Affine p = encoded.length == 32 ? decode(encoded) : null;
        if (p == null) return false;
        Point acc = new Point();
        X25519Field.one(acc.y);
        X25519Field.one(acc.z);
        int[][] tmp = temporaries();
        for (int i = L.bitLength() - 1; i >= 0; i--) {
            doubleInto(acc, tmp);
            if (L.testBit(i)) addAffine(acc, p, false, tmp);
        }
        return isIdentity(acc);
    }

    /** The window (bits per digit) that costs least for a batch of {@code m} signatures. */
    static int window(int m) {
        int best = 4;
        long bestCost = Long.MAX_VALUE;
        for (int c = 3; c <= 12; c++) {
            long windowsA = (254 + c - 1) / c, windowsR = (130 + c - 1) / c;
            // adding a point into a bucket: 7 multiplications; summing the buckets: two 9-multiplication additions each
            long cost = 7L * m * (windowsA + windowsR) + 9L * windowsA * (1L << c);
            if (cost < bestCost) {
                bestCost = cost;
                best = c;
            }
        }
        return best;
    }

    // ---- the multi-scalar multiplication ---------------------------------------------------------------

    /**
     * Σ [scalar_p] P_p, each scalar given as signed digits in base 2^c (most significant last): for each
     * window from the top, every point is added into the bucket of its digit, and the buckets are summed
     * weighted by their index (a running sum from the top bucket down).
     */
    private static Point multiScalar(Affine[] points, short[] digits, int c, int windows) {
        int half = 1 << (c - 1);
        Point[] buckets = new Point[half + 1];
        for (int i = 1; i <= half; i++) buckets[i] = new Point();
        boolean[] filled = new boolean[half + 1];
        int[][] tmp = temporaries();
        Point acc = new Point(), running = new Point(), sum = new Point();
        boolean accSet = false;
        int top = windows - 1;
        while (top >= 0 && zeroWindow(digits, windows, top)) top--;
        for (int w = top; w >= 0; w--) {
            if (accSet) for (int i = 0; i < c; i++) doubleInto(acc, tmp);
            Arrays.fill(filled, false);
            for (int p = 0, at = w; p < points.length; p++, at += windows) {
                int d = digits[at];
                if (d == 0) continue;
                int k = Math.abs(d);
                if (filled[k]) {
                    addAffine(buckets[k], points[p], d < 0, tmp);
                } else {
                    set(buckets[k], points[p], d < 0);
                    filled[k] = true;
                }
            }
            boolean runningSet = false, sumSet = false;
            for (int k = half; k >= 1; k--) {
                if (filled[k]) {
                    if (runningSet) add(running, buckets[k], tmp);
                    else copy(buckets[k], running);
                    runningSet = true;
                }
                if (runningSet) {
                    if (sumSet) add(sum, running, tmp);
                    else copy(running, sum);
                    sumSet = true;
                }
            }
            if (sumSet) {
                if (accSet) add(acc, sum, tmp);
                else copy(sum, acc);
                accSet = true;
            }
        }
        return accSet ? acc : null;
    }

    private static boolean zeroWindow(short[] digits, int windows, int w) {
        for (int at = w; at < digits.length; at += windows) if (digits[at] != 0) return false;
        return true;
    }

    /** X = 0 and Y = Z (null stands for the identity too: nothing was added). */
    private static boolean isIdentity(Point q) {
        if (q == null) return true;
        X25519Field.normalize(q.x);
        X25519Field.normalize(q.y);
        X25519Field.normalize(q.z);
        return X25519Field.isZeroVar(q.x) && X25519Field.areEqualVar(q.y, q.z);
    }

    /**
     * Scalar {@code v} (below 2^256) as signed digits in base 2^c, each in (-2^(c-1), 2^(c-1)], least
     * significant first, into {@code out} from {@code offset}.
     */
    static void digits(BigInteger v, int c, int windows, short[] out, int offset) {
        byte[] big = v.toByteArray(); // big-endian, non-negative
        long[] limbs = new long[5];
        for (int i = 0; i < big.length && i < 33; i++) limbs[i >> 3] |= (big[big.length - 1 - i] & 0xffL) << ((i & 7) * 8);
        int mask = (1 << c) - 1, half = 1 << (c - 1), carry = 0;
        for (int w = 0; w < windows; w++) {
            int bit = w * c;
            int d = carry;
            if (bit < 320) {
                long word = limbs[bit >> 6] >>> (bit & 63);
                if ((bit & 63) + c > 64 && (bit >> 6) + 1 < limbs.length) word |= limbs[(bit >> 6) + 1] << (64 - (bit & 63));
                d += (int) (word & mask);
            }
            if (d > half) {
                d -= 1 << c;
                carry = 1;
            } else {
                carry = 0;
            }
            out[offset + w] = (short) d;
        }
    }

    // ---- point arithmetic ------------------------------------------------------------------------

    private static int[][] temporaries() {
        int[][] t = new int[10][];
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

    /** p = p + q (or p - q) for a decoded q (Z = 1): seven multiplications. */
    private static void addAffine(Point p, Affine q, boolean subtract, int[][] tmp) {
        int[] a = tmp[0], b = tmp[1], c = tmp[2], d = tmp[3];
        X25519Field.apm(p.y, p.x, b, a); // b = Y + X, a = Y - X
        if (subtract) {
            // -q = (-x, y): y+x and y-x swap, 2dxy negates
            X25519Field.mul(a, q.yPlusX, a);
            X25519Field.mul(b, q.yMinusX, b);
            X25519Field.mul(p.t, q.t2d, c);
            X25519Field.negate(c, c);
        } else {
            X25519Field.mul(a, q.yMinusX, a);
            X25519Field.mul(b, q.yPlusX, b);
            X25519Field.mul(p.t, q.t2d, c);
        }
        X25519Field.add(p.z, p.z, d);   // D = 2 Z1 Z2 with Z2 = 1
        X25519Field.carry(d);
        finish(p, a, b, c, d, tmp);
    }

    /** p = p + q for two points in extended coordinates: nine multiplications. */
    private static void add(Point p, Point q, int[][] tmp) {
        int[] a = tmp[0], b = tmp[1], c = tmp[2], d = tmp[3], qa = tmp[8], qb = tmp[9];
        X25519Field.apm(p.y, p.x, b, a);
        X25519Field.apm(q.y, q.x, qb, qa);
        X25519Field.mul(a, qa, a);
        X25519Field.mul(b, qb, b);
        X25519Field.mul(q.t, D2, c);
        X25519Field.mul(p.t, c, c);
        X25519Field.mul(p.z, q.z, d);
        X25519Field.add(d, d, d);
        X25519Field.carry(d);
        finish(p, a, b, c, d, tmp);
    }

    /** The common end of an addition, from A = (Y1-X1)(Y2-X2), B = (Y1+X1)(Y2+X2), C = 2d T1 T2, D = 2 Z1 Z2. */
    private static void finish(Point p, int[] a, int[] b, int[] c, int[] d, int[][] tmp) {
        int[] e = tmp[4], f = tmp[5], g = tmp[6], h = tmp[7];
        X25519Field.apm(b, a, h, e); // h = B + A, e = B - A
        X25519Field.apm(d, c, g, f); // g = D + C, f = D - C
        X25519Field.mul(e, f, p.x);
        X25519Field.mul(g, h, p.y);
        X25519Field.mul(e, h, p.t);
        X25519Field.mul(f, g, p.z);
    }

    /** p = q (or -q), from a decoded point. */
    private static void set(Point p, Affine q, boolean negate) {
        if (negate) {
            X25519Field.negate(q.x, p.x);
            X25519Field.negate(q.t, p.t);
        } else {
            X25519Field.copy(q.x, 0, p.x, 0);
            X25519Field.copy(q.t, 0, p.t, 0);
        }
        X25519Field.copy(q.y, 0, p.y, 0);
        X25519Field.one(p.z);
    }

    private static void copy(Point from, Point to) {
        X25519Field.copy(from.x, 0, to.x, 0);
        X25519Field.copy(from.y, 0, to.y, 0);
        X25519Field.copy(from.z, 0, to.z, 0);
        X25519Field.copy(from.t, 0, to.t, 0);
    }

    /** RFC 8032, 5.1.3; null when the bytes are not a point (or not canonically written). */
    private static Affine decode(byte[] encoded) {
        if (!canonical(encoded)) return null;
        Affine p = new Affine();
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
        X25519Field.mul(p.x, p.y, p.t);
        X25519Field.apm(p.y, p.x, p.yPlusX, p.yMinusX);
        X25519Field.carry(p.yPlusX);
        X25519Field.carry(p.yMinusX);
        X25519Field.mul(p.t, D2, p.t2d);
        return p;
    }

    /** The y of an encoding is below p = 2^255 - 19. */
    private static boolean canonical(byte[] e) {
        if ((e[31] & 0x7f) != 0x7f) return true;
        for (int i = 30; i >= 1; i--) if ((e[i] & 0xff) != 0xff) return true;
        return (e[0] & 0xff) < 0xed;
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
}
