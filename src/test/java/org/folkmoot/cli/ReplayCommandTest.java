package org.folkmoot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code folkmoot replay} as docs/meeting-format.md describes it: output lines, files, exit codes. */
class ReplayCommandTest {
    private static final String HEADER = "{\"format\":\"folkmoot-meeting/1\",\"community\":{\"id\":\"t\",\"name\":\"T\",\"members\":150}}";

    @TempDir
    Path tmp;

    private Path script(String... lines) throws IOException {
        Path file = tmp.resolve("meeting-" + System.nanoTime() + ".jsonl");
        Files.write(file, List.of(lines), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void aRefusedActionExitsTwoWithOneLineAndNothingAfterItApplied() throws IOException {
        Path meeting = script(HEADER,
                "{\"do\":\"attendance\",\"present\":100}",
                "{\"do\":\"present\",\"resolution\":\"R1\",\"title\":\"T\",\"text\":\"Text.\",\"proposer\":\"P\"}",
                "{\"do\":\"vote\",\"for\":80,\"against\":30,\"abstain\":0}",
                "{\"do\":\"vote\",\"for\":95,\"against\":5,\"abstain\":0}");
        Path db = tmp.resolve("m.db");
        Cli cli = Cli.run("replay", meeting.toString(), "--out", tmp.resolve("out").toString(), "--db", db.toString());
        assertThat(cli.status()).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err().lines()).hasSize(1);
        assertThat(cli.err()).contains("line 4, entry 3 (vote): the vote counts 110 hands, but only 100 are present");
        // the two accepted entries are in the record and in the meeting file; the refused one and the one after are not
        assertThat(Files.readAllLines(tmp.resolve("out/record.jsonl"))).hasSize(3);
        assertThat(Files.exists(tmp.resolve("out/minutes.pdf"))).as("no minutes of a refused replay").isFalse();
        Cli resumed = Cli.run("replay", script(HEADER,
                "{\"do\":\"attendance\",\"present\":100}",
                "{\"do\":\"present\",\"resolution\":\"R1\",\"title\":\"T\",\"text\":\"Text.\",\"proposer\":\"P\"}",
                "{\"do\":\"vote\",\"for\":95,\"against\":5,\"abstain\":0}").toString(),
                "--out", tmp.resolve("out2").toString(), "--db", db.toString());
        assertThat(resumed.err()).isEmpty();
        assertThat(resumed.out()).isEqualTo("R1 passed consensus 95/100\n");
    }

    @Test
    void aMeetingDateNoVerifierCouldReadIsRefusedBeforeAnythingIsRecorded() throws IOException {
        // its verdict would be refused by every body: the key's validity is checked against that date
        for (String date : new String[] {"1 December 2026", "2026-13-01", "2026-02-30", "26-12-01", "2026-12-1"}) {
            Path meeting = script(HEADER.replace("}}", "},\"meeting\":{\"date\":\"" + date + "\"}}"),
                    "{\"do\":\"attendance\",\"present\":100}");
            Cli cli = Cli.run("replay", meeting.toString(), "--out", tmp.resolve("out-" + date.hashCode()).toString());
            assertThat(cli.status()).as(date).isEqualTo(2);
            assertThat(cli.err().strip()).as(date).endsWith("the meeting date '" + date + "' cannot be read: write it YYYY-MM-DD (2026-12-01)");
            assertThat(cli.err().lines()).hasSize(1);
        }
        Path good = script(HEADER.replace("}}", "},\"meeting\":{\"date\":\"2026-12-01\"}}"), "{\"do\":\"attendance\",\"present\":100}");
        assertThat(Cli.run("replay", good.toString(), "--out", tmp.resolve("good").toString()).status()).isZero();
    }

    @Test
    void aMeetingFileOfAnotherMeetingIsRefusedAndLeftUntouched() throws IOException {
        Path db = tmp.resolve("m.db");
        Path first = script(HEADER, "{\"do\":\"attendance\",\"present\":100}");
        assertThat(Cli.run("replay", first.toString(), "--out", tmp.resolve("a").toString(), "--db", db.toString()).status()).isZero();
        byte[] before = Files.readAllBytes(db);

        Path other = script(HEADER.replace("\"t\"", "\"u\""), "{\"do\":\"attendance\",\"present\":100}");
        Cli cli = Cli.run("replay", other.toString(), "--out", tmp.resolve("b").toString(), "--db", db.toString());
        assertThat(cli.status()).isEqualTo(2);
        assertThat(cli.err()).contains("holds another meeting");

        Path differentEntry = script(HEADER, "{\"do\":\"attendance\",\"present\":90}");
        Cli cli2 = Cli.run("replay", differentEntry.toString(), "--out", tmp.resolve("c").toString(), "--db", db.toString());
        assertThat(cli2.status()).isEqualTo(2);
        assertThat(cli2.err()).contains("entry 1 differs");

        Path shorter = script(HEADER);
        assertThat(Cli.run("replay", shorter.toString(), "--out", tmp.resolve("d").toString(), "--db", db.toString()).err())
                .contains("holds 1 entries, more than the 0 of this meeting");
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
    }

    @Test
    void aFileThatIsNotAMeetingFileIsRefusedAndLeftUntouched() throws IOException {
        Path notDb = tmp.resolve("notes.txt");
        Files.writeString(notDb, "my notes");
        Path meeting = script(HEADER, "{\"do\":\"attendance\",\"present\":100}");
        Cli cli = Cli.run("replay", meeting.toString(), "--out", tmp.resolve("a").toString(), "--db", notDb.toString());
        assertThat(cli.status()).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("folkmoot: not a Folkmoot meeting file: notes.txt (not an SQLite database)\n");
        assertThat(Files.readString(notDb)).isEqualTo("my notes");
    }

    @Test
    void badInputFilesGetOneLine() throws IOException {
        Cli missing = Cli.run("replay", tmp.resolve("nope.jsonl").toString(), "--out", tmp.toString());
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("folkmoot: no such file: " + tmp.resolve("nope.jsonl") + "\n");

        Cli empty = Cli.run("replay", script().toString(), "--out", tmp.toString());
        assertThat(empty.status()).isEqualTo(2);
        assertThat(empty.err()).isEqualTo("folkmoot: the meeting file is empty\n");

        Path latin1 = tmp.resolve("latin1.jsonl");
        Files.write(latin1, (HEADER + "\n{\"do\":\"note\",\"text\":\"caf\u00e9\"}\n").getBytes(StandardCharsets.ISO_8859_1));
        Cli notUtf8 = Cli.run("replay", latin1.toString(), "--out", tmp.toString());
        assertThat(notUtf8.status()).isEqualTo(2);
        assertThat(notUtf8.err()).isEqualTo("folkmoot: line 2 is not UTF-8 text\n");

        Cli badHeader = Cli.run("replay", script("{\"format\":\"folkmoot-meeting/2\"}").toString(), "--out", tmp.toString());
        assertThat(badHeader.status()).isEqualTo(2);
        assertThat(badHeader.err()).contains("line 1 (the header): the format is \"folkmoot-meeting/2\"");

        Cli noOut = Cli.run("replay", script(HEADER).toString());
        assertThat(noOut.status()).as("a usage error, not a refusal").isEqualTo(FolkmootCommand.USAGE);
        assertThat(noOut.err()).contains("Missing required option: '--out=DIR'");
    }

    @Test
    void theRecordChainsEveryLineAndKeepsTheScriptsOwnFields() throws IOException {
        Path meeting = script(HEADER,
                "{\"do\":\"attendance\",\"present\":100,\"at\":\"2026-11-26T18:00:00Z\"}",
                "{\"do\":\"note\",\"text\":\"Ελληνικά, русский, 中文 🙂\",\"at\":\"2026-11-26T18:01:00Z\"}");
        assertThat(Cli.run("replay", meeting.toString(), "--out", tmp.resolve("o").toString()).status()).isZero();
        List<String> record = Files.readAllLines(tmp.resolve("o/record.jsonl"), StandardCharsets.UTF_8);
        assertThat(record).containsExactly(
                HEADER,
                "{\"do\":\"attendance\",\"present\":100,\"seq\":1,\"at\":\"2026-11-26T18:00:00Z\",\"prev\":\""
                        + org.folkmoot.record.Chain.sha256(HEADER) + "\"}",
                "{\"do\":\"note\",\"text\":\"Ελληνικά, русский, 中文 🙂\",\"seq\":2,\"at\":\"2026-11-26T18:01:00Z\",\"prev\":\""
                        + org.folkmoot.record.Chain.sha256(record.get(1)) + "\"}");
    }
}
