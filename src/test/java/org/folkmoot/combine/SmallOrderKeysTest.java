package org.folkmoot.combine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.folkmoot.record.Json;
import org.folkmoot.verdict.CommunityKey;
import org.folkmoot.verdict.Dsse;
import org.folkmoot.verdict.EdgeCases;
import org.folkmoot.verdict.Ed25519Keys;
import org.folkmoot.verdict.Roster;
import org.folkmoot.verdict.SignedFile;
import org.folkmoot.verdict.VerdictVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, finding 1: a roster (written before keys were checked at enrolment) lists small-order keys, and
 * verdicts "signed" for them with no secret at all — R the identity or a small-order point, S = 0. The count
 * refuses every one, with the same words as {@code verify}, and the same folder counted again gives the same
 * result, byte for byte.
 */
class SmallOrderKeysTest {
    @TempDir
    Path tmp;

    private static byte[] forged(String id, byte[] smallKey) throws Exception {
        // the payload as a real Community's, with the small key in it, "signed" by R = the key itself, S = 0
        String template = new String(Communities.payload(Communities.Decided.PASSED, Communities.RESOLUTION, Communities.TEXT, null),
                StandardCharsets.UTF_8);
        ObjectNode p = Json.object(template.strip());
        ((ObjectNode) p.get("community")).put("id", id).put("name", "Community " + id)
                .put("publicKey", Ed25519Keys.base64(smallKey)).put("keyId", Ed25519Keys.keyId(smallKey));
        byte[] payload = (Json.compact(p) + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] sig = new byte[64];
        System.arraycopy(smallKey, 0, sig, 0, 32);
        return Dsse.envelope(Dsse.VERDICT_TYPE, payload, List.of(new Dsse.Signature(Ed25519Keys.keyId(smallKey), sig)));
    }

    private Path rosterWithSmallKeys(List<String> good, Map<String, byte[]> small) throws Exception {
        Path file = Communities.roster(tmp.resolve("roster.json"), "M1", new ArrayList<>() {{
            addAll(good);
            addAll(small.keySet());
        }});
        ObjectNode r = (ObjectNode) Json.MAPPER.readTree(Files.readAllBytes(file));
        for (var entry : r.withArray("communities")) {
            byte[] key = small.get(entry.get("id").asText());
            if (key != null) ((ObjectNode) entry).put("publicKey", Base64.getEncoder().encodeToString(key));
        }
        Files.write(file, (Json.compact(r) + "\n").getBytes(StandardCharsets.UTF_8));
        return file;
    }

    private byte[] count(Roster roster, Path stick, List<Combination.Refusal> refused, Combination.Summary[] summary) throws Exception {
        Path out = tmp.resolve("result-" + System.nanoTime() + ".tally");
        try (Combination c = new Combination(roster, BodyRules.defaults(), Communities.RESOLUTION, Communities.SHA, tmp, null,
                CheckedKeys.none())) {
            c.read(List.of(stick), 2);
            summary[0] = c.summary();
            c.refusals().forEach(refused::add);
            TallyWriter.write(out, c, summary[0], new Roster.Body("municipality", "M1", "Municipality M1"),
                    CommunityKey.fromSeed(new byte[32]));
        }
        return Files.readAllBytes(out);
    }

    @Test
    void noVerdictForASmallOrderKeyIsCountedAndTheCountNeverChanges() throws Exception {
        List<String> good = List.of("g1", "g2", "g3");
        Map<String, byte[]> small = new TreeMap<>();
        List<byte[]> smallOrder = EdgeCases.smallOrderKeys();
        for (int i = 0; i < smallOrder.size(); i++) small.put("s" + i, smallOrder.get(i));
        small.put("m1", EdgeCases.mixedKey(BigInteger.valueOf(987654321), 2)); // a key with a component of order 4
        Path rosterFile = rosterWithSmallKeys(good, small);
        Path stick = Files.createDirectories(tmp.resolve("stick"));
        for (String id : good) Files.write(stick.resolve(id + ".verdict"), Communities.verdict(id, Communities.Decided.PASSED));
        for (var e : small.entrySet()) Files.write(stick.resolve(e.getKey() + ".verdict"), forged(e.getKey(), e.getValue()));

        Roster roster = Roster.read(rosterFile);
        byte[] first = null;
        for (int run = 0; run < 4; run++) {
            List<Combination.Refusal> refused = new ArrayList<>();
            Combination.Summary[] s = new Combination.Summary[1];
            byte[] result = count(roster, stick, refused, s);
            assertThat(s[0].reporting()).as("only the honest Communities are counted").isEqualTo(good.size());
            assertThat(refused).hasSize(small.size());
            for (Combination.Refusal r : refused) {
                String id = Path.of(r.file()).getFileName().toString().replace(".verdict", "");
                assertThat(r.reason()).as(id).contains("is not a valid Ed25519 key");
            }
            if (first == null) first = result;
            else assertThat(result).as("run %d gives the same result, byte for byte", run).isEqualTo(first);
        }
        // verify with the roster says the same of each
        for (String id : small.keySet()) {
            assertThatThrownBy(() -> VerdictVerifier.verify(stick.resolve(id + ".verdict"), roster, VerdictVerifier.Expected.ANY))
                    .isInstanceOf(SignedFile.Refused.class).hasMessageContaining("is not a valid Ed25519 key");
        }
    }

    @Test
    void aResultCheckedAgainstASmallOrderBodyKeyIsRefusedForTheKey() throws Exception {
        // the body's key is a key like any other: taken only of prime order, and the refusal says so
        Path stick = Files.createDirectories(tmp.resolve("stick"));
        Files.write(stick.resolve("g1.verdict"), Communities.verdict("g1", Communities.Decided.PASSED));
        Roster roster = Roster.read(Communities.roster(tmp.resolve("r.json"), "M1", List.of("g1")));
        Path result = tmp.resolve("result.tally");
        Files.write(result, count(roster, stick, new ArrayList<>(), new Combination.Summary[1]));
        for (byte[] bad : List.of(EdgeCases.smallOrderKeys().get(0), EdgeCases.mixedKey(BigInteger.TEN, 4))) {
            assertThatThrownBy(() -> TallyVerifier.verify(result, bad, null, tmp)).isInstanceOf(SignedFile.Refused.class)
                    .hasMessage("the body's key given is not a valid Ed25519 key (a point of small order, or with a small-order component)");
        }
        assertThat(TallyVerifier.verify(result, CommunityKey.fromSeed(new byte[32]).publicKey(), null, tmp)).isNotNull();
    }

    @Test
    void aKeyWithASmallOrderComponentIsRefusedThoughItsHolderSigned() throws Exception {
        // A = aB + T (T of order 8), signed honestly by the holder of a: the cofactored equation holds, the key is refused
        BigInteger a = BigInteger.valueOf(123456789);
        byte[] mixed = EdgeCases.mixedKey(a, 1);
        assertThat(Ed25519Keys.isValidPublicKey(mixed)).isFalse();
        CheckedKeys keys = CheckedKeys.in(tmp.resolve("checked"));
        assertThat(keys.valid(mixed)).isFalse();
        byte[] honest = Communities.key("g1").publicKey();
        assertThat(keys.valid(honest)).isTrue();
        keys.close();
        CheckedKeys again = CheckedKeys.in(tmp.resolve("checked"));
        assertThat(Files.size(tmp.resolve("checked"))).as("only the valid key is remembered").isEqualTo(16);
        assertThat(again.valid(honest)).isTrue();
        assertThat(again.valid(mixed)).isFalse();
    }
}
