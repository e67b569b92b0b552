package org.folkmoot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.folkmoot.record.Replay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code folkmoot audit} given what it must refuse: one clear line, at once, never a hang. */
class AuditAttackTest {
    private static final String HEADER = "{\"format\":\"folkmoot-meeting/1\",\"community\":{\"id\":\"t\",\"name\":\"T\",\"members\":150}}";
    private static final String PRESENT = "{\"do\":\"present\",\"resolution\":\"R1\",\"title\":\"T\",\"text\":\"Text.\",\"proposer\":\"P\"}";
    private static final String PASS = "{\"do\":\"vote\",\"for\":95,\"against\":5,\"abstain\":0}";

    @TempDir
    Path tmp;

    @Test
    void aVerdictOfAnotherRecordIsRefusedAtOnceAgainstALongRecord() throws Exception {
        Path small = tmp.resolve("small.jsonl");
        Files.write(small, List.of(HEADER, "{\"do\":\"attendance\",\"present\":100}", PRESENT, PASS), StandardCharsets.UTF_8);
        Cli replayed = Cli.run("replay", small.toString(), "--out", tmp.resolve("small").toString());
        assertThat(replayed.status()).as(replayed.err()).isZero();

        // a long book (the attendance taken again and again), whose record is written without its minutes
        List<String> lines = new ArrayList<>(List.of(HEADER));
        for (int i = 0; i < 40_000; i++) lines.add("{\"do\":\"attendance\",\"present\":" + (100 + i % 7) + "}");
        lines.add(PRESENT);
        lines.add(PASS);
        Replay.Result r = Replay.run((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8), null, null, Clock.systemUTC());
        assertThat(r.refusal()).isNull();
        Path record = tmp.resolve("long-record.jsonl");
        Files.write(record, Replay.recordBytes(r.record()));

        Cli audit = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> Cli.run("audit", tmp.resolve("small/R1.verdict").toString(), record.toString()));
        assertThat(audit.status()).isEqualTo(1);
        assertThat(audit.err().lines()).hasSize(1);
        assertThat(audit.err()).startsWith("audit failed: the record is not the one the verdict was made from");
    }
}
