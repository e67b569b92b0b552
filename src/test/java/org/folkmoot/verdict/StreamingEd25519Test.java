package org.folkmoot.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The streaming Ed25519 a result is signed with makes and checks the very signatures BouncyCastle does. */
class StreamingEd25519Test {

    @Test
    void itsSignaturesAreBouncyCastlesAndEachHoldsOnlyForItsMessage() throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < 20; i++) {
            byte[] seed = new byte[32];
            random.nextBytes(seed);
            byte[] message = new byte[random.nextInt(5000)];
            random.nextBytes(message);
            byte[] ours = StreamingEd25519.sign(seed, d -> d.update(message));
            assertThat(ours).isEqualTo(Ed25519Keys.sign(seed, message));
            byte[] publicKey = Ed25519Keys.publicKey(seed);
            assertThat(StreamingEd25519.verify(publicKey, d -> d.update(message), ours)).isTrue();
            byte[] flipped = ours.clone();
            flipped[random.nextInt(64)] ^= (byte) (1 << random.nextInt(8));
            assertThat(StreamingEd25519.verify(publicKey, d -> d.update(message), flipped)).isFalse();
            if (message.length > 0) {
                byte[] other = message.clone();
                other[random.nextInt(other.length)] ^= 1;
                assertThat(StreamingEd25519.verify(publicKey, d -> d.update(other), ours)).isFalse();
            }
        }
    }

    @Test
    void theRfc8032TestVectorOne() throws Exception {
        byte[] seed = DsseTest.hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
        byte[] expected = DsseTest.hex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
        assertThat(StreamingEd25519.sign(seed, d -> { })).isEqualTo(expected);
    }
}
