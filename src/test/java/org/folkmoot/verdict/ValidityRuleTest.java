package org.folkmoot.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.Test;

/**
 * One Ed25519 validity rule on every path (docs/decisions/0004): each edge case gets the same answer checked
 * alone, as a stream, inside a signed file, and inside batches of many sizes among random honest neighbours,
 * many times over — and that answer is the rule's.
 */
class ValidityRuleTest {
    private static final byte[] MESSAGE = "a verdict's PAE, or any message".getBytes(StandardCharsets.UTF_8);

    /** The answer combine's path gives: the key as the rule takes keys, the signature in a batch of {@code size} among honest others'. */
    static boolean batchPath(byte[] key, byte[] message, byte[] signature, Random random, int size) {
        byte[][] keys = new byte[size][], messages = new byte[size][], signatures = new byte[size][];
        int at = random.nextInt(size);
        for (int i = 0; i < size; i++) {
            if (i == at) {
                keys[i] = key;
                messages[i] = message;
                signatures[i] = signature;
            } else {
                byte[] seed = new byte[32];
                random.nextBytes(seed);
                messages[i] = new byte[random.nextInt(200)];
                random.nextBytes(messages[i]);
                keys[i] = Ed25519Keys.publicKey(seed);
                signatures[i] = Ed25519Keys.sign(seed, messages[i]);
            }
        }
        boolean[] valid = BatchEd25519.verify(keys, messages, signatures);
        for (int i = 0; i < size; i++) {
            if (i != at) assertThat(valid[i]).as("an honest neighbour at %d of %d", i, size).isTrue();
        }
        return Ed25519Keys.isValidPublicKey(key) && valid[at];
    }

    @Test
    void everyEdgeCaseGetsTheRulesAnswerOnEveryPathEveryTime() throws Exception {
        Random random = new Random(11);
        List<EdgeCases.Case> cases = EdgeCases.all(random, MESSAGE);
        assertThat(cases).hasSizeGreaterThan(50);
        for (EdgeCases.Case c : cases) {
            assertThat(Ed25519Keys.verify(c.key(), c.message(), c.signature())).as("alone: %s", c).isEqualTo(c.holds());
            assertThat(StreamingEd25519.verify(c.key(), d -> d.update(c.message()), c.signature()))
                    .as("as a stream: %s", c).isEqualTo(c.holds());
            for (int size : new int[] {1, 2, 3, 5, 8, 17, 64, 130}) {
                for (int repeat = 0; repeat < 3; repeat++) {
                    assertThat(batchPath(c.key(), c.message(), c.signature(), random, size))
                            .as("in a batch of %d (%d): %s", size, repeat, c).isEqualTo(c.holds());
                }
            }
        }
    }

    @Test
    void aBatchOfManyEdgeCasesTogetherGivesEachItsOwnAnswer() {
        Random random = new Random(12);
        for (int round = 0; round < 20; round++) {
            List<EdgeCases.Case> cases = EdgeCases.all(random, ("round " + round).getBytes(StandardCharsets.UTF_8));
            java.util.Collections.shuffle(cases, random);
            int n = cases.size();
            byte[][] keys = new byte[n][], messages = new byte[n][], signatures = new byte[n][];
            for (int i = 0; i < n; i++) {
                keys[i] = cases.get(i).key();
                messages[i] = cases.get(i).message();
                signatures[i] = cases.get(i).signature();
            }
            boolean[] valid = BatchEd25519.verify(keys, messages, signatures);
            for (int i = 0; i < n; i++) {
                assertThat(Ed25519Keys.isValidPublicKey(keys[i]) && valid[i]).as("round %d: %s", round, cases.get(i))
                        .isEqualTo(cases.get(i).holds());
            }
        }
    }

    @Test
    void aSignedFileHoldsByTheSameRule() throws Exception {
        Random random = new Random(13);
        byte[] payload = "{\"format\":\"folkmoot-verdict/1\"}".getBytes(StandardCharsets.UTF_8);
        byte[] pae = Dsse.pae(Dsse.VERDICT_TYPE, payload);
        for (EdgeCases.Case c : EdgeCases.all(random, pae)) {
            byte[] file = Dsse.envelope(Dsse.VERDICT_TYPE, payload, List.of(new Dsse.Signature("", c.signature())));
            SignedFile parsed = SignedFile.parse(file);
            assertThat(parsed.signedBy(c.key())).as("signed file: %s", c).isEqualTo(c.holds());
            SignedFile.Streamed streamed = SignedFile.stream(file, "the file");
            assertThat(streamed.signedBy(c.key())).as("streamed file: %s", c).isEqualTo(c.holds());
        }
    }

    @Test
    void aKeyIsTakenOnlyWhenItIsAPointOfPrimeOrder() {
        Random random = new Random(14);
        for (int i = 0; i < 50; i++) {
            byte[] seed = new byte[32];
            random.nextBytes(seed);
            byte[] key = Ed25519Keys.publicKey(seed);
            assertThat(Ed25519Keys.isValidPublicKey(key)).isTrue();
            for (int j = 1; j < 8; j++) {
                byte[] mixed = EdgeCases.fromY(EdgeCases.fromLe(key, 0, 32).clearBit(255), (key[31] & 0x80) != 0)
                        .plus(EdgeCases.torsion(j)).encode();
                assertThat(Ed25519Keys.isValidPublicKey(mixed)).as("a key with a small-order component").isFalse();
            }
        }
        for (int j = 0; j < 8; j++) {
            assertThat(Ed25519Keys.isValidPublicKey(EdgeCases.torsion(j).encode())).as("the small-order point [%d]T8", j).isFalse();
        }
        for (byte[] spelled : EdgeCases.nonCanonical()) {
            assertThat(Ed25519Keys.isValidPublicKey(spelled)).as("non-canonical %s", EdgeCases.hexOf(spelled)).isFalse();
        }
        assertThat(Ed25519Keys.isValidPublicKey(new byte[31])).isFalse();
        assertThat(Ed25519Keys.isValidPublicKey(null)).isFalse();
    }

    @Test
    void bouncyCastlesFullKeyValidationAgreesOnEveryEdgeCase() {
        // the library's own check, as a second opinion on ours
        for (EdgeCases.Case c : EdgeCases.all(new Random(15), MESSAGE)) {
            assertThat(Ed25519.validatePublicKeyFull(c.key(), 0)).as("%s", c).isEqualTo(Ed25519Keys.isValidPublicKey(c.key()));
        }
    }

    @Test
    void signingIsRfc8032AndTheOnePassNonceIsTheDocumentedOne() throws Exception {
        Random random = new Random(16);
        for (int i = 0; i < 10; i++) {
            byte[] seed = new byte[32];
            random.nextBytes(seed);
            byte[] digest = new byte[32];
            random.nextBytes(digest);
            byte[] message = new byte[random.nextInt(1000)];
            random.nextBytes(message);
            StreamingEd25519.Signer signer = StreamingEd25519.signer(seed, digest);
            signer.message().update(message);
            byte[] sig = signer.signature();
            assertThat(Ed25519Keys.verify(Ed25519Keys.publicKey(seed), message, sig)).isTrue();
            // r = SHA-512(prefix || label || digest) mod L, so R = [r]B: computed here with the independent arithmetic
            byte[] h = java.security.MessageDigest.getInstance("SHA-512").digest(seed);
            java.security.MessageDigest n = java.security.MessageDigest.getInstance("SHA-512");
            n.update(h, 32, 32);
            n.update("folkmoot one-pass nonce".getBytes(StandardCharsets.US_ASCII));
            n.update(digest);
            java.math.BigInteger r = EdgeCases.fromLe(n.digest(), 0, 64).mod(EdgeCases.L);
            assertThat(java.util.Arrays.copyOf(sig, 32)).isEqualTo(EdgeCases.B.times(r).encode());
            // the same message and digest: the same signature; another digest: another nonce
            StreamingEd25519.Signer again = StreamingEd25519.signer(seed, digest);
            again.message().update(message);
            assertThat(again.signature()).isEqualTo(sig);
            byte[] otherDigest = digest.clone();
            otherDigest[0] ^= 1;
            StreamingEd25519.Signer other = StreamingEd25519.signer(seed, otherDigest);
            other.message().update(message);
            assertThat(java.util.Arrays.copyOf(other.signature(), 32)).isNotEqualTo(java.util.Arrays.copyOf(sig, 32));
        }
    }

    @Test
    void theConstantTimeLadderAndScalarsAgreeWithPlainArithmetic() {
        Random random = new Random(17);
        for (int i = 0; i < 30; i++) {
            java.math.BigInteger n = new java.math.BigInteger(256, random);
            byte[] le = EdgeCases.le(n);
            assertThat(BatchEd25519.multiplyBase(le)).isEqualTo(EdgeCases.B.times(n).encode());
            byte[] wide = new byte[64];
            random.nextBytes(wide);
            assertThat(Scalars.reduce(wide)).isEqualTo(EdgeCases.le(EdgeCases.fromLe(wide, 0, 64).mod(EdgeCases.L)));
            java.math.BigInteger k = new java.math.BigInteger(256, random), a = new java.math.BigInteger(256, random),
                    r = new java.math.BigInteger(256, random);
            assertThat(Scalars.multiplyAdd(EdgeCases.le(k), EdgeCases.le(a), EdgeCases.le(r)))
                    .isEqualTo(EdgeCases.le(k.multiply(a).add(r).mod(EdgeCases.L)));
        }
        assertThat(BatchEd25519.multiplyBase(new byte[32])).isEqualTo(EdgeCases.Pt.ZERO.encode());
    }
}
