package org.folkmoot.combine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.folkmoot.verdict.CommunityKey;
import org.folkmoot.verdict.Dsse;
import org.folkmoot.verdict.Ed25519Keys;
import org.folkmoot.verdict.Program;
import org.folkmoot.verdict.Roster;
import org.folkmoot.verdict.SignedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A body's result keeps its bytes, whoever writes its JSON: the payload byte for byte as it was captured
 * (tally-awkward-payload.json, written before TallyWriter went through JsonGenerator for the envelope too), and
 * the envelope byte for byte as the old hand-written frame put it together — for strings that make JSON
 * writers differ: quotes, backslashes, control characters, non-ASCII, U+2028/U+2029, surrogate pairs, long names.
 */
class TallyWriterBytesTest {
    @TempDir
    Path tmp;

    /** Every string a JSON writer might escape differently, and one too long for a writer's first buffer. */
    static final String AWKWARD = "quote \" backslash \\ slash / tab \t newline \n return \r bell \u0007 nul \u0000 del \u007f"
            + " é ü ñ 中文 line\u2028paragraph\u2029 emoji 😀 𝄞 lone-looking \uD83D\uDE00 end";
    static final String LONG = "Municipality of " + "a very long name, ".repeat(700) + AWKWARD;

    @Test
    void aResultWithAwkwardStringsIsWrittenByteForByteAsBefore() throws Exception {
        Path dir = tmp.toAbsolutePath();
        Path stick = Files.createDirectories(dir.resolve("stick"));
        {
            Path rosterFile = Communities.roster(dir.resolve("roster.json"), "M1", List.of("c1", "c2", "c3"));
            Files.write(stick.resolve("c1.verdict"), Communities.verdict("c1", Communities.Decided.PASSED));
            Files.write(stick.resolve("c2.verdict"), Communities.verdict("c2", Communities.Decided.NOT_PASSED));
            Files.writeString(stick.resolve("odd \" \\ \t \u2028 é 😀 name.verdict"), "not JSON " + AWKWARD);
            Path out = dir.resolve("result.tally");
            CommunityKey body = CommunityKey.fromSeed(new byte[32]);
            try (Combination c = new Combination(Roster.read(rosterFile), BodyRules.defaults(), Communities.RESOLUTION,
                    Communities.SHA, dir, null)) {
                c.read(List.of(stick), 2);
                TallyWriter.write(out, c, c.summary(), new Roster.Body("municipality " + AWKWARD, "M1 " + AWKWARD, LONG), body);
            }
            byte[] written = Files.readAllBytes(out);
            SignedFile envelope = SignedFile.parse(written);
            assertThat(envelope.signedBy(body.publicKey())).isTrue();

            String expected;
            try (InputStream in = getClass().getResourceAsStream("tally-awkward-payload.json")) {
                expected = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("@PROGRAM@", Program.nameAndVersion())
                        .replace("@DIR@", dir.toString()); // the refused file's name holds the test's folder
            }
            assertThat(new String(envelope.payload(), StandardCharsets.UTF_8)).isEqualTo(expected);
            assertThat(written).isEqualTo(oldFrame(envelope.payload(), body.keyId(), envelope.signatures().get(0).sig()));
        }
    }

    /** The envelope as TallyWriter wrote it by string concatenation, before JsonGenerator: the oracle. */
    private static byte[] oldFrame(byte[] payload, String keyId, byte[] sig) {
        return ("{\"payloadType\":\"" + Dsse.TALLY_TYPE + "\",\"payload\":\"" + Base64.getEncoder().encodeToString(payload)
                + "\",\"signatures\":[{\"keyid\":\"" + keyId + "\",\"sig\":\"" + Ed25519Keys.base64(sig) + "\"}]}\n")
                .getBytes(StandardCharsets.US_ASCII);
    }
}
