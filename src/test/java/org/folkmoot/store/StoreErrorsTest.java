package org.folkmoot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.folkmoot.Meetings;
import org.folkmoot.cli.FolkmootCommand;
import org.folkmoot.record.Replay;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding 8 of issue 11 ("words"): what the user sees when the meeting file is locked, full, damaged or
 * read-only is one line of their words, never SQLite's or Flyway's text.
 */
class StoreErrorsTest {
    private static final String[] RAW = {"SQLITE_", "[SQLITE", "Flyway", "flyway", "SQL error", "INSERT", "Exception", "jdbc"};

    @TempDir
    Path tmp;

    record Run(int status, String out, String err) {
    }

    private Run replay(Path db) throws Exception {
        Path script = tmp.resolve("script.jsonl");
        Files.writeString(script, Meetings.HEADER + "\n" + Meetings.attendance(100) + "\n" + Meetings.present("R1") + "\n", StandardCharsets.UTF_8);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = FolkmootCommand.run(new PrintWriter(out, true), new PrintWriter(err, true),
                "replay", script.toString(), "--out", tmp.resolve("out").toString(), "--db", db.toString());
        return new Run(status, out.toString(), err.toString());
    }

    private static void assertOneLineOfOurWords(String said) {
        assertThat(said.lines()).hasSize(1);
        for (String raw : RAW) assertThat(said).doesNotContain(raw);
    }

    private Path meetingFile(String name) throws Exception {
        Path db = tmp.resolve(name);
        try (MeetingFile file = MeetingFile.open(db)) {
            Replay.run((Meetings.HEADER + "\n" + Meetings.attendance(100) + "\n").getBytes(StandardCharsets.UTF_8), null, file, Meetings.FIXED);
        }
        return db;
    }

    @Test
    void aFileLockedByAnotherProgramSaysSo() throws Exception {
        Path db = meetingFile("locked.meeting");
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = other.createStatement()) {
            s.execute("BEGIN EXCLUSIVE"); // another program in the middle of writing it
            Run run = replay(db);
            assertThat(run.err()).isEqualTo("folkmoot: cannot open the meeting file locked.meeting: it is in use by another program "
                    + "(close it there and try again)\n");
            assertThat(run.status()).isEqualTo(FolkmootCommand.REFUSED);
            s.execute("ROLLBACK");
        }
    }

    @Test
    void aFullDiskSaysSoAndRecordsNothing() throws Exception {
        Path db = meetingFile("full.meeting");
        long pages;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             var rs = s.executeQuery("PRAGMA page_count")) {
            pages = rs.getLong(1);
        }
        try (MeetingFile file = MeetingFile.open(db)) {
            file.limitPages(pages); // not one page more: SQLite fails the write as on a full disk (SQLITE_FULL)
            assertThatThrownBy(() -> file.append(2, "x".repeat(20_000)))
                    .isInstanceOf(StoreException.Unchecked.class).hasMessage("the disk is full");
            assertThat(file.stored().orElseThrow().lines()).hasSize(1);
        }
    }

    @Test
    void aDamagedFileSaysSo() throws Exception {
        Path db = meetingFile("damaged.meeting");
        byte[] bytes = Files.readAllBytes(db);
        for (int page = 4096; page < bytes.length; page += 4096) {
            for (int i = page; i < page + 8; i++) bytes[i] = (byte) 0xA5;
        }
        Files.write(db, bytes);
        Run run = replay(db);
        assertThat(run.err()).isEqualTo("folkmoot: damaged.meeting is damaged (SQLite finds it corrupt); it was left untouched\n");
        assertThat(Files.readAllBytes(db)).isEqualTo(bytes);
    }

    @Test
    void aReadOnlyFileSaysSo() throws Exception {
        Assumptions.assumeFalse("root".equals(System.getProperty("user.name")), "root may write a read-only file");
        Path db = meetingFile("readonly.meeting");
        assertThat(db.toFile().setWritable(false, false)).isTrue();
        Run run = replay(db);
        assertOneLineOfOurWords(run.err());
        assertThat(run.err()).contains("readonly.meeting").contains("permission denied (the file or its folder is read-only)");
    }
}
