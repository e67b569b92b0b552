package org.folkmoot.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.folkmoot.files.OutputFile;
import org.folkmoot.minutes.Minutes;
import org.folkmoot.procedure.Meeting;
import org.folkmoot.procedure.Resolution;
import org.folkmoot.proposal.Proposal;
import org.folkmoot.record.Replay;
import org.folkmoot.verdict.CommunityKey;
import org.folkmoot.verdict.Dsse;
import org.folkmoot.verdict.Ed25519Keys;
import org.folkmoot.verdict.Program;
import org.folkmoot.verdict.VerdictPayload;

/**
 * What leaves the room, written to a folder (a USB stick): {@code record.jsonl}, one signed
 * {@code <resolution-id>.verdict} per resolution with an outcome, and {@code minutes.pdf} (every meeting of the
 * book). The same for {@code replay} and for the app's export, so both make the same bytes from the same record.
 */
public final class ClosingPapers {

    /** What was written: each resolution's verdict fingerprint, by id. */
    public record Written(Map<String, Minutes.Seal> seals) {
    }

    private ClosingPapers() {
    }

    /** The record alone (a replay refused part way: what was accepted), by the rules of {@link OutputFile}. */
    public static void writeRecord(Path dir, List<String> record, boolean force, Collection<OutputFile.Kept> kept) throws IOException {
        writeAll(Map.of(dir.resolve(RECORD), Replay.recordBytes(record)), force, kept);
    }

    /** The papers, replacing what an earlier export left: the app's export, to the folder the facilitator chose. */
    public static Written write(Path dir, Meeting meeting, List<String> record, CommunityKey key) throws IOException {
        return write(dir, meeting, record, key, Minutes.NO_PROPOSALS);
    }

    /** The app's export, the minutes naming the bodies' proposals kept on this laptop ({@code proposals}, by payload SHA-256). */
    public static Written write(Path dir, Meeting meeting, List<String> record, CommunityKey key,
                                Function<String, Optional<Proposal>> proposals) throws IOException {
        return write(dir, meeting, record, key, true, List.of(), proposals);
    }

    /**
     * The papers, each file by the rules of {@link OutputFile}: without {@code force} a file that is there
     * with other bytes is refused, and then nothing is written. Files in the folder that this record does not
     * make are left alone; none of {@code kept} is ever written over.
     */
    public static Written write(Path dir, Meeting meeting, List<String> record, CommunityKey key, boolean force,
                                Collection<OutputFile.Kept> kept) throws IOException {
        return write(dir, meeting, record, key, force, kept, Minutes.NO_PROPOSALS);
    }

    /** The papers as above, the minutes naming the bodies' proposals found in {@code proposals}. */
    public static Written write(Path dir, Meeting meeting, List<String> record, CommunityKey key, boolean force,
                                Collection<OutputFile.Kept> kept, Function<String, Optional<Proposal>> proposals) throws IOException {
        Map<Path, byte[]> files = new LinkedHashMap<>();
        files.put(dir.resolve(RECORD), Replay.recordBytes(record));
        Map<String, Minutes.Seal> seals = new LinkedHashMap<>();
        Map<String, String> names = verdictNames(meeting.resolutions().stream().map(Resolution::id).toList());
        List<VerdictPayload.Issued> issued = VerdictPayload.issue(meeting, record, key.publicKey(), Program.nameAndVersion());
        // each resolution's latest verdict, naming the earlier ones it supersedes (those left at earlier closes), for
        // every resolution that has an outcome now: one a later correction took back to the ladder has none to give
        // until it reaches one again (docs/decisions/0008)
        for (VerdictPayload.Issued v : VerdictPayload.latest(issued).values()) {
            if (!meeting.book().resolution(v.resolution()).map(VerdictPayload::hasVerdict).orElse(false)) continue;
            files.put(dir.resolve(names.get(v.resolution())), Dsse.sign(Dsse.VERDICT_TYPE, v.payload(), key));
            seals.put(v.resolution(), new Minutes.Seal(Ed25519Keys.fingerprint(v.payload()), key.keyId()));
        }
        // every meeting's minutes, each with the verdicts its own close issued
        files.put(dir.resolve(MINUTES), Minutes.ofBook(meeting, record, issued, key.keyId(), proposals));
        writeAll(files, force, kept);
        return new Written(seals);
    }

    /** Tonight's minutes alone: the book's last meeting, with the verdicts its close issues, for the secretary to print. */
    public static byte[] tonightsMinutes(Meeting meeting, List<String> record, CommunityKey key) {
        return tonightsMinutes(meeting, record, key, Minutes.NO_PROPOSALS);
    }

    /** Tonight's minutes, naming the bodies' proposals found in {@code proposals}. */
    public static byte[] tonightsMinutes(Meeting meeting, List<String> record, CommunityKey key,
                                         Function<String, Optional<Proposal>> proposals) {
        List<VerdictPayload.Issued> issued = VerdictPayload.issue(meeting, record, key.publicKey(), Program.nameAndVersion());
        return Minutes.ofMeeting(meeting, record, issued, key.keyId(), meeting.meetings().size(), proposals);
    }

    /** Every file checked before the first is written: a refusal leaves the folder as it was. */
    private static void writeAll(Map<Path, byte[]> files, boolean force, Collection<OutputFile.Kept> kept) throws IOException {
        for (Map.Entry<Path, byte[]> f : files.entrySet()) OutputFile.mayWrite(f.getKey(), f.getValue(), force, kept);
        for (Map.Entry<Path, byte[]> f : files.entrySet()) OutputFile.write(f.getKey(), f.getValue(), force, kept);
    }

    /**
     * The file name of each resolution's verdict, by id, for the ids of one record in the order presented:
     * distinct for distinct ids, also where the file system ignores case (FAT, NTFS, macOS), and the same for
     * an id whatever the record goes on to hold. An id of letters, digits, dot, dash and underscore (not
     * starting with a dot, not a name Windows keeps for a device) whose lowercase is not an earlier id's is
     * its own name, {@code R1.verdict}; any other id keeps its letters and digits and is told apart by the
     * first 10 hex digits of its SHA-256 after a '~' (which no plain name holds): {@code a_b~5d3c….verdict}
     * (docs/decisions/0006-files.md).
     */
    public static Map<String, String> verdictNames(List<String> ids) {
        Map<String, String> names = new LinkedHashMap<>();
        java.util.Set<String> taken = new java.util.HashSet<>();
        for (String id : ids) {
            if (names.containsKey(id)) continue;
            // the first of these that no earlier id took, whatever the case: the id itself, then told apart by its hash
            String name = java.util.stream.Stream.of(plain(id) ? id : null, readable(id) + "~" + hash(id, 10),
                    readable(id) + "~" + hash(id, 64)).filter(n -> n != null && !taken.contains(fold(n))).findFirst().orElseThrow();
            taken.add(fold(name));
            names.put(id, name + ".verdict");
        }
        return names;
    }

    /** The name of one verdict written alone (the ids of its record unknown). */
    public static String verdictName(String id) {
        return verdictNames(List.of(id)).get(id);
    }

    private static final java.util.regex.Pattern PLAIN = java.util.regex.Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");
    private static final java.util.regex.Pattern DEVICE =
            java.util.regex.Pattern.compile("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?");

    private static boolean plain(String id) {
        return PLAIN.matcher(id).matches() && !DEVICE.matcher(id).matches() && id.length() <= 64;
    }

    /** The id's letters and digits (any script), dot, dash and underscore; anything else '_'; at most 100 bytes. */
    private static String readable(String id) {
        StringBuilder s = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < id.length(); ) {
            int c = id.codePointAt(i);
            i += Character.charCount(c);
            boolean keep = Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_';
            int cp = keep ? c : '_';
            int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + size > 100) break;
            s.appendCodePoint(cp);
            bytes += size;
        }
        // Windows reads a name up to its first dot: "con.txt~….verdict" is the console, as "CON" is
        if (s.length() == 0 || s.charAt(0) == '.' || (s.indexOf(".") >= 0 && DEVICE.matcher(s).matches())) s.insert(0, '_');
        return s.toString();
    }

    private static String fold(String name) {
        return name.toLowerCase(java.util.Locale.ROOT);
    }

    private static String hash(String id, int digits) {
        return org.folkmoot.record.Chain.sha256(id.getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, digits);
    }

    private static final String RECORD = "record.jsonl";
    private static final String MINUTES = "minutes.pdf";
}
