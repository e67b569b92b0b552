package org.folkmoot.session;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.folkmoot.minutes.Minutes;
import org.folkmoot.procedure.Meeting;
import org.folkmoot.procedure.Resolution;
import org.folkmoot.record.Replay;
import org.folkmoot.verdict.CommunityKey;
import org.folkmoot.verdict.Dsse;
import org.folkmoot.verdict.Ed25519Keys;
import org.folkmoot.verdict.Program;
import org.folkmoot.verdict.VerdictPayload;

/**
 * What leaves the room, written to a folder (a USB stick): {@code record.jsonl}, one signed
 * {@code <resolution-id>.verdict} per resolution with an outcome, and {@code minutes.pdf}. The same for
 * {@code replay} and for the app's export, so both make the same bytes from the same record.
 */
public final class ClosingPapers {

    /** What was written: each resolution's verdict fingerprint, by id. */
    public record Written(Map<String, Minutes.Seal> seals) {
    }

    private ClosingPapers() {
    }

    public static void writeRecord(Path dir, List<String> record) throws IOException {
        writeDurably(dir.resolve("record.jsonl"), Replay.recordBytes(record));
    }

    public static Written write(Path dir, Meeting meeting, List<String> record, CommunityKey key) throws IOException {
        writeRecord(dir, record);
        Map<String, Minutes.Seal> seals = new LinkedHashMap<>();
        for (Resolution r : meeting.resolutions()) {
            if (!VerdictPayload.hasVerdict(r)) continue;
            byte[] payload = VerdictPayload.build(meeting, r, record, key.publicKey(), Program.nameAndVersion());
            writeDurably(dir.resolve(safeName(r.id()) + ".verdict"), Dsse.sign(Dsse.VERDICT_TYPE, payload, key));
            seals.put(r.id(), new Minutes.Seal(Ed25519Keys.fingerprint(payload), key.keyId()));
        }
        writeDurably(dir.resolve("minutes.pdf"), Minutes.render(meeting, seals,
                VerdictPayload.at(record, 1), VerdictPayload.at(record, record.size() - 1)));
        return new Written(seals);
    }

    /** Writes to a file beside the target, forces it to disk, then moves it into place: whole or not at all. */
    public static void writeDurably(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // created with the user's usual permissions (a temp file would be owner-only): these files are meant to be shared
        Path temp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) ch.write(buffer);
                ch.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** A resolution id as a file name: letters, digits, dot, dash and underscore kept, anything else '_'. */
    public static String safeName(String id) {
        String name = id.replaceAll("[^A-Za-z0-9._-]", "_");
        return name.isEmpty() || name.startsWith(".") ? "_" + name : name;
    }
}
