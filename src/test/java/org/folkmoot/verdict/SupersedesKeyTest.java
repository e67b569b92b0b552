package org.folkmoot.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.folkmoot.record.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A verdict names the earlier verdicts it supersedes, in a list the verifier requires and reads. */
class SupersedesKeyTest {
    private static final String A = "a".repeat(64);
    private static final String B = "0123456789abcdef".repeat(4);

    @TempDir
    Path tmp;

    ObjectNode payload;
    CommunityKey key;

    @BeforeEach
    void replayAnExample() throws Exception {
        Verdicts.replay("bakery.jsonl", tmp.resolve("out"));
        payload = Json.object(new String(SignedFile.parse(Files.readAllBytes(tmp.resolve("out/B-1.verdict"))).payload(),
                StandardCharsets.UTF_8).strip());
        key = Verdicts.dataFolderKey();
    }

    /** The payload with {@code supersedes} set to {@code json} (null: without the key), signed again. */
    private byte[] with(String json) throws Exception {
        ObjectNode p = payload.deepCopy();
        p.remove("supersedes");
        if (json != null) p.set("supersedes", Json.MAPPER.readTree(json));
        return Dsse.sign(Dsse.VERDICT_TYPE, Json.compact(p).getBytes(StandardCharsets.UTF_8), key);
    }

    private static String refusal(byte[] file) {
        try {
            VerdictVerifier.verify(SignedFile.parse(file), null, VerdictVerifier.Expected.ANY);
            return null;
        } catch (SignedFile.Refused e) {
            return e.getMessage();
        }
    }

    @Test
    void theEarlierVerdictsNamedAreReadOffTheVerifiedVerdictOldestFirst() throws Exception {
        byte[] file = with("[\"" + A + "\",\"" + B + "\"]");
        VerdictVerifier.Verified v = VerdictVerifier.verify(SignedFile.parse(file), null, VerdictVerifier.Expected.ANY);
        assertThat(v.supersedes()).containsExactly(A, B);
        VerdictVerifier.Verified first = VerdictVerifier.verify(SignedFile.parse(with("[]")), null, VerdictVerifier.Expected.ANY);
        assertThat(first.supersedes()).isEmpty();
    }

    @Test
    void aVerdictWithoutTheListIsRefusedLikeAnyMissingKey() throws Exception {
        assertThat(refusal(with(null))).isEqualTo("the payload misses the key 'supersedes'");
    }

    @Test
    void aListThatIsNotOfDistinctPayloadHashesIsRefusedWithOneLine() throws Exception {
        assertThat(refusal(with("\"" + A + "\""))).isEqualTo("'supersedes' is not a list");
        assertThat(refusal(with("null"))).isEqualTo("'supersedes' is not a list");
        String notAHash = "'supersedes' names something that is not a payload's SHA-256 (64 lowercase hex digits): ";
        assertThat(refusal(with("[\"" + A.toUpperCase() + "\"]"))).isEqualTo(notAHash + "\"" + A.toUpperCase() + "\"");
        assertThat(refusal(with("[\"" + A.substring(1) + "\"]"))).startsWith(notAHash);
        assertThat(refusal(with("[\"" + A + "0\"]"))).startsWith(notAHash);
        assertThat(refusal(with("[\"" + A.substring(1) + "g\"]"))).startsWith(notAHash);
        assertThat(refusal(with("[7]"))).isEqualTo(notAHash + "7");
        assertThat(refusal(with("[{\"sha256\":\"" + A + "\"}]"))).startsWith(notAHash);
        assertThat(refusal(with("[\"" + B + "\",\"" + A + "\",\"" + B + "\"]")))
                .isEqualTo("'supersedes' names the verdict " + B + " twice");
    }

    @Test
    void aVerdictThatNamesItsOwnPayloadIsRefused() throws Exception {
        // no payload can hold its own SHA-256, but the rule is the verifier's all the same
        byte[] own = java.util.HexFormat.of().parseHex(B);
        assertThatThrownBy(() -> VerdictVerifier.supersedes(Json.MAPPER.readTree("[\"" + A + "\",\"" + B + "\"]"), own))
                .isInstanceOf(SignedFile.Refused.class).hasMessage("the verdict names itself in 'supersedes'");
        assertThat(VerdictVerifier.supersedes(Json.MAPPER.readTree("[\"" + A + "\"]"), own)).containsExactly(A);
    }
}
