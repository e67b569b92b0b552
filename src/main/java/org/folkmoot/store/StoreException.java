package org.folkmoot.store;

import java.sql.SQLException;
import java.util.Locale;
import org.folkmoot.procedure.Reason;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The meeting file cannot be used as asked; the message is one line for a person, never SQLite's or
 * Flyway's own text. It is the procedure's words ({@link #words()}): the screens say it in their language
 * ({@link #reason(Locale)}), the command line and the logs in English ({@link #getMessage()}).
 */
public final class StoreException extends Exception {
    /** Null for a message that is not ours to translate (a record's format error, said as the reader said it). */
    private final transient Reason words;

    public StoreException(Reason words) {
        this(words, null);
    }

    public StoreException(Reason words, Throwable cause) {
        super(words.text(), cause, false, false);
        this.words = words;
    }

    /** A message said as it is in every language: the record reader's, a refusal already said. */
    public StoreException(String message) {
        super(message, null, false, false);
        this.words = null;
    }

    /** What went wrong, in the language of {@code locale}. */
    public String reason(Locale locale) {
        return words == null ? getMessage() : words.text(locale);
    }

    /** What went wrong, to be put in a sentence of its own; said as it is where it is not ours. */
    public Object words() {
        return words == null ? getMessage() : words;
    }

    /**
     * A write to the meeting file that failed where no checked exception can pass ({@code
     * Replay.Journal}); its message is only the reason ("the disk is full"), for the caller to put in its
     * own sentence. Nothing of the failed write was committed.
     */
    public static final class Unchecked extends RuntimeException {
        private final transient Reason words;

        Unchecked(Reason reason, Throwable cause) {
            super(reason.text(), cause, false, false);
            this.words = reason;
        }

        /** The reason in the procedure's words, for a sentence in the screen's language. */
        public Reason words() {
            return words;
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
    static Reason reason(Throwable failure, java.nio.file.Path file) {
        Reason reason = reason(failure);
        if (!reason.key().startsWith(UNUSABLE)) return reason;
        try {
            java.nio.file.Path folder = file.toAbsolutePath().getParent();
            if (folder != null && java.nio.file.Files.getFileStore(folder).getUsableSpace() < LOW_ON_SPACE) return Reason.of("store.why.full");
        } catch (java.io.IOException | SecurityException unknown) {
            // the reason stays as SQLite gave it
        }
        return reason;
    }

    /** Less room than this on the disk is a full disk to a meeting file (its pages are 4 KiB). */
    private static final long LOW_ON_SPACE = 1024 * 1024;

    /** Why SQLite (or Flyway, around it) failed, in the words of someone holding the laptop. */
    static Reason reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException e) return reason(e.getResultCode(), e.getMessage());
            if (t instanceof SQLException e && e.getErrorCode() > 0) return reason(SQLiteErrorCode.getErrorCode(e.getErrorCode()), e.getMessage());
        }
        return Reason.of(UNUSABLE);
    }

    /** The reason given when SQLite said nothing more: a full disk may be behind it. */
    private static final String UNUSABLE = "store.why.unusable";

    private static Reason reason(SQLiteErrorCode code, String message) {
        String name = code.name();
        if (name.startsWith("SQLITE_FULL")) return Reason.of("store.why.full");
        if (name.startsWith("SQLITE_READONLY")) return Reason.of("store.why.read-only");
        if (name.startsWith("SQLITE_PERM") || name.startsWith("SQLITE_AUTH")) return Reason.of("store.why.permission");
        if (name.startsWith("SQLITE_BUSY") || name.startsWith("SQLITE_LOCKED")) return Reason.of("store.why.busy");
        if (name.startsWith("SQLITE_CORRUPT") || name.startsWith("SQLITE_NOTADB")) return Reason.of("store.why.damaged");
        if (name.startsWith("SQLITE_CANTOPEN")) return Reason.of("store.why.cannot-open");
        if (name.startsWith("SQLITE_IOERR")) return Reason.of("store.why.io");
        if (name.startsWith("SQLITE_NOMEM")) return Reason.of("store.why.memory");
        if (name.equals("SQLITE_CONSTRAINT_TRIGGER")) {
            String raised = raised(message);
            return raised == null ? Reason.of("store.why.refused") : Reason.of("store.why.refused.raised", raised);
        }
        if (name.equals("SQLITE_CONSTRAINT_PRIMARYKEY") || name.equals("SQLITE_CONSTRAINT_UNIQUE")) {
            return Reason.of("store.why.refused.recorded");
        }
        if (name.startsWith("SQLITE_CONSTRAINT")) return Reason.of("store.why.refused");
        return Reason.of("store.why.unusable.code", name);
    }

    /**
     * The sentence a trigger of our schema raised ("the journal is append-only"): ours, so it may be shown
     * (in English: the schema's own words); null where it raised none.
     */
    private static String raised(String message) {
        if (message == null) return null;
        int open = message.lastIndexOf('(');
        int close = message.lastIndexOf(')');
        return open >= 0 && close > open ? message.substring(open + 1, close) : null;
    }
}
