package org.folkmoot.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.folkmoot.files.Logs;
import org.folkmoot.Meetings;
import org.folkmoot.cli.FolkmootCommand;
import org.folkmoot.procedure.Community;
import org.folkmoot.procedure.Rules;
import org.folkmoot.record.ActionCodec;
import org.folkmoot.record.HeaderCodec;
import org.folkmoot.record.Json;
import org.folkmoot.record.Replay;
import org.folkmoot.store.MeetingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data folder backed up as records, and a meeting file made again from its record; the log says what, not who. */
class BackupTest {
    @TempDir
    Path tmp;

    @Test
    void everyMeetingsRecordIsBackedUpAndMakesTheMeetingFileAgain() throws Exception {
        Path data = tmp.resolve("data");
        Logs.start(data);
        CommunitySettings.save(data, new Community("test-1", "Test 1", 150), Rules.defaults());
        Path file = Files.createDirectories(data.resolve("meetings")).resolve("2026-11-26-test-1.meeting");
        List<String> record;
        try (MeetingSession s = MeetingSession.create(file, HeaderCodec.read(Json.object(Meetings.HEADER)), Clock.systemUTC())) {
            for (String line : List.of(Meetings.attendance(120), Meetings.present("R1"), Meetings.vote("check-1", 110, 5, 5),
                    "{\"do\":\"elect\",\"name\":\"Dana Quill\",\"mandate\":\"Carry R1\",\"for\":100,\"against\":10,\"abstain\":0}")) {
                assertThat(s.take(ActionCodec.read(Json.object(line)))).isEmpty();
            }
            record = s.record();
        }

        Path target = tmp.resolve("usb");
        Backup.Written w = Backup.write(data, target, false);
        assertThat(w.records()).containsExactly(target.resolve("2026-11-26-test-1.jsonl"));
        assertThat(Files.readAllBytes(w.records().get(0))).isEqualTo(Replay.recordBytes(record));
        assertThat(target.resolve("community.json")).exists();
        assertThat(target.resolve("community.public-key.txt")).exists();
        assertThat(target.resolve("community.key")).doesNotExist();
        assertThat(Backup.write(data, tmp.resolve("usb2"), true).secretKey()).isTrue();
        assertThat(Files.readAllBytes(tmp.resolve("usb2/community.key"))).isEqualTo(Files.readAllBytes(data.resolve("community.key")));

        // the meeting file made again from its backed-up record holds the same record
        Path restored = tmp.resolve("restored.meeting");
        int status = FolkmootCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                "replay", w.records().get(0).toString(), "--db", restored.toString(), "--out", tmp.resolve("out").toString());
        assertThat(status).isZero();
        try (MeetingFile again = MeetingFile.open(restored)) {
            Replay.Stored stored = again.stored().orElseThrow();
            assertThat(stored.headerLine()).isEqualTo(record.get(0));
            assertThat(stored.lines()).isEqualTo(record.subList(1, record.size()));
        }

        // the log says what was done, never who: no names of the record in it
        String log = Files.readString(data.resolve("logs/folkmoot-0.log"));
        assertThat(log).contains("started the meeting file 2026-11-26-test-1.meeting").contains("recorded entry 4 (elect)")
                .contains("backed up 1 meeting records");
        assertThat(log).doesNotContain("Dana").doesNotContain("Garden");
    }

    /** Issue 13: a laptop restored from the backup still trusts the bodies it enrolled, and keeps the proposals it presented. */
    @Test
    void theEnrolledBodiesAndTheProposalsPresentedAreBackedUp() throws Exception {
        Path data = tmp.resolve("data");
        org.folkmoot.verdict.CommunityKey millbrook = org.folkmoot.verdict.CommunityKey.fromSeed(new byte[32]);
        org.folkmoot.proposal.Bodies.load(data).add(org.folkmoot.proposal.Bodies.readKeyFile(org.folkmoot.proposal.Bodies.keyFile(
                new org.folkmoot.verdict.Roster.Body("municipality", "M7", "Millbrook"), millbrook), java.time.LocalDate.of(2026, 12, 1)));
        Path shelf = Files.createDirectories(data.resolve("proposals"));
        String sha = "ab".repeat(32);
        Files.writeString(shelf.resolve(sha + ".proposal"), "a proposal, kept as it came\n");
        Files.writeString(shelf.resolve(".x.tmp"), "half-written\n"); // not a proposal: left behind

        Path usb = tmp.resolve("usb");
        Backup.Written w = Backup.write(data, usb, false);

        assertThat(w.unreadable()).isEmpty();
        assertThat(Files.readAllBytes(usb.resolve("bodies.json"))).isEqualTo(Files.readAllBytes(data.resolve("bodies.json")));
        assertThat(Files.readString(usb.resolve("proposals/" + sha + ".proposal"))).isEqualTo("a proposal, kept as it came\n");
        assertThat(usb.resolve("proposals/.x.tmp")).doesNotExist();
        // restored: the backup's files copied into a new data folder, and the body is trusted there
        assertThat(org.folkmoot.proposal.Bodies.load(usb).byKeyId(millbrook.keyId())).isPresent();

        // `folkmoot backup` checks these too before writing anything: an earlier backup is not overwritten without --force
        String before = System.getProperty(org.folkmoot.files.DataFolder.PROPERTY);
        System.setProperty(org.folkmoot.files.DataFolder.PROPERTY, data.toString());
        try {
            Path again = Files.createDirectories(tmp.resolve("usb3"));
            Files.writeString(again.resolve("bodies.json"), "an older list\n");
            StringWriter err = new StringWriter();
            int status = FolkmootCommand.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "backup", again.toString());
            assertThat(status).isNotZero();
            assertThat(err.toString()).contains("bodies.json");
            assertThat(Files.readString(again.resolve("bodies.json"))).isEqualTo("an older list\n");
            assertThat(again.resolve("community.public-key.txt")).doesNotExist();
        } finally {
            if (before == null) System.clearProperty(org.folkmoot.files.DataFolder.PROPERTY);
            else System.setProperty(org.folkmoot.files.DataFolder.PROPERTY, before);
        }
    }

    /** Finding 9 of issue 11: {@code backup --with-secret-key} wrote the secret key readable by everyone. */
    @Test
    void theSecretKeyInABackupIsOwnerOnly() throws Exception {
        Path data = tmp.resolve("data");
        String before = System.getProperty(org.folkmoot.files.DataFolder.PROPERTY);
        System.setProperty(org.folkmoot.files.DataFolder.PROPERTY, data.toString());
        try {
            byte[] publicKey = org.folkmoot.verdict.CommunityKey.loadOrCreate(data).publicKey();
            Path usb = tmp.resolve("usb");
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int status = FolkmootCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), "backup", usb.toString(), "--with-secret-key");
            assertThat(err.toString()).isEmpty();
            assertThat(status).isZero();
            Path copy = usb.resolve("community.key");
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(copy))).isEqualTo("rw-------");
            // and it is the key: restored from the copy, it signs as the Community
            byte[] seed = org.folkmoot.verdict.Ed25519Keys.decodeBase64(Files.readString(copy).strip());
            assertThat(org.folkmoot.verdict.CommunityKey.fromSeed(seed).publicKey()).isEqualTo(publicKey);
            try (var left = Files.list(usb)) {
                assertThat(left.map(p -> p.getFileName().toString())).doesNotContain(".community.key.new").allMatch(n -> !n.endsWith(".new"));
            }
        } finally {
            if (before == null) System.clearProperty(org.folkmoot.files.DataFolder.PROPERTY);
            else System.setProperty(org.folkmoot.files.DataFolder.PROPERTY, before);
        }
    }
}
