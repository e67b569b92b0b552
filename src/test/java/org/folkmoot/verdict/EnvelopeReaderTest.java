package org.folkmoot.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.Base64Variants;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one streaming reader: each kind of file's rules, and one line for every way an envelope is wrong. */
class EnvelopeReaderTest {
    @TempDir
    Path tmp;

    private static final CommunityKey KEY = CommunityKey.fromSeed(new byte[32]);
    private static final byte[] PAYLOAD = "{\"format\":\"x\"}\n".getBytes(StandardCharsets.UTF_8);
    private static final String SIG = Base64.getEncoder().encodeToString(new byte[64]);

    private static String envelope(String payload, String tail) {
        return "{\"payloadType\":\"" + Dsse.ROSTER_TYPE + "\",\"payload\":\"" + payload + "\",\"signatures\":[{\"keyid\":\"k\",\"sig\":\""
                + SIG + "\"}]" + tail + "}";
    }

    private static String refusal(String envelope) {
        try {
            SignedFile.stream(envelope.getBytes(StandardCharsets.UTF_8), "the roster");
            return null;
        } catch (SignedFile.Refused e) {
            return e.getMessage();
        }
    }

    @Test
    void aSignedFileTakesStandardBase64PaddedOrNotAndUrlSafeBase64() throws Exception {
        byte[] awkward = {(byte) 0xfb, (byte) 0xff, (byte) 0xbf, 0x01}; // "+/+/AQ==": both alphabets differ here, padding needed
        for (String text : List.of(Base64.getEncoder().encodeToString(awkward), Base64.getEncoder().withoutPadding().encodeToString(awkward),
                Base64.getUrlEncoder().withoutPadding().encodeToString(awkward))) {
            SignedFile.Streamed read = SignedFile.stream(envelope(text, "").getBytes(StandardCharsets.UTF_8), "the roster");
            assertThat(read.payload()).as(text).isEqualTo(awkward);
            assertThat(read.payloadType()).isEqualTo(Dsse.ROSTER_TYPE);
            assertThat(read.signatures()).singleElement().satisfies(s -> assertThat(s.keyId()).isEqualTo("k"));
        }
        assertThat(refusal(envelope("+/+_AQ", ""))).isEqualTo("the payload is not base64"); // the two alphabets mixed
        assertThat(refusal(envelope("!!!!", ""))).isEqualTo("the payload is not base64");
    }

    @Test
    void everyWrongEnvelopeIsOneLine() {
        String good = Base64.getEncoder().encodeToString(PAYLOAD);
        assertThat(refusal(envelope(good, ""))).isNull();
        assertThat(refusal(envelope(good, ",\"extra\":1"))).isEqualTo("the envelope has an unknown key 'extra'");
        assertThat(refusal(envelope(good, "") + " {}")).isEqualTo("the roster is not JSON (something follows it)");
        assertThat(refusal("[1]")).isEqualTo("the roster is not a JSON object");
        assertThat(refusal(envelope(good, "").substring(0, 60))).isEqualTo("the roster is not JSON");
        assertThat(refusal(envelope(good, "").replace(SIG, "AAAA"))).isEqualTo("a signature is 3 bytes, not 64");
        assertThat(refusal(envelope(good, "").replace("\"keyid\"", "\"key\""))).isEqualTo("a signature has an unknown key 'key'");
        assertThat(refusal("{\"payloadType\":\"t\",\"payload\":\"" + good + "\"}")).isEqualTo("the envelope has no signatures");
        assertThat(refusal("{\"payloadType\":\"t\",\"signatures\":[]}")).isEqualTo("the envelope has no 'payload'");
        assertThat(refusal("{\"payload\":\"" + good + "\",\"signatures\":[{\"sig\":\"" + SIG + "\"}]}"))
                .isEqualTo("the envelope has no 'payloadType'");
        assertThat(refusal(envelope(good, "").replace("[{", "[7,{"))).isEqualTo("a signature is not an object");
        assertThat(refusal(envelope(good, "").replace("{\"payloadType\"", "{\"payload\":\"\",\"payloadType\"")))
                .startsWith("the roster has a key twice");
    }

    @Test
    void aResultIsReadFromItsFileWithItsOwnWordsAndAlphabets() throws Exception {
        EnvelopeReader.Rules result = new EnvelopeReader.Rules("the file", "not a signed file",
                List.of(Base64Variants.MIME_NO_LINEFEEDS, Base64Variants.MODIFIED_FOR_URL));
        List<ByteArrayOutputStream> opened = new ArrayList<>();
        EnvelopeReader.Sink sink = () -> {
            opened.add(new ByteArrayOutputStream());
            return opened.get(opened.size() - 1);
        };
        Path file = tmp.resolve("r.tally");
        byte[] awkward = {(byte) 0xfb, (byte) 0xff, (byte) 0xbf, 0x01};
        Files.writeString(file, envelope(Base64.getUrlEncoder().withoutPadding().encodeToString(awkward), ""));
        EnvelopeReader.Envelope read = EnvelopeReader.read(file, result, sink);
        assertThat(read.type()).isEqualTo(Dsse.ROSTER_TYPE);
        assertThat(opened).hasSize(2); // standard first, then URL-safe: each decoded afresh
        assertThat(opened.get(1).toByteArray()).isEqualTo(awkward);

        Files.writeString(file, "[]");
        assertThatThrownBy(() -> EnvelopeReader.read(file, result, sink)).hasMessage("not a signed file");
        Files.writeString(file, "{\"payloadType\":");
        assertThatThrownBy(() -> EnvelopeReader.read(file, result, sink)).hasMessage("the file is not JSON");
        // a standard payload without its padding is not a result's base64 (URL-safe is taken without it)
        Files.writeString(file, envelope(Base64.getEncoder().withoutPadding().encodeToString(awkward), ""));
        assertThatThrownBy(() -> EnvelopeReader.read(file, result, sink)).hasMessage("the payload is not base64");
        Files.delete(file);
        assertThatThrownBy(() -> EnvelopeReader.read(file, result, sink)).hasMessageStartingWith("the file cannot be read (")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aDocumentIsReadFieldByFieldAndNothingMayFollowIt() throws Exception {
        List<String> names = new ArrayList<>();
        EnvelopeReader.fields("{\"a\":[1,{\"b\":2}],\"c\":null}".getBytes(StandardCharsets.UTF_8), "the roster", (name, value, in) -> {
            names.add(name + ":" + value);
            in.skipChildren();
        });
        assertThat(names).containsExactly("a:START_ARRAY", "c:VALUE_NULL");
        assertThatThrownBy(() -> EnvelopeReader.fields("{} []".getBytes(StandardCharsets.UTF_8), "the roster", (n, v, in) -> { }))
                .hasMessage("the roster is not JSON (something follows it)");
        assertThatThrownBy(() -> EnvelopeReader.fields("\"x\"".getBytes(StandardCharsets.UTF_8), "the roster", (n, v, in) -> { }))
                .hasMessage("the roster is not a JSON object");
    }
}
