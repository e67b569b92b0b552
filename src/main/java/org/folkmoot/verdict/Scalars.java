package org.folkmoot.verdict;

/**
 * Arithmetic modulo L = 2^252 + 27742317777372353535851937790883648493 (the order of Ed25519's base point)
 * for signing, in constant time: the scalars are the signing key and its nonce, and nothing here branches
 * on, or indexes memory by, their bits. Numbers are little-endian arrays of 32-bit limbs held in longs.
 * Slow (a bit at a time), and called twice per signature.
 */
final class Scalars {
    private static final long MASK = 0xffffffffL;
    /** L in eight 32-bit limbs, least significant first. */
    private static final long[] L = {
        0x5cf5d3edL, 0x5812631aL, 0xa2f79cd6L, 0x14def9deL, 0x00000000L, 0x00000000L, 0x00000000L, 0x10000000L};

    private Scalars() {
    }

    /** A 64-byte little-endian number (a SHA-512 digest) modulo L, as 32 little-endian bytes. */
    static byte[] reduce(byte[] wide) {
        if (wide.length != 64) throw new IllegalArgumentException("64 bytes");
        long[] v = new long[17];
        for (int i = 0; i < 64; i++) v[i >> 2] |= (wide[i] & 0xffL) << ((i & 3) * 8);
        return bytes(mod(v));
    }

    /** (k × a + r) mod L, each 32 little-endian bytes (k and r below L or not: the result is reduced). */
    static byte[] multiplyAdd(byte[] k, byte[] a, byte[] r) {
        long[] x = limbs(k), y = limbs(a), z = limbs(r);
        long[] v = new long[17];
        for (int i = 0; i < 8; i++) {
            long carry = 0;
            for (int j = 0; j < 8; j++) {
                long t = x[i] * y[j]; // below 2^64 as unsigned: split before adding
                long lo = (t & MASK) + v[i + j] + carry;
                v[i + j] = lo & MASK;
                carry = (t >>> 32) + (lo >>> 32);
            }
            v[i + 8] += carry;
        }
        long carry = 0;
        for (int i = 0; i < 17; i++) {
            long t = v[i] + (i < 8 ? z[i] : 0) + carry;
            v[i] = t & MASK;
            carry = t >>> 32;
        }
        return bytes(mod(v));
    }

    /**
     * v (below 2^544, 17 limbs) modulo L by long division a bit at a time: L shifted by each of 291 amounts
     * down to none is subtracted, and the difference kept only where it did not borrow — by a mask, so
     * both paths cost the same.
     */
    private static long[] mod(long[] v) {
        long[] shifted = new long[18], diff = new long[17];
        for (int shift = 544 - 253; shift >= 0; shift--) {
            java.util.Arrays.fill(shifted, 0);
            int words = shift >>> 5, bits = shift & 31;
            for (int i = 0; i < 8; i++) {
                long part = L[i] << bits; // public: the shift, not the secret, picks the limbs
                shifted[i + words] |= part & MASK;
                shifted[i + words + 1] |= part >>> 32;
            }
            if (shifted[17] != 0) continue; // L << shift does not fit: it is above v (a public fact)
            long borrow = 0;
            for (int i = 0; i < 17; i++) {
                long t = v[i] - shifted[i] - borrow;
                diff[i] = t & MASK;
                borrow = (t >>> 63) & 1;
            }
            long keep = borrow - 1; // all ones when v >= L << shift, else zero
            for (int i = 0; i < 17; i++) v[i] = (diff[i] & keep) | (v[i] & ~keep);
        }
        return v;
    }

    private static long[] limbs(byte[] b) {
        if (b.length != 32) throw new IllegalArgumentException("32 bytes");
        long[] v = new long[8];
        for (int i = 0; i < 32; i++) v[i >> 2] |= (b[i] & 0xffL) << ((i & 3) * 8);
        return v;
    }

    private static byte[] bytes(long[] v) {
        byte[] out = new byte[32];
        for (int i = 0; i < 32; i++) out[i] = (byte) (v[i >> 2] >>> ((i & 3) * 8));
        return out;
    }
}
