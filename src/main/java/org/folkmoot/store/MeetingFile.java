package org.folkmoot.store;

import static org.folkmoot.store.jooq.Tables.JOURNAL;
import static org.folkmoot.store.jooq.Tables.MEETING_HEADER;
import static org.folkmoot.store.jooq.Tables.ROOM;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;
import org.folkmoot.procedure.Reason;
import org.folkmoot.record.Chain;
import org.folkmoot.record.FormatException;
import org.folkmoot.record.Replay;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * One meeting's SQLite file: the header and the append-only journal of its record lines. Each append is
 * its own transaction, committed through a rollback journal ({@code journal_mode=DELETE},
 * {@code synchronous=EXTRA}): when it returns, the entry is on the disk in the meeting file itself, so an
 * acknowledged entry survives a crash or a power cut, and a copy of the {@code .meeting} file alone holds
 * every committed entry (docs/decisions/0007-meeting-file-and-keys.md). A file Folkmoot did not make is
 * only ever read, and refused.
 */
public final class MeetingFile implements Replay.Journal, AutoCloseable {
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER_BYTES = 100;
    /**
     * The SQLite header's application id of a meeting file ("FOLK"), written before anything else: a file
     * that holds it is ours even if it was stopped (a full disk, a kill) before its tables were made.
     */
    static final int APPLICATION_ID = 0x464F4C4B;
    /** The newest meeting file this version knows: the last migration in {@code db/migration}. */
    static final String SCHEMA = "2";
    private static final Set<String> OUR_TABLES = Set.of("meeting_header", "journal", "room", "flyway_schema_history");
    private static final Set<String> FIRST_TABLES = Set.of("meeting_header", "journal", "flyway_schema_history");

    private final Path path;
    private final Connection connection;
    private final DSLContext db;

    private MeetingFile(Path path, Connection connection) {
        this.path = path;
        this.connection = connection;
        this.db = DSL.using(connection, SQLDialect.SQLITE,
                new Settings().withRenderSchema(false).withExecuteLogging(false).withRenderCatalog(false));
    }

    /**
     * Opens (or creates) a meeting file. Only a file that does not exist yet, an empty one, or one that is
     * recognisably a meeting file is written to (created, migrated, converted from the WAL mode of earlier
     * versions); anything else is refused after reading it read-only, and left byte for byte as it was.
     */
    public static MeetingFile open(Path path) throws StoreException {
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        boolean isNew = probe(path, name);
        SQLiteDataSource source = dataSource(path);
        if (isNew) mark(source, path, name);
        try {
            Flyway.configure()
                    .dataSource(source)
                    .locations("classpath:db/migration")
                    .loggers("slf4j")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StoreException(Reason.of("store.cannot-open", name, StoreException.reason(e, path)), e);
        }
        Connection connection = null;
        try {
            connection = source.getConnection();
            connection.setAutoCommit(true);
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
                // a file of an earlier version in WAL mode is converted as it is opened; while another program
                // has it open it cannot be, and a meeting file that is not whole by itself is not used
                if (!rs.next() || !"delete".equalsIgnoreCase(rs.getString(1))) {
                    throw new StoreException(Reason.of("store.cannot-open", name, Reason.of("store.why.busy")));
                }
            }
            return new MeetingFile(path, connection);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new StoreException(Reason.of("store.cannot-open", name, StoreException.reason(e, path)), e);
        } catch (StoreException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /** Writes the application id into a new file: from here on it is recognisably a meeting file. */
    private static void mark(SQLiteDataSource source, Path path, String name) throws StoreException {
        try (Connection c = source.getConnection(); Statement s = c.createStatement()) {
            s.execute("PRAGMA application_id = " + APPLICATION_ID);
        } catch (SQLException e) {
            throw new StoreException(Reason.of("store.cannot-make", name, StoreException.reason(e, path)), e);
        }
    }

    /**
     * Reads what the file holds without writing to it (nor to anything beside it): is it SQLite, ours, of a
     * schema this version knows, and whole? Returns normally only for a file that may be written: true for
     * one that holds nothing yet.
     */
    private static boolean probe(Path path, String name) throws StoreException {
        if (!Files.exists(path)) return true;
        if (Files.isDirectory(path)) throw new StoreException(Reason.of("store.folder", name));
        if (!Files.isRegularFile(path)) throw new StoreException(Reason.of("store.not-a-file", name));
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(HEADER_BYTES);
        } catch (AccessDeniedException e) {
            throw new StoreException(Reason.of("store.permission", name), e);
        } catch (IOException e) {
            throw new StoreException(Reason.of("store.cannot-read", name, e.getMessage()), e);
        }
        if (head.length == 0) return true; // nothing in it yet: what a first open stopped before its first write leaves
        if (head.length < HEADER_BYTES || !Arrays.equals(Arrays.copyOf(head, SQLITE_MAGIC.length), SQLITE_MAGIC)) {
            throw new StoreException(notOurs(name, "sqlite"));
        }
        boolean marked = java.nio.ByteBuffer.wrap(head, 68, 4).getInt() == APPLICATION_ID;
        Path journal = Path.of(path + "-journal");
        try {
            if (Files.isRegularFile(journal) && Files.size(journal) > 0) {
                // a write was interrupted: what the file holds is the file rolled back, which only a writer can
                // do; it is done to a copy of the two, and the file and its journal are left as they were
                Path aside = Files.createTempDirectory("folkmoot-probe");
                try {
                    Path copy = aside.resolve("probe.db");
                    Files.copy(path, copy);
                    Files.copy(journal, Path.of(copy + "-journal"));
                    inspect(name, "jdbc:sqlite:" + copy.toAbsolutePath(), false, marked);
                } finally {
                    try (var left = Files.list(aside)) {
                        for (Path p : left.toList()) Files.deleteIfExists(p);
                    }
                    Files.deleteIfExists(aside);
                }
                return false;
            }
        } catch (IOException e) {
            throw new StoreException(Reason.of("store.cannot-read", name, e.getMessage()), e);
        }
        // a WAL-mode file with no -wal beside it (closed cleanly by an earlier version) is read as immutable: a
        // read-only connection would leave an empty -wal and a -shm beside it
        boolean walAlone = head[18] == 2 && !Files.exists(Path.of(path + "-wal"));
        inspect(name, "jdbc:sqlite:" + path.toAbsolutePath().toUri() + (walAlone ? "?immutable=1" : "?mode=ro"), true, marked);
        return false;
    }

    /**
     * Whether what {@code url} opens is a meeting file of a schema this version knows, and whole. One
     * {@code marked} with our application id may lack tables (its making was stopped); one of the versions
     * before the id (unmarked) is known by its tables.
     */
    private static void inspect(String name, String url, boolean readOnly, boolean marked) throws StoreException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(readOnly);
        config.setBusyTimeout(5000);
        try (Connection c = config.createConnection(url); Statement s = c.createStatement()) {
            boolean otherTables = false;
            boolean views = false;
            Set<String> tables = new HashSet<>();
            int objects = 0;
            try (ResultSet rs = s.executeQuery("SELECT type, name, tbl_name FROM sqlite_master")) {
                while (rs.next()) {
                    objects++;
                    String type = rs.getString(1);
                    String object = rs.getString(2);
                    if ("table".equals(type) && object.startsWith("sqlite_")) continue; // SQLite's own (statistics)
                    if ("view".equals(type)) views = true;
                    else if (!OUR_TABLES.contains(rs.getString(3))) otherTables = true;
                    else if ("table".equals(type)) tables.add(object);
                }
            }
            if (otherTables) throw new StoreException(notOurs(name, "tables"));
            if (views) throw new StoreException(notOurs(name, "view"));
            if (objects == 0 && !marked) throw new StoreException(notOurs(name, "empty"));
            if (!tables.containsAll(FIRST_TABLES) && !marked) {
                throw new StoreException(notOurs(name, "some"));
            }
            MigrationVersion newest = MigrationVersion.fromVersion("0"); // none yet: ours, its making stopped before
            if (tables.contains("flyway_schema_history")) {
                try (ResultSet rs = s.executeQuery("SELECT version FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL")) {
                    while (rs.next()) {
                        MigrationVersion v = MigrationVersion.fromVersion(rs.getString(1));
                        if (v.compareTo(newest) > 0) newest = v;
                    }
                } catch (FlywayException unreadableVersion) {
                    throw new StoreException(notOurs(name, "history"));
                }
            }
            if (newest.compareTo(MigrationVersion.fromVersion(SCHEMA)) > 0) {
                throw new StoreException(Reason.of("store.newer", name, newest, SCHEMA));
            }
            try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                if (!rs.next() || !"ok".equals(rs.getString(1))) {
                    throw new StoreException(damaged(name));
                }
            }
        } catch (SQLException e) {
            if (StoreException.damage(e)) throw new StoreException(damaged(name), e);
            throw new StoreException(Reason.of("store.cannot-open", name, StoreException.reason(e)), e);
        }
    }

    private static Reason damaged(String name) {
        return Reason.of("store.damaged", name);
    }

    /** "not a Folkmoot meeting file: x.db (it holds a view)": {@code why} names a key "store.not-ours.…". */
    private static Reason notOurs(String name, String why) {
        return Reason.of("store.not-ours", name, Reason.of("store.not-ours." + why));
    }

    private static SQLiteDataSource dataSource(Path path) {
        SQLiteConfig config = new SQLiteConfig();
        // whole by itself after every commit: the rollback journal is deleted as the commit's last step,
        // and EXTRA syncs the folder after that, so a power cut cannot bring the journal back to undo it
        config.setJournalMode(SQLiteConfig.JournalMode.DELETE);
        config.setPragma(SQLiteConfig.Pragma.SYNCHRONOUS, "EXTRA");
        config.setBusyTimeout(5000);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + path.toAbsolutePath());
        return source;
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) return;
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing was written through it
        }
    }

    /** The header and entries the file holds, after checking that their chain is whole; empty for a new file. */
    public Optional<Replay.Stored> stored() throws StoreException {
        try {
            Record header = db.select(MEETING_HEADER.LINE, MEETING_HEADER.SHA256).from(MEETING_HEADER).fetchOne();
            List<String> lines = new ArrayList<>();
            int count = db.fetchCount(JOURNAL);
            if (header == null) {
                if (count > 0) throw new StoreException(Reason.of("store.no-header", path.getFileName()));
                return Optional.empty();
            }
            String headerLine = header.get(MEETING_HEADER.LINE);
            String prev = Chain.sha256(headerLine);
            if (!prev.equals(header.get(MEETING_HEADER.SHA256))) {
                throw new StoreException(Reason.of("store.header-hash", path.getFileName()));
            }
            long expected = 1;
            for (Record row : db.select(JOURNAL.SEQ, JOURNAL.LINE, JOURNAL.SHA256).from(JOURNAL).orderBy(JOURNAL.SEQ).fetch()) {
                long seq = row.get(JOURNAL.SEQ);
                String line = row.get(JOURNAL.LINE);
                if (seq != expected) throw new StoreException(Reason.of("store.entry-missing", path.getFileName(), expected));
                String linkedTo = Chain.prev(line);
                if (!prev.equals(linkedTo)) {
                    throw new StoreException(Reason.of("store.chain-broken", path.getFileName(), seq));
                }
                prev = Chain.sha256(line);
                if (!prev.equals(row.get(JOURNAL.SHA256))) {
                    throw new StoreException(Reason.of("store.entry-hash", path.getFileName(), seq));
                }
                lines.add(line);
                expected++;
            }
            return Optional.of(new Replay.Stored(headerLine, lines));
        } catch (DataAccessException e) {
            throw new StoreException(Reason.of("store.cannot-read", path.getFileName(), StoreException.reason(e)), e);
        } catch (FormatException e) {
            throw new StoreException(Reason.of("store.stored-entry", path.getFileName(), e.getMessage()));
        }
    }

    /** @throws StoreException.Unchecked saying why, when the header could not be committed */
    @Override
    public void start(String headerLine) {
        try {
            db.insertInto(MEETING_HEADER)
                    .set(MEETING_HEADER.ID, 1)
                    .set(MEETING_HEADER.LINE, headerLine)
                    .set(MEETING_HEADER.SHA256, Chain.sha256(headerLine))
                    .execute();
        } catch (DataAccessException e) {
            throw new StoreException.Unchecked(StoreException.reason(e, path), e);
        }
    }

    /** @throws StoreException.Unchecked saying why, when the entry could not be committed (it was not) */
    @Override
    public void append(long seq, String line) {
        try {
            // autocommit: this statement is its own transaction, in the meeting file on the disk when execute() returns
            db.insertInto(JOURNAL)
                    .set(JOURNAL.SEQ, Math.toIntExact(seq))
                    .set(JOURNAL.LINE, line)
                    .set(JOURNAL.SHA256, Chain.sha256(line))
                    .execute();
        } catch (DataAccessException e) {
            throw new StoreException.Unchecked(StoreException.reason(e, path), e);
        }
    }

    /** The room's timer and queue as last saved, and when; empty when they never were (or in a file made before them). */
    public record SavedRoom(String state, java.time.Instant savedAt) {
    }

    /** Replaces the saved state of the room (the timer and queue: not part of the record). */
    public void saveRoom(String state, java.time.Instant at) throws StoreException {
        try {
            db.insertInto(ROOM).set(ROOM.ID, 1).set(ROOM.STATE, state).set(ROOM.SAVED_AT, at.toString())
                    .onConflict(ROOM.ID).doUpdate().set(ROOM.STATE, state).set(ROOM.SAVED_AT, at.toString())
                    .execute();
        } catch (DataAccessException e) {
            throw new StoreException(Reason.of("store.room", StoreException.reason(e, path)), e);
        }
    }

    public Optional<SavedRoom> room() throws StoreException {
        try {
            Record row = db.select(ROOM.STATE, ROOM.SAVED_AT).from(ROOM).fetchOne();
            if (row == null) return Optional.empty();
            return Optional.of(new SavedRoom(row.get(ROOM.STATE), java.time.Instant.parse(row.get(ROOM.SAVED_AT))));
        } catch (DataAccessException | java.time.format.DateTimeParseException e) {
            return Optional.empty(); // a room that cannot be read is a timer that starts afresh; the record is untouched
        }
    }

    /** The connection's {@code PRAGMA synchronous}: 3 is EXTRA, every commit and its journal's removal reach the disk. */
    public int synchronousMode() {
        return ((Number) db.fetchValue("PRAGMA synchronous")).intValue();
    }

    /** Caps the file at {@code pages} pages: SQLite then fails a write exactly as on a full disk (for its test). */
    void limitPages(long pages) {
        db.fetch("PRAGMA max_page_count = " + pages);
    }

    public Path path() {
        return path;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing after the last commit: nothing acknowledged can be lost here
        }
    }
}
