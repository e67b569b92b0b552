package org.folkmoot.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.folkmoot.procedure.Resolution;
import org.folkmoot.record.FormatException;
import org.folkmoot.record.Replay;
import org.folkmoot.session.ClosingPapers;
import org.folkmoot.session.CommunitySettings;
import org.folkmoot.store.MeetingFile;
import org.folkmoot.store.StoreException;
import org.folkmoot.verdict.CommunityKey;
import org.folkmoot.verdict.DataFolder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code folkmoot replay MEETING.jsonl --out DIR [--db FILE]} (MEETING-FORMAT.md). */
@Command(name = "replay",
        description = "Replays a meeting script or record through the procedure; writes its record, a signed verdict per resolution and the minutes.",
        mixinStandardHelpOptions = true)
public final class ReplayCommand implements Callable<Integer> {
    /** Far beyond any meeting (10,000 entries are about 3 MB); a larger file is not read into memory. */
    static final long MAX_INPUT_BYTES = 256L * 1024 * 1024;

    @Parameters(index = "0", paramLabel = "MEETING.jsonl", description = "the script or record to replay")
    Path meetingFile;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder for record.jsonl")
    Path out;

    @Option(names = "--db", paramLabel = "FILE",
            description = "SQLite meeting file: every entry is committed to it; resumes a prefix it holds")
    Path db;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The clock for entries of a script that give no time of their own. */
    Clock clock = Clock.systemUTC();

    /**
     * A script or record read whole, after its size is checked; the exception's message is one line for a
     * person ("x.jsonl: no such file").
     */
    static byte[] readMeetingFile(Path file) throws IOException {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        if (size > MAX_INPUT_BYTES) throw new IOException(file + " is " + size + " bytes, too large for a meeting file");
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    private static IOException unreadable(Path file, IOException e) {
        return e instanceof NoSuchFileException ? new IOException(file + ": no such file", e)
                : new IOException("cannot read " + file + ": " + e.getMessage(), e);
    }

    @Override
    public Integer call() {
        var stdout = spec.commandLine().getOut();
        var stderr = spec.commandLine().getErr();
        byte[] input;
        try {
            input = readMeetingFile(meetingFile);
        } catch (IOException e) {
            stderr.println("folkmoot: " + e.getMessage());
            return FolkmootCommand.REFUSED;
        }

        Replay.Result result;
        MeetingFile store = null;
        try {
            Optional<Replay.Stored> stored = Optional.empty();
            if (db != null) {
                store = MeetingFile.open(db);
                stored = store.stored();
            }
            result = Replay.run(input, stored.orElse(null), store, clock);
        } catch (FormatException | StoreException e) {
            stderr.println("folkmoot: " + e.getMessage());
            return FolkmootCommand.REFUSED;
        } catch (RuntimeException e) {
            // a commit that failed (disk full, file gone): nothing after it was acknowledged
            stderr.println("folkmoot: the meeting file could not be written: " + e.getMessage());
            return 1;
        } finally {
            if (store != null) store.close();
        }

        try {
            ClosingPapers.writeRecord(out, result.record());
        } catch (IOException e) {
            stderr.println("folkmoot: cannot write to " + out + ": " + e.getMessage());
            return 1;
        }
        if (result.refused()) {
            stderr.println("folkmoot: refused: " + result.refusal());
            return FolkmootCommand.REFUSED;
        }
        try {
            CommunityKey key = CommunityKey.loadOrCreate(DataFolder.path());
            CommunitySettings.adoptIfNone(DataFolder.path(), result.meeting().header().community(), result.meeting().header().rules());
            ClosingPapers.write(out, result.meeting(), result.record(), key);
        } catch (IOException e) {
            stderr.println("folkmoot: cannot write the verdicts and minutes to " + out + ": " + e.getMessage());
            return 1;
        }
        for (Resolution r : result.meeting().resolutions()) {
            stdout.println(Replay.outcomeLine(r));
        }
        stdout.flush();
        return 0;
    }
}
