package org.folkmoot.combine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.folkmoot.cli.FolkmootCommand;
import org.folkmoot.verdict.CommunityKey;
import org.folkmoot.verdict.Dsse;
import org.folkmoot.verdict.SignedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Verdicts built by hand to push {@code supersedes} past what a verifier takes: one clear line each. */
class SupersedesAttackTest {
    @TempDir
    Path tmp;

    @Test
    void aVerdictMadeLargerThanTheLimitByItsSupersedesListIsRefusedForItsSize() throws Exception {
        StringBuilder list = new StringBuilder();
        for (int i = 0; list.length() < SignedFile.MAX_BYTES; i++) {
            list.append(i == 0 ? "" : ",").append('"').append(String.format("%064x", i)).append('"');
        }
        byte[] payload = ("{\"format\":\"folkmoot-verdict/1\",\"supersedes\":[" + list + "]}").getBytes(StandardCharsets.UTF_8);
        Path file = tmp.resolve("long.verdict");
        Files.write(file, Dsse.sign(Dsse.VERDICT_TYPE, payload, CommunityKey.fromSeed(new byte[32])));

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = FolkmootCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), "verify", file.toString());
        assertThat(status).isEqualTo(1);
        assertThat(err.toString().lines()).hasSize(1);
        // not "a Community Verdict, not a body's result": the clerk must read why a verdict is not taken
        assertThat(err.toString()).contains("refused — the file is larger than " + SignedFile.MAX_BYTES + " bytes");
    }
}
