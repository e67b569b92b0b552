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
import org.folkmoot.Meetings;
import org.folkmoot.procedure.Resolution;
import org.folkmoot.procedure.Stage;
import org.folkmoot.record.FormatException;
import org.folkmoot.record.Replay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The meeting file: durable settings, an append-only journal, integrity checked, prefix kept. */
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

    @Test
    void theFileIsInWalModeAndCommitsWithFullSync() throws Exception {
        Path db = tmp.resolve("m.db");
        replayInto(db, script(Meetings.attendance(100)));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
            assertThat(rs.getString(1)).isEqualTo("wal");
        }
        // synchronous is a per-connection setting: check the one the store opens with
        try (MeetingFile file = MeetingFile.open(db)) {
            assertThat(file.synchronousMode()).isEqualTo(2); // FULL
        }
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
        // checkpoint the WAL into the main file, then damage a page in the middle of it
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            s.execute("PRAGMA journal_mode=DELETE");
        }
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
    void anotherSqliteDatabaseIsRefusedAndLeftUntouched() throws Exception {
        Path db = tmp.resolve("contacts.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE contacts (name TEXT)");
        }
        byte[] before = Files.readAllBytes(db);
        assertThatThrownBy(() -> MeetingFile.open(db).close())
                .isInstanceOf(StoreException.class)
                .hasMessage("contacts.db is an SQLite database, but not a Folkmoot meeting file; it was left untouched");
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
        assertThat(Files.exists(tmp.resolve("contacts.db-wal"))).isFalse();
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
