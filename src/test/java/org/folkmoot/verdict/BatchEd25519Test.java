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
