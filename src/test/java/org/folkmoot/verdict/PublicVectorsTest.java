package org.folkmoot.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The public Ed25519 edge-case vectors — C2SP/CCTV {@code ed25519vectors.json}, novifinancial
 * {@code ed25519-speccheck} {@code cases.json}, Wycheproof {@code ed25519_test.json} — run through every path
 * of the one rule, alone and in batches. The files are not in this repository (their licences are theirs and
 * this workplace keeps fetched files out of the project); point {@code -Dfolkmoot.ed25519.vectors=DIR} at a
 * folder holding them to run it ({@code EdgeCases} covers the same categories in every build). What each file
 * is expected to give under Folkmoot's rule is in docs/decisions/0004.
 */
class PublicVectorsTest {
    private static final HexFormat HEX = HexFormat.of();

    record Vector(String name, byte[] key, byte[] message, byte[] signature, boolean holds) {
    }

    private static Path folder() {
        String dir = System.getProperty("folkmoot.ed25519.vectors");
        assumeTrue(dir != null && !dir.isBlank(), "no -Dfolkmoot.ed25519.vectors folder given");
        return Path.of(dir);
    }

    private static void runAll(List<Vector> vectors) throws Exception {
        Random random = new Random(21);
        for (Vector v : vectors) {
            assertThat(Ed25519Keys.verify(v.key(), v.message(), v.signature())).as("alone: %s", v.name()).isEqualTo(v.holds());
            assertThat(StreamingEd25519.verify(v.key(), d -> d.update(v.message()), v.signature()))
                    .as("stream: %s", v.name()).isEqualTo(v.holds());
            for (int size : new int[] {1, 4, 9, 33, 100}) {
                assertThat(ValidityRuleTest.batchPath(v.key(), v.message(), v.signature(), random, size))
                        .as("batch of %d: %s", size, v.name()).isEqualTo(v.holds());
            }
        }
    }

    @Test
    void cctv() throws Exception {
        Path file = folder().resolve("ed25519vectors.json");
        assumeTrue(Files.isRegularFile(file), "no ed25519vectors.json");
        Set<String> refused = Set.of("low_order_A", "non_canonical_A", "low_order_component_A", "non_canonical_R");
        List<Vector> vectors = new ArrayList<>();
        for (JsonNode n : new ObjectMapper().readTree(file.toFile())) {
            boolean holds = true;
            for (JsonNode f : n.path("flags")) if (refused.contains(f.asText())) holds = false;
            vectors.add(new Vector("CCTV " + n.get("number").asInt() + " " + n.path("flags"), HEX.parseHex(n.get("key").asText()),
                    n.get("msg").asText().getBytes(StandardCharsets.UTF_8), HEX.parseHex(n.get("sig").asText()), holds));
        }
        assertThat(vectors).hasSize(914);
        runAll(vectors);
    }

    @Test
    void speccheck() throws Exception {
        Path file = folder().resolve("cases.json");
        assumeTrue(Files.isRegularFile(file), "no cases.json");
        List<Vector> vectors = new ArrayList<>();
        int i = 0;
        for (JsonNode n : new ObjectMapper().readTree(file.toFile())) {
            // every case has a key of small or mixed order (0-5, 8-11) or S not below L (6, 7): none holds
            vectors.add(new Vector("speccheck " + i++, HEX.parseHex(n.get("pub_key").asText()),
                    HEX.parseHex(n.get("message").asText()), HEX.parseHex(n.get("signature").asText()), false));
        }
        assertThat(vectors).hasSize(12);
        runAll(vectors);
    }

    @Test
    void wycheproof() throws Exception {
        Path file = folder().resolve("ed25519_test.json");
        assumeTrue(Files.isRegularFile(file), "no ed25519_test.json");
        List<Vector> vectors = new ArrayList<>();
        for (JsonNode group : new ObjectMapper().readTree(file.toFile()).get("testGroups")) {
            byte[] key = HEX.parseHex(group.get("publicKey").get("pk").asText());
            for (JsonNode t : group.get("tests")) {
                byte[] sig = HEX.parseHex(t.get("sig").asText());
                vectors.add(new Vector("Wycheproof " + t.get("tcId").asInt() + " " + t.path("comment").asText(), key,
                        HEX.parseHex(t.get("msg").asText()), sig, "valid".equals(t.get("result").asText())));
            }
        }
        assertThat(vectors).hasSize(151);
        runAll(vectors);
    }
}
