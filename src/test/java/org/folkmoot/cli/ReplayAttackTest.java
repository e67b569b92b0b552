package org.folkmoot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code folkmoot replay} given a book's entries it must refuse: one line on stderr each, whatever the entry holds. */
class ReplayAttackTest {
    private static final String HEADER = "{\"format\":\"folkmoot-meeting/1\",\"community\":{\"id\":\"t\",\"name\":\"T\",\"members\":150}}";
    private static final String[] PASSED = {"{\"do\":\"attendance\",\"present\":100}",
        "{\"do\":\"present\",\"resolution\":\"R1\",\"title\":\"T\",\"text\":\"Text.\",\"proposer\":\"P\"}",
        "{\"do\":\"vote\",\"for\":95,\"against\":5,\"abstain\":0}",
        "{\"do\":\"elect\",\"name\":\"Ivo\",\"mandate\":\"M.\",\"for\":60,\"against\":40,\"abstain\":0}", "{\"do\":\"adjourn\"}"};

    @TempDir
    Path tmp;

    @Test
    void aRefusalQuotingALineBreakTheEntryHeldIsStillOneLine() throws Exception {
        String[] entries = {
            "{\"do\":\"meeting\",\"date\":\"2026-12-10\\n\",\"place\":\"H\",\"facilitator\":\"A\",\"secretary\":\"B\"}",
            "{\"do\":\"meeting\",\"date\":\"2026-12-10\",\"place\":\"H\",\"facilitator\":\"A\",\"secretary\":\"B\"}\n"
                    + "{\"do\":\"attendance\",\"present\":90}\n"
                    + "{\"do\":\"recall\",\"name\":\"Ivo\\r\\nUma\",\"for\":60,\"against\":30,\"abstain\":0,\"resolution\":\"R1\"}",
            "{\"do\":\"re\\u2028sume\"}",
        };
        int n = 0;
        for (String entry : entries) {
            Path script = tmp.resolve("book-" + n++ + ".jsonl");
            Files.write(script, List.of(HEADER, PASSED[0], PASSED[1], PASSED[2], PASSED[3], PASSED[4], entry), StandardCharsets.UTF_8);
            Cli cli = Cli.run("replay", script.toString(), "--out", tmp.resolve("out-" + n).toString());
            assertThat(cli.status()).as(cli.err()).isEqualTo(2);
            assertThat(cli.err().split("\\R", -1)).as(cli.err()).hasSize(2); // one line and its line break
            assertThat(cli.err()).contains("\\");
        }
    }
}
