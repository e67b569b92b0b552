package org.folkmoot.combine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.IntRange;
import org.folkmoot.record.Json;
import org.folkmoot.verdict.CommunityKey;
import org.folkmoot.verdict.Dsse;
import org.folkmoot.verdict.EdgeCases;
import org.folkmoot.verdict.Ed25519Keys;
import org.folkmoot.verdict.Roster;

/**
 * The same files always give the same count and the same result bytes — whatever their order on the stick,
 * however many threads check them, however the batches fall — among honest verdicts, forged ones for
 * small-order keys, signatures with small-order components, keys with them, and damaged files.
 */
@Tag("property")
class SameFilesProperties {

    @Property(tries = 8)
    void theSameFilesGiveTheSameResultBytes(@ForAll("seeds") long seed, @ForAll @IntRange(min = 5, max = 60) int communities)
            throws Exception {
        Path tmp = Files.createTempDirectory("same-files");
        try {
            Random random = new Random(seed);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < communities; i++) ids.add(String.format("c%03d", i));
            Path rosterFile = Communities.roster(tmp.resolve("roster.json"), "M1", ids);
            ObjectNode r = (ObjectNode) Json.MAPPER.readTree(Files.readAllBytes(rosterFile));
            Path stick = Files.createDirectories(tmp.resolve("stick"));
            List<byte[]> small = EdgeCases.smallOrderKeys();
            for (var entry : r.withArray("communities")) {
                String id = entry.get("id").asText();
                int kind = random.nextInt(6);
                byte[] file;
                switch (kind) {
                    case 0 -> { // a small-order key in the roster, a verdict with no secret behind it
                        byte[] key = small.get(random.nextInt(small.size()));
                        ((ObjectNode) entry).put("publicKey", Base64.getEncoder().encodeToString(key));
                        file = unsigned(id, key, key);
                    }
                    case 1 -> { // a key with a small-order component, signed by the holder of its prime part
                        BigInteger a = new BigInteger(200, random);
                        byte[] key = EdgeCases.mixedKey(a, 1 + random.nextInt(7));
                        ((ObjectNode) entry).put("publicKey", Base64.getEncoder().encodeToString(key));
                        file = Communities.verdict(id, Communities.Decided.PASSED);
                    }
                    case 2 -> { // damaged
                        file = Communities.verdict(id, Communities.Decided.NOT_PASSED);
                        file[40 + random.nextInt(file.length - 80)] ^= 4;
                    }
                    default -> file = Communities.verdict(id, Communities.Decided.values()[random.nextInt(3)]);
                }
                Files.write(stick.resolve(id + ".verdict"), file);
            }
            Files.write(rosterFile, (Json.compact(r) + "\n").getBytes(StandardCharsets.UTF_8));
            Roster roster = Roster.read(rosterFile);

            byte[] first = null;
            for (int run = 0; run < 3; run++) {
                List<Path> inputs = new ArrayList<>();
                try (var files = Files.list(stick)) {
                    files.forEach(inputs::add);
                }
                Collections.shuffle(inputs, random);
                Path out = tmp.resolve("result-" + run + ".tally");
                try (Combination c = new Combination(roster, BodyRules.defaults(), Communities.RESOLUTION, Communities.SHA, tmp,
                        null, CheckedKeys.none())) {
                    c.read(inputs, 1 + run % 2);
                    TallyWriter.write(out, c, c.summary(), new Roster.Body("municipality", "M1", "Municipality M1"),
                            CommunityKey.fromSeed(new byte[32]));
                }
                byte[] result = Files.readAllBytes(out);
                if (first == null) first = result;
                else assertThat(result).as("run %d", run).isEqualTo(first);
            }
        } finally {
            try (var walk = Files.walk(tmp)) {
                walk.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Long> seeds() {
        return net.jqwik.api.Arbitraries.longs();
    }

    /** Community {@code id}'s payload with {@code key} in it, "signed" R = {@code r}, S = 0. */
    private static byte[] unsigned(String id, byte[] key, byte[] r) throws Exception {
        String template = new String(Communities.payload(Communities.Decided.PASSED, Communities.RESOLUTION, Communities.TEXT, null),
                StandardCharsets.UTF_8);
        ObjectNode p = Json.object(template.strip());
        ((ObjectNode) p.get("community")).put("id", id).put("publicKey", Ed25519Keys.base64(key));
        if (!p.has("supersedes")) p.putArray("supersedes");
        byte[] sig = new byte[64];
        System.arraycopy(r, 0, sig, 0, 32);
        return Dsse.envelope(Dsse.VERDICT_TYPE, (Json.compact(p) + "\n").getBytes(StandardCharsets.UTF_8),
                List.of(new Dsse.Signature("", sig)));
    }
}
