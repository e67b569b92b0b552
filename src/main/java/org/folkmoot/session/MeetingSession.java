package org.folkmoot.session;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.folkmoot.procedure.Action;
import org.folkmoot.procedure.Header;
import org.folkmoot.procedure.Meeting;
import org.folkmoot.procedure.Reason;
import org.folkmoot.procedure.Refusal;
import org.folkmoot.record.Chain;
import org.folkmoot.record.FormatException;
import org.folkmoot.record.HeaderCodec;
import org.folkmoot.record.Replay;
import org.folkmoot.store.MeetingFile;
import org.folkmoot.store.StoreException;

/**
 * A meeting being run: its SQLite file and the state folded from it. Each action the facilitator takes is
 * checked by the ladder, committed to the file, and only then part of what is shown; a meeting file
 * reopened after a crash or a power cut lands exactly where the last committed action left it.
 */
public final class MeetingSession implements AutoCloseable {
    private final MeetingFile file;
    private final Clock clock;
    private static final java.util.logging.Logger LOG = org.folkmoot.files.Logs.of("session");
    private Meeting meeting;
    private final List<String> record;
    /** Told after every entry committed: the screens that follow the meeting, whichever window took the action. */
    private final List<Runnable> recorded = new java.util.concurrent.CopyOnWriteArrayList<>();

    private MeetingSession(MeetingFile file, Meeting meeting, List<String> record, Clock clock) {
        this.file = file;
        this.meeting = meeting;
        this.record = new ArrayList<>(record);
        this.clock = clock;
    }

    /** Starts a new meeting in a new (or empty) file. */
    public static MeetingSession create(Path path, Header header, Clock clock) throws StoreException {
        MeetingFile file = MeetingFile.open(path);
        try {
            if (file.stored().isPresent()) {
                throw new StoreException(Reason.of("store.already", path.getFileName()));
            }
            String headerLine = HeaderCodec.write(header);
            file.start(headerLine);
            LOG.info(() -> "started the meeting file " + path.getFileName());
            return new MeetingSession(file, Meeting.open(header), List.of(headerLine), clock);
        } catch (StoreException.Unchecked e) {
            file.close(); // its message is the reason alone (the disk is full): the sentence is made here
            throw new StoreException(Reason.of("store.not-started", path.getFileName(), e.words()), e);
        } catch (StoreException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /** Reopens a meeting file where it stood. */
    public static MeetingSession open(Path path, Clock clock) throws StoreException {
        MeetingFile file = MeetingFile.open(path);
        try {
            Replay.Stored stored = file.stored().orElseThrow(
                    () -> new StoreException(Reason.of("store.no-meeting", path.getFileName())));
            Replay.Result result = Replay.reopen(stored);
            LOG.info(() -> "reopened the meeting file " + path.getFileName() + " at entry " + result.meeting().size());
            return new MeetingSession(file, result.meeting(), result.record(), clock);
        } catch (FormatException e) {
            file.close();
            throw new StoreException(Reason.of("store.unreadable", path.getFileName(), e.getMessage()));
        } catch (StoreException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /**
     * Records the facilitator's action: refused (nothing written, nothing changed), or committed to the
     * meeting file and then applied.
     *
     * @throws StoreException when the file could not be written; the meeting is as it was before the action
     */
    public Optional<Refusal> take(Action action) throws StoreException {
        long seq = meeting.size() + 1L;
        Optional<Refusal> refusal = meeting.apply(action);
        if (refusal.isPresent()) return refusal;
        String line = Replay.recordLine(action, seq, Chain.sha256(record.get(record.size() - 1)), clock);
        try {
            file.append(seq, line);
        } catch (RuntimeException e) {
            // not durable, so it never happened: fold the meeting again from what the file holds
            meeting = refold();
            LOG.warning(() -> "entry " + seq + " (" + action.kind() + ") could not be committed to " + file.path().getFileName()
                    + ": " + e.getClass().getSimpleName());
            throw new StoreException(Reason.of("store.not-saved", e instanceof StoreException.Unchecked u ? u.words() : e.getMessage()), e);
        }
        record.add(line);
        LOG.info(() -> "recorded entry " + seq + " (" + action.kind() + ") in " + file.path().getFileName());
        for (Runnable listener : recorded) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                // the entry is committed whatever a screen makes of it: the facilitator is not told it failed
                LOG.warning(() -> "a screen could not show entry " + seq + ": " + e);
            }
        }
        return Optional.empty();
    }

    /** Runs {@code listener} after every action committed from now on (on the thread that took it). */
    public void onRecorded(Runnable listener) {
        recorded.add(listener);
    }

    private Meeting refold() throws StoreException {
        try {
            Replay.Stored stored = file.stored().orElseThrow();
            return Replay.reopen(stored).meeting();
        } catch (FormatException e) {
            throw new StoreException(e.getMessage());
        }
    }

    public Meeting meeting() {
        return meeting;
    }

    /**
     * Keeps the room's timer and queue beside the record. Failing to is not failing the meeting (they decide
     * nothing), so this says whether it worked rather than throwing.
     */
    public boolean saveRoom(String state) {
        try {
            file.saveRoom(state, clock.instant());
            return true;
        } catch (StoreException e) {
            return false;
        }
    }

    /** The room's timer and queue as last saved, and when. */
    public Optional<MeetingFile.SavedRoom> room() {
        try {
            return file.room();
        } catch (StoreException e) {
            return Optional.empty();
        }
    }

    /** The record's lines as they stand (header first): what verdicts and minutes are made from. */
    public List<String> record() {
        return Collections.unmodifiableList(record);
    }

    public Path path() {
        return file.path();
    }

    @Override
    public void close() {
        file.close();
    }
}
