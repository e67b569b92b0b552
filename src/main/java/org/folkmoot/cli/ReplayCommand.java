package org.folkmoot.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.folkmoot.files.InputFile;
import org.folkmoot.files.OutputFile;
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
    @Parameters(index = "0", paramLabel = "MEETING.jsonl", description = "the script or record to replay")
    Path meetingFile;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder for record.jsonl")
    Path out;

    @Option(names = "--db", paramLabel = "FILE",
            description = "SQLite meeting file: every entry is committed to it; resumes a prefix it holds")
    Path db;

    @Option(names = "--force", description = "replace files an earlier replay left in DIR with other content")
    boolean force;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The clock for entries of a script that give no time of their own. */
    Clock clock = Clock.systemUTC();

    /**
     * A script or record read whole, after its size is checked; the exception's message is one line for a
     * person ("no such file: x.jsonl").
     */
    static byte[] readMeetingFile(Path file) throws IOException {
        return InputFile.read(file, InputFile.Kind.MEETING);
    }

    /**
     * A message as one line: a line break or other control character the entry held (a date, a name) is shown
     * escaped ({@code \n}), so a refusal is always the one line a facilitator reads.
     */
    static String oneLine(String message) {
        StringBuilder s = new StringBuilder(message.length());
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (c == '\n') s.append("\\n");
            else if (c == '\r') s.append("\\r");
            else if (c == '\t') s.append("\\t");
            else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') s.append(String.format("\\u%04x", (int) c));
            else s.append(c);
        }
        return s.toString();
    }

    @Override
    public Integer call() {
        var stdout = spec.commandLine().getOut();
        var stderr = spec.commandLine().getErr();
        byte[] input;
        try {
            input = readMeetingFile(meetingFile);
        } catch (IOException e) {
            stderr.println(oneLine("folkmoot: " + e.getMessage()));
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
            stderr.println(oneLine("folkmoot: " + e.getMessage()));
            return FolkmootCommand.REFUSED;
        } catch (RuntimeException e) {
            // a commit that failed (disk full, file gone): nothing after it was acknowledged
            stderr.println("folkmoot: the meeting file could not be written: " + e.getMessage());
            return 1;
        } finally {
            if (store != null) store.close();
        }

        var kept = FolkmootCommand.keptAlways(new OutputFile.Kept(meetingFile, "the meeting being replayed"),
                new OutputFile.Kept(db, "the meeting file"));
        if (result.refused()) {
            try {
                ClosingPapers.writeRecord(out, result.record(), force, kept);
            } catch (OutputFile.Refused e) {
                stderr.println(oneLine("folkmoot: " + e.getMessage()));
            } catch (IOException e) {
                stderr.println("folkmoot: cannot write to " + out + ": " + e.getMessage());
                return 1;
            }
            stderr.println(oneLine("folkmoot: refused: " + result.refusal()));
            return FolkmootCommand.REFUSED;
        }
        try {
            CommunityKey key = CommunityKey.loadOrCreate(DataFolder.path());
            CommunitySettings.adoptIfNone(DataFolder.path(), result.meeting().header().community(), result.meeting().header().rules());
            // the minutes name a body's proposal by what this laptop kept of it, when it presented it
            ClosingPapers.write(out, result.meeting(), result.record(), key, force, kept,
                    new org.folkmoot.proposal.ProposalShelf(DataFolder.path())::find);
        } catch (OutputFile.Refused e) {
            stderr.println(oneLine("folkmoot: " + e.getMessage()));
            return FolkmootCommand.REFUSED;
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
