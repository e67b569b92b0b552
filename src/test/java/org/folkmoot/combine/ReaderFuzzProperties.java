package org.folkmoot.combine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.folkmoot.verdict.CommunityKey;
import org.folkmoot.verdict.Roster;
import org.folkmoot.verdict.SignedFile;
import org.folkmoot.verdict.VerdictVerifier;

/**
 * A fuzz test of every reader of a signed file — the envelope (whole and streamed), a verdict's payload, a
 * roster, a body's result: a real file, damaged as an attacker or a worn stick would (bytes flipped, cut,
 * repeated, spliced, JSON tokens swapped), is either read or refused with a {@link SignedFile.Refused} and
 * its one line — never another exception, never a hang.
 */
@Tag("property")
class ReaderFuzzProperties {
    private static Path tmp;
    private static byte[] verdict, roster, result;
    private static Roster rosterRead;

    @BeforeContainer
    static void files() throws Exception {
        tmp = Files.createTempDirectory("fuzz");
        List<String> ids = List.of("c1", "c2", "c3");
        Path rosterFile = Communities.roster(tmp.resolve("roster.json"), "M1", ids);
        roster = Files.readAllBytes(rosterFile);
        rosterRead = Roster.read(rosterFile);
        verdict = Communities.verdict("c1", Communities.Decided.PASSED_AMENDED);
        Path stick = Files.createDirectories(tmp.resolve("stick"));
        for (String id : ids) Files.write(stick.resolve(id + ".verdict"), Communities.verdict(id, Communities.Decided.PASSED));
        Path out = tmp.resolve("result.tally");
        try (Combination c = new Combination(rosterRead, BodyRules.defaults(), Communities.RESOLUTION, Communities.SHA, tmp, null,
                CheckedKeys.none())) {
            c.read(List.of(stick), 1);
            TallyWriter.write(out, c, c.summary(), new Roster.Body("municipality", "M1", "Municipality M1"),
                    CommunityKey.fromSeed(new byte[32]));
        }
        result = Files.readAllBytes(out);
    }

    @AfterContainer
    static void cleanUp() throws IOException {
        try (var walk = Files.walk(tmp)) {
            walk.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static final String[] TOKENS = {"{", "}", "[", "]", ",", ":", "\"", "null", "true", "1e400", "-0", "\\u0000",
        "\"payload\":\"\"", "\"signatures\":[]", "\"payloadType\":1", "9223372036854775808", "\"x\":", "[[[[[[[[[[[[[[[[[[[["};

    /** The file damaged {@code rounds} ways. */
    static byte[] damage(byte[] original, Random random, int rounds) {
        byte[] b = original.clone();
        for (int i = 0; i < rounds; i++) {
            int at = b.length == 0 ? 0 : random.nextInt(b.length);
            switch (random.nextInt(6)) {
                case 0 -> { if (b.length > 0) b[at] ^= (byte) (1 << random.nextInt(8)); }
                case 1 -> b = java.util.Arrays.copyOf(b, at); // cut
                case 2 -> { // a stretch repeated
                    int len = Math.min(b.length - at, 1 + random.nextInt(64));
                    byte[] n = new byte[b.length + len];
                    System.arraycopy(b, 0, n, 0, at + len);
                    System.arraycopy(b, at, n, at + len, b.length - at);
                    b = n;
                }
                case 3 -> { if (b.length > 0) b[at] = (byte) random.nextInt(256); }
                case 4 -> { // a JSON token spliced in
                    byte[] t = TOKENS[random.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8);
                    byte[] n = new byte[b.length + t.length];
                    System.arraycopy(b, 0, n, 0, at);
                    System.arraycopy(t, 0, n, at, t.length);
                    System.arraycopy(b, at, n, at + t.length, b.length - at);
                    b = n;
                }
                default -> { // a stretch removed
                    int len = Math.min(b.length - at, 1 + random.nextInt(64));
                    byte[] n = new byte[b.length - len];
                    System.arraycopy(b, 0, n, 0, at);
                    System.arraycopy(b, at + len, n, at, b.length - at - len);
                    b = n;
                }
            }
        }
        return b;
    }

    /** Reads or refuses; anything else fails the property. */
    private interface Reader {
        void read(byte[] bytes) throws Exception;
    }

    private static void readsOrRefuses(byte[] bytes, Reader reader) throws Exception {
        try {
            reader.read(bytes);
        } catch (SignedFile.Refused refused) {
            assertThat(refused.getMessage()).isNotBlank().doesNotContain("\n").doesNotContain("Exception");
        }
    }

    @Property(tries = 400)
    void aDamagedVerdictIsReadOrRefused(@ForAll long seed) throws Exception {
        Random random = new Random(seed);
        byte[] bytes = damage(verdict, random, 1 + random.nextInt(4));
        readsOrRefuses(bytes, b -> VerdictVerifier.verify(SignedFile.parse(b), rosterRead, VerdictVerifier.Expected.ANY));
        readsOrRefuses(bytes, b -> VerdictVerifier.verify(SignedFile.parse(b), null, VerdictVerifier.Expected.ANY));
        readsOrRefuses(bytes, b -> SignedFile.stream(b, "the file"));
    }

    @Property(tries = 200)
    void aDamagedRosterIsReadOrRefused(@ForAll long seed) throws Exception {
        Random random = new Random(seed);
        byte[] bytes = damage(roster, random, 1 + random.nextInt(4));
        Path file = tmp.resolve("roster-" + seed + ".json");
        Files.write(file, bytes);
        try {
            readsOrRefuses(bytes, b -> Roster.read(file));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Property(tries = 150)
    void aDamagedResultIsReadOrRefused(@ForAll long seed) throws Exception {
        Random random = new Random(seed);
        byte[] bytes = damage(result, random, 1 + random.nextInt(3));
        Path file = tmp.resolve("result-" + seed + ".tally");
        Files.write(file, bytes);
        try {
            readsOrRefuses(bytes, b -> TallyVerifier.verify(file, CommunityKey.fromSeed(new byte[32]).publicKey(), rosterRead, tmp));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Property(tries = 100)
    void randomBytesAreRefused(@ForAll byte[] bytes) throws Exception {
        readsOrRefuses(bytes, b -> VerdictVerifier.verify(SignedFile.parse(b), rosterRead, VerdictVerifier.Expected.ANY));
        readsOrRefuses(bytes, b -> SignedFile.stream(b, "the file"));
    }
}
