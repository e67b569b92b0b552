package org.folkmoot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.folkmoot.Meetings;
import org.folkmoot.record.Replay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Finding 8 of issue 11: a foreign SQLite file was changed although refused (switched to WAL), and one
 * holding only a view (or nothing) was made into a meeting file. A file Folkmoot did not make is read
 * read-only, refused with one line, and left byte for byte as it was, its time and its folder too.
 */
class ForeignFileTest {
    @TempDir
    Path tmp;

    interface Maker {
        void make(Path file) throws Exception;
    }

    static Stream<Arguments> foreignFiles() {
        return Stream.of(
                Arguments.of("contacts.db", (Maker) f -> sql(f, "CREATE TABLE contacts (name TEXT)", "INSERT INTO contacts VALUES ('Ada')"),
                        "not a Folkmoot meeting file: contacts.db (it holds other tables)"),
                Arguments.of("wal.db", (Maker) f -> sql(f, "PRAGMA journal_mode=WAL", "CREATE TABLE notes (text TEXT)", "INSERT INTO notes VALUES ('x')"),
                        "not a Folkmoot meeting file: wal.db (it holds other tables)"),
                Arguments.of("empty.db", (Maker) f -> sql(f, "PRAGMA user_version = 0", "VACUUM"),
                        "not a Folkmoot meeting file: empty.db (an empty SQLite database)"),
                Arguments.of("view.db", (Maker) f -> sql(f, "CREATE VIEW answer AS SELECT 42 AS n"),
                        "not a Folkmoot meeting file: view.db (it holds a view)"),
                Arguments.of("notes.meeting", (Maker) f -> Files.writeString(f, "agenda: the bakery\n"),
                        "not a Folkmoot meeting file: notes.meeting (not an SQLite database)"),
                Arguments.of("future.meeting", (Maker) ForeignFileTest::newerMeetingFile,
                        "future.meeting was made by a newer version of Folkmoot (meeting file version 99; this one knows up to "
                                + MeetingFile.SCHEMA + "): open it with that version; it was left untouched"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("foreignFiles")
    void aFileFolkmootDidNotMakeIsRefusedInOneLineAndLeftByteForByteAsItWas(String name, Maker maker, String refusal) throws Exception {
        Path file = tmp.resolve(name);
        maker.make(file);
        FileTime old = FileTime.fromMillis(1_700_000_000_000L); // a time the open could only change by writing
        Files.setLastModifiedTime(file, old);
        byte[] before = Files.readAllBytes(file);
        List<String> folderBefore = listing();

        assertThatThrownBy(() -> MeetingFile.open(file).close()).isInstanceOf(StoreException.class).hasMessage(refusal);
        // the screen says it in its language: every part of it, the reason in brackets too
        StoreException e = org.assertj.core.api.Assertions.catchThrowableOfType(() -> MeetingFile.open(file).close(), StoreException.class);
        assertThat(e.reason(java.util.Locale.forLanguageTag("es"))).startsWith(name.startsWith("future")
                ? name + " se hizo con una versión más nueva de Folkmoot" : "no es un archivo de asamblea de Folkmoot: " + name + " (")
                .doesNotContain("{").doesNotContain("holds").doesNotContain("SQLite database").doesNotContain("newer version");
        assertThat(e.reason(java.util.Locale.ROOT)).isEqualTo(refusal);

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(old);
        assertThat(listing()).as("nothing made beside it (no -wal, -shm, -journal)").isEqualTo(folderBefore);
    }

    @Test
    void aFolderOrAPipeIsNotAMeetingFile() throws Exception {
        Path folder = Files.createDirectory(tmp.resolve("old.meeting"));
        assertThatThrownBy(() -> MeetingFile.open(folder).close()).hasMessage("not a meeting file: old.meeting is a folder");
        Path fifo = tmp.resolve("pipe.meeting");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        assertThatThrownBy(() -> MeetingFile.open(fifo).close()).hasMessage("not a regular file: pipe.meeting");
    }

    @Test
    void anEmptyFileOrNoFileOrOneWhoseMakingWasStoppedIsMadeAMeetingFile() throws Exception {
        Path none = tmp.resolve("new.meeting");
        Path empty = Files.createFile(tmp.resolve("empty.meeting")); // what a first open stopped before it wrote leaves
        Path stopped = tmp.resolve("stopped.meeting"); // marked as ours, then the disk was full before its tables
        sql(stopped, "PRAGMA application_id = " + MeetingFile.APPLICATION_ID);
        for (Path file : List.of(none, empty, stopped)) {
            try (MeetingFile meeting = MeetingFile.open(file)) {
                assertThat(meeting.stored()).isEmpty();
                Replay.run((Meetings.HEADER + "\n" + Meetings.attendance(90) + "\n").getBytes(StandardCharsets.UTF_8), null, meeting, Meetings.FIXED);
            }
            try (MeetingFile meeting = MeetingFile.open(file)) {
                assertThat(meeting.stored().orElseThrow().lines()).hasSize(1);
            }
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
                 var rs = s.executeQuery("PRAGMA application_id")) {
                assertThat(rs.getInt(1)).isEqualTo(MeetingFile.APPLICATION_ID);
            }
        }
    }

    /** The schema version this Folkmoot knows is the last migration it ships: one cannot be added without the other. */
    @Test
    void theSchemaVersionKnownIsTheLastMigration() throws Exception {
        Path migrations = Path.of(MeetingFile.class.getResource("/db/migration").toURI());
        try (Stream<Path> files = Files.list(migrations)) {
            int last = files.map(p -> p.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow();
            assertThat(MeetingFile.SCHEMA).isEqualTo(Integer.toString(last));
        }
    }

    private List<String> listing() throws Exception {
        try (Stream<Path> files = Files.list(tmp)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void sql(Path file, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            for (String statement : statements) s.execute(statement);
        }
    }

    /** A meeting file as a later Folkmoot, with a migration 99 this one does not know, would leave it. */
    private static void newerMeetingFile(Path file) throws Exception {
        try (MeetingFile meeting = MeetingFile.open(file)) {
            Replay.run((Meetings.HEADER + "\n" + Meetings.attendance(90) + "\n").getBytes(StandardCharsets.UTF_8), null, meeting, Meetings.FIXED);
        }
        sql(file, "ALTER TABLE journal ADD COLUMN signed TEXT",
                "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, "
                        + "installed_on, execution_time, success) VALUES (99, '99', 'signed entries', 'SQL', 'V99__signed.sql', 0, '', "
                        + "'2027-01-01 00:00:00', 1, 1)");
    }
}
