package org.folkmoot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.folkmoot.Meetings;
import org.folkmoot.procedure.Resolution;
import org.folkmoot.procedure.Stage;
import org.folkmoot.record.FormatException;
import org.folkmoot.record.Replay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The meeting file: durable settings, whole by itself, an append-only journal, integrity checked, prefix kept. */
class MeetingFileTest {
    @TempDir
    Path tmp;

    private static byte[] script(String... actions) {
        StringBuilder s = new StringBuilder(Meetings.HEADER).append('\n');
        for (String a : actions) s.append(a).append('\n');
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private Replay.Result replayInto(Path db, byte[] script) throws StoreException, FormatException {
        try (MeetingFile file = MeetingFile.open(db)) {
            return Replay.run(script, file.stored().orElse(null), file, Meetings.FIXED);
        }
    }

    @Test
    void reopeningReplaysTheJournalAndLandsWhereItWas() throws Exception {
        Path db = tmp.resolve("m.db");
        Replay.Result first = replayInto(db, script(Meetings.attendance(100), Meetings.present("R1"),
                Meetings.vote("check-1", 80, 20, 0)));
        try (MeetingFile file = MeetingFile.open(db)) {
            Replay.Stored stored = file.stored().orElseThrow();
            assertThat(stored.headerLine()).isEqualTo(Meetings.HEADER);
            assertThat(stored.lines()).isEqualTo(first.record().subList(1, 4));
            // the stored journal alone folds to the same place
            Replay.Result reopened = Replay.reopen(stored);
            assertThat(reopened.record()).isEqualTo(first.record());
            Resolution was = first.meeting().current().orElseThrow();
            Resolution is = reopened.meeting().current().orElseThrow();
            assertThat(is.stage()).isEqualTo(Stage.OBJECTIONS).isEqualTo(was.stage());
            assertThat(is.votes()).isEqualTo(was.votes());
            assertThat(reopened.meeting().present()).isEqualTo(100);
        }
    }

    @Test
    void theJournalRefusesUpdateDeleteAndGaps() throws Exception {
        Path db = tmp.resolve("m.db");
        replayInto(db, script(Meetings.attendance(100), Meetings.present("R1")));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE journal SET line = 'x' WHERE seq = 1"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("the journal is append-only");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM journal"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("the journal is append-only");
            assertThatThrownBy(() -> s.executeUpdate("INSERT INTO journal (seq, line, sha256) VALUES (5, 'x', 'y')"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("appended in order");
            assertThatThrownBy(() -> s.executeUpdate("UPDATE meeting_header SET line = 'x'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("never changed");
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM journal")) {
                assertThat(rs.getInt(1)).isEqualTo(2);
            }
        }
    }

    /**
     * Finding 8 of issue 11: a copy of the meeting file alone, without the {@code -wal} beside it, lost
     * committed entries silently. After every commit the file is whole by itself.
     */
    @Test
    void aCopyOfTheMeetingFileAloneHoldsEveryCommittedEntry() throws Exception {
        Path db = tmp.resolve("m.meeting");
        Replay.Result script = Replay.run(script(Meetings.attendance(100), Meetings.present("R1"), Meetings.vote("check-1", 80, 20, 0),
                Meetings.objections(12, 8)), null, null, Meetings.FIXED);
        List<String> record = script.record();
        try (MeetingFile file = MeetingFile.open(db)) {
            file.start(record.get(0));
            for (int seq = 1; seq < record.size(); seq++) {
                file.append(seq, record.get(seq));
                // the app is still running, the file still open: a copy of the file alone, as a user would take it
                Path copy = Files.createDirectories(tmp.resolve("stick-" + seq)).resolve("m.meeting");
                Files.copy(db, copy);
                try (MeetingFile again = MeetingFile.open(copy)) {
                    assertThat(again.stored().orElseThrow().lines()).isEqualTo(record.subList(1, seq + 1));
                }
            }
            assertThat(file.synchronousMode()).isEqualTo(3); // EXTRA: the journal's removal, the commit, reaches the disk too
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
            assertThat(rs.getString(1)).isEqualTo("delete");
        }
        try (var beside = Files.list(tmp)) {
            assertThat(beside.map(p -> p.getFileName().toString())).contains("m.meeting").noneMatch(n -> n.startsWith("m.meeting-"));
        }
    }

    /** A meeting file of an earlier version, in WAL mode, crashed with committed entries in its -wal only. */
    @Test
    void aWalModeFileOfAnEarlierVersionOpensAndIsConvertedLosingNothing() throws Exception {
        Replay.Result meeting = Replay.run(script(Meetings.attendance(100), Meetings.present("R1"), Meetings.vote("check-1", 80, 20, 0)),
                null, null, Meetings.FIXED);
        List<String> record = meeting.record();
        Path made = Files.createDirectories(tmp.resolve("laptop")).resolve("old.meeting");
        Path crashed = Files.createDirectories(tmp.resolve("after-the-crash")).resolve("old.meeting");
        org.flywaydb.core.Flyway.configure().dataSource("jdbc:sqlite:" + made, null, null)
                .locations("classpath:db/migration").loggers("slf4j").load().migrate();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + made); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA wal_autocheckpoint=0"); // as after a crash: the entries in the -wal only
            try (var insert = c.prepareStatement("INSERT INTO meeting_header (id, line, sha256) VALUES (1, ?, ?)")) {
                insert.setString(1, record.get(0));
                insert.setString(2, org.folkmoot.record.Chain.sha256(record.get(0)));
                insert.execute();
            }
            for (int i = 1; i < record.size(); i++) {
                try (var insert = c.prepareStatement("INSERT INTO journal (seq, line, sha256) VALUES (?, ?, ?)")) {
                    insert.setInt(1, i);
                    insert.setString(2, record.get(i));
                    insert.setString(3, org.folkmoot.record.Chain.sha256(record.get(i)));
                    insert.execute();
                }
            }
            // the crash: the files as they stand while it is still open
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Files.copy(Path.of(made + suffix), Path.of(crashed + suffix));
            }
        }
        assertThat(Files.size(Path.of(crashed + "-wal"))).isPositive();

        // while an earlier version still has it open it cannot be converted, and is not used half-whole
        try (Connection earlier = DriverManager.getConnection("jdbc:sqlite:" + crashed); Statement s = earlier.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM journal")) {
            assertThat(rs.getInt(1)).isEqualTo(record.size() - 1);
            assertThatThrownBy(() -> MeetingFile.open(crashed).close()).isInstanceOf(StoreException.class)
                    .hasMessage("cannot open the meeting file old.meeting: it is in use by another program (close it there and try again)");
        }

        try (MeetingFile file = MeetingFile.open(crashed)) {
            assertThat(file.stored().orElseThrow().lines()).isEqualTo(record.subList(1, record.size()));
        }
        assertThat(Files.exists(Path.of(crashed + "-wal"))).as("the -wal folded into the file").isFalse();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + crashed); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
            assertThat(rs.getString(1)).isEqualTo("delete");
        }
        Path copy = Files.createDirectories(tmp.resolve("stick")).resolve("old.meeting");
        Files.copy(crashed, copy);
        try (MeetingFile file = MeetingFile.open(copy)) {
            assertThat(file.stored().orElseThrow().lines()).isEqualTo(record.subList(1, record.size()));
        }
    }

    /**
     * A write interrupted in the middle of its commit (the power cut, the kill) leaves the meeting file with
     * its hot {@code -journal}: opened, the unfinished entry is rolled back and every committed one is kept.
     */
    @Test
    void aCommitInterruptedHalfWayIsRolledBackKeepingEveryCommittedEntry() throws Exception {
        Path db = Files.createDirectories(tmp.resolve("laptop")).resolve("m.meeting");
        Replay.Result first = replayInto(db, script(Meetings.attendance(100), Meetings.present("R1")));
        Path crashed = Files.createDirectories(tmp.resolve("after-the-crash")).resolve("m.meeting");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("PRAGMA cache_size = 1"); // spill changed pages into the file before the commit, as a big one does
            s.execute("BEGIN");
            for (int i = 3; i < 400; i++) {
                s.execute("INSERT INTO journal (seq, line, sha256) VALUES (" + i + ", '" + "x".repeat(500) + "', 'none')");
            }
            assertThat(Files.size(Path.of(db + "-journal"))).isPositive();
            Files.copy(db, crashed);
            Files.copy(Path.of(db + "-journal"), Path.of(crashed + "-journal"));
        }
        try (MeetingFile file = MeetingFile.open(crashed)) {
            assertThat(file.stored().orElseThrow().lines()).isEqualTo(first.record().subList(1, 3));
        }
        assertThat(Files.exists(Path.of(crashed + "-journal"))).isFalse();
    }

    @Test
    void aTamperedJournalIsRefusedOnOpen() throws Exception {
        Path db = tmp.resolve("m.db");
        replayInto(db, script(Meetings.attendance(100), Meetings.present("R1")));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            // someone with the file and a tool drops the guard and edits an entry
            s.executeUpdate("DROP TRIGGER journal_no_update");
            s.executeUpdate("UPDATE journal SET line = replace(line, '100', '99') WHERE seq = 1");
        }
        try (MeetingFile file = MeetingFile.open(db)) {
            assertThatThrownBy(file::stored).isInstanceOf(StoreException.class).hasMessageContaining("entry 1 does not match its hash");
        }
    }

    @Test
    void aDamagedFileIsRefusedAndLeftAsItWas() throws Exception {
        Path db = tmp.resolve("m.db");
        replayInto(db, script(Meetings.attendance(100), Meetings.present("R1")));
        // damage a page in the middle of it
        byte[] bytes = Files.readAllBytes(db);
        for (int page = 4096; page < bytes.length; page += 4096) {
            for (int i = page; i < page + 8; i++) bytes[i] = (byte) 0xA5; // every b-tree page header but the first
        }
        Files.write(db, bytes);
        assertThatThrownBy(() -> MeetingFile.open(db).close())
                .isInstanceOf(StoreException.class).hasMessageContaining("left untouched");
        assertThat(Files.readAllBytes(db)).isEqualTo(bytes);
    }

    @Test
    void aFileOfTheFirstSchemaOpensAndGainsTheRoomKeepingItsRecord() throws Exception {
        Path db = tmp.resolve("v1.meeting");
        // a meeting file exactly as version 1 of the schema made it: migrated to V1 only, then written
        org.flywaydb.core.Flyway.configure().dataSource("jdbc:sqlite:" + db, null, null)
                .locations("classpath:db/migration").target("1").loggers("slf4j").load().migrate();
        Replay.Result first;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            first = Replay.run(script(Meetings.attendance(100), Meetings.present("R1")), null, null, Meetings.FIXED);
            try (var insert = c.prepareStatement("INSERT INTO meeting_header (id, line, sha256) VALUES (1, ?, ?)")) {
                insert.setString(1, first.record().get(0));
                insert.setString(2, org.folkmoot.record.Chain.sha256(first.record().get(0)));
                insert.execute();
            }
            for (int i = 1; i < first.record().size(); i++) {
                try (var insert = c.prepareStatement("INSERT INTO journal (seq, line, sha256) VALUES (?, ?, ?)")) {
                    insert.setInt(1, i);
                    insert.setString(2, first.record().get(i));
                    insert.setString(3, org.folkmoot.record.Chain.sha256(first.record().get(i)));
                    insert.execute();
                }
            }
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT count(*) FROM sqlite_master WHERE name = 'room'")) {
                assertThat(rs.getInt(1)).isZero();
            }
        }
        try (MeetingFile file = MeetingFile.open(db)) {
            assertThat(Replay.reopen(file.stored().orElseThrow()).record()).isEqualTo(first.record());
            assertThat(file.room()).isEmpty();
            file.saveRoom("{\"remaining\":90}", java.time.Instant.parse("2026-11-26T18:00:00Z"));
            file.saveRoom("{\"remaining\":80}", java.time.Instant.parse("2026-11-26T18:00:10Z"));
        }
        try (MeetingFile file = MeetingFile.open(db)) {
            assertThat(file.room().orElseThrow().state()).isEqualTo("{\"remaining\":80}");
            assertThat(file.room().orElseThrow().savedAt()).isEqualTo(java.time.Instant.parse("2026-11-26T18:00:10Z"));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT max(version) FROM flyway_schema_history WHERE success = 1")) {
            assertThat(rs.getString(1)).isEqualTo("2");
        }
    }
}
