package org.folkmoot.verdict;

import org.folkmoot.files.DataFolder;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.folkmoot.cli.FolkmootCommand;
import org.folkmoot.record.Chain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code audit}, {@code verify} and {@code keys} as a delegate and a clerk use them. */
class AuditAndKeysTest {
    @TempDir
    Path tmp;

    record Run(int status, String out, String err) {
    }

    static Run cli(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int status = FolkmootCommand.run(new PrintWriter(o, true), new PrintWriter(e, true), args);
        return new Run(status, o.toString(), e.toString());
    }

    @Test
    void auditPassesOnAFreshVerdictAndItsRecord() {
        Verdicts.replay("library.jsonl", tmp);
        for (String id : new String[] {"L-1", "L-2", "L-3"}) {
            Run audit = cli("audit", tmp.resolve(id + ".verdict").toString(), tmp.resolve("record.jsonl").toString());
            assertThat(audit.err()).isEmpty();
            assertThat(audit.status()).isZero();
            assertThat(audit.out()).startsWith("audit passed: ").contains(id);
        }
        assertThat(Files.exists(tmp.resolve("L-4.verdict"))).as("no verdict for an open resolution").isFalse();
    }

    @Test
    void auditFailsWhenOneEntryOfTheRecordIsChanged() throws Exception {
        Verdicts.replay("bakery.jsonl", tmp);
        Path record = tmp.resolve("record.jsonl");
        List<String> lines = Files.readAllLines(record, StandardCharsets.UTF_8);

        // changed in place: the chain breaks at the next line
        List<String> changed = new ArrayList<>(lines);
        changed.set(28, changed.get(28).replace("\"for\":105", "\"for\":104"));
        assertThat(changed.get(28)).isNotEqualTo(lines.get(28)).contains("\"stage\":\"final\"");
        Path tampered = tmp.resolve("tampered.jsonl");
        Files.write(tampered, changed, StandardCharsets.UTF_8);
        Run audit = cli("audit", tmp.resolve("B-1.verdict").toString(), tampered.toString());
        assertThat(audit.status()).isEqualTo(1);
        assertThat(audit.err()).startsWith("audit failed: the record does not replay: line 30, entry 29: the chain is broken");

        // changed and chained again by someone who knows how: the record is still not the verdict's
        List<String> rechained = new ArrayList<>(lines);
        rechained.set(28, rechained.get(28).replace("\"for\":105", "\"for\":104"));
        for (int i = 29; i < rechained.size(); i++) {
            rechained.set(i, rechained.get(i).replaceFirst("\"prev\":\"[0-9a-f]{64}\"",
                    "\"prev\":\"" + Chain.sha256(rechained.get(i - 1)) + "\""));
        }
        Path forged = tmp.resolve("forged.jsonl");
        Files.write(forged, rechained, StandardCharsets.UTF_8);
        Run audit2 = cli("audit", tmp.resolve("B-1.verdict").toString(), forged.toString());
        assertThat(audit2.status()).isEqualTo(1);
        assertThat(audit2.err()).startsWith("audit failed: the record is not the one the verdict was made from");
    }

    @Test
    void theKeyIsOwnerOnlyAndExportsAsARosterEntryThatVerifiesTheVerdicts() throws Exception {
        Verdicts.replay("night-market.jsonl", tmp);
        CommunityKey key = Verdicts.dataFolderKey();
        Path keyFile = DataFolder.path().resolve("community.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");

        Run show = cli("keys", "show");
        assertThat(show.status()).isZero();
        assertThat(show.out()).contains("key id:      " + key.keyId()).contains(Ed25519Keys.base64(key.publicKey()));

        Path entry = tmp.resolve("harbour-9.json");
        Run export = cli("keys", "export", entry.toString(), "--id", "harbour-9", "--name", "Harbour 9", "--members", "160");
        assertThat(export.status()).isZero();
        String entryJson = Files.readString(entry).strip();
        assertThat(entryJson).contains("\"id\":\"harbour-9\"").contains("\"publicKey\":\"" + Ed25519Keys.base64(key.publicKey()) + "\"");
        Path roster = tmp.resolve("roster.json");
        Files.writeString(roster, "{\"format\":\"folkmoot-roster/1\",\"body\":{\"level\":\"municipality\",\"id\":\"m\",\"name\":\"M\"},"
                + "\"version\":1,\"communities\":[" + entryJson.replace("\"validFrom\":\"" + java.time.LocalDate.now() + "\"", "\"validFrom\":null") + "]}");
        Run verify = cli("verify", tmp.resolve("N-4.verdict").toString(), "--roster", roster.toString());
        assertThat(verify.err()).isEmpty();
        assertThat(verify.status()).isZero();
        assertThat(verify.out()).contains("N-4 not-passed").contains("(in the roster)");
    }

    @Test
    void verifySaysOneLinePerFileAndFailsIfAnyIsRefused() throws Exception {
        Verdicts.replay("library.jsonl", tmp);
        Path junk = tmp.resolve("junk.verdict");
        Files.writeString(junk, "not a verdict");
        Run run = cli("verify", tmp.resolve("L-1.verdict").toString(), junk.toString(), tmp.resolve("L-3.verdict").toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out().lines()).hasSize(2);
        assertThat(run.err()).isEqualTo(junk + ": refused — the file is not JSON\n");

        Run json = cli("verify", "--json", tmp.resolve("L-2.verdict").toString());
        assertThat(json.status()).isZero();
        assertThat(json.out()).startsWith("{\"format\":\"folkmoot-verdict/1\"").contains("\"outcome\":\"passed\"");
    }

    @Test
    void keysExportNeedsNoOptionsOnceAReplayHasSetTheCommunityUp() throws Exception {
        Verdicts.replay("bakery.jsonl", tmp);
        var community = org.folkmoot.session.CommunitySettings.load(DataFolder.path()).orElseThrow();
        Path entry = tmp.resolve("entry.json");
        Run export = cli("keys", "export", entry.toString());
        assertThat(export.err()).isEmpty();
        assertThat(export.status()).isZero();
        assertThat(Files.readString(entry)).contains("\"id\":\"" + community.id() + "\"")
                .contains("\"members\":" + community.members())
                .contains("\"publicKey\":\"" + Ed25519Keys.base64(Verdicts.dataFolderKey().publicKey()) + "\"");
        // a later replay of another Community's meeting does not take the key over
        Verdicts.replay("night-market.jsonl", tmp.resolve("other"));
        assertThat(org.folkmoot.session.CommunitySettings.load(DataFolder.path()).orElseThrow()).isEqualTo(community);
    }

    /** Finding 9 of issue 11: a secret key file others could read was used as it was, without a word. */
    @Test
    void aSecretKeyOthersCouldReadIsMadeOwnerOnlyAndTheUserIsToldInOneLine() throws Exception {
        Path home = tmp.resolve("home");
        String before = System.getProperty(DataFolder.PROPERTY);
        System.setProperty(DataFolder.PROPERTY, home.toString());
        try {
            CommunityKey key = CommunityKey.loadOrCreate(home);
            Path keyFile = home.resolve("community.key");
            Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--")); // say, copied back from a stick

            Run show = cli("keys", "show");
            assertThat(show.status()).isZero();
            assertThat(show.out()).contains("key id:      " + key.keyId());
            assertThat(show.err()).isEqualTo("folkmoot: the secret key " + keyFile
                    + " was open to other users (rw-r--r--); it is owner-only now (if anyone may have copied it, have the key revoked)\n");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");

            Run again = cli("keys", "show"); // said once: it is owner-only now
            assertThat(again.err()).isEmpty();
            assertThat(again.out()).contains("key id:      " + key.keyId());
        } finally {
            if (before == null) System.clearProperty(DataFolder.PROPERTY); else System.setProperty(DataFolder.PROPERTY, before);
        }
    }
}
