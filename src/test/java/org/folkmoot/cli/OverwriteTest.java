package org.folkmoot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.folkmoot.combine.Communities;
import org.folkmoot.record.Json;
import org.folkmoot.files.DataFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, finding 6: no command writes over a file without {@code --force}, and none writes, even with it,
 * over the roster, an input, the secret key or anything that is not a regular file. A refusal is one line and
 * leaves every file as it was.
 */
class OverwriteTest {
    private static final String SHA = "0".repeat(64);

    @TempDir
    Path tmp;

    private static void refusedInOneLine(Cli cli, String says) {
        assertThat(cli.status()).as(cli.out() + cli.err()).isEqualTo(FolkmootCommand.REFUSED);
        assertThat(cli.err().lines()).as(cli.err()).hasSize(1);
        assertThat(cli.err()).contains(says);
    }

    @Test
    void keysExportNeverReplacesTheSecretKeyAndAnotherFileOnlyWithForce() throws Exception {
        assertThat(Cli.run("keys", "show").status()).isZero();
        Path secret = DataFolder.path().resolve("community.key");
        byte[] key = Files.readAllBytes(secret);
        for (String[] extra : new String[][] {{}, {"--force"}}) {
            Cli cli = Cli.run(concat(new String[] {"keys", "export", secret.toString(), "--id", "c", "--members", "10"}, extra));
            refusedInOneLine(cli, "not overwritten, even with --force: " + secret + " is the Community's secret key");
            assertThat(Files.readAllBytes(secret)).isEqualTo(key);
        }

        Path mine = Files.writeString(tmp.resolve("notes.key.json"), "my notes");
        refusedInOneLine(Cli.run("keys", "export", mine.toString(), "--id", "c", "--members", "10"),
                "exists, not overwritten (use --force): " + mine);
        assertThat(Files.readString(mine)).isEqualTo("my notes");
        assertThat(Cli.run("keys", "export", mine.toString(), "--id", "c", "--members", "10", "--force").status()).isZero();
        assertThat(Files.readString(mine)).contains("publicKey");

        Path fifo = fifo(tmp.resolve("pipe"));
        refusedInOneLine(Cli.run("keys", "export", fifo.toString(), "--id", "c", "--members", "10", "--force"),
                "not a regular file, not overwritten: " + fifo);
        refusedInOneLine(Cli.run("keys", "export", tmp.toString(), "--id", "c", "--members", "10", "--force"),
                "not a regular file, not overwritten: " + tmp);
    }

    @Test
    void combineNeverReplacesItsRosterOrAnInput() throws Exception {
        Path roster = tmp.resolve("m.roster.json");
        assertThat(Cli.run("roster", "new", roster.toString(), "--level", "municipality", "--id", "M", "--name", "M").status()).isZero();
        Path entry = Files.writeString(tmp.resolve("c1.key.json"), Json.compact(Communities.exported("c1")) + "\n");
        assertThat(Cli.run("roster", "enroll", roster.toString(), entry.toString()).status()).isZero();
        Path verdict = Files.write(tmp.resolve("c1.verdict"), Communities.verdict("c1", Communities.Decided.PASSED));
        byte[] rosterBytes = Files.readAllBytes(roster);
        byte[] verdictBytes = Files.readAllBytes(verdict);

        refusedInOneLine(Cli.run("combine", "--roster", roster.toString(), "--resolution", "R", "--text-sha256", SHA,
                verdict.toString(), "--out", roster.toString(), "--force"), "is the roster this count reads");
        refusedInOneLine(Cli.run("combine", "--roster", roster.toString(), "--resolution", "R", "--text-sha256", SHA,
                verdict.toString(), "--out", verdict.toString(), "--force"), "is an input of this count");
        assertThat(Files.readAllBytes(roster)).isEqualTo(rosterBytes);
        assertThat(Files.readAllBytes(verdict)).isEqualTo(verdictBytes);

        Path result = tmp.resolve("out").resolve("r.tally");
        Cli first = Cli.run("combine", "--roster", roster.toString(), "--resolution", "R", "--text-sha256", SHA, verdict.toString(),
                "--out", result.toString());
        assertThat(first.status()).as(first.err()).isZero();
        byte[] counted = Files.readAllBytes(result);
        refusedInOneLine(Cli.run("combine", "--roster", roster.toString(), "--resolution", "R", "--text-sha256", SHA, verdict.toString(),
                "--out", result.toString()), "exists, not overwritten (use --force): " + result);
        assertThat(Files.readAllBytes(result)).isEqualTo(counted);
        assertThat(Cli.run("combine", "--roster", roster.toString(), "--resolution", "R", "--text-sha256", SHA, verdict.toString(),
                "--out", result.toString(), "--force").status()).isZero();
        // a result already in a folder being counted is an input too
        refusedInOneLine(Cli.run("combine", "--roster", roster.toString(), "--resolution", "R", "--text-sha256", SHA,
                tmp.resolve("out").toString(), "--out", result.toString(), "--force"), "this count reads");
    }

    @Test
    void aReplayIntoAFolderHoldingAnEarlierOneReplacesNothingWithoutForce() throws Exception {
        Path out = tmp.resolve("stick");
        Path bakery = Path.of("assets", "meetings", "bakery.jsonl");
        Path library = Path.of("assets", "meetings", "library.jsonl");
        assertThat(Cli.run("replay", bakery.toString(), "--out", out.toString()).status()).isZero();
        byte[] record = Files.readAllBytes(out.resolve("record.jsonl"));
        byte[] minutes = Files.readAllBytes(out.resolve("minutes.pdf"));

        Cli again = Cli.run("replay", library.toString(), "--out", out.toString());
        refusedInOneLine(again, "exists, not overwritten (use --force): " + out.resolve("record.jsonl"));
        assertThat(again.out()).isEmpty();
        assertThat(Files.readAllBytes(out.resolve("record.jsonl"))).isEqualTo(record);
        assertThat(Files.readAllBytes(out.resolve("minutes.pdf"))).isEqualTo(minutes);
        assertThat(out.resolve("L-2.verdict")).as("nothing written of a refused replay").doesNotExist();

        Cli forced = Cli.run("replay", library.toString(), "--out", out.toString(), "--force");
        assertThat(forced.status()).as(forced.err()).isZero();
        assertThat(Files.readAllBytes(out.resolve("record.jsonl"))).isNotEqualTo(record);
        assertThat(out.resolve("L-2.verdict")).exists();
        assertThat(out.resolve("B-1.verdict")).as("a file this replay does not make is left alone").exists();

        // the meeting being replayed is never written over, even with --force: a script kept as record.jsonl
        Path inPlace = Files.createDirectories(tmp.resolve("again"));
        Path script = Files.copy(library, inPlace.resolve("record.jsonl"));
        byte[] input = Files.readAllBytes(script);
        refusedInOneLine(Cli.run("replay", script.toString(), "--out", inPlace.toString(), "--force"),
                "not overwritten, even with --force: " + script + " is the meeting being replayed");
        assertThat(Files.readAllBytes(script)).isEqualTo(input);
        // a record replayed into its own folder gives its own bytes again: nothing is written over, nothing refused
        Path record2 = out.resolve("record.jsonl");
        Cli itself = Cli.run("replay", record2.toString(), "--out", out.toString(), "--force");
        assertThat(itself.status()).as(itself.err()).isZero();
    }

    @Test
    void backupAndRosterSignReplaceOnlyWithForce() throws Exception {
        assertThat(Cli.run("keys", "show").status()).isZero();
        Path stick = tmp.resolve("stick");
        assertThat(Cli.run("backup", stick.toString()).status()).isZero();
        Path publicKey = stick.resolve("community.public-key.txt");
        Files.writeString(publicKey, "an older laptop's key");
        refusedInOneLine(Cli.run("backup", stick.toString()), "exists, not overwritten (use --force): ");
        assertThat(Files.readString(publicKey)).isEqualTo("an older laptop's key");
        assertThat(Cli.run("backup", stick.toString(), "--force").status()).isZero();
        assertThat(Files.readString(publicKey)).isNotEqualTo("an older laptop's key");
        refusedInOneLine(Cli.run("backup", DataFolder.path().toString(), "--with-secret-key", "--force"),
                "is the Community's secret key");

        Path roster = tmp.resolve("b.roster.json");
        assertThat(Cli.run("roster", "new", roster.toString(), "--level", "region", "--id", "B-" + System.nanoTime()).status()).isZero();
        byte[] plain = Files.readAllBytes(roster);
        refusedInOneLine(Cli.run("roster", "sign", roster.toString(), "--out", roster.toString(), "--force"),
                "is the roster being signed");
        assertThat(Files.readAllBytes(roster)).isEqualTo(plain);
        Path signed = Files.writeString(tmp.resolve("b.signed"), "keep me");
        refusedInOneLine(Cli.run("roster", "sign", roster.toString(), "--out", signed.toString()),
                "exists, not overwritten (use --force): " + signed);
        assertThat(Files.readString(signed)).isEqualTo("keep me");
        assertThat(Cli.run("roster", "sign", roster.toString(), "--out", signed.toString(), "--force").status()).isZero();
    }

    static Path fifo(Path path) throws Exception {
        Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        return path;
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
