package org.folkmoot.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.folkmoot.files.InputFile;
import org.folkmoot.files.OutputFile;
import org.folkmoot.procedure.Resolution;
import org.folkmoot.record.FormatException;
import org.folkmoot.record.Json;
import org.folkmoot.record.Replay;
import org.folkmoot.session.ClosingPapers;
import org.folkmoot.session.CommunitySettings;
import org.folkmoot.store.MeetingFile;
import org.folkmoot.store.StoreException;
import org.folkmoot.verdict.CommunityKey;
import org.folkmoot.files.DataFolder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code folkmoot replay MEETING.jsonl --out DIR [--db FILE]} (docs/meeting-format.md). */
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

    @Option(names = "--new-key", description = "restoring a record into a data folder with no Community key: sign its verdicts "
            + "with a new key (they will not match the roster until it is enrolled)")
    boolean newKey;

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

    /** Whether the meeting file is a kept record (its actions chained by {@code prev}), not a script: its second line says. */
    private static boolean isRecord(byte[] input) {
        // only the first action's line is decoded: a record may be hundreds of megabytes
        int from = indexOf(input, (byte) '\n', 0) + 1;
        if (from == 0) return false;
        int to = indexOf(input, (byte) '\n', from);
        String line = new String(input, from, (to < 0 ? input.length : to) - from, java.nio.charset.StandardCharsets.UTF_8);
        try {
            return Json.object(line.strip()).has("prev");
        } catch (FormatException e) {
            return false; // the replay says what is wrong with it
        }
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) if (bytes[i] == b) return i;
        return -1;
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

        // restoring a kept record onto a laptop with no Community key: its verdicts were signed with the old laptop's
        // key, which the roster holds; a new one made silently here would sign verdicts no body takes (issue 14, 10)
        Path data = DataFolder.path();
        boolean keyless = !Files.exists(data.resolve("community.key"), LinkOption.NOFOLLOW_LINKS);
        boolean aRecord = keyless && isRecord(input); // asked only of a laptop with no key: the rare restore
        if (keyless && aRecord && !newKey && db != null && db.toAbsolutePath().normalize().startsWith(data.resolve("meetings").toAbsolutePath().normalize())) {
            stderr.println(oneLine("folkmoot: " + data + " has no Community key, and " + meetingFile + " is a record whose verdicts the "
                    + "key of the laptop that kept it signed: restored here they would be signed with a new key the roster does not hold. "
                    + "Put that laptop's community.key (from `folkmoot backup --with-secret-key`) in " + data + " first, or give --new-key"));
            return FolkmootCommand.REFUSED;
        }

        Replay.Result result;
        MeetingFile store = null;
        try {
            Optional<Replay.Stored> stored = Optional.empty();
            if (db != null) {
                // its folder made as --out's is (a restored laptop may have no meetings/ yet)
                Path folder = db.toAbsolutePath().getParent();
                if (folder != null && !Files.isDirectory(folder)) Files.createDirectories(folder);
                store = MeetingFile.open(db);
                stored = store.stored();
            }
            result = Replay.run(input, stored.orElse(null), store, clock);
        } catch (FormatException | StoreException e) {
            stderr.println(oneLine("folkmoot: " + e.getMessage()));
            return FolkmootCommand.REFUSED;
        } catch (IOException e) {
            stderr.println(oneLine("folkmoot: cannot make the folder of " + db + ": " + e.getMessage()));
            return 1;
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
        if (keyless && aRecord) {
            try {
                stderr.println("folkmoot: note: " + data + " had no Community key; a new one (" + CommunityKey.loadOrCreate(data).keyId()
                        + ") signed these verdicts — a record kept elsewhere was signed there with that laptop's key");
            } catch (IOException e) {
                // the key was just used to sign: it reads
            }
        }
        stdout.flush();
        return 0;
    }
}
