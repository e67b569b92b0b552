package org.folkmoot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.folkmoot.files.DataFolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hall, finding 10: a backed-up record replayed into a new data folder silently made a new key, so its
 * verdicts no longer matched the roster. Restoring it into the data folder's meetings now asks for the old key or
 * an explicit --new-key, and any replay of a record that made a new key says so.
 */
class RestoreKeyTest {
    @TempDir
    Path tmp;
    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(DataFolder.PROPERTY);
    }

    @AfterEach
    void restore() {
        if (before == null) System.clearProperty(DataFolder.PROPERTY); else System.setProperty(DataFolder.PROPERTY, before);
    }

    private Cli on(Path home, String... args) {
        System.setProperty(DataFolder.PROPERTY, home.toString());
        return Cli.run(args);
    }

    @Test
    void aRecordRestoredOntoALaptopWithoutItsKeyIsNotSignedWithANewOneUnlessAsked() throws Exception {
        Path script = tmp.resolve("m.jsonl");
        Files.writeString(script, "{\"format\":\"folkmoot-meeting/1\",\"community\":{\"id\":\"c1\",\"name\":\"C1\",\"members\":150},"
                + "\"meeting\":{\"date\":\"2026-12-10\",\"place\":\"Hall\",\"facilitator\":\"Ana\",\"secretary\":\"Bo\"}}\n"
                + "{\"do\":\"attendance\",\"present\":120}\n"
                + "{\"do\":\"present\",\"resolution\":\"R1\",\"title\":\"T\",\"text\":\"A text.\",\"proposer\":\"Cy\"}\n"
                + "{\"do\":\"vote\",\"stage\":\"check-1\",\"for\":115,\"against\":3,\"abstain\":2}\n");
        Path old = tmp.resolve("old-laptop");
        assertThat(on(old, "replay", script.toString(), "--out", tmp.resolve("stick").toString()).status()).isZero();
        Path record = tmp.resolve("stick").resolve("record.jsonl");

        Path fresh = tmp.resolve("new-laptop");
        Path meetingFile = fresh.resolve("meetings").resolve("c1.meeting");
        Cli refused = on(fresh, "replay", record.toString(), "--db", meetingFile.toString(), "--out", tmp.resolve("out1").toString());
        assertThat(refused.status()).isEqualTo(FolkmootCommand.REFUSED);
        assertThat(refused.err()).contains("has no Community key").contains("--with-secret-key").contains("--new-key");
        assertThat(refused.err().lines().count()).isEqualTo(1);
        assertThat(meetingFile).doesNotExist();
        assertThat(fresh.resolve("community.key")).as("no key made").doesNotExist();

        // the old laptop's key put back: restored as it was, the same verdict
        Files.createDirectories(fresh);
        Files.copy(old.resolve("community.key"), fresh.resolve("community.key"));
        Cli restored = on(fresh, "replay", record.toString(), "--db", meetingFile.toString(), "--out", tmp.resolve("out2").toString());
        assertThat(restored.status()).as(restored.err()).isZero();
        assertThat(restored.err()).isEmpty();
        assertThat(Files.readAllBytes(tmp.resolve("out2").resolve("R1.verdict"))).isEqualTo(Files.readAllBytes(tmp.resolve("stick").resolve("R1.verdict")));

        // or, asked for, a new key, said so
        Path other = tmp.resolve("third-laptop");
        Cli anew = on(other, "replay", record.toString(), "--db", other.resolve("meetings").resolve("c1.meeting").toString(), "--new-key",
                "--out", tmp.resolve("out3").toString());
        assertThat(anew.status()).isZero();
        assertThat(anew.err()).contains("note: ").contains("had no Community key; a new one (ed25519:");

        // a script replayed anywhere, or a record replayed outside the data folder's meetings, is as before
        assertThat(on(tmp.resolve("fourth"), "replay", script.toString(), "--out", tmp.resolve("out4").toString()).err()).isEmpty();
        Cli elsewhere = on(tmp.resolve("fifth"), "replay", record.toString(), "--out", tmp.resolve("out5").toString());
        assertThat(elsewhere.status()).isZero();
        assertThat(elsewhere.err()).contains("note: ");
    }
}
