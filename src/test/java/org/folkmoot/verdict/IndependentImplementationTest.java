package org.folkmoot.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/signed-files.md followed to the byte: a second implementation written here from the format alone —
 * the JDK's own Ed25519 (not BouncyCastle), PAE by hand, no Jackson — verifies our verdicts, and its
 * verdicts (pretty JSON, URL-safe unpadded base64, no key id) verify with ours.
 */
class IndependentImplementationTest {
    @TempDir
    Path tmp;

    private static String field(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) throw new AssertionError("no " + key);
        return m.group(1);
    }

    private static byte[] pae(String type, byte[] body) {
        byte[] t = type.getBytes(StandardCharsets.UTF_8);
        String head = "DSSEv1 " + t.length + " " + type + " " + body.length + " ";
        byte[] h = head.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[h.length + body.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }

    /** Raw 32-byte Ed25519 public key to a JDK key: little-endian y with the sign of x in the top bit. */
    private static java.security.PublicKey jdkKey(byte[] raw) throws Exception {
        byte[] be = new byte[32];
        for (int i = 0; i < 32; i++) be[i] = raw[31 - i];
        boolean xOdd = (be[0] & 0x80) != 0;
        be[0] &= 0x7f;
        return KeyFactory.getInstance("Ed25519").generatePublic(
                new EdECPublicKeySpec(NamedParameterSpec.ED25519, new EdECPoint(xOdd, new BigInteger(1, be))));
    }

    private static byte[] raw(EdECPublicKey key) {
        byte[] be = key.getPoint().getY().toByteArray();
        byte[] le = new byte[32];
        for (int i = 0; i < be.length && i < 32; i++) le[i] = be[be.length - 1 - i];
        if (key.getPoint().isXOdd()) le[31] |= (byte) 0x80;
        return le;
    }

    @Test
    void ourVerdictsVerifyThere() throws Exception {
        Verdicts.replay("bakery.jsonl", tmp);
        String envelope = Files.readString(tmp.resolve("B-1.verdict"));
        String type = field(envelope, "payloadType");
        byte[] payload = Base64.getDecoder().decode(field(envelope, "payload"));
        byte[] sig = Base64.getDecoder().decode(field(envelope, "sig"));
        byte[] publicKey = Verdicts.dataFolderKey().publicKey();

        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initVerify(jdkKey(publicKey));
        jdk.update(pae(type, payload));
        assertThat(jdk.verify(sig)).isTrue();
        assertThat(field(envelope, "keyid")).isEqualTo("ed25519:" + HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(publicKey)).substring(0, 16));
    }

    @Test
    void theirVerdictsVerifyHere() throws Exception {
        Verdicts.replay("night-market.jsonl", tmp);
        String ours = Files.readString(tmp.resolve("N-4.verdict"));
        String payloadJson = new String(Base64.getDecoder().decode(field(ours, "payload")), StandardCharsets.UTF_8);

        KeyPair theirs = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] theirKey = raw((EdECPublicKey) theirs.getPublic());
        // their own serialisation: indented, keys as they like, the public key in their field
        String pretty = payloadJson.replace(",\"", ",\n  \"").replaceFirst("\"publicKey\":\"[^\"]*\"",
                "\"publicKey\":\"" + Base64.getEncoder().encodeToString(theirKey) + "\"");
        byte[] payload = pretty.getBytes(StandardCharsets.UTF_8);
        String type = "application/vnd.folkmoot.verdict+json;version=1";
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(theirs.getPrivate());
        signer.update(pae(type, payload));
        byte[] sig = signer.sign();
        String envelope = "{\n  \"payloadType\": \"" + type + "\",\n  \"payload\": \""
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload) + "\",\n  \"signatures\": [ { \"sig\": \""
                + Base64.getUrlEncoder().withoutPadding().encodeToString(sig) + "\" } ]\n}\n";
        Path file = tmp.resolve("theirs.verdict");
        Files.writeString(file, envelope);

        Path roster = Verdicts.roster(tmp, "harbour-9", theirKey, "");
        VerdictVerifier.Verified v = VerdictVerifier.verify(file, Roster.read(roster), VerdictVerifier.Expected.ANY);
        assertThat(v.communityId()).isEqualTo("harbour-9");
        assertThat(v.outcome()).isEqualTo("not-passed");
        assertThat(v.fingerprint()).isEqualTo(Ed25519Keys.fingerprint(payload));
    }
}
