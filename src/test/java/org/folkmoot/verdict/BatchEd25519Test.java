package org.folkmoot.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Checked together or one by one, each signature gets the same answer. */
class BatchEd25519Test {

    private static byte[][][] batch(Random random, int n) {
        byte[][] keys = new byte[n][], messages = new byte[n][], signatures = new byte[n][];
        for (int i = 0; i < n; i++) {
            byte[] seed = new byte[32];
            random.nextBytes(seed);
            messages[i] = new byte[random.nextInt(3000)];
            random.nextBytes(messages[i]);
            keys[i] = Ed25519Keys.publicKey(seed);
            signatures[i] = Ed25519Keys.sign(seed, messages[i]);
        }
        return new byte[][][] {keys, messages, signatures};
    }

    @Test
    void aBatchOfGoodSignaturesHolds() {
        Random random = new Random(1);
        for (int n : new int[] {1, 2, 3, 17, 64}) {
            byte[][][] b = batch(random, n);
            boolean[] together = new boolean[1];
            boolean[] valid = BatchEd25519.verify(b[0], b[1], b[2], together);
            for (int i = 0; i < n; i++) assertThat(valid[i]).as("%d of %d", i, n).isTrue();
            assertThat(together[0]).as("the batch equation itself holds for %d good signatures", n).isTrue();
        }
    }

    @Test
    void aDamagedSignatureKeyOrMessageIsFoundAndOnlyItFails() {
        Random random = new Random(2);
        for (int trial = 0; trial < 60; trial++) {
            int n = 1 + random.nextInt(40);
            byte[][][] b = batch(random, n);
            int bad = random.nextInt(n);
            int what = trial % 4;
            switch (what) {
                case 0 -> b[2][bad][random.nextInt(64)] ^= (byte) (1 << random.nextInt(8)); // the signature
                case 1 -> b[0][bad][random.nextInt(32)] ^= (byte) (1 << random.nextInt(8)); // the key
                case 2 -> {
                    if (b[1][bad].length == 0) b[1][bad] = new byte[] {1};
                    else b[1][bad][random.nextInt(b[1][bad].length)] ^= 1;                  // the message
                }
                default -> b[2][bad] = b[2][(bad + 1) % n];                                  // another's signature
            }
            boolean[] valid = BatchEd25519.verify(b[0], b[1], b[2]);
            for (int i = 0; i < n; i++) {
                assertThat(valid[i]).as("trial %d (%d), signature %d of %d", trial, what, i, n)
                        .isEqualTo(Ed25519Keys.verify(b[0][i], b[1][i], b[2][i]));
            }
            if (n > 1 || what != 3) assertThat(valid[bad]).isFalse();
        }
    }

    @Test
    void aFewBadSignaturesAmongAThousandAreFoundByHalvingAndOnlyTheyFail() {
        Random random = new Random(4);
        int n = 1100;
        byte[][][] b = batch(random, n);
        java.util.Set<Integer> bad = new java.util.TreeSet<>(java.util.List.of(0, 17, 549, 550, n - 1));
        for (int i : bad) b[2][i][random.nextInt(32)] ^= 1; // R damaged: still a point, or not
        boolean[] together = new boolean[1];
        boolean[] valid = BatchEd25519.verify(b[0], b[1], b[2], together);
        assertThat(together[0]).isFalse();
        for (int i = 0; i < n; i++) assertThat(valid[i]).as("signature %d", i).isEqualTo(!bad.contains(i));
    }

    @Test
    void theWindowGrowsWithTheBatch() {
        assertThat(BatchEd25519.window(1)).isLessThanOrEqualTo(BatchEd25519.window(128));
        assertThat(BatchEd25519.window(128)).isLessThan(BatchEd25519.window(1024));
        assertThat(BatchEd25519.window(1024)).isBetween(7, 9);
    }

    @Test
    void signedDigitsAddUpToTheScalar() {
        Random random = new Random(5);
        for (int c = 3; c <= 12; c++) {
            int windows = (256 + c - 1) / c + 1;
            for (int trial = 0; trial < 200; trial++) {
                java.math.BigInteger v = new java.math.BigInteger(253, random);
                if (trial == 0) v = java.math.BigInteger.TWO.pow(253).subtract(java.math.BigInteger.ONE);
                short[] d = new short[windows];
                BatchEd25519.digits(v, c, windows, d, 0);
                java.math.BigInteger sum = java.math.BigInteger.ZERO;
                for (int w = windows - 1; w >= 0; w--) {
                    assertThat((int) d[w]).isBetween(-(1 << (c - 1)) + 1, 1 << (c - 1));
                    sum = sum.shiftLeft(c).add(java.math.BigInteger.valueOf(d[w]));
                }
                assertThat(sum).as("c=%d", c).isEqualTo(v);
            }
        }
    }

    @Test
    void malformedInputsAreNotValidAndDoNotSpoilTheRest() {
        byte[][][] b = batch(new Random(3), 5);
        b[0][1] = new byte[31];
        b[2][2] = new byte[63];
        byte[] highS = b[2][3].clone();
        highS[63] = (byte) 0xff; // s far above L
        b[2][3] = highS;
        byte[] notAPoint = new byte[32];
        java.util.Arrays.fill(notAPoint, (byte) 0xff); // y above p
        b[0][4] = notAPoint;
        boolean[] together = new boolean[1];
        boolean[] valid = BatchEd25519.verify(b[0], b[1], b[2], together);
        assertThat(valid).containsExactly(true, false, false, false, false);
        assertThat(together[0]).as("what cannot be read is left out of the batch, which still holds").isTrue();
    }
}
