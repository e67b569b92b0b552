package org.folkmoot.store;

import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The meeting file cannot be used as asked; the message is one line for a person, never SQLite's or
 * Flyway's own text.
 */
public final class StoreException extends Exception {
    public StoreException(String message) {
        super(message, null, false, false);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause, false, false);
    }

    /**
     * A write to the meeting file that failed where no checked exception can pass ({@code
     * Replay.Journal}); its message is only the reason ("the disk is full"), for the caller to put in its
     * own sentence. Nothing of the failed write was committed.
     */
    public static final class Unchecked extends RuntimeException {
        Unchecked(String reason, Throwable cause) {
            super(reason, cause, false, false);
        }
    }

    /** Whether SQLite found the file damaged (or not a database at all past its first bytes). */
    static boolean damage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException e) {
                String name = e.getResultCode().name();
                return name.startsWith("SQLITE_CORRUPT") || name.startsWith("SQLITE_NOTADB");
            }
        }
        return false;
    }

    /**
     * Why a write to {@code file} failed: as {@link #reason(Throwable)}, but when SQLite's own code was lost
     * on the way (Flyway reports the rollback that followed, not the full disk that caused it), a disk with
     * next to no room left is named as the reason.
     */
    static String reason(Throwable failure, java.nio.file.Path file) {
        String reason = reason(failure);
        if (!reason.startsWith("it could not be used")) return reason;
        try {
            java.nio.file.Path folder = file.toAbsolutePath().getParent();
            if (folder != null && java.nio.file.Files.getFileStore(folder).getUsableSpace() < LOW_ON_SPACE) return "the disk is full";
        } catch (java.io.IOException | SecurityException unknown) {
            // the reason stays as SQLite gave it
        }
        return reason;
    }

    /** Less room than this on the disk is a full disk to a meeting file (its pages are 4 KiB). */
    private static final long LOW_ON_SPACE = 1024 * 1024;

    /** Why SQLite (or Flyway, around it) failed, in the words of someone holding the laptop. */
    static String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException e) return reason(e.getResultCode(), e.getMessage());
            if (t instanceof SQLException e && e.getErrorCode() > 0) return reason(SQLiteErrorCode.getErrorCode(e.getErrorCode()), e.getMessage());
        }
        return "it could not be used";
    }

    private static String reason(SQLiteErrorCode code, String message) {
        String name = code.name();
        if (name.startsWith("SQLITE_FULL")) return "the disk is full";
        if (name.startsWith("SQLITE_READONLY")) return "permission denied (the file or its folder is read-only)";
        if (name.startsWith("SQLITE_PERM") || name.startsWith("SQLITE_AUTH")) return "permission denied";
        if (name.startsWith("SQLITE_BUSY") || name.startsWith("SQLITE_LOCKED")) {
            return "it is in use by another program (close it there and try again)";
        }
        if (name.startsWith("SQLITE_CORRUPT") || name.startsWith("SQLITE_NOTADB")) return "it is damaged";
        if (name.startsWith("SQLITE_CANTOPEN")) return "it cannot be opened (permission denied, or its folder is gone)";
        if (name.startsWith("SQLITE_IOERR")) return "the disk could not be read or written (input/output error)";
        if (name.startsWith("SQLITE_NOMEM")) return "the computer is out of memory";
        if (name.equals("SQLITE_CONSTRAINT_TRIGGER")) return "the meeting file refused it" + raised(message);
        if (name.equals("SQLITE_CONSTRAINT_PRIMARYKEY") || name.equals("SQLITE_CONSTRAINT_UNIQUE")) {
            return "the meeting file refused it (that entry is recorded already)";
        }
        if (name.startsWith("SQLITE_CONSTRAINT")) return "the meeting file refused it";
        return "it could not be used (" + name + ")";
    }

    /** The sentence a trigger of our schema raised ("the journal is append-only"): ours, so it may be shown. */
    private static String raised(String message) {
        if (message == null) return "";
        int open = message.lastIndexOf('(');
        int close = message.lastIndexOf(')');
        return open >= 0 && close > open ? " (" + message.substring(open + 1, close) + ")" : "";
    }
}
