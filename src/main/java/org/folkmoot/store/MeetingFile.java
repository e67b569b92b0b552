package org.folkmoot.store;

import static org.folkmoot.store.jooq.Tables.JOURNAL;
import static org.folkmoot.store.jooq.Tables.MEETING_HEADER;
import static org.folkmoot.store.jooq.Tables.ROOM;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.folkmoot.record.Chain;
import org.folkmoot.record.FormatException;
import org.folkmoot.record.Json;
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
 * One meeting's SQLite file: the header and the append-only journal of its record lines. Each append
 * is its own transaction, committed with {@code synchronous=FULL} in WAL mode, so an acknowledged entry
 * survives a crash or a power cut.
 */
public final class MeetingFile implements Replay.Journal, AutoCloseable {
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final Set<String> OUR_TABLES = Set.of("meeting_header", "journal", "room", "flyway_schema_history");

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
     * Opens (or creates) a meeting file. A file that is not ours is refused before anything is written to
     * it; a damaged one is refused by {@code PRAGMA integrity_check}.
     */
    public static MeetingFile open(Path path) throws StoreException {
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        probe(path, name);
        SQLiteDataSource source = dataSource(path, false);
        try {
            Flyway.configure()
                    .dataSource(source)
                    .locations("classpath:db/migration")
                    .loggers("slf4j")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StoreException("cannot prepare the meeting file " + name + ": " + firstLine(e.getMessage()), e);
        }
        try {
            Connection connection = source.getConnection();
            connection.setAutoCommit(true);
            return new MeetingFile(path, connection);
        } catch (SQLException e) {
            throw new StoreException("cannot open the meeting file " + name + ": " + firstLine(e.getMessage()), e);
        }
    }

    /** Reads what the file holds without writing to it: is it SQLite, whole, and ours (or empty)? */
    private static void probe(Path path, String name) throws StoreException {
        if (!Files.exists(path)) return;
        if (Files.isDirectory(path)) throw new StoreException(name + " is a folder, not a meeting file");
        try (InputStream in = Files.newInputStream(path)) {
            byte[] head = in.readNBytes(SQLITE_MAGIC.length);
            if (head.length == 0) return;
            if (!Arrays.equals(head, SQLITE_MAGIC)) {
                throw new StoreException(name + " is not a Folkmoot meeting file (not an SQLite database); it was left untouched");
            }
        } catch (IOException e) {
            throw new StoreException("cannot read " + name + ": " + e.getMessage(), e);
        }
        try (Connection c = dataSource(path, true).getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                String verdict = rs.next() ? rs.getString(1) : "no answer";
                if (!"ok".equals(verdict)) {
                    throw new StoreException(name + " is damaged (integrity check: " + firstLine(verdict) + "); it was left untouched");
                }
            }
            try (ResultSet rs = s.executeQuery(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
                while (rs.next()) {
                    if (!OUR_TABLES.contains(rs.getString(1))) {
                        throw new StoreException(name + " is an SQLite database, but not a Folkmoot meeting file; it was left untouched");
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException(name + " cannot be read as a meeting file (" + firstLine(e.getMessage()) + "); it was left untouched", e);
        }
    }

    private static SQLiteDataSource dataSource(Path path, boolean readOnly) {
        SQLiteConfig config = new SQLiteConfig();
        if (readOnly) {
            config.setReadOnly(true);
        } else {
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            config.setBusyTimeout(5000);
        }
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + path.toAbsolutePath());
        return source;
    }

    /** The header and entries the file holds, after checking that their chain is whole; empty for a new file. */
    public Optional<Replay.Stored> stored() throws StoreException {
        try {
            Record header = db.select(MEETING_HEADER.LINE, MEETING_HEADER.SHA256).from(MEETING_HEADER).fetchOne();
            List<String> lines = new ArrayList<>();
            int count = db.fetchCount(JOURNAL);
            if (header == null) {
                if (count > 0) throw new StoreException(path.getFileName() + " holds entries but no meeting header");
                return Optional.empty();
            }
            String headerLine = header.get(MEETING_HEADER.LINE);
            String prev = Chain.sha256(headerLine);
            if (!prev.equals(header.get(MEETING_HEADER.SHA256))) {
                throw new StoreException(path.getFileName() + ": the stored header does not match its hash");
            }
            long expected = 1;
            for (Record row : db.select(JOURNAL.SEQ, JOURNAL.LINE, JOURNAL.SHA256).from(JOURNAL).orderBy(JOURNAL.SEQ).fetch()) {
                long seq = row.get(JOURNAL.SEQ);
                String line = row.get(JOURNAL.LINE);
                if (seq != expected) throw new StoreException(path.getFileName() + ": entry " + expected + " is missing");
                String linkedTo = Json.object(line).path("prev").asText(null);
                if (!prev.equals(linkedTo)) {
                    throw new StoreException(path.getFileName() + ": the chain is broken at entry " + seq);
                }
                prev = Chain.sha256(line);
                if (!prev.equals(row.get(JOURNAL.SHA256))) {
                    throw new StoreException(path.getFileName() + ": entry " + seq + " does not match its hash");
                }
                lines.add(line);
                expected++;
            }
            return Optional.of(new Replay.Stored(headerLine, lines));
        } catch (DataAccessException e) {
            throw new StoreException("cannot read " + path.getFileName() + ": " + firstLine(e.getMessage()), e);
        } catch (FormatException e) {
            throw new StoreException(path.getFileName() + ": a stored entry " + e.getMessage());
        }
    }

    @Override
    public void start(String headerLine) {
        db.insertInto(MEETING_HEADER)
                .set(MEETING_HEADER.ID, 1)
                .set(MEETING_HEADER.LINE, headerLine)
                .set(MEETING_HEADER.SHA256, Chain.sha256(headerLine))
                .execute();
    }

    @Override
    public void append(long seq, String line) {
        // autocommit: this statement is its own transaction, durable when execute() returns
        db.insertInto(JOURNAL)
                .set(JOURNAL.SEQ, Math.toIntExact(seq))
                .set(JOURNAL.LINE, line)
                .set(JOURNAL.SHA256, Chain.sha256(line))
                .execute();
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
            throw new StoreException("cannot save the timer and queue: " + firstLine(e.getMessage()), e);
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

    /** The connection's {@code PRAGMA synchronous}: 2 is FULL, every commit reaches the disk. */
    public int synchronousMode() {
        return ((Number) db.fetchValue("PRAGMA synchronous")).intValue();
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

    private static String firstLine(String message) {
        if (message == null) return "unknown error";
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
