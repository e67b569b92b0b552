package org.folkmoot.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.folkmoot.record.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Every refusal of VERDICT-FORMAT.md's last section, each with its reason. */
class VerdictVerifierTest {
    @TempDir
    Path tmp;

    Path verdict;
    byte[] bytes;
    CommunityKey key;

    @BeforeEach
    void replayAnExample() throws Exception {
        Verdicts.replay("bakery.jsonl", tmp.resolve("out"));
        verdict = tmp.resolve("out/B-1.verdict");
        bytes = Files.readAllBytes(verdict);
        key = Verdicts.dataFolderKey();
    }

    private String refusal(byte[] file) {
        try {
            VerdictVerifier.verify(SignedFile.parse(file), null, VerdictVerifier.Expected.ANY);
            return null;
        } catch (SignedFile.Refused e) {
            return e.getMessage();
        }
    }

    private byte[] signed(String payloadType, byte[] payload, byte[] sig) {
        return Dsse.envelope(payloadType, payload, List.of(new Dsse.Signature(key.keyId(), sig)));
    }

    private byte[] payload() throws SignedFile.Refused {
        return SignedFile.parse(bytes).payload();
    }

    @Test
    void aFreshVerdictVerifiesWithAndWithoutTheRoster() throws Exception {
        VerdictVerifier.Verified v = VerdictVerifier.verify(verdict, null, VerdictVerifier.Expected.ANY);
        assertThat(v.communityId()).isEqualTo("millbrook-2");
        assertThat(v.outcome()).isEqualTo("passed");
        assertThat(v.route()).isEqualTo("supermajority");
        assertThat(v.fingerprint()).matches("[0-9a-f]{4}( [0-9a-f]{4}){4}");
        Path roster = Verdicts.roster(tmp, "millbrook-2", key.publicKey(), "");
        assertThat(VerdictVerifier.verify(verdict, Roster.read(roster), VerdictVerifier.Expected.ANY).rosterChecked()).isTrue();
    }

    @Test
    void everySingleByteChangedIsRefused() {
        for (int i = 0; i < bytes.length; i++) {
            for (int mask : new int[] {0x01, 0x80}) {
                byte[] changed = bytes.clone();
                changed[i] ^= (byte) mask;
                assertThat(refusal(changed)).as("byte %d ^ 0x%02x", i, mask).isNotNull();
            }
        }
    }

    @Test
    void signaturesOfSixtyThreeAndSixtyFiveBytesAreRefused() throws Exception {
        byte[] sig = key.sign(Dsse.pae(Dsse.VERDICT_TYPE, payload()));
        assertThat(refusal(signed(Dsse.VERDICT_TYPE, payload(), java.util.Arrays.copyOf(sig, 63))))
                .isEqualTo("a signature is 63 bytes, not 64");
        assertThat(refusal(signed(Dsse.VERDICT_TYPE, payload(), java.util.Arrays.copyOf(sig, 65))))
                .isEqualTo("a signature is 65 bytes, not 64");
        assertThat(refusal(signed(Dsse.VERDICT_TYPE, payload(), sig))).isNull();
    }

    @Test
    void aWrongOrUnknownPayloadTypeIsRefused() throws Exception {
        byte[] p = payload();
        assertThat(refusal(signed("application/vnd.folkmoot.verdict+json;version=2", p, key.sign(Dsse.pae("x", p)))))
                .isEqualTo("unknown payload type \"application/vnd.folkmoot.verdict+json;version=2\"");
        assertThat(refusal(signed("Application/vnd.folkmoot.verdict+json;version=1", p, key.sign(Dsse.pae("x", p)))))
                .startsWith("unknown payload type");
        assertThat(refusal(signed(Dsse.TALLY_TYPE, p, key.sign(Dsse.pae(Dsse.TALLY_TYPE, p)))))
                .startsWith("not a Community Verdict");
    }

    @Test
    void theKeyOfAnotherCommunityDoesNotHold() throws Exception {
        CommunityKey other = CommunityKey.fromSeed(Verdicts.SEED);
        Path roster = Verdicts.roster(tmp, "millbrook-2", other.publicKey(), "");
        assertThatThrownBy(() -> VerdictVerifier.verify(verdict, Roster.read(roster), VerdictVerifier.Expected.ANY))
                .hasMessage("the signature does not hold for millbrook-2's key in the roster");
        // signed by another key, the verdict claiming to be millbrook-2's
        byte[] forged = Dsse.sign(Dsse.VERDICT_TYPE, payload(), other);
        Path mine = Verdicts.roster(tmp, "millbrook-2", key.publicKey(), "");
        assertThatThrownBy(() -> VerdictVerifier.verify(SignedFile.parse(forged), Roster.read(mine), VerdictVerifier.Expected.ANY))
                .hasMessage("the signature does not hold for millbrook-2's key in the roster");
        Path elsewhere = Verdicts.roster(tmp, "hillside-1", key.publicKey(), "");
        assertThatThrownBy(() -> VerdictVerifier.verify(verdict, Roster.read(elsewhere), VerdictVerifier.Expected.ANY))
                .hasMessage("the community millbrook-2 is not in the roster");
    }

    @Test
    void revokedAndExpiredKeysVerifyNothing() throws Exception {
        Path revoked = Verdicts.roster(tmp, "millbrook-2", key.publicKey(), ",\"status\":\"revoked\"");
        assertThatThrownBy(() -> VerdictVerifier.verify(verdict, Roster.read(revoked), VerdictVerifier.Expected.ANY))
                .hasMessage("the key of millbrook-2 is revoked");
        Path retired = Verdicts.roster(tmp, "millbrook-2", key.publicKey(), ",\"validUntil\":\"2026-11-01\",\"status\":\"retired\"");
        assertThatThrownBy(() -> VerdictVerifier.verify(verdict, Roster.read(retired), VerdictVerifier.Expected.ANY))
                .hasMessage("the key of millbrook-2 was valid until 2026-11-01, the verdict is of 2026-11-28");
        Path stillValid = Verdicts.roster(tmp, "millbrook-2", key.publicKey(), ",\"validUntil\":\"2026-12-31\",\"status\":\"retired\"");
        assertThat(VerdictVerifier.verify(verdict, Roster.read(stillValid), VerdictVerifier.Expected.ANY)).isNotNull();
    }

    @Test
    void aVerdictForAnotherResolutionOrTextIsRefused() throws Exception {
        assertThatThrownBy(() -> VerdictVerifier.verify(verdict, null, new VerdictVerifier.Expected("B-2", null)))
                .hasMessage("the verdict is for another resolution (B-1, not B-2)");
        String sha = org.folkmoot.procedure.Meeting.textSha256("Another text.");
        assertThatThrownBy(() -> VerdictVerifier.verify(verdict, null, new VerdictVerifier.Expected(null, sha)))
                .hasMessageStartingWith("the verdict is for another text");
        String right = org.folkmoot.procedure.Meeting.textSha256("The Community opens a bakery in the old mill. "
                + "Bread is baked every morning. The bakery is run by volunteers.");
        assertThat(VerdictVerifier.verify(verdict, null, new VerdictVerifier.Expected("B-1", right))).isNotNull();
    }

    @Test
    void duplicateKeysAreRefused() {
        String text = new String(bytes, StandardCharsets.UTF_8).strip();
        String twice = text.replaceFirst("\\{\"payloadType\"", "{\"payloadType\":\"x\",\"payloadType\"");
        assertThat(refusal(twice.getBytes(StandardCharsets.UTF_8))).startsWith("the file has a key twice");
    }

    @Test
    void aPayloadWithDuplicateKeysIsRefusedEvenWhenSigned() throws Exception {
        String p = new String(payload(), StandardCharsets.UTF_8).replaceFirst("\\{\"format\"", "{\"outcome\":\"passed\",\"format\"");
        byte[] dup = p.getBytes(StandardCharsets.UTF_8);
        assertThat(refusal(Dsse.sign(Dsse.VERDICT_TYPE, dup, key))).startsWith("the payload has a key twice");
    }

    @Test
    @Timeout(5)
    void jsonNestedAHundredThousandDeepIsRefusedQuickly() {
        byte[] deep = ("[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.US_ASCII);
        assertThat(refusal(deep)).isEqualTo("the file is JSON nested deeper than 32, or too large");
        byte[] deepObject = ("{\"a\":".repeat(40) + "1" + "}".repeat(40)).getBytes(StandardCharsets.US_ASCII);
        assertThat(refusal(deepObject)).contains("nested deeper than 32");
    }

    @Test
    @Timeout(5)
    void aOneGigabyteFileIsRefusedBeforeItIsRead() throws Exception {
        Path big = tmp.resolve("big.verdict");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(1L << 30); // sparse: no gigabyte is written, none may be read
        }
        assertThatThrownBy(() -> VerdictVerifier.verify(big, null, VerdictVerifier.Expected.ANY))
                .hasMessage("too large: 1 GiB, a verdict is at most 1 MiB");
    }

    @Test
    void notUtf8NotJsonAndBadBase64AreRefused() {
        assertThat(refusal(new byte[] {(byte) 0xff, '{', '}'})).isEqualTo("the file is not UTF-8 text");
        assertThat(refusal("payload".getBytes(StandardCharsets.UTF_8))).isEqualTo("the file is not JSON");
        assertThat(refusal("{\"payloadType\":\"application/vnd.folkmoot.verdict+json;version=1\",\"payload\":\"***\",\"signatures\":[]}"
                .getBytes(StandardCharsets.UTF_8))).isEqualTo("the payload is not base64");
    }

    @Test
    void aSignedPayloadMissingAKeyOrCountingMoreThanPresentIsRefused() throws Exception {
        ObjectNode p = SignedFile.object(payload(), "p");
        p.remove("votes");
        assertThat(refusal(Dsse.sign(Dsse.VERDICT_TYPE, Json.compact(p).getBytes(StandardCharsets.UTF_8), key)))
                .isEqualTo("the payload misses the key 'votes'");

        ObjectNode q = SignedFile.object(payload(), "p");
        ((ObjectNode) ((ArrayNode) q.get("votes")).get(0)).put("present", 20);
        assertThat(refusal(Dsse.sign(Dsse.VERDICT_TYPE, Json.compact(q).getBytes(StandardCharsets.UTF_8), key)))
                .isEqualTo("vote 6 counts 130 hands, but only 20 were present");

        ObjectNode r = SignedFile.object(payload(), "p");
        ((ObjectNode) r.get("resolution")).put("finalText", "Something else.");
        assertThat(refusal(Dsse.sign(Dsse.VERDICT_TYPE, Json.compact(r).getBytes(StandardCharsets.UTF_8), key)))
                .isEqualTo("the resolution's finalText does not match its finalSha256");
    }

    @Test
    void theSameRecordAlwaysGivesTheSameVerdictBytes() throws Exception {
        Verdicts.replay("bakery.jsonl", tmp.resolve("again"));
        assertThat(Files.readAllBytes(tmp.resolve("again/B-1.verdict"))).isEqualTo(bytes);
        Verdicts.replayFile(tmp.resolve("out/record.jsonl"), tmp.resolve("from-record"));
        assertThat(Files.readAllBytes(tmp.resolve("from-record/B-1.verdict"))).isEqualTo(bytes);
    }
}
