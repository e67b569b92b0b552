package org.folkmoot.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DsseTest {

    @Test
    void paeMatchesTheKnownAnswerOfTheSpecification() {
        byte[] pae = Dsse.pae("http://example.com/HelloWorld", "hello world".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(pae, StandardCharsets.UTF_8)).isEqualTo("DSSEv1 29 http://example.com/HelloWorld 11 hello world");
    }

    @Test
    void paeCountsBytesNotCharacters() {
        byte[] pae = Dsse.pae("t", "é€".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(pae, StandardCharsets.UTF_8)).isEqualTo("DSSEv1 1 t 5 é€");
    }

    @Test
    void ed25519MatchesRfc8032TestVectorOne() {
        // RFC 8032, section 7.1, TEST 1: the empty message
        byte[] seed = hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
        assertThat(Ed25519Keys.publicKey(seed)).isEqualTo(hex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"));
        byte[] sig = Ed25519Keys.sign(seed, new byte[0]);
        assertThat(sig).isEqualTo(hex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"));
        assertThat(Ed25519Keys.verify(Ed25519Keys.publicKey(seed), new byte[0], sig)).isTrue();
        sig[0] ^= 1;
        assertThat(Ed25519Keys.verify(Ed25519Keys.publicKey(seed), new byte[0], sig)).isFalse();
    }

    @Test
    void keyIdsAndFingerprintsAreAsTheFormatSays() {
        byte[] key = hex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        assertThat(Ed25519Keys.keyId(key)).matches("ed25519:[0-9a-f]{16}")
                .isEqualTo("ed25519:" + org.folkmoot.record.Chain.sha256(key).substring(0, 16));
        assertThat(Ed25519Keys.fingerprint("hello".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("2cf2 4dba 5fb0 a30e 26e8");
    }

    @Test
    void base64IsReadInEitherAlphabetButOnlyInItsCanonicalSpelling() {
        byte[] bytes = {(byte) 0xfb, (byte) 0xff, 0x01};
        assertThat(Ed25519Keys.decodeBase64("+/8B")).isEqualTo(bytes);
        assertThat(Ed25519Keys.decodeBase64("-_8B")).isEqualTo(bytes);
        assertThat(Ed25519Keys.decodeBase64("AQ==")).isEqualTo(new byte[] {1});
        assertThat(Ed25519Keys.decodeBase64("AQ")).isEqualTo(new byte[] {1});
        assertThat(Ed25519Keys.decodeBase64("AR==")).as("unused bits set").isNull();
        assertThat(Ed25519Keys.decodeBase64("A?==")).isNull();
    }

    static byte[] hex(String s) {
        return java.util.HexFormat.of().parseHex(s);
    }
}
